//! `POST /{tenant}/oauth2/v2.0/token`: the grant is checked by its flow's module, then every grant answers
//! alike: an access token for the scope's resource in the path's tenant, a refresh token when
//! `offline_access` was granted (and on every refresh), an id token with `openid`, `client_info` when asked.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::rejection::FormRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Form, Json};
use serde_json::json;

use super::errors::{self, EntraError};
use super::jwt::{self, Grant};
use super::scope::Scopes;
use super::store::RefreshGrant;
use super::{authcode, device, refresh, resolve_tenant, Params, Person, Tenant};
use crate::state::SimState;

/// What a checked grant entitles the client to.
pub struct Redeemed {
    /// The tenant the tokens are for.
    pub tenant_id: String,
    /// The scopes granted.
    pub scopes: Scopes,
    /// Whether a (new) refresh token comes with them.
    pub refresh: bool,
    /// Who signed in (object id).
    pub user: String,
}

/// The token endpoint. A body that is not a form reads as no parameters, so Entra's "must contain the
/// following parameter" answers it, as it does.
pub async fn token(
    State(state): State<Arc<SimState>>,
    Path(segment): Path<String>,
    form: Result<Form<HashMap<String, String>>, FormRejection>,
) -> Response {
    let params = Params(form.map(|Form(f)| f).unwrap_or_default());
    answer(&state, &segment, &params).unwrap_or_else(IntoResponse::into_response)
}

fn answer(state: &SimState, segment: &str, params: &Params) -> Result<Response, EntraError> {
    let tenant = resolve_tenant(state, segment)?;
    let grant_type = params.require("grant_type")?;
    let client_id = params.client(&tenant)?;
    let redeemed = match grant_type {
        device::GRANT_TYPE => device::redeem(state, &tenant, client_id, params)?,
        "authorization_code" => authcode::redeem(state, &tenant, client_id, params)?,
        "refresh_token" => refresh::redeem(state, &tenant, client_id, params)?,
        other => return Err(errors::unsupported_grant(other)),
    };
    let with_client_info = params.get("client_info") == Some("1");
    let person = super::user::member(state, &redeemed.tenant_id, &redeemed.user, client_id)?;
    Ok(issue(state, &tenant, client_id, &redeemed, &person, grant_type, with_client_info))
}

/// The 200 answer for a checked grant; counts it under its grant type.
fn issue(
    state: &SimState,
    tenant: &Tenant,
    client_id: &str,
    redeemed: &Redeemed,
    person: &Person,
    grant_type: &str,
    with_client_info: bool,
) -> Response {
    let entra = &state.entra;
    let lifetime = entra.access_token_lifetime_secs;
    let grant = Grant {
        tenant_id: &redeemed.tenant_id,
        client_id,
        scopes: &redeemed.scopes,
        lifetime_secs: lifetime,
        person,
    };
    let mut body = json!({
        "token_type": "Bearer",
        "scope": redeemed.scopes.granted(),
        "expires_in": lifetime,
        "ext_expires_in": lifetime,
        "access_token": jwt::access_token(&grant),
    });
    let mut books = entra.books();
    if redeemed.refresh {
        let token = format!("1.AS{}", crate::ids::random_alnum(240));
        let now = jwt::now_secs();
        books.refresh_tokens.insert(
            token.clone(),
            RefreshGrant {
                client_id: client_id.to_string(),
                issued_at: now,
                expires_at: now + entra.refresh_token_lifetime_secs,
                revoked: false,
                user: person.oid.clone(),
            },
        );
        body["refresh_token"] = json!(token);
    }
    *books.issued.entry(grant_type.to_string()).or_default() += 1;
    *books.issued_to.entry(client_id.to_string()).or_default().entry(grant_type.to_string()).or_default() +=
        1;
    drop(books);
    if redeemed.scopes.openid {
        body["id_token"] = json!(jwt::id_token(&grant));
    }
    if with_client_info {
        body["client_info"] = json!(jwt::client_info(&person.oid, &tenant.home_id));
    }
    let mut response = (StatusCode::OK, Json(body)).into_response();
    errors::no_store(&mut response);
    response
}
