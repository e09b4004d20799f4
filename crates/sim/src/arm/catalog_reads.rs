//! Subscription-level Cognitive Services reads: a region's model catalog and usages, capacity available
//! per region for a model, and SKU availability.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

use super::paging::page;
use super::tenancy::require_subscription;
use super::{bad_request, render, Call};
use crate::world::normalize_location;

/// `GET S/locations/{loc}/models`.
pub fn region_models(call: &Call, sub: &str, location: &str) -> Response {
    let world = call.state.world();
    if let Err(missing) = require_subscription(&world, sub) {
        return missing.into_response();
    }
    let items =
        world.catalog_for(location, None).filter_map(|entry| serde_json::to_value(entry).ok()).collect();
    drop(world);
    page(call, items)
}

/// `GET S/locations/{loc}/usages`: the account count plus every seeded quota of the region.
pub fn region_usages(call: &Call, sub: &str, location: &str) -> Response {
    let world = call.state.world();
    if let Err(missing) = require_subscription(&world, sub) {
        return missing.into_response();
    }
    let wanted = normalize_location(location);
    let accounts = world
        .accounts
        .iter()
        .filter(|a| a.subscription_id.eq_ignore_ascii_case(sub) && normalize_location(&a.location) == wanted)
        .count();
    let mut items = vec![json!({
        "name": {"value": "AccountCount", "localizedValue": "Cognitive Services total account limit"},
        "currentValue": accounts,
        "limit": 200,
        "unit": "Count",
        "scopeType": "Regional",
        "scopeId": location,
    })];
    items.extend(
        world
            .quotas
            .iter()
            .filter(|q| {
                q.subscription_id.eq_ignore_ascii_case(sub) && normalize_location(&q.location) == wanted
            })
            .map(|q| {
                let used = world.quota_used(sub, &q.location, &q.usage_name);
                render::usage(&q.usage_name, q.localized_name.as_deref(), used, q.limit, &q.location)
            }),
    );
    drop(world);
    page(call, items)
}

/// `GET S/modelCapacities` and `GET S/locations/{loc}/modelCapacities`: per region and SKU, the free
/// quota a new deployment of the model could take.
pub fn model_capacities(call: &Call, sub: &str, location: Option<&str>) -> Response {
    let [format, name, version] = ["modelformat", "modelname", "modelversion"].map(|k| call.query.get(k));
    let (Some(format), Some(name), Some(version)) = (format, name, version) else {
        return bad_request(
            "InvalidParameter",
            "The query parameters 'modelFormat', 'modelName' and 'modelVersion' are required.",
        );
    };
    let world = call.state.world();
    if let Err(missing) = require_subscription(&world, sub) {
        return missing.into_response();
    }
    let mut items: Vec<Value> = Vec::new();
    for region in &world.catalog {
        if location.is_some_and(|l| normalize_location(l) != normalize_location(&region.location)) {
            continue;
        }
        let shown_location = location.unwrap_or(&region.location);
        let matching = region.models.iter().filter(|e| {
            e.model.format.eq_ignore_ascii_case(format)
                && e.model.name.eq_ignore_ascii_case(name)
                && e.model.version == *version
        });
        for entry in matching {
            for sku in &entry.model.skus {
                let available = sku.usage_name.as_deref().map_or(0, |usage| {
                    world.quota_limit(sub, &region.location, usage).saturating_sub(world.quota_used(
                        sub,
                        &region.location,
                        usage,
                    ))
                });
                let fine_tune = if entry.model.extra.contains_key("finetuneCapabilities") { 20 } else { 0 };
                items.push(json!({
                    "id": format!(
                        "/subscriptions/{sub}/providers/Microsoft.CognitiveServices/locations/{shown_location}/models/{}.{}.{}/skuCapacities/{}",
                        entry.model.format, entry.model.name, entry.model.version, sku.name
                    ),
                    "name": sku.name,
                    "type": "Microsoft.CognitiveServices/locations/models/skuCapacities",
                    "location": shown_location,
                    "properties": {
                        "model": {"name": entry.model.name, "format": entry.model.format, "version": entry.model.version},
                        "skuName": sku.name,
                        "availableCapacity": available,
                        "availableFinetuneCapacity": fine_tune,
                        "scopeId": shown_location,
                        "scopeType": "Regional",
                    },
                }));
            }
        }
    }
    drop(world);
    page(call, items)
}

/// `POST S/locations/{loc}/checkSkuAvailability`.
pub fn check_sku_availability(call: &Call, sub: &str) -> Response {
    if let Err(missing) = require_subscription(&call.state.world(), sub) {
        return missing.into_response();
    }
    let body: Value = serde_json::from_slice(&call.body).unwrap_or(Value::Null);
    let kind = body.get("kind").and_then(Value::as_str).unwrap_or("OpenAI");
    let kind_type =
        body.get("type").and_then(Value::as_str).unwrap_or("Microsoft.CognitiveServices/accounts");
    let skus = body.get("skus").and_then(Value::as_array).cloned().unwrap_or_default();
    let value: Vec<Value> = skus
        .iter()
        .filter_map(Value::as_str)
        .map(|sku| {
            let available = matches!(sku, "F0" | "S0" | "S1" | "S2" | "S3" | "S4");
            json!({
                "kind": kind,
                "type": kind_type,
                "skuName": sku,
                "skuAvailable": available,
                "reason": if available { Value::Null } else { json!("SkuNotAvailable") },
                "message": if available { Value::Null } else { json!(format!("The SKU '{sku}' is not available.")) },
            })
        })
        .collect();
    super::json(StatusCode::OK, json!({"value": value}))
}
