//! Who is calling ARM. A Bearer token must be there. A token the simulator issued (see `entra::bearer`) must
//! also be unexpired, for ARM's audience, and from the tenant of the subscription the path names, as Azure
//! holds tokens to their tenant; any other token passes, as it always has (tests everywhere send `Bearer t`).

use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;

use crate::access::Caller;
use crate::entra::bearer::{self, Verdict, ARM_AUDIENCES};
use crate::errors::{arm_error, expired_authentication_token, www_authenticate};
use crate::state::SimState;

/// Checks the caller of an ARM request to `path`: for a simulator-issued token the principal it names and its
/// `tid` (`GET /subscriptions` lists that tenant's), for any other token Ada, unrestricted; `Err` the 401
/// (boxed: a response is large and the happy path should not pay for it).
pub fn check(state: &SimState, headers: &HeaderMap, path: &str) -> Result<Caller, Box<Response>> {
    let token = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer ").or_else(|| v.strip_prefix("bearer ")))
        .map(str::trim)
        .filter(|token| !token.is_empty());
    let Some(token) = token else {
        return Err(Box::new(arm_error(
            StatusCode::UNAUTHORIZED,
            "AuthenticationFailed",
            "Authentication failed. The 'Authorization' header is missing.",
        )));
    };
    let caller = match bearer::inspect(token, &ARM_AUDIENCES) {
        Verdict::Foreign => return Ok(Caller::foreign()),
        Verdict::Valid { tenant_id, oid, upn } => Caller::issued(&oid, &upn, &tenant_id),
        Verdict::Expired { exp, now } => {
            return Err(Box::new(expired_authentication_token(now as i64 - exp as i64)))
        }
        Verdict::WrongAudience { aud } => {
            let mut response = arm_error(
                StatusCode::UNAUTHORIZED,
                "InvalidAuthenticationTokenAudience",
                &format!(
                    "The access token has been obtained for wrong audience or resource '{aud}'. It should \
                     exactly match with one of the allowed audiences 'https://management.core.windows.net/',\
                     'https://management.core.windows.net','https://management.azure.com/',\
                     'https://management.azure.com'."
                ),
            );
            www_authenticate(&mut response, "The access token has been obtained for wrong audience.");
            return Err(Box::new(response));
        }
        Verdict::Invalid => {
            let mut response = arm_error(
                StatusCode::UNAUTHORIZED,
                "InvalidAuthenticationToken",
                "The access token is invalid.",
            );
            www_authenticate(&mut response, "The access token is invalid.");
            return Err(Box::new(response));
        }
    };
    check_tenant(state, path, caller.tenant.as_deref().unwrap_or_default())?;
    Ok(caller)
}

/// A subscription answers only tokens of its own tenant (or of a tenant managing it through Lighthouse).
/// Unknown subscriptions are left to the route's 404.
fn check_tenant(state: &SimState, path: &str, tenant: &str) -> Result<(), Box<Response>> {
    let mut segments = path.split('/').filter(|s| !s.is_empty());
    let (Some(first), Some(subscription)) = (segments.next(), segments.next()) else { return Ok(()) };
    if !first.eq_ignore_ascii_case("subscriptions") {
        return Ok(());
    }
    let world = state.world();
    let Some(home) =
        world.subscription(subscription).filter(|s| !serves(s, tenant)).map(|s| s.tenant_id.clone())
    else {
        return Ok(());
    };
    drop(world);
    Err(Box::new(arm_error(
        StatusCode::UNAUTHORIZED,
        "InvalidAuthenticationTokenTenant",
        &format!(
            "The access token is from the wrong issuer 'https://sts.windows.net/{tenant}/'. It must match the \
             tenant 'https://sts.windows.net/{home}/' associated with this subscription. Please use the authority \
             (URL) 'https://login.windows.net/{home}' to get the token. Note, if the subscription is transferred \
             to another tenant there is no impact to the services, but information about new tenant could take \
             time to propagate (up to an hour). If you just transferred your subscription and see this error \
             message, please try back later."
        ),
    )))
}

/// Whether a token of `tenant` may use subscription `s`.
pub fn serves(s: &crate::seed::SubscriptionSeed, tenant: &str) -> bool {
    s.tenant_id.eq_ignore_ascii_case(tenant)
        || s.managed_by_tenants.iter().any(|m| m.eq_ignore_ascii_case(tenant))
}
