//! The device-code flow (RFC 8628). `POST …/devicecode` hands out a user code; the client polls the token
//! endpoint. Nobody types the code: the simulated user acts after `device_code_approve_after_polls` pending
//! answers, as the run's (or `/_sim/entra/device-mode`'s) [`DeviceMode`] says, or when told through
//! `/_sim/entra/device/{user_code}/…`.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::extract::rejection::FormRejection;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::{Form, Json};
use serde_json::json;

use super::errors::{self, EntraError};
use super::scope::Scopes;
use super::store::{DeviceGrant, DeviceMode, DeviceStatus};
use super::token::Redeemed;
use super::{resolve_tenant, Params, Tenant};
use crate::state::SimState;

/// The device-code grant type.
pub const GRANT_TYPE: &str = "urn:ietf:params:oauth:grant-type:device_code";

/// Where the user would go.
const VERIFICATION_URI: &str = "https://microsoft.com/devicelogin";

/// Entra's device codes live fifteen minutes.
const LIFETIME_SECS: u64 = 900;

/// Slack in the `interval` check: a client that sleeps exactly `interval` after an answer must not be told to
/// slow down because of timer granularity.
const INTERVAL_SLACK: Duration = Duration::from_millis(250);

/// User codes avoid letters and digits people mix up (I/1, O/0).
const USER_CODE_ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/// `POST /{tenant}/oauth2/v2.0/devicecode` (form: `client_id`, `scope`).
pub async fn devicecode(
    State(state): State<Arc<SimState>>,
    Path(segment): Path<String>,
    form: Result<Form<HashMap<String, String>>, FormRejection>,
) -> Response {
    let params = Params(form.map(|Form(f)| f).unwrap_or_default());
    match issue(&state, &segment, &params) {
        Ok(body) => {
            let mut response = Json(body).into_response();
            errors::no_store(&mut response);
            response
        }
        Err(e) => e.into_response(),
    }
}

fn issue(state: &SimState, segment: &str, params: &Params) -> Result<serde_json::Value, EntraError> {
    let tenant = resolve_tenant(state, segment)?;
    let client_id = params.client(&tenant)?;
    let scope = params.require("scope")?;
    Scopes::parse(scope, &tenant.id)?;
    let interval = state.entra.device_code_interval_secs;
    let mut books = state.entra.books();
    let user_code = loop {
        let code = random_user_code();
        if !books.devices.values().any(|d| d.user_code == code) {
            break code;
        }
    };
    let device_code = format!("DAQABIQEAAAD--{}", crate::ids::random_alnum(180));
    let now = Instant::now();
    let mode = books.mode;
    books.devices.insert(
        device_code.clone(),
        DeviceGrant {
            user_code: user_code.clone(),
            client_id: client_id.to_string(),
            tenant_id: tenant.id.clone(),
            scope: scope.to_string(),
            issued: now,
            last_poll: now,
            pending_answers: 0,
            status: DeviceStatus::Pending,
            mode,
            user: None,
        },
    );
    Ok(json!({
        "user_code": user_code,
        "device_code": device_code,
        "verification_uri": VERIFICATION_URI,
        "expires_in": LIFETIME_SECS,
        "interval": interval,
        "message": format!(
            "To sign in, use a web browser to open the page {VERIFICATION_URI} and enter the code {user_code} \
             to authenticate."
        ),
    }))
}

fn random_user_code() -> String {
    let n = USER_CODE_ALPHABET.len() as u64;
    (0..9).map(|_| USER_CODE_ALPHABET[crate::ids::random_below(n) as usize] as char).collect()
}

/// Checks a device-code poll: pending, slow down, declined, expired, or tokens.
pub fn redeem(
    state: &SimState,
    tenant: &Tenant,
    client_id: &str,
    params: &Params,
) -> Result<Redeemed, EntraError> {
    let device_code = params.require("device_code")?;
    let interval = Duration::from_secs(state.entra.device_code_interval_secs);
    let approve_after = state.entra.device_code_approve_after_polls;
    let mut books = state.entra.books();
    let signing_in = books.user.clone();
    let grant = match books.devices.get_mut(device_code) {
        Some(grant) if grant.client_id == client_id => grant,
        _ => return Err(bad_device_code()),
    };
    if grant.tenant_id != tenant.id {
        return Err(errors::other_tenant());
    }
    let now = Instant::now();
    let live = matches!(grant.status, DeviceStatus::Pending | DeviceStatus::Approved);
    if live && now.duration_since(grant.issued) >= Duration::from_secs(LIFETIME_SECS) {
        grant.status = DeviceStatus::Expired;
    }
    match grant.status {
        DeviceStatus::Redeemed => return Err(bad_device_code()),
        DeviceStatus::Expired => return Err(expired_token()),
        DeviceStatus::Declined => return Err(declined()),
        DeviceStatus::Pending | DeviceStatus::Approved => {}
    }
    let since_last = now.duration_since(grant.last_poll);
    grant.last_poll = now;
    if !interval.is_zero() && since_last + INTERVAL_SLACK < interval {
        return Err(slow_down());
    }
    if grant.status == DeviceStatus::Pending {
        match (grant.mode, grant.pending_answers >= approve_after) {
            (DeviceMode::Manual, _) | (_, false) => {
                grant.pending_answers += 1;
                return Err(pending());
            }
            (DeviceMode::Auto, true) => {
                grant.status = DeviceStatus::Approved;
                grant.user = Some(signing_in.clone());
            }
            (DeviceMode::Decline, true) => {
                grant.status = DeviceStatus::Declined;
                return Err(declined());
            }
            (DeviceMode::Expire, true) => {
                grant.status = DeviceStatus::Expired;
                return Err(expired_token());
            }
        }
    }
    grant.status = DeviceStatus::Redeemed;
    let scopes = Scopes::parse(&grant.scope, &grant.tenant_id)?;
    let refresh = scopes.offline_access;
    let user = grant.user.clone().unwrap_or(signing_in);
    Ok(Redeemed { tenant_id: grant.tenant_id.clone(), scopes, refresh, user })
}

/// Acts for the user on the device code `user_code` (any case, dashes ignored): approve, decline or expire.
/// `Err(None)`: no such code; `Err(Some(status))`: it is already past acting on.
pub fn act(state: &SimState, user_code: &str, action: DeviceStatus) -> Result<(), Option<DeviceStatus>> {
    let wanted: String = user_code.chars().filter(|c| *c != '-').collect::<String>().to_ascii_uppercase();
    let mut books = state.entra.books();
    let signing_in = books.user.clone();
    let grant = books.devices.values_mut().find(|d| d.user_code == wanted).ok_or(None)?;
    if !matches!(grant.status, DeviceStatus::Pending | DeviceStatus::Approved) {
        return Err(Some(grant.status));
    }
    if action == DeviceStatus::Approved {
        // Whoever is signing in now is the one who typed the code.
        grant.user = Some(signing_in);
    }
    grant.status = action;
    Ok(())
}

fn pending() -> EntraError {
    EntraError::new(
        "authorization_pending",
        70_016,
        "OAuth 2.0 device flow error. Authorization is pending. Continue polling.",
    )
}

fn slow_down() -> EntraError {
    EntraError::new(
        "slow_down",
        70_016,
        "OAuth 2.0 device flow error. Polling too frequently: wait at least the interval between polls.",
    )
}

fn declined() -> EntraError {
    EntraError::new(
        "authorization_declined",
        70_000,
        "The user denied the request: sign-in on the device login page was declined.",
    )
}

fn expired_token() -> EntraError {
    EntraError::new("expired_token", 70_019, "Verification code expired.")
}

fn bad_device_code() -> EntraError {
    EntraError::new(
        "invalid_grant",
        70_000,
        "The provided value for the input parameter 'device_code' is not valid.",
    )
}
