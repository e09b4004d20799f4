//! Who signs in. Ada does unless `POST /_sim/entra/user` (or `RunningSim::sign_in_as`) names another user of
//! the directory: authorization codes and device codes approved from then on, and the refresh tokens they
//! lead to, are that user's. Tests that only need a token can mint one directly ([`mint_for`]).

use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use serde_json::json;

use super::errors::EntraError;
use super::jwt::{self, Grant};
use super::scope::Scopes;
use super::{Person, AZURE_CLI_CLIENT_ID};
use crate::state::SimState;

/// The user `oid` as a member of `tenant_id`, or AADSTS50020 when they are not one (a colleague signed in
/// at home and refreshing for a tenant that does not know them).
pub fn member(state: &SimState, tenant_id: &str, oid: &str, client_id: &str) -> Result<Person, EntraError> {
    let world = state.world();
    let person = world.access.directory(tenant_id).and_then(|d| d.user(oid)).map(|u| Person {
        oid: u.id.clone(),
        upn: u.user_principal_name.clone(),
        name: u.display_name.clone(),
    });
    if let Some(person) = person {
        return Ok(person);
    }
    let (home, upn) = world
        .access
        .find_user(oid)
        .map_or((String::new(), oid.to_string()), |(t, u)| (t.to_string(), u.user_principal_name.clone()));
    Err(EntraError::new(
        "invalid_grant",
        50_020,
        format!(
            "User account '{upn}' from identity provider 'https://sts.windows.net/{home}/' does not exist in tenant \
             '{tenant_id}' and cannot access the application '{client_id}' in that tenant. The account needs to be \
             added as an external user in the tenant first. Sign out and sign in again with a different Azure \
             Active Directory user account."
        ),
    ))
}

/// Makes the user with sign-in name (or object id) `upn` the one who signs in from now on.
pub fn sign_in_as(state: &SimState, upn: &str) -> Result<Person, String> {
    let person = state.world().access.find_user(upn).map(|(_, u)| Person {
        oid: u.id.clone(),
        upn: u.user_principal_name.clone(),
        name: u.display_name.clone(),
    });
    let person = person.ok_or_else(|| format!("no user '{upn}' in the simulated directory"))?;
    state.entra.books().user = person.oid.clone();
    Ok(person)
}

/// A valid access token for `upn` and the resource of `resource_scope` (`https://cognitiveservices.azure.com/
/// .default` or just the resource), as the token endpoint would mint it, in the user's home tenant. A name no
/// directory knows gets a token all the same, for a principal no role is assigned to.
pub fn mint_for(state: &SimState, upn: &str, resource_scope: &str) -> String {
    let found = {
        let world = state.world();
        let home = world.tenants.first().map(|t| t.tenant_id.clone()).unwrap_or_default();
        match world.access.find_user(upn) {
            Some((tenant, u)) => (
                tenant.to_string(),
                Person {
                    oid: u.id.clone(),
                    upn: u.user_principal_name.clone(),
                    name: u.display_name.clone(),
                },
            ),
            None => (home, Person { oid: crate::ids::guid_from(upn), upn: upn.into(), name: upn.into() }),
        }
    };
    let (tenant_id, person) = found;
    let scopes = Scopes::parse(resource_scope, &tenant_id).unwrap_or_else(|_| Scopes {
        resource: resource_scope.trim_end_matches("/.default").to_string(),
        offline_access: false,
        openid: false,
    });
    jwt::access_token(&Grant {
        tenant_id: &tenant_id,
        client_id: AZURE_CLI_CLIENT_ID,
        scopes: &scopes,
        lifetime_secs: state.entra.access_token_lifetime_secs,
        person: &person,
    })
}

/// Body of `POST /_sim/entra/user`.
#[derive(Deserialize)]
pub struct UserRequest {
    upn: String,
}

/// `POST /_sim/entra/user {"upn": "grace@contoso.com"}`: who signs in from now on → `{upn, oid, name}`; 404
/// for a name no directory knows.
pub async fn choose(State(state): State<Arc<SimState>>, Json(request): Json<UserRequest>) -> Response {
    match sign_in_as(&state, &request.upn) {
        Ok(person) => {
            Json(json!({"upn": person.upn, "oid": person.oid, "name": person.name})).into_response()
        }
        Err(message) => (StatusCode::NOT_FOUND, Json(json!({"error": message}))).into_response(),
    }
}

/// `GET /_sim/entra/user`: who signs in now.
pub async fn current(State(state): State<Arc<SimState>>) -> Response {
    let oid = state.entra.books().user.clone();
    let world = state.world();
    let (upn, name) = world.access.find_user(&oid).map_or((String::new(), String::new()), |(_, u)| {
        (u.user_principal_name.clone(), u.display_name.clone())
    });
    Json(json!({"upn": upn, "oid": oid, "name": name})).into_response()
}
