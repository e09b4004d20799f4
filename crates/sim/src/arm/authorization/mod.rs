//! Microsoft.Authorization (api-version 2022-04-01), an extension of any scope the simulator models (a
//! subscription, a resource group or an account): role assignments (list, get, grant, revoke), the built-in
//! role definitions, and `permissions`, what the caller may do there.

mod assignments;
mod definitions;

use axum::response::{IntoResponse, Response};

use super::tenancy::{require_account, require_group, require_subscription};
use super::{not_modelled, render, Call};
use crate::errors::ArmError;
use crate::world::World;

/// A scope, resolved against the world.
pub struct Scope {
    /// As ARM spells it (the seed's casing): `/subscriptions/{sub}[/resourceGroups/{rg}[/providers/…/{name}]]`.
    pub path: String,
    /// The tenant whose directory holds its principals.
    pub tenant_id: String,
}

/// Routes `{scope}/providers/Microsoft.Authorization/{rest}`; `l`/`scope` are the scope's segments (lower
/// case / as sent), `rest`/`raw` what follows the namespace.
pub fn route(call: &Call, l: &[&str], scope: &[String], rest: &[&str], raw: &[String]) -> Response {
    let resolved = {
        let world = call.state.world();
        resolve(&world, l, scope)
    };
    let scope = match resolved {
        Ok(Some(scope)) => scope,
        Ok(None) => return not_modelled(call),
        Err(missing) => return missing.into_response(),
    };
    match (call.method.as_str(), rest) {
        ("GET", ["roleassignments"]) => assignments::list(call, &scope),
        ("GET", ["roleassignments", _]) => assignments::get(call, &scope, &raw[1]),
        ("PUT", ["roleassignments", _]) => assignments::put(call, &scope, &raw[1]),
        ("DELETE", ["roleassignments", _]) => assignments::delete(call, &scope, &raw[1]),
        ("GET", ["roledefinitions"]) => definitions::list(call, &scope),
        ("GET", ["roledefinitions", _]) => definitions::get(&scope, &raw[1]),
        ("GET", ["permissions"]) => definitions::permissions(call, &scope),
        _ => not_modelled(call),
    }
}

/// The scope the segments name: `Ok(None)` for a kind of scope the simulator does not model, `Err` the 404
/// of the first level that does not exist.
fn resolve(world: &World, l: &[&str], s: &[String]) -> Result<Option<Scope>, ArmError> {
    let (sub, tail) = match l {
        ["subscriptions", _, tail @ ..] => (&s[1], tail),
        _ => return Ok(None),
    };
    require_subscription(world, sub)?;
    let Some(subscription) = world.subscription(sub) else { return Ok(None) };
    let tenant_id = subscription.tenant_id.clone();
    let sub = subscription.subscription_id.clone();
    let path = match tail {
        [] => format!("/subscriptions/{sub}"),
        ["resourcegroups", _] => {
            require_group(world, &sub, &s[3])?;
            let group = world.group(&sub, &s[3]).map_or_else(|| s[3].clone(), |g| g.name.clone());
            format!("/subscriptions/{sub}/resourceGroups/{group}")
        }
        ["resourcegroups", _, "providers", "microsoft.cognitiveservices", "accounts", _] => {
            let index = require_account(world, &sub, &s[3], &s[7])?;
            render::account_id(&world.accounts[index])
        }
        _ => return Ok(None),
    };
    Ok(Some(Scope { path, tenant_id }))
}
