//! The ARM models against the contract: every spec example decodes, re-encodes without renaming or
//! inventing anything, and shows what a user sees; plus the real-traffic quirks the spec leaves out.

// Helpers outside `#[test]` functions are not covered by clippy's allow-unwrap-in-tests; here a failed
// unwrap is simply a failed test.
#![allow(clippy::unwrap_used)]

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::fmt::Debug;
use std::path::PathBuf;

use foundry_azure::arm::models::*;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Value};

fn examples_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../contract/azure/arm")
}

/// Decodes `original` as `T`, re-encodes it, and checks that re-decoding gives the same value and that
/// the re-encoded JSON is a sub-tree of the original.
fn round_trip<T>(original: &Value, context: &str) -> T
where
    T: DeserializeOwned + Serialize + PartialEq + Debug,
{
    let decoded: T = serde_json::from_value(original.clone())
        .unwrap_or_else(|error| panic!("{context}: does not decode: {error}"));
    let encoded = serde_json::to_value(&decoded).unwrap();
    let again: T = serde_json::from_value(encoded.clone())
        .unwrap_or_else(|error| panic!("{context}: re-encoded JSON does not decode: {error}"));
    assert_eq!(again, decoded, "{context}: decode(encode(x)) != x");
    assert_subtree(&encoded, original, context);
    decoded
}

/// Every key `emitted` has exists in `original` with the same spelling and value.
/// Numbers compare by value: `3` and `3.0` are the same quantity.
fn assert_subtree(emitted: &Value, original: &Value, path: &str) {
    match (emitted, original) {
        (Value::Object(emitted), Value::Object(original)) => {
            for (key, value) in emitted {
                let Some(original_value) = original.get(key) else {
                    panic!("{path}: emitted key `{key}` is not in the original {original:?}");
                };
                assert_subtree(value, original_value, &format!("{path}.{key}"));
            }
        }
        (Value::Array(emitted), Value::Array(original)) => {
            assert_eq!(emitted.len(), original.len(), "{path}: array length changed");
            for (index, (value, original_value)) in emitted.iter().zip(original).enumerate() {
                assert_subtree(value, original_value, &format!("{path}[{index}]"));
            }
        }
        (Value::Number(emitted), Value::Number(original)) => {
            assert_eq!(emitted.as_f64(), original.as_f64(), "{path}: number changed");
        }
        _ => assert_eq!(emitted, original, "{path}: value changed"),
    }
}

/// One example file, remembering which of its bodies a check decoded.
struct Example {
    name: String,
    json: Value,
    used_responses: RefCell<BTreeSet<String>>,
    used_requests: RefCell<BTreeSet<String>>,
}

impl Example {
    /// Round-trips the body of the response with this status.
    fn response<T>(&self, status: &str) -> T
    where
        T: DeserializeOwned + Serialize + PartialEq + Debug,
    {
        let body = self
            .json
            .pointer(&format!("/responses/{status}/body"))
            .unwrap_or_else(|| panic!("{}: no body for status {status}", self.name));
        self.used_responses.borrow_mut().insert(status.to_owned());
        round_trip(body, &format!("{} response {status}", self.name))
    }

    /// Round-trips the request body the client sends, found under `parameters.{parameter}`.
    fn request<T>(&self, parameter: &str) -> T
    where
        T: DeserializeOwned + Serialize + PartialEq + Debug,
    {
        let body = self
            .json
            .pointer(&format!("/parameters/{parameter}"))
            .unwrap_or_else(|| panic!("{}: no parameter {parameter}", self.name));
        self.used_requests.borrow_mut().insert(parameter.to_owned());
        round_trip(body, &format!("{} request {parameter}", self.name))
    }

    /// Fails when a body in the file was not decoded, so a new status or request cannot slip by.
    fn assert_all_bodies_checked(&self) {
        let responses = self.json["responses"].as_object().expect("responses");
        for (status, response) in responses {
            if response.get("body").is_some() {
                assert!(
                    self.used_responses.borrow().contains(status),
                    "{}: the body of response {status} is not checked",
                    self.name
                );
            }
        }
        let parameters = self.json["parameters"].as_object().expect("parameters");
        for (name, value) in parameters {
            if value.is_object() {
                assert!(
                    self.used_requests.borrow().contains(name),
                    "{}: the request body `{name}` is not checked",
                    self.name
                );
            }
        }
    }
}

type Check = fn(&Example);

/// Every example file and how to read it. A file missing here fails `every_example_round_trips`.
const CHECKS: &[(&str, Check)] = &[
    ("Accounts_Get.json", accounts_get),
    ("Accounts_List.json", accounts_list),
    ("Accounts_ListByResourceGroup.json", accounts_list_by_resource_group),
    ("Accounts_ListKeys.json", accounts_list_keys),
    ("Accounts_ListModels.json", accounts_list_models),
    ("Accounts_ListUsages.json", accounts_list_usages),
    ("Accounts_RegenerateKey.json", accounts_regenerate_key),
    ("CheckSkuAvailability.json", check_sku_availability),
    ("Deployments_CreateOrUpdate.json", deployments_create_or_update),
    ("Deployments_Delete.json", deployments_delete),
    ("Deployments_Get.json", deployments_get),
    ("Deployments_List.json", deployments_list),
    ("Deployments_ListSkus.json", deployments_list_skus),
    ("Deployments_Pause.json", deployments_pause),
    ("Deployments_Update.json", deployments_update),
    ("LocationBasedModelCapacities_List.json", model_capacities),
    ("ModelCapacities_List.json", model_capacities),
    ("Models_List_location.json", models_list_location),
    ("RaiPolicies_Get.json", rai_policies_get),
    ("ResourceGroups_Get.json", resource_groups_get),
    ("Subscriptions_List.json", subscriptions_list),
    ("Usages_List.json", usages_list),
    ("Usages_List_GlobalScope.json", usages_list_global_scope),
];

#[test]
fn every_example_round_trips() {
    let mut files: Vec<String> = std::fs::read_dir(examples_dir())
        .expect("contract/azure/arm exists")
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.ends_with(".json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no examples found in {:?}", examples_dir());

    let unmapped: Vec<&String> =
        files.iter().filter(|file| !CHECKS.iter().any(|(name, _)| name == file)).collect();
    assert!(unmapped.is_empty(), "examples with no check in CHECKS: {unmapped:?}");
    let stale: Vec<&str> =
        CHECKS.iter().map(|(name, _)| *name).filter(|name| !files.iter().any(|file| file == name)).collect();
    assert!(stale.is_empty(), "CHECKS names files that do not exist: {stale:?}");

    for file in &files {
        let text = std::fs::read_to_string(examples_dir().join(file)).unwrap();
        let example = Example {
            name: file.clone(),
            json: serde_json::from_str(&text).unwrap_or_else(|error| panic!("{file}: {error}")),
            used_responses: RefCell::default(),
            used_requests: RefCell::default(),
        };
        let (_, check) = CHECKS.iter().find(|(name, _)| name == file).unwrap();
        check(&example);
        example.assert_all_bodies_checked();
    }
}

fn accounts_get(example: &Example) {
    let account: Account = example.response("200");
    assert_eq!(account.name, "myAccount");
    assert_eq!(account.kind, Some(AccountKind::Other("Emotion".into())));
    assert_eq!(account.location.as_deref(), Some("westus"));
    assert_eq!(account.sku.map(|sku| sku.name), Some("F0".to_owned()));
    assert_eq!(
        account.properties.endpoint.as_deref(),
        Some("https://westus.api.cognitive.microsoft.com/emotion/v1.0")
    );
    assert_eq!(account.properties.provisioning_state, Some(ProvisioningState::Succeeded));
    assert_eq!(account.tags.unwrap().get("Owner").map(String::as_str), Some("felixwa"));
}

fn accounts_list(example: &Example) {
    let page: Page<Account> = example.response("200");
    let names: Vec<&str> = page.value.iter().map(|account| account.name.as_str()).collect();
    assert_eq!(names, ["bingSearch", "CrisProd", "rayrptest0308", "raytest02"]);
    assert!(page.value.iter().all(|account| account.properties.endpoint.is_some()));
    assert_eq!(page.value[1].kind, Some(AccountKind::Other("CRIS".into())));
    assert_eq!(page.next_link, None);
}

fn accounts_list_by_resource_group(example: &Example) {
    let page: Page<Account> = example.response("200");
    assert_eq!(page.value.len(), 2);
    assert_eq!(page.value[1].name, "TestPropertyWU2");
    assert_eq!(page.value[1].tags.as_ref().map(|tags| tags.len()), Some(0));
    assert_eq!(
        page.value[1].properties.endpoint.as_deref(),
        Some("https://westus.api.cognitive.microsoft.com/face/v1.0")
    );
}

fn accounts_list_keys(example: &Example) {
    let keys: AccountKeys = example.response("200");
    assert_eq!((keys.key1.as_str(), keys.key2.as_str()), ("KEY1", "KEY2"));
}

fn accounts_list_models(example: &Example) {
    let page: Page<Model> = example.response("200");
    let fine_tuned = &page.value[0];
    assert_eq!(fine_tuned.name, "ada.1");
    assert_eq!(fine_tuned.format, "OpenAI");
    assert_eq!(fine_tuned.version.as_deref(), Some("1"));
    assert_eq!(fine_tuned.base_model.as_ref().map(|base| base.name.as_str()), Some("ada"));
    assert_eq!(fine_tuned.max_capacity, Some(10));
    assert_eq!(fine_tuned.capabilities.get("fineTune").map(String::as_str), Some("true"));
    let deprecation = fine_tuned.deprecation.as_ref().unwrap();
    assert_eq!(deprecation.inference.as_deref(), Some("2024-01-01T00:00:00Z"));
    assert_eq!(deprecation.fine_tune.as_deref(), Some("2024-01-01T00:00:00Z"));
    assert!(fine_tuned.skus.is_empty(), "no skus in the example");
    assert_eq!(page.value[1].name, "davinci");
}

fn accounts_list_usages(example: &Example) {
    let page: Page<Usage> = example.response("200");
    let usage = &page.value[0];
    assert_eq!(usage.name.value, "Face.Transactions");
    assert_eq!(usage.name.localized_value.as_deref(), Some("Face.Transactions"));
    assert_eq!((usage.current_value, usage.limit), (3.0, 30000.0));
    assert_eq!(usage.free(), 29997.0);
    assert_eq!(usage.quota_period.as_deref(), Some("30.00:00:00"));
    assert_eq!(usage.next_reset_time.as_deref(), Some("2018-03-28T09:33:51Z"));
    assert_eq!(usage.status.as_deref(), Some("Included"));
    assert_eq!(usage.scope_type.as_deref(), Some("Regional"));
}

fn accounts_regenerate_key(example: &Example) {
    let request: RegenerateKeyRequest = example.request("parameters");
    assert_eq!(request.key_name, KeyName::Key2);
    let keys: AccountKeys = example.response("200");
    assert_eq!(keys.key2, "KEY2");
}

fn check_sku_availability(example: &Example) {
    let request: CheckSkuAvailabilityRequest = example.request("parameters");
    assert_eq!(request.skus, ["S0"]);
    assert_eq!(request.kind, AccountKind::Other("Face".into()));
    let page: Page<SkuAvailability> = example.response("200");
    assert_eq!(page.value[0].sku_name.as_deref(), Some("S0"));
    assert_eq!(page.value[0].sku_available, Some(true));
    assert_eq!(page.value[0].reason, None);
}

/// The model and SKU every deployment example in the spec carries.
fn assert_ada_standard(deployment: &Deployment) {
    assert_eq!(deployment.name, "deploymentName");
    let model = &deployment.properties.model;
    assert_eq!((model.format.as_str(), model.name.as_str()), ("OpenAI", "ada"));
    assert_eq!(model.version.as_deref(), Some("1"));
    let sku = deployment.sku.as_ref().unwrap();
    assert_eq!((&sku.name, sku.capacity), (&SkuName::Standard, Some(1)));
}

fn deployments_create_or_update(example: &Example) {
    let request: DeploymentCreate = example.request("deployment");
    assert_eq!(request.properties.model.name, "ada");
    assert_eq!(request.properties.deployment_state, Some(DeploymentState::Running));
    assert_eq!(request.properties.service_tier, Some(ServiceTier::Priority));
    assert_eq!(request.sku, DeploymentSku::new(SkuName::Standard, 1));

    let updated: Deployment = example.response("200");
    assert_ada_standard(&updated);
    assert!(updated.properties.provisioning_state.unwrap().is_terminal());
    let created: Deployment = example.response("201");
    assert_ada_standard(&created);
    assert_eq!(created.properties.provisioning_state, Some(ProvisioningState::Accepted));
    assert!(!created.properties.provisioning_state.unwrap().is_terminal());
    assert_eq!(created.properties.service_tier, Some(ServiceTier::Priority));
}

fn deployments_delete(example: &Example) {
    let responses = example.json["responses"].as_object().unwrap();
    let statuses: Vec<&str> = responses.keys().map(String::as_str).collect();
    assert_eq!(statuses, ["200", "202", "204"]);
    assert_eq!(
        example.json.pointer("/responses/202/headers/azure-asyncoperation"),
        Some(&json!("http://azure.async.operation/status"))
    );
}

fn deployments_get(example: &Example) {
    let deployment: Deployment = example.response("200");
    assert_ada_standard(&deployment);
    assert_eq!(deployment.properties.deployment_state, Some(DeploymentState::Running));
    assert_eq!(deployment.properties.service_tier, Some(ServiceTier::Default));
    assert_eq!(deployment.properties.provisioning_state, Some(ProvisioningState::Succeeded));
}

fn deployments_list(example: &Example) {
    let page: Page<Deployment> = example.response("200");
    assert_eq!(page.value.len(), 1);
    assert_ada_standard(&page.value[0]);
}

fn deployments_list_skus(example: &Example) {
    let page: Page<DeploymentSkuOption> = example.response("200");
    let option = &page.value[0];
    assert_eq!(option.sku.name, SkuName::Standard);
    let range = option.capacity.as_ref().unwrap();
    assert_eq!(
        (range.minimum, range.maximum, range.step, range.default),
        (Some(100), Some(1000), Some(100), Some(100))
    );
    assert_eq!(range.allowed_values, [100, 200]);
}

fn deployments_pause(example: &Example) {
    let deployment: Deployment = example.response("200");
    assert_eq!(deployment.properties.deployment_state, Some(DeploymentState::Paused));
    assert_eq!(deployment.properties.model.name, "gpt-4");
    assert_eq!(deployment.properties.model.version.as_deref(), Some("0613"));
}

fn deployments_update(example: &Example) {
    let patch: DeploymentPatch = example.request("deployment");
    assert_eq!(patch.sku, Some(DeploymentSku::new(SkuName::Standard, 1)));
    assert_eq!(patch.tags, None);
    let deployment: Deployment = example.response("200");
    assert_ada_standard(&deployment);
    assert_eq!(deployment.properties.deployment_state, Some(DeploymentState::Paused));
    assert!(example.json.pointer("/responses/202/body").is_none());
}

fn model_capacities(example: &Example) {
    let page: Page<ModelCapacity> = example.response("200");
    let capacity = &page.value[0];
    assert_eq!(capacity.location.as_deref(), Some("WestUS"));
    let properties = &capacity.properties;
    assert_eq!(properties.available_capacity, Some(300.0));
    assert_eq!(properties.available_finetune_capacity, Some(20.0));
    assert_eq!(properties.sku_name, Some(SkuName::Standard));
    assert_eq!(properties.model.as_ref().map(|model| model.name.as_str()), Some("ada"));
}

fn models_list_location(example: &Example) {
    let page: Page<CatalogModel> = example.response("200");
    assert_eq!(page.value.len(), 6);
    for item in &page.value {
        assert!(!item.model.name.is_empty() && !item.model.format.is_empty());
        assert!(item.model.version.is_some(), "{} has a version", item.model.name);
        assert!(!item.model.skus.is_empty(), "{} has skus", item.model.name);
        assert!(item.model.skus.iter().all(|sku| sku.usage_name.is_some() && sku.capacity.is_some()));
        assert_eq!(item.sku_name.as_deref(), Some("S0"));
    }

    let find = |name: &str, version: &str| {
        page.value
            .iter()
            .find(|item| item.model.name == name && item.model.version.as_deref() == Some(version))
            .unwrap_or_else(|| panic!("{name} {version} in the catalog"))
    };

    let gpt_4o = find("gpt-4o", "2024-08-06");
    assert_eq!(gpt_4o.kind, Some(AccountKind::OpenAi));
    assert_eq!(gpt_4o.model.lifecycle_status, Some(LifecycleStatus::GenerallyAvailable));
    let standard = &gpt_4o.model.skus[0];
    assert_eq!(standard.name, SkuName::Standard);
    assert_eq!(standard.usage_name.as_deref(), Some("OpenAI.Standard.GPT4o"));
    assert_eq!(
        standard.capacity,
        Some(CapacityRange {
            minimum: Some(1),
            maximum: Some(100),
            step: Some(1),
            default: Some(10),
            allowed_values: vec![]
        })
    );
    // The catalog spells this legacy SKU in lower case; it must come back exactly so.
    assert_eq!(gpt_4o.model.skus[1].name, SkuName::Other("provisioned".into()));
    assert_eq!(gpt_4o.model.finetune_capabilities.get("fineTune").map(String::as_str), Some("true"));

    let turbo = find("gpt-35-turbo", "0301");
    assert_eq!(turbo.model.lifecycle_status, Some(LifecycleStatus::Deprecated));
    assert_eq!(turbo.model.capabilities.get("maxTotalToken").map(String::as_str), Some("4096"));
    let range = turbo.model.skus[0].capacity.as_ref().unwrap();
    assert_eq!((range.minimum, range.maximum, range.default), (None, Some(1_000_000), Some(120)));
    assert_eq!(turbo.model.skus[0].deprecation_date.as_deref(), Some("2025-02-13T00:00:00Z"));

    let deprecating = find("gpt-4o", "2024-05-13");
    assert_eq!(deprecating.model.lifecycle_status, Some(LifecycleStatus::Deprecating));
    let replacement = deprecating.model.replacement_config.as_ref().unwrap();
    assert_eq!(replacement.target_model_name.as_deref(), Some("gpt-4.1"));
    assert_eq!(replacement.upgrade_on_expiry_lead_time_days, Some(7));

    let llama = find("Llama-3.2-90B-Vision-Instruct", "2");
    assert_eq!(llama.kind, Some(AccountKind::AiServices));
    assert_eq!(llama.model.format, "Meta");
    assert_eq!(llama.model.lifecycle_status, Some(LifecycleStatus::Stable));
    assert_eq!(llama.model.skus[0].name, SkuName::GlobalStandard);
    assert_eq!(
        llama.model.deprecation.as_ref().and_then(|d| d.inference.as_deref()),
        Some("2099-12-31T00:00:00Z")
    );

    assert_eq!(find("ada", "1").model.lifecycle_status, Some(LifecycleStatus::Legacy));
    assert_eq!(find("dall-e-3", "3.0").model.is_default_version, Some(true));
}

fn rai_policies_get(example: &Example) {
    let policy: RaiPolicy = example.response("200");
    assert_eq!(policy.name, "raiPolicyName");
    assert_eq!(policy.properties.mode.as_deref(), Some("Asynchronous_filter"));
    assert_eq!(policy.properties.base_policy_name.as_deref(), Some("Microsoft.Default"));
    let filters = &policy.properties.content_filters;
    assert_eq!(filters.len(), 12);
    let hate_prompt = &filters[0];
    assert_eq!(hate_prompt.name.as_deref(), Some("Hate"));
    assert_eq!((hate_prompt.enabled, hate_prompt.blocking), (Some(false), Some(false)));
    assert_eq!(hate_prompt.severity_threshold.as_deref(), Some("High"));
    assert_eq!(hate_prompt.source.as_deref(), Some("Prompt"));
    assert_eq!(filters[9].name.as_deref(), Some("Protected Material Text"));
    assert_eq!(filters[9].severity_threshold, None);
}

fn resource_groups_get(example: &Example) {
    let group: ResourceGroup = example.response("200");
    assert_eq!(group.name, "my-resource-group");
    assert_eq!(group.location.as_deref(), Some("westus2"));
    assert_eq!(group.properties.unwrap().provisioning_state, Some(ProvisioningState::Succeeded));
}

fn subscriptions_list(example: &Example) {
    let page: Page<Subscription> = example.response("200");
    assert_eq!(page.next_link.as_deref(), Some("http://nextlink"));
    let first = &page.value[0];
    assert_eq!(first.subscription_id, "291bba3f-e0a5-47bc-a099-3bdcb2a50a05");
    assert_eq!(first.display_name.as_deref(), Some("Example Subscription"));
    assert_eq!(first.state.as_deref(), Some("Enabled"));
    assert_eq!(first.tenant_id.as_deref(), Some("31c75423-32d6-4322-88b7-c478bdde4858"));
    assert_eq!(page.value[1].managed_by_tenants.len(), 2);
    let policies = first.subscription_policies.as_ref().unwrap();
    assert_eq!(policies.spending_limit.as_deref(), Some("Off"));
}

fn usages_list(example: &Example) {
    let page: Page<Usage> = example.response("200");
    let usage = &page.value[0];
    assert_eq!(usage.name.value, "AccountCount");
    assert_eq!((usage.current_value, usage.limit, usage.free()), (3.0, 200.0, 197.0));
    assert_eq!(usage.unit.as_deref(), Some("Count"));
}

fn usages_list_global_scope(example: &Example) {
    let page: Page<Usage> = example.response("200");
    let usage = &page.value[0];
    assert_eq!((usage.current_value, usage.limit), (5.0, 500.0));
    assert_eq!(usage.scope_type.as_deref(), Some("Global"));
    assert_eq!(usage.scope_id.as_deref(), Some("Global"));
}

// ---- Real-traffic quirks the spec examples do not show ----

fn model_sku(json: Value) -> ModelSku {
    serde_json::from_value(json).unwrap()
}

#[test]
fn costs_and_cost_both_decode_and_cost_is_sent() {
    let meter = json!([{"name": "gpt-4o-Inp-glbl", "meterId": "m-1", "unit": "1K"}]);
    let plural = model_sku(json!({"name": "GlobalStandard", "costs": meter}));
    let singular = model_sku(json!({"name": "GlobalStandard", "cost": meter}));
    assert_eq!(plural, singular);
    assert_eq!(plural.costs[0].meter_id.as_deref(), Some("m-1"));
    assert_eq!(plural.costs[0].unit.as_deref(), Some("1K"));
    let encoded = serde_json::to_value(&plural).unwrap();
    assert_eq!(encoded["cost"], meter);
    assert!(encoded.get("costs").is_none());
}

#[test]
fn ratelimits_and_rate_limits_both_decode_and_rate_limits_is_sent() {
    // As Azure sends them: whole numbers, which must go back out without a fraction.
    let limits = json!([{"key": "request", "renewalPeriod": 10, "count": 6},
                        {"key": "token", "renewalPeriod": 60, "count": 1000}]);
    let camel = model_sku(json!({"name": "Standard", "rateLimits": limits}));
    let lower = model_sku(json!({"name": "Standard", "ratelimits": limits}));
    assert_eq!(camel, lower);
    assert_eq!(lower.rate_limits[1].key.as_deref(), Some("token"));
    assert_eq!(lower.rate_limits[1].count, Some(1000.0));
    let encoded = serde_json::to_value(&lower).unwrap();
    assert_eq!(encoded["rateLimits"], limits);
    assert!(encoded.get("ratelimits").is_none());

    let deployment = |key: &str| -> Deployment {
        serde_json::from_value(json!({"id": "/d", "name": "d", "properties": {
            "model": {"format": "OpenAI", "name": "gpt-4o"}, key: limits}}))
        .unwrap()
    };
    assert_eq!(deployment("ratelimits"), deployment("rateLimits"));
    assert_eq!(deployment("ratelimits").properties.rate_limits[0].renewal_period, Some(10.0));
}

#[test]
fn unknown_provisioning_state_round_trips_verbatim() {
    let original = json!({"id": "/d", "name": "d",
        "properties": {"model": {"format": "OpenAI", "name": "gpt-4o"}, "provisioningState": "Moving"}});
    let deployment: Deployment = round_trip(&original, "Moving");
    let state = deployment.properties.provisioning_state.clone().unwrap();
    assert_eq!(state, ProvisioningState::Other("Moving".into()));
    assert!(!state.is_terminal());
    assert_eq!(serde_json::to_value(&deployment).unwrap(), original);
}

#[test]
fn unknown_enum_values_everywhere_round_trip() {
    let original = json!({"id": "/d", "name": "d", "sku": {"name": "GlobalTurbo", "capacity": 3},
        "properties": {"model": {"format": "OpenAI", "name": "gpt-9"},
            "deploymentState": "Hibernating", "serviceTier": "Flex",
            "versionUpgradeOption": "Whenever"}});
    let deployment: Deployment = round_trip(&original, "unknown values");
    assert_eq!(deployment.sku.as_ref().unwrap().name, SkuName::Other("GlobalTurbo".into()));
    assert_eq!(deployment.properties.service_tier, Some(ServiceTier::Other("Flex".into())));
    assert_eq!(serde_json::to_value(&deployment).unwrap(), original);
}

#[test]
fn unknown_fields_are_ignored() {
    let deployment: Deployment = serde_json::from_value(json!({"id": "/d", "name": "d",
        "brandNewTopLevel": {"x": 1},
        "properties": {"model": {"format": "OpenAI", "name": "gpt-4o", "futureField": true},
                       "somethingElse": [1, 2]}}))
    .unwrap();
    assert_eq!(deployment.properties.model.name, "gpt-4o");
    let encoded = serde_json::to_value(&deployment).unwrap();
    assert!(encoded.get("brandNewTopLevel").is_none());
}

#[test]
fn model_format_with_a_space_is_kept() {
    let item: CatalogModel = serde_json::from_value(json!({"kind": "AIServices", "skuName": "S0",
        "model": {"format": "Mistral AI", "name": "Mistral-Large-2411", "version": "2",
                  "skus": [{"name": "GlobalStandard", "usageName": "AIServices.GlobalStandard.MaaS",
                            "capacity": {"default": 1, "maximum": 1}}]}}))
    .unwrap();
    assert_eq!(item.model.format, "Mistral AI");
    assert_eq!(serde_json::to_value(&item).unwrap()["model"]["format"], "Mistral AI");
}

#[test]
fn empty_or_missing_skus_mean_no_way_to_deploy() {
    let empty: Model =
        serde_json::from_value(json!({"format": "OpenAI", "name": "a", "version": "1", "skus": []})).unwrap();
    let missing: Model =
        serde_json::from_value(json!({"format": "OpenAI", "name": "a", "version": "1"})).unwrap();
    assert!(empty.skus.is_empty());
    assert_eq!(empty, missing);
}

#[test]
fn lower_case_succeeded_is_terminal_and_kept_as_sent() {
    let status: OperationStatus = serde_json::from_value(json!({"status": "succeeded"})).unwrap();
    assert!(status.status.is_terminal());
    assert_eq!(status.status.canonical(), ProvisioningState::Succeeded);
    assert_eq!(serde_json::to_value(&status).unwrap(), json!({"status": "succeeded"}));
}

#[test]
fn error_body_with_only_a_code_decodes() {
    let original = json!({"error": {"code": "RequestConflict"}});
    let body: ArmErrorBody = round_trip(&original, "code only");
    assert_eq!(body.error.code, "RequestConflict");
    assert_eq!(body.error.message, "");
    assert!(body.error.details.is_empty() && body.error.additional_info.is_empty());
    assert_eq!(serde_json::to_value(&body).unwrap(), original);
}

#[test]
fn capability_numbers_stay_strings() {
    let model: Model = serde_json::from_value(json!({"format": "OpenAI", "name": "gpt-4o",
        "capabilities": {"maxContextToken": "128000", "maxOutputToken": 16384, "chatCompletion": true}}))
    .unwrap();
    assert_eq!(model.capabilities["maxContextToken"], "128000");
    assert_eq!(model.capabilities["maxOutputToken"], "16384");
    assert_eq!(model.capabilities["chatCompletion"], "true");
}

#[test]
fn null_collections_decode_as_empty() {
    let item: CatalogModel = serde_json::from_value(json!({"kind": "OpenAI", "model": {
        "format": "OpenAI", "name": "gpt-4o", "version": "2024-11-20", "capabilities": null,
        "skus": [{"name": "Standard", "rateLimits": null, "cost": null,
                  "capacity": {"maximum": 10, "allowedValues": null}}]}}))
    .unwrap();
    assert!(item.model.capabilities.is_empty());
    assert!(item.model.skus[0].rate_limits.is_empty() && item.model.skus[0].costs.is_empty());
    assert_eq!(item.model.skus[0].capacity.as_ref().unwrap().maximum, Some(10));

    let account: Account = serde_json::from_value(json!({"id": "/a", "name": "a",
        "properties": {"endpoints": null, "capabilities": null}}))
    .unwrap();
    assert!(account.properties.endpoints.is_empty());
    let account: Account =
        serde_json::from_value(json!({"id": "/a", "name": "a", "properties": null})).unwrap();
    assert_eq!(account.properties, AccountProperties::default());

    let page: Page<Usage> = serde_json::from_value(json!({"value": null})).unwrap();
    assert!(page.value.is_empty());
}

#[test]
fn a_page_without_value_is_empty() {
    let page: Page<Deployment> = serde_json::from_value(json!({})).unwrap();
    assert!(page.value.is_empty() && page.next_link.is_none());
}

#[test]
fn regenerate_key_request_accepts_only_the_two_key_names() {
    let body = serde_json::to_value(RegenerateKeyRequest { key_name: KeyName::Key2 }).unwrap();
    assert_eq!(body, json!({"keyName": "Key2"}));
    assert!(serde_json::from_value::<RegenerateKeyRequest>(json!({"keyName": "Key3"})).is_err());
}
