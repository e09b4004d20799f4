//! The refresh-token grant. One refresh token serves every tenant of the user and every resource: the
//! tokens are for the path's tenant and the `scope`'s resource. Each use returns a new refresh token and the
//! old one keeps working, as Entra's do, until it lapses (AADSTS70008) or is revoked (AADSTS50173).

use super::errors::{self, EntraError};
use super::scope::Scopes;
use super::token::Redeemed;
use super::{Params, Tenant};
use crate::state::SimState;

/// Checks a `grant_type=refresh_token` request.
pub fn redeem(
    state: &SimState,
    tenant: &Tenant,
    client_id: &str,
    params: &Params,
) -> Result<Redeemed, EntraError> {
    let token = params.require("refresh_token")?;
    let scopes = Scopes::parse(params.require("scope")?, &tenant.id)?;
    let books = state.entra.books();
    let Some(grant) = books.refresh_tokens.get(token) else { return Err(revoked(None)) };
    let issued = unix_to_text(grant.issued_at);
    if grant.revoked {
        return Err(revoked(Some(&issued)));
    }
    if super::jwt::now_secs() >= grant.expires_at {
        return Err(errors::grant_expired(Some(&issued)));
    }
    if grant.client_id != client_id {
        return Err(errors::grant_of_other_client());
    }
    Ok(Redeemed { tenant_id: tenant.id.clone(), scopes, refresh: true, user: grant.user.clone() })
}

/// Revokes every refresh token issued so far; returns how many were live.
pub fn revoke_all(state: &SimState) -> usize {
    let mut books = state.entra.books();
    let live = books.refresh_tokens.values_mut().filter(|g| !g.revoked);
    live.map(|grant| grant.revoked = true).count()
}

/// AADSTS50173 (a token the simulator never issued reads as one revoked: the client must sign in again).
fn revoked(issued: Option<&str>) -> EntraError {
    let issued = issued.map(str::to_string).unwrap_or_else(super::errors::timestamp);
    EntraError::new(
        "invalid_grant",
        50_173,
        format!(
            "The provided grant has expired due to it being revoked, a fresh auth token is needed. The user \
             might have changed or reset their password. The grant was issued on '{issued}' and the \
             TokensValidFrom date (before which tokens are not valid) for this user is '{}'.",
            super::errors::timestamp()
        ),
    )
}

/// Unix seconds as Entra writes times in messages (`2026-01-31 12:34:56Z`).
fn unix_to_text(unix: u64) -> String {
    let offset = unix as i64 - super::jwt::now_secs() as i64;
    crate::ids::utc_timestamp(offset).replacen('T', " ", 1)
}
