//! Tenants, subscriptions and resource groups, and the not-found answers for each level of an ARM path.

use axum::http::StatusCode;
use axum::response::Response;
use serde_json::{json, Value};

use super::paging::page;
use super::Call;
use axum::response::IntoResponse;

use crate::errors::ArmError;
use crate::world::World;

/// `GET /subscriptions`.
pub fn subscriptions(call: &Call) -> Response {
    let world = call.state.world();
    let items = world
        .subscriptions
        .iter()
        // A token names its tenant: ARM lists that tenant's subscriptions (and those it manages).
        .filter(|s| call.caller.tenant.as_deref().is_none_or(|tenant| super::auth::serves(s, tenant)))
        .map(|s| {
            json!({
                "id": format!("/subscriptions/{}", s.subscription_id),
                "authorizationSource": "RoleBased",
                "managedByTenants": s.managed_by_tenants.iter().map(|t| json!({"tenantId": t})).collect::<Vec<_>>(),
                "subscriptionId": s.subscription_id,
                "tenantId": s.tenant_id,
                "displayName": s.display_name,
                "state": s.state,
                "subscriptionPolicies": {
                    "locationPlacementId": "Public_2014-09-01",
                    "quotaId": "PayAsYouGo_2014-09-01",
                    "spendingLimit": "Off",
                },
                "tags": s.tags,
            })
        })
        .collect();
    drop(world);
    page(call, items)
}

/// `GET /tenants`.
pub fn tenants(call: &Call) -> Response {
    let world = call.state.world();
    let items = world
        .tenants
        .iter()
        .map(|t| {
            json!({
                "id": format!("/tenants/{}", t.tenant_id),
                "tenantId": t.tenant_id,
                "tenantCategory": "Home",
                "countryCode": "US",
                "displayName": t.display_name,
                "domains": [t.default_domain],
                "defaultDomain": t.default_domain,
                "tenantType": "AAD",
            })
        })
        .collect();
    drop(world);
    page(call, items)
}

/// `GET /subscriptions/{sub}/resourcegroups`.
pub fn groups(call: &Call, sub: &str) -> Response {
    let world = call.state.world();
    if let Err(missing) = require_subscription(&world, sub) {
        return missing.into_response();
    }
    let items = world
        .groups
        .iter()
        .filter(|g| g.subscription_id.eq_ignore_ascii_case(sub))
        .map(|g| group_json(&g.subscription_id, &g.name, &g.location))
        .collect();
    drop(world);
    page(call, items)
}

/// `GET /subscriptions/{sub}/resourcegroups/{rg}`.
pub fn group(call: &Call, sub: &str, rg: &str) -> Response {
    let world = call.state.world();
    if let Err(missing) = require_group(&world, sub, rg) {
        return missing.into_response();
    }
    match world.group(sub, rg) {
        Some(g) => super::json(StatusCode::OK, group_json(&g.subscription_id, &g.name, &g.location)),
        None => group_not_found(rg).into_response(),
    }
}

fn group_json(sub: &str, name: &str, location: &str) -> Value {
    json!({
        "id": format!("/subscriptions/{sub}/resourceGroups/{name}"),
        "name": name,
        "type": "Microsoft.Resources/resourceGroups",
        "location": location,
        "properties": {"provisioningState": "Succeeded"},
    })
}

/// 404 SubscriptionNotFound unless the subscription exists.
pub fn require_subscription(world: &World, sub: &str) -> Result<(), ArmError> {
    match world.subscription(sub) {
        Some(_) => Ok(()),
        None => Err(ArmError::new(
            StatusCode::NOT_FOUND,
            "SubscriptionNotFound",
            &format!("The subscription '{sub}' could not be found."),
        )),
    }
}

/// 404 SubscriptionNotFound or ResourceGroupNotFound unless the group exists.
pub fn require_group(world: &World, sub: &str, rg: &str) -> Result<(), ArmError> {
    require_subscription(world, sub)?;
    match world.group(sub, rg) {
        Some(_) => Ok(()),
        None => Err(group_not_found(rg)),
    }
}

fn group_not_found(rg: &str) -> ArmError {
    ArmError::new(
        StatusCode::NOT_FOUND,
        "ResourceGroupNotFound",
        &format!("Resource group '{rg}' could not be found."),
    )
}

/// The index of an account, or the 404 naming the first missing level.
pub fn require_account(world: &World, sub: &str, rg: &str, name: &str) -> Result<usize, ArmError> {
    require_group(world, sub, rg)?;
    world
        .account_index(sub, rg, name)
        .ok_or_else(|| resource_not_found(&format!("Microsoft.CognitiveServices/accounts/{name}"), rg))
}

/// 404 ResourceNotFound in ARM's wording.
pub fn resource_not_found(resource: &str, rg: &str) -> ArmError {
    ArmError::new(
        StatusCode::NOT_FOUND,
        "ResourceNotFound",
        &format!(
            "The Resource '{resource}' under resource group '{rg}' was not found. For more details please go to \
             https://aka.ms/ARMResourceNotFoundFix"
        ),
    )
}
