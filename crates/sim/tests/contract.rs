//! Every example of the REST spec in `contract/azure/arm/` is answered by the simulator with the example's
//! status code and the same field names and casing (the key structure, not the values). A file this
//! test does not know fails it, naming the file.

mod common;

use std::collections::BTreeSet;
use std::path::PathBuf;

use foundry_sim::sandbox::default_quotas;
use foundry_sim::seed::{
    AccountSeed, CatalogEntry, CatalogModel, CatalogSku, DeploymentSeed, RaiPolicySeed, ResourceGroupSeed,
    SkuCapacity, SubscriptionSeed,
};
use foundry_sim::{Seed, SimConfig};
use reqwest::Method;
use serde_json::{json, Map, Value};

/// Maps whose keys are data, not schema: only their type is compared.
const FREE_MAPS: [&str; 3] = ["tags", "capabilities", "finetuneCapabilities"];

fn examples_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../contract/azure/arm")
}

fn param<'a>(example: &'a Value, name: &str) -> &'a str {
    example["parameters"][name].as_str().unwrap_or_else(|| panic!("parameter {name}"))
}

/// The request an example describes: method, path and query (without api-version), body.
fn request_for(stem: &str, ex: &Value) -> Option<(Method, String, Option<Value>)> {
    let p = |name: &str| param(ex, name).to_string();
    let s = || format!("/subscriptions/{}/providers/Microsoft.CognitiveServices", p("subscriptionId"));
    let a = || {
        format!(
            "/subscriptions/{}/resourceGroups/{}/providers/Microsoft.CognitiveServices/accounts/{}",
            p("subscriptionId"),
            p("resourceGroupName"),
            p("accountName")
        )
    };
    let d = || format!("{}/deployments/{}", a(), p("deploymentName"));
    let capacities_query = || {
        format!(
            "modelFormat={}&modelName={}&modelVersion={}",
            p("modelFormat"),
            p("modelName"),
            p("modelVersion")
        )
    };
    Some(match stem {
        "Accounts_Get" => (Method::GET, a(), None),
        "Accounts_List" => (Method::GET, format!("{}/accounts", s()), None),
        "Accounts_ListByResourceGroup" => (
            Method::GET,
            format!(
                "/subscriptions/{}/resourceGroups/{}/providers/Microsoft.CognitiveServices/accounts",
                p("subscriptionId"),
                p("resourceGroupName")
            ),
            None,
        ),
        "Accounts_ListKeys" => (Method::POST, format!("{}/listKeys", a()), None),
        "Accounts_ListModels" => (Method::GET, format!("{}/models", a()), None),
        "Accounts_ListUsages" => (Method::GET, format!("{}/usages", a()), None),
        "Accounts_RegenerateKey" => {
            (Method::POST, format!("{}/regenerateKey", a()), Some(ex["parameters"]["parameters"].clone()))
        }
        "CheckSkuAvailability" => (
            Method::POST,
            format!("{}/locations/{}/checkSkuAvailability", s(), p("location")),
            Some(ex["parameters"]["parameters"].clone()),
        ),
        "Deployments_CreateOrUpdate" => (Method::PUT, d(), Some(ex["parameters"]["deployment"].clone())),
        "Deployments_Delete" => (Method::DELETE, d(), None),
        "Deployments_Get" => (Method::GET, d(), None),
        "Deployments_List" => (Method::GET, format!("{}/deployments", a()), None),
        "Deployments_ListSkus" => (Method::GET, format!("{}/skus", d()), None),
        "Deployments_Pause" => (Method::POST, format!("{}/pause", d()), None),
        "Deployments_Update" => (Method::PATCH, d(), Some(ex["parameters"]["deployment"].clone())),
        "LocationBasedModelCapacities_List" => (
            Method::GET,
            format!("{}/locations/{}/modelCapacities?{}", s(), p("location"), capacities_query()),
            None,
        ),
        "ModelCapacities_List" => {
            (Method::GET, format!("{}/modelCapacities?{}", s(), capacities_query()), None)
        }
        "Models_List_location" => (Method::GET, format!("{}/locations/{}/models", s(), p("location")), None),
        "RaiPolicies_Get" => (Method::GET, format!("{}/raiPolicies/{}", a(), p("raiPolicyName")), None),
        "ResourceGroups_Get" => (
            Method::GET,
            format!("/subscriptions/{}/resourcegroups/{}", p("subscriptionId"), p("resourceGroupName")),
            None,
        ),
        "Subscriptions_List" => (Method::GET, "/subscriptions".to_string(), None),
        "Usages_List" | "Usages_List_GlobalScope" => {
            (Method::GET, format!("{}/locations/{}/usages", s(), p("location")), None)
        }
        _ => return None,
    })
}

/// A seed holding every subscription, group, account, deployment and policy the examples name, in a
/// `westus` region whose catalog is the default one plus the examples' `ada` model.
fn contract_seed(examples: &[(String, Value)]) -> Seed {
    let mut seed = Seed::sandbox();
    let mut westus = foundry_sim::catalog::region_catalog("westus");
    westus.models.push(ada_entry(None));
    westus.models.push(ada_entry(Some("ada.ft-0123456789abcdef")));
    seed.catalog.push(westus);
    let mut subs = BTreeSet::new();
    let mut groups = BTreeSet::new();
    let mut accounts = BTreeSet::new();
    let mut deployments = BTreeSet::new();
    for (_, ex) in examples {
        let get = |name: &str| ex["parameters"][name].as_str().map(str::to_string);
        let Some(sub) = get("subscriptionId") else { continue };
        subs.insert(sub.clone());
        if let Some(rg) = get("resourceGroupName") {
            groups.insert((sub.clone(), rg.clone()));
            if let Some(account) = get("accountName") {
                accounts.insert((sub.clone(), rg.clone(), account.clone()));
                if let Some(deployment) = get("deploymentName") {
                    deployments.insert((sub.clone(), rg.clone(), account.clone(), deployment));
                }
                if let Some(policy) = get("raiPolicyName") {
                    seed.rai_policies.push(RaiPolicySeed {
                        subscription_id: sub.clone(),
                        resource_group: rg.clone(),
                        account: account.clone(),
                        name: policy,
                        properties: json!({"basePolicyName": "Microsoft.Default", "mode": "Asynchronous_filter",
                                           "contentFilters": example_filters()}),
                    });
                }
            }
        }
    }
    for sub in subs {
        seed.subscriptions.push(SubscriptionSeed {
            subscription_id: sub,
            display_name: "Contract".into(),
            tenant_id: foundry_sim::sandbox::TENANT_ID.into(),
            state: "Enabled".into(),
            managed_by_tenants: vec![foundry_sim::sandbox::TENANT_ID.into()],
            tags: [("team".to_string(), "contract".to_string())].into_iter().collect(),
        });
    }
    for (sub, rg) in &groups {
        if !accounts.iter().any(|(s, r, _)| s == sub && r == rg) {
            accounts.insert((sub.clone(), rg.clone(), "myAccount".to_string()));
        }
    }
    for existing in &mut seed.subscriptions {
        existing.managed_by_tenants = vec![foundry_sim::sandbox::TENANT_ID.into()];
    }
    for (sub, rg) in groups {
        seed.resource_groups.push(ResourceGroupSeed {
            subscription_id: sub,
            name: rg,
            location: "westus".into(),
        });
    }
    for (sub, rg, name) in accounts {
        seed.accounts.push(AccountSeed {
            subscription_id: sub,
            resource_group: rg,
            name,
            kind: "OpenAI".into(),
            location: "westus".into(),
            sku: "S0".into(),
            tags: [("Owner".to_string(), "contract".to_string())].into_iter().collect(),
            disable_local_auth: false,
            keys: None,
        });
    }
    for (sub, rg, account, name) in deployments {
        seed.deployments.push(DeploymentSeed {
            subscription_id: sub,
            resource_group: rg,
            account,
            name,
            sku_name: "Standard".into(),
            capacity: 1,
            model_format: "OpenAI".into(),
            model_name: "ada".into(),
            model_version: "1".into(),
            rai_policy_name: None,
            deployment_state: None,
        });
    }
    seed.quotas = default_quotas(&seed);
    seed
}

fn example_filters() -> Value {
    json!([{"name": "Hate", "blocking": true, "enabled": true, "severityThreshold": "Medium", "source": "Prompt"},
           {"name": "Jailbreak", "blocking": true, "enabled": true, "source": "Prompt"}])
}

/// The examples' `ada` model (or a fine-tuned model based on it).
fn ada_entry(fine_tuned: Option<&str>) -> CatalogEntry {
    let mut extra = Map::new();
    extra.insert("maxCapacity".into(), json!(10));
    extra.insert(
        "deprecation".into(),
        json!({"fineTune": "2027-01-01T00:00:00Z", "inference": "2027-01-01T00:00:00Z"}),
    );
    if fine_tuned.is_some() {
        extra.insert("baseModel".into(), json!({"format": "OpenAI", "name": "ada", "version": "1"}));
    }
    let sku = |name: &str, capacity: SkuCapacity| CatalogSku {
        name: name.into(),
        usage_name: Some(format!("OpenAI.{name}.ada")),
        capacity,
        extra: Map::new(),
    };
    CatalogEntry {
        kind: "OpenAI".into(),
        sku_name: "S0".into(),
        model: CatalogModel {
            format: "OpenAI".into(),
            name: fine_tuned.unwrap_or("ada").into(),
            version: "1".into(),
            lifecycle_status: Some("GenerallyAvailable".into()),
            is_default_version: Some(true),
            capabilities: [("fineTune".to_string(), "true".to_string())].into_iter().collect(),
            skus: vec![
                sku(
                    "Standard",
                    SkuCapacity { default: Some(1), maximum: Some(1000), minimum: Some(1), step: Some(1) },
                ),
                sku(
                    "ProvisionedManaged",
                    SkuCapacity {
                        default: Some(100),
                        maximum: Some(1000),
                        minimum: Some(100),
                        step: Some(100),
                    },
                ),
            ],
            extra,
        },
    }
}

/// Folds the elements of an array into one value holding every key any of them has.
fn merge(values: &[Value]) -> Value {
    let mut merged = Value::Null;
    for value in values {
        merged = match (merged, value) {
            (Value::Object(mut a), Value::Object(b)) => {
                for (k, v) in b {
                    let existing = a.remove(k).unwrap_or(Value::Null);
                    a.insert(
                        k.clone(),
                        if existing.is_null() { v.clone() } else { merge(&[existing, v.clone()]) },
                    );
                }
                Value::Object(a)
            }
            (Value::Array(mut a), Value::Array(b)) => {
                a.extend(b.iter().cloned());
                Value::Array(a)
            }
            (Value::Null, v) => v.clone(),
            (m, _) => m,
        };
    }
    merged
}

fn compare(expected: &Value, actual: &Value, path: &str, problems: &mut Vec<String>) {
    let kind = |v: &Value| match v {
        Value::Null => "null",
        Value::Bool(_) => "bool",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    };
    if expected.is_null() {
        return;
    }
    if kind(expected) != kind(actual) {
        problems.push(format!("{path}: expected {}, got {}", kind(expected), kind(actual)));
        return;
    }
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            if FREE_MAPS.iter().any(|m| path.ends_with(&format!(".{m}"))) {
                return;
            }
            for (key, value) in e {
                match a.get(key) {
                    Some(found) => compare(value, found, &format!("{path}.{key}"), problems),
                    None => match a.keys().find(|k| k.eq_ignore_ascii_case(key)) {
                        Some(other) => problems.push(format!("{path}.{key}: casing differs, got '{other}'")),
                        None => problems.push(format!("{path}.{key}: missing")),
                    },
                }
            }
        }
        (Value::Array(e), Value::Array(a)) => {
            if !e.is_empty() && a.is_empty() {
                problems.push(format!("{path}: expected items, got an empty array"));
            } else if !e.is_empty() {
                compare(&merge(e), &merge(a), &format!("{path}[]"), problems);
            }
        }
        _ => {}
    }
}

#[tokio::test]
async fn every_arm_example_is_answered_in_its_shape() {
    let mut examples: Vec<(String, Value)> = std::fs::read_dir(examples_dir())
        .expect("contract/azure/arm")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .map(|path| {
            let stem = path.file_stem().expect("stem").to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&path).expect("read example");
            (stem, serde_json::from_str(&text).expect("example json"))
        })
        .collect();
    examples.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(examples.len() >= 20, "expected the ARM examples, found {}", examples.len());
    let seed = contract_seed(&examples);
    let mut failures = Vec::new();
    for (stem, example) in &examples {
        let Some((method, path, body)) = request_for(stem, example) else {
            failures.push(format!("{stem}.json: not covered by the contract test"));
            continue;
        };
        // A fresh world per example, so a delete does not disturb a later get.
        let sim = common::Sim::start(SimConfig { seed: seed.clone(), ..SimConfig::fast() }).await;
        let responses = example["responses"].as_object().expect("responses");
        let mut url = format!(
            "{path}{}api-version={}",
            if path.contains('?') { "&" } else { "?" },
            param(example, "api-version")
        );
        if responses.values().any(|r| r["body"].get("nextLink").is_some()) {
            url.push_str("&pageSize=1");
        }
        let response = sim.send(method.clone(), &url, body).await;
        let status = response.status().as_u16().to_string();
        let headers = response.headers().clone();
        let text = response.text().await.expect("body");
        let Some(expected) = responses.get(&status) else {
            failures.push(format!(
                "{stem}.json: {method} {url} answered {status} ({text}); example has {:?}",
                responses.keys().collect::<Vec<_>>()
            ));
            continue;
        };
        if let Some(expected_headers) = expected.get("headers").and_then(Value::as_object) {
            for name in expected_headers.keys() {
                if !headers.contains_key(name.to_ascii_lowercase().as_str()) {
                    failures.push(format!("{stem}.json: {status} lacks header {name}"));
                }
            }
        }
        if let Some(expected_body) = expected.get("body") {
            let actual: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
            let mut problems = Vec::new();
            compare(expected_body, &actual, "$", &mut problems);
            failures.extend(problems.into_iter().map(|p| format!("{stem}.json: {p}")));
        }
        assert!(headers.contains_key("x-ms-request-id"), "{stem}: x-ms-request-id");
    }
    assert!(failures.is_empty(), "contract mismatches:\n{}", failures.join("\n"));
}

#[test]
fn the_shape_comparison_catches_casing_and_missing_keys() {
    let mut problems = Vec::new();
    compare(&json!({"a": {"bC": 1}, "d": [1]}), &json!({"a": {"bc": 1}}), "$", &mut problems);
    assert_eq!(problems.len(), 2, "{problems:?}");
}
