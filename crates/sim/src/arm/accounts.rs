//! Cognitive Services accounts: lists (only what the caller may read), get, PATCH (key authentication on or
//! off, tags), keys, the models an account can deploy, its usages and its content-filter policies. Routes
//! everything under `A` to the right handler (its Azure Monitor metrics too).

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

use super::paging::page;
use super::tenancy::{require_account, require_group, require_subscription, resource_not_found};
use super::{bad_request, deployments, mutate, render, Call};

/// Routes `/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.CognitiveServices/accounts/...`.
pub fn route(call: &Call, sub: &str, rg: &str, rest: &[&str], raw: &[String]) -> Response {
    match (call.method.as_str(), rest) {
        ("GET", []) => list_by_group(call, sub, rg),
        ("GET", [_]) => get(call, sub, rg, &raw[0]),
        ("PATCH", [_]) => patch(call, sub, rg, &raw[0]),
        ("POST", [_, "listkeys"]) => keys(call, sub, rg, &raw[0], None),
        ("POST", [_, "regeneratekey"]) => regenerate_key(call, sub, rg, &raw[0]),
        ("GET", [_, "models"]) => models(call, sub, rg, &raw[0]),
        ("GET", [_, "usages"]) => usages(call, sub, rg, &raw[0]),
        ("GET", [_, "providers", "microsoft.insights", "metrics"]) => {
            crate::monitor::metrics(call, sub, rg, &raw[0])
        }
        ("GET", [_, "raipolicies"]) => rai_policies(call, sub, rg, &raw[0], None),
        ("GET", [_, "raipolicies", _]) => rai_policies(call, sub, rg, &raw[0], Some(&raw[2])),
        ("GET", [_, "deployments"]) => deployments::list(call, sub, rg, &raw[0]),
        ("GET", [_, "deployments", _]) => deployments::get(call, sub, rg, &raw[0], &raw[2]),
        ("GET", [_, "deployments", _, "skus"]) => deployments::skus(call, sub, rg, &raw[0], &raw[2]),
        ("PUT", [_, "deployments", _]) => mutate::put(call, sub, rg, &raw[0], &raw[2]),
        ("PATCH", [_, "deployments", _]) => mutate::patch(call, sub, rg, &raw[0], &raw[2]),
        ("DELETE", [_, "deployments", _]) => mutate::delete(call, sub, rg, &raw[0], &raw[2]),
        ("POST", [_, "deployments", _, "pause"]) => {
            mutate::set_state(call, sub, rg, &raw[0], &raw[2], "Paused")
        }
        ("POST", [_, "deployments", _, "resume"]) => {
            mutate::set_state(call, sub, rg, &raw[0], &raw[2], "Running")
        }
        _ => super::not_modelled(call),
    }
}

/// What reading an account takes: a list shows only the accounts the caller may read.
const READ: &str = "Microsoft.CognitiveServices/accounts/read";

/// `GET S/accounts`.
pub fn list_by_subscription(call: &Call, sub: &str) -> Response {
    let world = call.state.world();
    if let Err(missing) = require_subscription(&world, sub) {
        return missing.into_response();
    }
    let items = world
        .accounts
        .iter()
        .filter(|a| a.subscription_id.eq_ignore_ascii_case(sub))
        .filter(|a| call.caller.may(&world.access, &render::account_id(a), READ))
        .map(render::account)
        .collect();
    drop(world);
    page(call, items)
}

fn list_by_group(call: &Call, sub: &str, rg: &str) -> Response {
    let world = call.state.world();
    if let Err(missing) = require_group(&world, sub, rg) {
        return missing.into_response();
    }
    let items = world
        .accounts
        .iter()
        .filter(|a| a.subscription_id.eq_ignore_ascii_case(sub) && a.resource_group.eq_ignore_ascii_case(rg))
        .filter(|a| call.caller.may(&world.access, &render::account_id(a), READ))
        .map(render::account)
        .collect();
    drop(world);
    page(call, items)
}

fn get(call: &Call, sub: &str, rg: &str, name: &str) -> Response {
    let world = call.state.world();
    match require_account(&world, sub, rg, name) {
        Ok(index) => super::json(StatusCode::OK, render::account(&world.accounts[index])),
        Err(missing) => missing.into_response(),
    }
}

fn keys(call: &Call, sub: &str, rg: &str, name: &str, regenerate: Option<usize>) -> Response {
    let mut world = call.state.world();
    let index = match require_account(&world, sub, rg, name) {
        Ok(index) => index,
        Err(missing) => return missing.into_response(),
    };
    let account = &mut world.accounts[index];
    if account.disable_local_auth {
        let what = if regenerate.is_some() { "regenerate" } else { "list" };
        return bad_request(
            "BadRequest",
            &format!("Failed to {what} key. disableLocalAuth is set to be true"),
        );
    }
    if let Some(slot) = regenerate {
        account.keys[slot] = crate::ids::account_key();
    }
    super::json(StatusCode::OK, json!({"key1": account.keys[0], "key2": account.keys[1]}))
}

/// `PATCH A` with `{"properties": {"disableLocalAuth": bool}, "tags": {…}}` (either may be left out): 200 with
/// the whole account, at once. Keys stop (or start) working on inference from the next request.
fn patch(call: &Call, sub: &str, rg: &str, name: &str) -> Response {
    let invalid = |problem: &str| {
        bad_request(
            "InvalidRequestContent",
            &format!("The request content was invalid and could not be deserialized: {problem}"),
        )
    };
    let body: Value = match serde_json::from_slice(&call.body) {
        Ok(Value::Object(body)) => Value::Object(body),
        Ok(_) => return invalid("an object is expected."),
        Err(e) => return invalid(&format!("'{e}'.")),
    };
    let disable = match body.pointer("/properties/disableLocalAuth") {
        None | Some(Value::Null) => None,
        Some(Value::Bool(flag)) => Some(*flag),
        Some(other) => return invalid(&format!("'disableLocalAuth' must be true or false, not {other}.")),
    };
    let tags = match body.get("tags") {
        None | Some(Value::Null) => None,
        Some(Value::Object(tags)) => {
            Some(tags.iter().map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_string())).collect())
        }
        Some(_) => return invalid("'tags' must be an object."),
    };
    let mut world = call.state.world();
    let index = match require_account(&world, sub, rg, name) {
        Ok(index) => index,
        Err(missing) => return missing.into_response(),
    };
    let account = &mut world.accounts[index];
    if let Some(disable) = disable {
        account.disable_local_auth = disable;
    }
    if let Some(tags) = tags {
        account.tags = tags;
    }
    super::json(StatusCode::OK, render::account(account))
}

fn regenerate_key(call: &Call, sub: &str, rg: &str, name: &str) -> Response {
    let body: Value = serde_json::from_slice(&call.body).unwrap_or(Value::Null);
    let slot = match body.get("keyName").and_then(Value::as_str).map(str::to_ascii_lowercase).as_deref() {
        Some("key1") => 0,
        Some("key2") => 1,
        _ => {
            return bad_request(
                "InvalidRequestContent",
                "The request content was invalid: 'keyName' must be 'Key1' or 'Key2'.",
            )
        }
    };
    keys(call, sub, rg, name, Some(slot))
}

fn models(call: &Call, sub: &str, rg: &str, name: &str) -> Response {
    let world = call.state.world();
    let index = match require_account(&world, sub, rg, name) {
        Ok(index) => index,
        Err(missing) => return missing.into_response(),
    };
    let account = &world.accounts[index];
    let items = world
        .catalog_for(&account.location, Some(&account.kind))
        .filter_map(|entry| serde_json::to_value(&entry.model).ok())
        .collect();
    drop(world);
    page(call, items)
}

fn usages(call: &Call, sub: &str, rg: &str, name: &str) -> Response {
    let world = call.state.world();
    let index = match require_account(&world, sub, rg, name) {
        Ok(index) => index,
        Err(missing) => return missing.into_response(),
    };
    let account = &world.accounts[index];
    let location = crate::world::normalize_location(&account.location);
    let items = world
        .quotas
        .iter()
        .filter(|q| q.subscription_id.eq_ignore_ascii_case(sub))
        .filter(|q| crate::world::normalize_location(&q.location) == location)
        // An OpenAI account only draws on OpenAI quotas; AIServices accounts on every kind.
        .filter(|q| !account.kind.eq_ignore_ascii_case("OpenAI") || q.usage_name.starts_with("OpenAI."))
        .map(|q| {
            let used = world.quota_used(sub, &q.location, &q.usage_name);
            let mut item =
                render::usage(&q.usage_name, q.localized_name.as_deref(), used, q.limit, &q.location);
            // Token quotas renew every minute.
            item["quotaPeriod"] = json!("00:01:00");
            item["nextResetTime"] = json!(crate::ids::utc_timestamp(60));
            item["status"] = json!(if used >= q.limit { "Blocked" } else { "Included" });
            item
        })
        .collect();
    drop(world);
    page(call, items)
}

fn rai_policies(call: &Call, sub: &str, rg: &str, name: &str, policy: Option<&str>) -> Response {
    let world = call.state.world();
    let index = match require_account(&world, sub, rg, name) {
        Ok(index) => index,
        Err(missing) => return missing.into_response(),
    };
    let account = &world.accounts[index];
    let render = |(policy_name, properties): &(String, Value)| {
        json!({
            "id": format!("{}/raiPolicies/{policy_name}", render::account_id(account)),
            "name": policy_name,
            "type": "Microsoft.CognitiveServices/accounts/raiPolicies",
            "properties": properties,
        })
    };
    match policy {
        Some(wanted) => match account.rai_policies.iter().find(|(n, _)| n.eq_ignore_ascii_case(wanted)) {
            Some(found) => super::json(StatusCode::OK, render(found)),
            None => resource_not_found(
                &format!("Microsoft.CognitiveServices/accounts/{}/raiPolicies/{wanted}", account.name),
                rg,
            )
            .into_response(),
        },
        None => {
            let items = account.rai_policies.iter().map(render).collect();
            drop(world);
            page(call, items)
        }
    }
}
