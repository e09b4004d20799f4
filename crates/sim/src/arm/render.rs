//! Resources rendered in ARM's JSON shapes (field names and casing as the REST spec's examples).

use serde_json::{json, Map, Value};

use crate::world::{Account, Deployment};

/// `/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.CognitiveServices/accounts/{name}`.
pub fn account_id(account: &Account) -> String {
    format!(
        "/subscriptions/{}/resourceGroups/{}/providers/Microsoft.CognitiveServices/accounts/{}",
        account.subscription_id, account.resource_group, account.name
    )
}

/// The account's main endpoint, by kind.
pub fn endpoint(account: &Account) -> String {
    match account.kind.to_ascii_lowercase().as_str() {
        "openai" => format!("https://{}.openai.azure.com/", account.name.to_ascii_lowercase()),
        "aiservices" => format!("https://{}.cognitiveservices.azure.com/", account.name.to_ascii_lowercase()),
        _ => format!("https://{}.api.cognitive.microsoft.com/", account.location.to_ascii_lowercase()),
    }
}

/// An account.
pub fn account(account: &Account) -> Value {
    let name = account.name.to_ascii_lowercase();
    let mut endpoints = Map::new();
    match account.kind.to_ascii_lowercase().as_str() {
        "openai" => {
            for api in ["OpenAI Language Model Instance API", "OpenAI Dall-E API", "OpenAI Realtime API"] {
                endpoints.insert(api.into(), json!(format!("https://{name}.openai.azure.com/")));
            }
        }
        "aiservices" => {
            endpoints.insert(
                "OpenAI Language Model Instance API".into(),
                json!(format!("https://{name}.openai.azure.com/")),
            );
            endpoints.insert(
                "Azure AI Model Inference API".into(),
                json!(format!("https://{name}.services.ai.azure.com/")),
            );
            endpoints.insert(
                "Content Safety".into(),
                json!(format!("https://{name}.cognitiveservices.azure.com/")),
            );
        }
        _ => {
            endpoints.insert(account.kind.clone(), json!(endpoint(account)));
        }
    }
    json!({
        "id": account_id(account),
        "name": account.name,
        "type": "Microsoft.CognitiveServices/accounts",
        "etag": "W/\"datetime'2026-01-05T10%3A00%3A00.0000000Z'\"",
        "kind": account.kind,
        "location": account.location,
        "sku": {"name": account.sku},
        "tags": account.tags,
        "properties": {
            "endpoint": endpoint(account),
            "endpoints": endpoints,
            "provisioningState": "Succeeded",
            "customSubDomainName": name,
            "disableLocalAuth": account.disable_local_auth,
            "publicNetworkAccess": "Enabled",
            "dateCreated": "2026-01-05T10:00:00.0000000Z",
        },
    })
}

/// A deployment of `account`.
pub fn deployment(account: &Account, d: &Deployment) -> Value {
    let (format, name, version) = &d.model;
    let mut properties = json!({
        "model": {"format": format, "name": name, "version": version},
        "provisioningState": d.provisioning_state,
        "deploymentState": d.deployment_state,
        "serviceTier": d.service_tier.as_deref().unwrap_or("Default"),
        "currentCapacity": d.capacity,
        "dynamicThrottlingEnabled": false,
        "capabilities": d.capabilities,
    });
    // Azure lists rate limits only for SKUs that have them: a provisioned or batch deployment has none.
    if let Some((requests, tokens)) = d.per_minute_limits() {
        properties["rateLimits"] = json!([
            {"key": "request", "renewalPeriod": 60, "count": requests},
            {"key": "token", "renewalPeriod": 60, "count": tokens},
        ]);
    }
    if let Some(option) = &d.version_upgrade_option {
        properties["versionUpgradeOption"] = json!(option);
    }
    if let Some(policy) = &d.rai_policy_name {
        properties["raiPolicyName"] = json!(policy);
    }
    let mut body = json!({
        "id": format!("{}/deployments/{}", account_id(account), d.name),
        "name": d.name,
        "type": "Microsoft.CognitiveServices/accounts/deployments",
        "sku": {"name": d.sku_name, "capacity": d.capacity},
        "properties": properties,
    });
    if !d.tags.is_empty() {
        body["tags"] = json!(d.tags);
    }
    body
}

/// A quota usage item.
pub fn usage(usage_name: &str, localized: Option<&str>, used: u64, limit: u64, location: &str) -> Value {
    json!({
        "name": {"value": usage_name, "localizedValue": localized.map_or_else(|| localized_usage(usage_name), str::to_string)},
        "currentValue": used,
        "limit": limit,
        "unit": "Count",
        "scopeType": "Regional",
        "scopeId": location,
    })
}

/// Azure's human name for a usage, e.g. "Tokens Per Minute (thousands) - gpt-4o - GlobalStandard".
fn localized_usage(usage_name: &str) -> String {
    let mut parts = usage_name.splitn(3, '.');
    let (_, sku, model) =
        (parts.next(), parts.next().unwrap_or_default(), parts.next().unwrap_or(usage_name));
    match sku {
        "Standard" => format!("Tokens Per Minute (thousands) - {model}"),
        "ProvisionedManaged" | "GlobalProvisionedManaged" => {
            format!("Provisioned Throughput Units - {model} - {sku}")
        }
        "GlobalBatch" | "DataZoneBatch" => format!("Enqueued Tokens - {model} - {sku}"),
        _ => format!("Tokens Per Minute (thousands) - {model} - {sku}"),
    }
}
