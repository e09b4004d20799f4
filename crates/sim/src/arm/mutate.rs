//! Deployment mutations: PUT, PATCH, DELETE, pause and resume. Each validates like Azure, holds the
//! account while its operation runs, and answers in the run's long-running-operation shape.

use std::collections::BTreeMap;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::Value;

use super::deployments::{deployment_not_found, find};
use super::lro::{self, set_header, Action};
use super::tenancy::require_account;
use super::{bad_request, rejected, render, request_conflict, validate, Call};
use crate::config::LroShape;
use crate::errors::ArmError;
use crate::world::{rpm_per_unit, Deployment, World};

/// SKUs that can be paused: the pay-per-token Standard family.
const PAUSABLE: [&str; 3] = ["Standard", "GlobalStandard", "DataZoneStandard"];

fn parse_body(call: &Call) -> Result<Value, ArmError> {
    serde_json::from_slice(&call.body).map_err(|e| {
        rejected(
            "InvalidRequestContent",
            &format!("The request content was invalid and could not be deserialized: '{e}'."),
        )
    })
}

fn text<'a>(value: &'a Value, path: &[&str]) -> Option<&'a str> {
    path.iter().try_fold(value, |v, key| v.get(key)).and_then(Value::as_str)
}

fn tags(value: &Value) -> BTreeMap<String, String> {
    value
        .get("tags")
        .and_then(Value::as_object)
        .map(|m| m.iter().map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_string())).collect())
        .unwrap_or_default()
}

/// Locks the world and finds the account, refusing with 404 or 409 (busy) first.
fn hold_account<'a>(
    call: &'a Call,
    sub: &str,
    rg: &str,
    account: &str,
) -> Result<(std::sync::MutexGuard<'a, World>, usize), ArmError> {
    let world = call.state.world();
    let index = require_account(&world, sub, rg, account)?;
    if lro::holding(&world, index).is_some() {
        return Err(request_conflict(&render::account_id(&world.accounts[index])));
    }
    Ok((world, index))
}

/// `PUT A/deployments/{name}`.
pub fn put(call: &Call, sub: &str, rg: &str, account: &str, name: &str) -> Response {
    match try_put(call, sub, rg, account, name) {
        Ok(response) => response,
        Err(refused) => refused.into_response(),
    }
}

fn try_put(call: &Call, sub: &str, rg: &str, account_name: &str, name: &str) -> Result<Response, ArmError> {
    let body = parse_body(call)?;
    let valid_name = name.len() >= 2
        && name.len() <= 64
        && name.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || "_.-".contains(c));
    if !valid_name {
        return Err(rejected(
            "InvalidResourceName",
            &format!("Resource name '{name}' is invalid. It may contain letters, digits, '_', '-' and '.'."),
        ));
    }
    let (mut world, index) = hold_account(call, sub, rg, account_name)?;
    let sku_name = text(&body, &["sku", "name"])
        .ok_or_else(|| rejected("InvalidResourceProperties", "The deployment's 'sku.name' is required."))?;
    let (Some(format), Some(model_name)) =
        (text(&body, &["properties", "model", "format"]), text(&body, &["properties", "model", "name"]))
    else {
        return Err(rejected(
            "InvalidResourceProperties",
            "The deployment's 'properties.model' needs 'format' and 'name'.",
        ));
    };
    let account = &world.accounts[index];
    let entry = validate::model(
        &world,
        account,
        format,
        model_name,
        text(&body, &["properties", "model", "version"]),
    )?;
    let existing = find(account, name).map(|d| account.deployments[d].clone());
    let same_model = existing.as_ref().is_some_and(|d| {
        d.model.1.eq_ignore_ascii_case(&entry.model.name) && d.model.2 == entry.model.version
    });
    if !same_model {
        validate::lifecycle(&entry)?;
    }
    let sku = validate::sku(&entry, account, sku_name)?;
    let capacity = validate::capacity(&sku, body.pointer("/sku/capacity").and_then(Value::as_u64))?;
    let credit = existing
        .as_ref()
        .filter(|d| {
            d.usage_name.is_some() && d.usage_name == sku.usage_name && d.provisioning_state != "Failed"
        })
        .map_or(0, |d| d.capacity);
    validate::quota(&world, account, &sku, capacity, credit)?;
    if let Some(policy) = text(&body, &["properties", "raiPolicyName"]) {
        validate::rai_policy(account, policy)?;
    }

    let real = call.lro_shape == LroShape::Real;
    let is_new = existing.is_none();
    let shown_state = match (real, is_new) {
        (true, _) => {
            if call.fail_operation {
                "Failed"
            } else {
                "Succeeded"
            }
        }
        (false, true) => "Accepted",
        (false, false) => "Updating",
    };
    let deployment = Deployment {
        name: existing.as_ref().map_or_else(|| name.to_string(), |d| d.name.clone()),
        sku_name: sku.name.clone(),
        capacity,
        model: (entry.model.format.clone(), entry.model.name.clone(), entry.model.version.clone()),
        usage_name: sku.usage_name.clone(),
        rpm_per_unit: rpm_per_unit(&sku),
        capabilities: entry.model.capabilities.clone(),
        rai_policy_name: text(&body, &["properties", "raiPolicyName"]).map(str::to_string),
        version_upgrade_option: Some(
            text(&body, &["properties", "versionUpgradeOption"])
                .unwrap_or("OnceNewDefaultVersionAvailable")
                .into(),
        ),
        deployment_state: text(&body, &["properties", "deploymentState"]).unwrap_or("Running").into(),
        service_tier: text(&body, &["properties", "serviceTier"]).map(str::to_string),
        provisioning_state: match (real, is_new) {
            (true, _) => shown_state.into(),
            (false, true) => "Creating".into(),
            (false, false) => "Updating".into(),
        },
        tags: tags(&body),
    };
    let account = &mut world.accounts[index];
    match find(account, name) {
        Some(d) => account.deployments[d] = deployment,
        None => account.deployments.push(deployment),
    }
    let mut shown = account.deployments[find(account, name).unwrap_or(0)].clone();
    shown.provisioning_state = shown_state.into();
    let body = render::deployment(account, &shown);
    let status = if is_new { StatusCode::CREATED } else { StatusCode::OK };
    if real {
        return Ok(super::json(status, body));
    }
    let action = if is_new { Action::Create } else { Action::Update };
    let id = lro::begin(&mut world, index, name, action, call.state.polls_to_finish, call.fail_operation);
    let (subscription, location) =
        (world.accounts[index].subscription_id.clone(), world.accounts[index].location.clone());
    drop(world);
    let mut response = super::json(status, body);
    poll_headers(call, &mut response, &id, &subscription, &location, false);
    Ok(response)
}

/// `PATCH A/deployments/{name}`: only `sku` and `tags`.
pub fn patch(call: &Call, sub: &str, rg: &str, account: &str, name: &str) -> Response {
    match try_patch(call, sub, rg, account, name) {
        Ok(response) => response,
        Err(refused) => refused.into_response(),
    }
}

fn try_patch(call: &Call, sub: &str, rg: &str, account_name: &str, name: &str) -> Result<Response, ArmError> {
    let body = parse_body(call)?;
    if body.get("properties").is_some() {
        return Err(rejected(
            "InvalidResourceProperties",
            "Only 'sku' and 'tags' can be changed with PATCH; send the whole deployment with PUT to change its properties.",
        ));
    }
    let (mut world, index) = hold_account(call, sub, rg, account_name)?;
    let account = &world.accounts[index];
    let d = find(account, name).ok_or_else(|| deployment_not_found(name))?;
    let current = account.deployments[d].clone();
    let mut updated = current.clone();
    if let Some(sku_value) = body.get("sku") {
        let (format, model, version) = &current.model;
        let entry = validate::model(&world, account, format, model, Some(version))?;
        let sku_name = sku_value.get("name").and_then(Value::as_str).unwrap_or(&current.sku_name);
        let sku = validate::sku(&entry, account, sku_name)?;
        let capacity = validate::capacity(
            &sku,
            sku_value.get("capacity").and_then(Value::as_u64).or(Some(current.capacity)),
        )?;
        let credit = if current.usage_name == sku.usage_name && current.provisioning_state != "Failed" {
            current.capacity
        } else {
            0
        };
        validate::quota(&world, account, &sku, capacity, credit)?;
        updated.sku_name = sku.name.clone();
        updated.capacity = capacity;
        updated.usage_name = sku.usage_name.clone();
        updated.rpm_per_unit = rpm_per_unit(&sku);
    }
    if body.get("tags").is_some() {
        updated.tags = tags(&body);
    }
    updated.provisioning_state = "Updating".into();
    world.accounts[index].deployments[d] = updated;
    let id =
        lro::begin(&mut world, index, name, Action::Update, call.state.polls_to_finish, call.fail_operation);
    let (subscription, location) =
        (world.accounts[index].subscription_id.clone(), world.accounts[index].location.clone());
    drop(world);
    Ok(accepted(call, &id, &subscription, &location))
}

/// 202 with the poll headers of the run's shape.
fn accepted(call: &Call, id: &str, subscription: &str, location: &str) -> Response {
    let mut response = StatusCode::ACCEPTED.into_response();
    poll_headers(call, &mut response, id, subscription, location, true);
    response
}

/// The headers that say where to poll, by shape: the spec sends `Azure-AsyncOperation`, plus `Location`
/// on 202s; real traffic only lower-case `azure-asyncoperation`; the other shapes one or none.
fn poll_headers(
    call: &Call,
    response: &mut Response,
    id: &str,
    subscription: &str,
    location: &str,
    is_202: bool,
) {
    let (status_url, result_url) = lro::poll_urls(call, id, subscription, location);
    let (async_header, location_header) = match call.lro_shape {
        LroShape::Spec | LroShape::LongUrl => (true, is_202),
        LroShape::Real => (true, false),
        LroShape::Location => (false, true),
        LroShape::Resource => (false, false),
    };
    if async_header {
        set_header(response, "azure-asyncoperation", &status_url);
    }
    if location_header {
        set_header(response, "location", &result_url);
    }
    set_header(response, "retry-after", &call.state.retry_after_secs.to_string());
}

/// `DELETE A/deployments/{name}`: frees its quota once done.
pub fn delete(call: &Call, sub: &str, rg: &str, account: &str, name: &str) -> Response {
    let (mut world, index) = match hold_account(call, sub, rg, account) {
        Ok(held) => held,
        Err(refused) => return refused.into_response(),
    };
    let Some(d) = find(&world.accounts[index], name) else {
        return StatusCode::NO_CONTENT.into_response();
    };
    if call.lro_shape == LroShape::Real {
        world.accounts[index].deployments.remove(d);
        return StatusCode::OK.into_response();
    }
    world.accounts[index].deployments[d].provisioning_state = "Deleting".into();
    let id =
        lro::begin(&mut world, index, name, Action::Delete, call.state.polls_to_finish, call.fail_operation);
    let (subscription, location) =
        (world.accounts[index].subscription_id.clone(), world.accounts[index].location.clone());
    drop(world);
    accepted(call, &id, &subscription, &location)
}

/// `POST A/deployments/{name}/pause` and `/resume`.
pub fn set_state(call: &Call, sub: &str, rg: &str, account: &str, name: &str, state: &str) -> Response {
    let (mut world, index) = match hold_account(call, sub, rg, account) {
        Ok(held) => held,
        Err(refused) => return refused.into_response(),
    };
    let account = &mut world.accounts[index];
    let Some(d) = find(account, name) else { return deployment_not_found(name).into_response() };
    let sku = account.deployments[d].sku_name.clone();
    if !PAUSABLE.iter().any(|p| p.eq_ignore_ascii_case(&sku)) {
        return bad_request(
            "InvalidResourceProperties",
            &format!("Pause and resume are only supported for Standard, GlobalStandard and DataZoneStandard deployments; '{name}' uses '{sku}'."),
        );
    }
    account.deployments[d].deployment_state = state.into();
    super::json(StatusCode::OK, render::deployment(account, &account.deployments[d]))
}
