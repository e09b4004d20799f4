//! Deployment reads: list, get (which also advances an operation running on it, as a poll would) and the
//! SKUs a deployment's model can move to.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

use super::paging::page;
use super::tenancy::require_account;
use super::{lro, render, Call};
use crate::errors::ArmError;
use crate::world::Account;

/// `GET A/deployments`.
pub fn list(call: &Call, sub: &str, rg: &str, account: &str) -> Response {
    let world = call.state.world();
    let index = match require_account(&world, sub, rg, account) {
        Ok(index) => index,
        Err(missing) => return missing.into_response(),
    };
    let account = &world.accounts[index];
    let items = account.deployments.iter().map(|d| render::deployment(account, d)).collect();
    drop(world);
    page(call, items)
}

/// `GET A/deployments/{name}`.
pub fn get(call: &Call, sub: &str, rg: &str, account: &str, name: &str) -> Response {
    let mut world = call.state.world();
    let index = match require_account(&world, sub, rg, account) {
        Ok(index) => index,
        Err(missing) => return missing.into_response(),
    };
    if let Some(op) = lro::running_on(&world, index, name) {
        lro::advance(&mut world, &op);
    }
    let account = &world.accounts[index];
    match find(account, name) {
        Some(d) => super::json(StatusCode::OK, render::deployment(account, &account.deployments[d])),
        None => deployment_not_found(name).into_response(),
    }
}

/// `GET A/deployments/{name}/skus`.
pub fn skus(call: &Call, sub: &str, rg: &str, account: &str, name: &str) -> Response {
    let world = call.state.world();
    let index = match require_account(&world, sub, rg, account) {
        Ok(index) => index,
        Err(missing) => return missing.into_response(),
    };
    let account = &world.accounts[index];
    let Some(d) = find(account, name).map(|d| &account.deployments[d]) else {
        return deployment_not_found(name).into_response();
    };
    let (format, model, version) = &d.model;
    let entry = world.catalog_for(&account.location, Some(&account.kind)).find(|e| {
        e.model.format.eq_ignore_ascii_case(format)
            && e.model.name.eq_ignore_ascii_case(model)
            && e.model.version == *version
    });
    let items: Vec<Value> = entry
        .map(|e| e.model.skus.as_slice())
        .unwrap_or_default()
        .iter()
        .map(|sku| {
            let c = sku.capacity;
            let mut capacity = serde_json::to_value(c).unwrap_or_else(|_| json!({}));
            if let (Some(min), Some(max), Some(step)) = (c.minimum, c.maximum, c.step) {
                // Azure lists the allowed values when there are few of them.
                if step > 0 && (max - min) / step < 20 {
                    capacity["allowedValues"] = json!((min..=max).step_by(step as usize).collect::<Vec<_>>());
                }
            }
            json!({
                "resourceType": "Microsoft.CognitiveServices/accounts/deployments",
                "sku": {"name": sku.name, "capacity": c.default.unwrap_or(1)},
                "capacity": capacity,
            })
        })
        .collect();
    drop(world);
    page(call, items)
}

/// Index of a deployment by name, without case.
pub fn find(account: &Account, name: &str) -> Option<usize> {
    account.deployments.iter().position(|d| d.name.eq_ignore_ascii_case(name))
}

/// 404 DeploymentNotFound.
pub fn deployment_not_found(name: &str) -> ArmError {
    ArmError::new(
        StatusCode::NOT_FOUND,
        "DeploymentNotFound",
        &format!("The specified deployment '{name}' does not exist."),
    )
}
