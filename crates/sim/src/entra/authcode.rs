//! Authorization code with PKCE. `GET …/authorize` shows no page: the user is taken as signed in and
//! consenting, and the browser goes straight back to the loopback redirect with a code. The code is
//! single-use, lives ten minutes, and is redeemed with the same redirect URI and the PKCE verifier.
//! Stricter than Entra on one point: only S256 challenges are taken (Entra also takes `plain`), since a
//! desktop client has no reason to send anything else.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

use super::errors::{self, EntraError};
use super::scope::Scopes;
use super::store::AuthCode;
use super::token::Redeemed;
use super::{jwt, resolve_tenant, Params, Tenant};
use crate::state::SimState;

/// Entra's authorization codes live ten minutes.
const CODE_LIFETIME: Duration = Duration::from_secs(600);

/// `GET /{tenant}/oauth2/v2.0/authorize?client_id&response_type=code&redirect_uri&scope&state&code_challenge
/// &code_challenge_method=S256`.
pub async fn authorize(
    State(state): State<Arc<SimState>>,
    Path(segment): Path<String>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> Response {
    let params = Params(query.map(|Query(q)| q).unwrap_or_default());
    // Until the redirect URI is known good, errors are shown to the user (Entra's error page; here its
    // JSON), never sent to an unchecked URI.
    let tenant = match resolve_tenant(&state, &segment) {
        Ok(tenant) => tenant,
        Err(e) => return e.into_response(),
    };
    let (client_id, redirect_uri) =
        match params.client(&tenant).and_then(|c| Ok((c, params.require("redirect_uri")?))) {
            Ok(found) => found,
            Err(e) => return e.into_response(),
        };
    let Some(mut target) = loopback(redirect_uri) else {
        return redirect_mismatch(redirect_uri, client_id).into_response();
    };
    {
        let mut pairs = target.query_pairs_mut();
        match check(&params, &tenant) {
            Ok((scope, challenge)) => {
                let code = format!("1.AS{}", crate::ids::random_alnum(200));
                let mut books = state.entra.books();
                let user = books.user.clone();
                books.codes.insert(
                    code.clone(),
                    AuthCode {
                        client_id: client_id.to_string(),
                        redirect_uri: redirect_uri.to_string(),
                        challenge: challenge.to_string(),
                        tenant_id: tenant.id.clone(),
                        scope: scope.to_string(),
                        issued: Instant::now(),
                        redeemed: false,
                        user,
                    },
                );
                drop(books);
                pairs.append_pair("code", &code);
            }
            Err(e) => {
                let (trace_id, correlation_id) = (crate::ids::guid(), crate::ids::guid());
                let description = e.description(&trace_id, &correlation_id, &errors::timestamp());
                pairs.append_pair("error", e.error).append_pair("error_description", &description);
            }
        }
        if let Some(state_param) = params.get("state") {
            pairs.append_pair("state", state_param);
        }
        pairs.append_pair("session_state", &crate::ids::guid());
    }
    (StatusCode::FOUND, [(header::LOCATION, target.to_string())]).into_response()
}

/// The checks whose failures go back to the client on its redirect URI; `(scope, challenge)` when all pass.
fn check<'a>(params: &'a Params, tenant: &Tenant) -> Result<(&'a str, &'a str), EntraError> {
    match params.require("response_type")? {
        "code" => {}
        other => {
            return Err(EntraError::new(
                "unsupported_response_type",
                700_054,
                format!("response_type '{other}' is not enabled for the application."),
            ))
        }
    }
    if params.get("response_mode").is_some_and(|mode| mode != "query") {
        return Err(EntraError::new(
            "invalid_request",
            900_144,
            "The simulator answers with response_mode 'query' only.",
        ));
    }
    let scope = params.require("scope")?;
    Scopes::parse(scope, &tenant.id)?;
    let challenge = params.require("code_challenge")?;
    if params.get("code_challenge_method") != Some("S256") {
        return Err(EntraError::new("invalid_request", 50_149, "Invalid Code_Challenge_method parameter."));
    }
    // S256 challenges are BASE64URL of 32 bytes: 43 characters.
    let well_formed = challenge.len() == 43
        && challenge.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if !well_formed {
        return Err(EntraError::new(
            "invalid_request",
            50_147,
            "Invalid size of the code challenge parameter.",
        ));
    }
    Ok((scope, challenge))
}

/// A loopback redirect URI (`http://localhost[:port][/path]`, `http://127.0.0.1…`, `http://[::1]…`), parsed.
fn loopback(uri: &str) -> Option<url::Url> {
    let url = url::Url::parse(uri).ok()?;
    let host_ok = match url.host()? {
        url::Host::Domain(name) => name.eq_ignore_ascii_case("localhost"),
        url::Host::Ipv4(ip) => ip.is_loopback(),
        url::Host::Ipv6(ip) => ip.is_loopback(),
    };
    let plain = url.scheme() == "http" && url.fragment().is_none() && url.username().is_empty();
    (host_ok && plain && url.password().is_none()).then_some(url)
}

fn redirect_mismatch(uri: &str, client_id: &str) -> EntraError {
    EntraError::new(
        "invalid_request",
        50_011,
        format!(
            "The redirect URI '{uri}' specified in the request does not match the redirect URIs configured for \
             the application '{client_id}'. Make sure the redirect URI sent in the request matches one added to \
             your application in the Azure portal. Navigate to https://aka.ms/redirectUriMismatchError to learn \
             more about how to fix this."
        ),
    )
}

/// Checks a `grant_type=authorization_code` request (`code`, `redirect_uri`, `code_verifier`).
pub fn redeem(
    state: &SimState,
    tenant: &Tenant,
    client_id: &str,
    params: &Params,
) -> Result<Redeemed, EntraError> {
    let code = params.require("code")?;
    let redirect_uri = params.require("redirect_uri")?;
    let mut books = state.entra.books();
    let Some(record) = books.codes.get_mut(code) else { return Err(errors::malformed_grant()) };
    if record.redeemed {
        return Err(EntraError::new(
            "invalid_grant",
            54_005,
            "OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an \
             existing refresh token.",
        ));
    }
    if record.issued.elapsed() >= CODE_LIFETIME {
        return Err(errors::grant_expired(None));
    }
    if record.client_id != client_id {
        return Err(errors::grant_of_other_client());
    }
    if record.tenant_id != tenant.id {
        return Err(errors::other_tenant());
    }
    if record.redirect_uri != redirect_uri {
        return Err(EntraError::new(
            "invalid_grant",
            50_011,
            format!(
                "The reply address '{redirect_uri}' does not match the reply address '{}' provided when \
                 requesting Authorization code.",
                record.redirect_uri
            ),
        ));
    }
    if params.get("code_verifier").map(jwt::s256).as_deref() != Some(record.challenge.as_str()) {
        // Entra's current number for this; older answers said AADSTS50148.
        return Err(EntraError::new(
            "invalid_grant",
            501_481,
            "The Code_Verifier does not match the code_challenge supplied in the authorization request.",
        ));
    }
    record.redeemed = true;
    let scopes = Scopes::parse(&record.scope, &record.tenant_id)?;
    let refresh = scopes.offline_access;
    Ok(Redeemed { tenant_id: record.tenant_id.clone(), scopes, refresh, user: record.user.clone() })
}
