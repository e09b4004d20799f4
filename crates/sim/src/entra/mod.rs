//! Microsoft Entra ID, the sign-in half: the authority is the simulator's base URL, so Entra's paths are
//! `/{tenant}/oauth2/v2.0/{authorize|token|devicecode}` on it. `{tenant}` is a tenant id or default domain of
//! the seed, `organizations` or `common` (the home tenant: the seed's first). Ada ([`USER_UPN`]), a member of
//! every tenant of the seed, signs in unless `/_sim/entra/user` names another user of the directory; codes and
//! refresh tokens remember who they were issued to. Flows: device code, authorization code with PKCE
//! (S256, loopback redirect, no UI: straight back with a code) and refresh tokens, which mint tokens for
//! any of the user's tenants and resources. Tokens are JWT-shaped; ARM and inference hold the simulator's
//! own to their expiry and audience (see `bearer`) and take any other token as before.

mod authcode;
pub(crate) mod bearer;
mod control;
mod device;
mod errors;
mod jwt;
mod refresh;
mod scope;
mod store;
mod token;
mod user;

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::json;

pub use store::DeviceMode;
pub(crate) use store::EntraState;
pub(crate) use user::{mint_for, sign_in_as};

use crate::state::SimState;
use errors::EntraError;

/// The signed-in user's user principal name (`upn`, `preferred_username`).
pub const USER_UPN: &str = "ada@contoso.com";
/// The signed-in user's display name (`name`).
pub const USER_NAME: &str = "Ada Lovelace";
/// The signed-in user's object id (`oid`), the same in every tenant.
pub const USER_OID: &str = "0d5c1e3a-7b9f-4e2d-8a6c-1f3b5d7e9a0c";
/// The Azure CLI's public client id, which the Azure SDKs' interactive credentials default to.
pub const AZURE_CLI_CLIENT_ID: &str = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";

/// The authority URL for `tenant` on a simulator at `base_url` (in place of
/// `https://login.microsoftonline.com/{tenant}`): `authority_url(base, "organizations")`.
pub fn authority_url(base_url: &str, tenant: &str) -> String {
    format!("{}/{tenant}", base_url.trim_end_matches('/'))
}

/// Entra's routes and its control endpoints (`/_sim/entra/...`).
pub(crate) fn routes() -> Router<Arc<SimState>> {
    Router::new()
        .route("/{tenant}/oauth2/v2.0/authorize", get(authcode::authorize))
        .route("/{tenant}/oauth2/v2.0/token", post(token::token).fallback(post_only))
        .route("/{tenant}/oauth2/v2.0/devicecode", post(device::devicecode).fallback(post_only))
        .route("/{tenant}/v2.0/.well-known/openid-configuration", get(openid_configuration))
        .route("/_sim/entra/device-mode", get(control::device_mode).post(control::set_device_mode))
        .route("/_sim/entra/device", get(control::device_codes))
        .route("/_sim/entra/device/{user_code}/{action}", post(control::act_on_device_code))
        .route("/_sim/entra/revoke", post(control::revoke))
        .route("/_sim/entra/tokens", get(control::tokens))
        .route("/_sim/entra/user", get(user::current).post(user::choose))
}

async fn post_only(method: axum::http::Method) -> Response {
    errors::post_only(&method).into_response()
}

/// A user tokens are minted for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    /// Object id (`oid`).
    pub oid: String,
    /// Sign-in name (`upn`, `preferred_username`).
    pub upn: String,
    /// Display name (`name`).
    pub name: String,
}

impl Person {
    /// Ada, who signs in unless told otherwise.
    pub fn ada() -> Self {
        Self { oid: USER_OID.into(), upn: USER_UPN.into(), name: USER_NAME.into() }
    }
}

/// The tenant a request's path names.
pub struct Tenant {
    /// Its id (what `organizations` and `common` resolve to: the home tenant).
    pub id: String,
    /// The user's home tenant (`client_info`'s `utid`).
    pub home_id: String,
}

/// Resolves the `{tenant}` path segment against the seed's tenants (id or default domain, any case).
pub fn resolve_tenant(state: &SimState, segment: &str) -> Result<Tenant, EntraError> {
    let world = state.world();
    let home = world.tenants.first().map(|t| t.tenant_id.clone());
    let id = if segment.eq_ignore_ascii_case("organizations") || segment.eq_ignore_ascii_case("common") {
        home.clone()
    } else {
        world
            .tenants
            .iter()
            .find(|t| {
                t.tenant_id.eq_ignore_ascii_case(segment) || t.default_domain.eq_ignore_ascii_case(segment)
            })
            .map(|t| t.tenant_id.clone())
    };
    match (id, home) {
        (Some(id), Some(home_id)) => Ok(Tenant { id, home_id }),
        _ => Err(errors::tenant_not_found(segment)),
    }
}

/// Form or query parameters of an Entra request.
pub struct Params(pub HashMap<String, String>);

impl Params {
    /// A parameter's value, if present and not blank.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.get(name).map(|v| v.trim()).filter(|v| !v.is_empty())
    }

    /// A parameter's value, or AADSTS900144 naming it.
    pub fn require(&self, name: &str) -> Result<&str, EntraError> {
        self.get(name).ok_or_else(|| errors::missing(name))
    }

    /// The calling application: `client_id` must be present and an application id (a GUID), and a public
    /// client sends no secret.
    pub fn client(&self, tenant: &Tenant) -> Result<&str, EntraError> {
        let client_id = self.require("client_id")?;
        if !crate::ids::is_guid(client_id) {
            return Err(errors::unknown_client(client_id, &tenant.id));
        }
        if self.get("client_secret").is_some() || self.get("client_assertion").is_some() {
            return Err(errors::public_client_with_secret());
        }
        Ok(client_id)
    }
}

/// `GET /{tenant}/v2.0/.well-known/openid-configuration`: where the endpoints are, for clients that
/// discover them (MSAL does).
async fn openid_configuration(State(state): State<Arc<SimState>>, Path(segment): Path<String>) -> Response {
    let tenant = match resolve_tenant(&state, &segment) {
        Ok(tenant) => tenant,
        Err(e) => return e.into_response(),
    };
    let authority = authority_url(&state.base_url, &segment);
    Json(json!({
        "issuer": format!("https://login.microsoftonline.com/{}/v2.0", tenant.id),
        "authorization_endpoint": format!("{authority}/oauth2/v2.0/authorize"),
        "token_endpoint": format!("{authority}/oauth2/v2.0/token"),
        "device_authorization_endpoint": format!("{authority}/oauth2/v2.0/devicecode"),
        "response_types_supported": ["code"],
        "response_modes_supported": ["query"],
        "grant_types_supported": ["authorization_code", device::GRANT_TYPE, "refresh_token"],
        "scopes_supported": ["openid", "profile", "email", "offline_access"],
        "code_challenge_methods_supported": ["S256"],
        "token_endpoint_auth_methods_supported": ["none"],
        "tenant_region_scope": "NA",
        "cloud_instance_name": "microsoftonline.com",
    }))
    .into_response()
}

#[cfg(test)]
mod tests {
    #[test]
    fn client_ids_are_guids() {
        assert!(crate::ids::is_guid(super::AZURE_CLI_CLIENT_ID));
        assert!(!crate::ids::is_guid("my-app"));
        assert_eq!(
            super::authority_url("http://127.0.0.1:1/", "organizations"),
            "http://127.0.0.1:1/organizations"
        );
    }
}
