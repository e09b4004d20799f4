use std::collections::BTreeMap;

use foundry_azure::arm::models::{Model, Usage};
use foundry_azure::arm::AccountRef;
use url::Url;

use super::*;
use crate::deployments::DeploymentDraft;

/// A contract example's response body items (`contract/azure/arm/<file>`).
fn example<T: serde::de::DeserializeOwned>(
    file: &str,
    pick: impl Fn(serde_json::Value) -> serde_json::Value,
) -> Vec<T> {
    let path = format!("{}/../../contract/azure/arm/{file}", env!("CARGO_MANIFEST_DIR"));
    let example: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let items = example["responses"]["200"]["body"]["value"].as_array().unwrap().clone();
    items.into_iter().map(|item| serde_json::from_value(pick(item)).unwrap()).collect()
}

fn day(text: &str) -> Day {
    parse_day(text).unwrap()
}

fn gpt4o_global() -> SkuChoice {
    let sku: foundry_azure::arm::models::ModelSku = serde_json::from_value(serde_json::json!({
        "name": "GlobalStandard",
        "usageName": "OpenAI.GlobalStandard.gpt-4o",
        "capacity": {"minimum": 1, "maximum": 500, "step": 1, "default": 10},
        "rateLimits": [{"key": "request", "renewalPeriod": 60, "count": 6}, {"key": "token", "renewalPeriod": 60, "count": 1000}]
    }))
    .unwrap();
    sku_choices(&[sku]).remove(0)
}

fn usage(name: &str, used: f64, limit: f64) -> Usage {
    serde_json::from_value(serde_json::json!({"name": {"value": name}, "currentValue": used, "limit": limit}))
        .unwrap()
}

#[test]
fn the_catalog_examples_read_as_choices_with_their_lifecycle_and_retirement() {
    let models: Vec<Model> = example("Models_List_location.json", |item| item["model"].clone());
    let choices = model_choices(&models, day("2026-11-28"));
    assert_eq!(choices.len(), models.iter().filter(|m| m.version.is_some()).count());
    let ada = choices.iter().find(|c| c.name == "ada").unwrap();
    assert_eq!(ada.lifecycle.as_deref(), Some("Legacy"));
    assert_eq!(ada.retires_on.as_deref(), Some("2024-06-14"));
    assert!(ada.blocked.as_deref().unwrap().contains("retired on 2024-06-14"), "{ada:?}");
    let provisioned = &ada.skus[0];
    assert_eq!((provisioned.min_capacity, provisioned.max_capacity, provisioned.step), (100, 1000, 100));
    assert_eq!(provisioned.usage_name.as_deref(), Some("OpenAI.Provisioned.Class1"));
}

#[test]
fn deprecating_models_cannot_be_picked_and_say_why() {
    let model: Model = serde_json::from_value(serde_json::json!({
        "format": "OpenAI", "name": "gpt-35-turbo", "version": "0613", "lifecycleStatus": "Deprecating",
        "capabilities": {"chatCompletion": "true", "maxContextToken": "4096"},
        "deprecation": {"inference": "2027-02-13T00:00:00Z"},
        "skus": [{"name": "Standard", "usageName": "OpenAI.Standard.gpt-35-turbo"}]
    }))
    .unwrap();
    let choice = model_choices(&[model], day("2026-11-28")).remove(0);
    assert_eq!(
        choice.blocked.as_deref(),
        Some("gpt-35-turbo 0613 is being retired on 2027-02-13: Azure accepts no new deployments of it; pick a newer version")
    );
    assert_eq!(
        choice.capabilities,
        Capabilities { chat: true, reasoning: false, embeddings: false, context_window: Some(4096) }
    );
}

#[test]
fn reasoning_models_are_marked_and_search_matches_every_word() {
    let model = |name: &str, version: &str| -> Model {
        serde_json::from_value(serde_json::json!({
            "format": "OpenAI", "name": name, "version": version,
            "capabilities": {"chatCompletion": "true"}, "skus": [{"name": "GlobalStandard"}]
        }))
        .unwrap()
    };
    let choices = model_choices(
        &[model("o3-mini", "2025-01-31"), model("gpt-4o", "2024-08-06"), model("gpt-4o", "2024-11-20")],
        day("2026-11-28"),
    );
    let names: Vec<(&str, &str)> = choices.iter().map(|c| (c.name.as_str(), c.version.as_str())).collect();
    assert_eq!(names, [("gpt-4o", "2024-11-20"), ("gpt-4o", "2024-08-06"), ("o3-mini", "2025-01-31")]);
    assert!(choices[2].capabilities.reasoning && !choices[0].capabilities.reasoning);
    assert_eq!(search(&choices, "GPT 11-20").len(), 1);
    assert_eq!(search(&choices, "openai").len(), 3);
    assert!(search(&choices, "llama").is_empty());
}

#[test]
fn retirement_warnings_come_within_ninety_days_or_from_the_lifecycle() {
    let today = day("2026-11-28");
    assert_eq!(
        retirement_warning(Some("GenerallyAvailable"), Some("2027-01-15T00:00:00Z"), today).as_deref(),
        Some("Retires on 2027-01-15 (in 48 days)")
    );
    assert_eq!(retirement_warning(Some("GenerallyAvailable"), Some("2027-06-01"), today), None);
    assert_eq!(
        retirement_warning(Some("Deprecating"), Some("2027-06-01"), today).as_deref(),
        Some("Retiring on 2027-06-01")
    );
    assert_eq!(retirement_warning(None, Some("2026-10-01"), today).as_deref(), Some("Retired on 2026-10-01"));
    assert_eq!(retirement_warning(None, None, today), None);
}

#[test]
fn quota_is_limit_minus_used_from_the_usages_example() {
    let usages: Vec<Usage> = example("Usages_List.json", |item| item);
    assert_eq!(quota_for(&usages, "accountcount"), Some(Quota { limit: 200.0, used: 3.0, free: 197.0 }));
    assert_eq!(quota_for(&usages, "OpenAI.Standard.gpt-4o"), None);
}

#[test]
fn capacity_is_checked_against_range_step_and_free_quota_with_the_numbers() {
    let sku = gpt4o_global();
    let quota =
        quota_for(&[usage("OpenAI.GlobalStandard.gpt-4o", 450.0, 500.0)], "OpenAI.GlobalStandard.gpt-4o");
    assert_eq!(
        check_capacity(&sku, 50, quota, 0),
        Ok(CapacityFacts { tokens_per_minute: Some(50_000), requests_per_minute: Some(300) })
    );
    let over = check_capacity(&sku, 60, quota, 0).unwrap_err();
    assert_eq!(
        over.to_string(),
        "60 is more than the 50 free in this region (450 of 500 used for OpenAI.GlobalStandard.gpt-4o); lower it, \
         free some up, or request more quota at https://aka.ms/oai/quotaincrease"
    );
    // Resizing a deployment of 20 gives its 20 back first.
    assert!(check_capacity(&sku, 60, quota, 20).is_ok());
    assert_eq!(
        check_capacity(&sku, 0, quota, 0),
        Err(CapacityProblem::BelowMinimum { sku: "GlobalStandard".into(), min: 1 })
    );
    assert_eq!(
        check_capacity(&sku, 501, None, 0),
        Err(CapacityProblem::AboveMaximum { sku: "GlobalStandard".into(), max: 500 })
    );

    let ptu = SkuChoice {
        provisioned: true,
        min_capacity: 100,
        max_capacity: 1000,
        step: 100,
        rpm_per_unit: None,
        ..sku
    };
    assert_eq!(
        check_capacity(&ptu, 250, None, 0).unwrap_err().to_string(),
        "GlobalStandard takes capacity in steps of 100 (e.g. 200 or 300)"
    );
    assert_eq!(
        check_capacity(&ptu, 300, None, 0),
        Ok(CapacityFacts { tokens_per_minute: None, requests_per_minute: None })
    );
}

#[test]
fn each_deployment_type_is_explained_in_a_line() {
    assert_eq!(
        explain_sku("GlobalStandard"),
        "Global: served from any Azure region, the most quota; pay per token."
    );
    assert_eq!(explain_sku("DataZoneProvisionedManaged"), "Data zone: served within the EU or the US data zone; provisioned throughput units (PTU), billed per hour whether used or not.");
    assert_eq!(explain_sku("Standard"), "Regional: served in this resource's region only; pay per token.");
    assert!(explain_sku("GlobalBatch").contains("24 hours"));
}

pub(super) fn account() -> AccountRef {
    AccountRef { subscription: "sub-1".into(), resource_group: "rg-ai".into(), name: "contoso-openai".into() }
}

fn draft() -> DeploymentDraft {
    DeploymentDraft {
        name: "gpt-4o".into(),
        model_format: "OpenAI".into(),
        model_name: "gpt-4o".into(),
        model_version: None,
        sku_name: "GlobalStandard".into(),
        sku_capacity: 10,
        rai_policy: None,
        version_upgrade: None,
        tags: BTreeMap::new(),
    }
}

#[test]
fn the_review_shows_the_exact_request_byte_for_byte() {
    let arm = Url::parse("https://management.azure.com").unwrap();
    let mut draft = draft();
    draft.rai_policy = Some("Microsoft.DefaultV2".into());
    draft.version_upgrade = Some("OnceCurrentVersionExpired".into());
    draft.tags.insert("team".into(), "search".into());
    let request = create_request(&arm, &account(), &draft, "2024-11-20", "2026-09-01");
    assert_eq!(request.method, "PUT");
    assert_eq!(
        request.url,
        "https://management.azure.com/subscriptions/sub-1/resourceGroups/rg-ai/providers/Microsoft.CognitiveServices/accounts/contoso-openai/deployments/gpt-4o?api-version=2026-09-01"
    );
    assert_eq!(
        request.body,
        r#"{
  "sku": {
    "name": "GlobalStandard",
    "capacity": 10
  },
  "properties": {
    "model": {
      "format": "OpenAI",
      "name": "gpt-4o",
      "version": "2024-11-20"
    },
    "versionUpgradeOption": "OnceCurrentVersionExpired",
    "raiPolicyName": "Microsoft.DefaultV2"
  },
  "tags": {
    "team": "search"
  }
}"#
    );
}

#[test]
fn the_az_command_is_the_typed_one_when_it_can_say_everything_else_az_rest() {
    let arm = Url::parse("https://management.azure.com/").unwrap();
    let mut draft = draft();
    draft.model_format = "Mistral AI".into();
    assert_eq!(
        az_command(&arm, &account(), &draft, "2411", "2026-09-01"),
        "az cognitiveservices account deployment create \\\n  --subscription sub-1 \\\n  --resource-group rg-ai \\\n  \
         --name contoso-openai \\\n  --deployment-name gpt-4o \\\n  --model-format 'Mistral AI' \\\n  --model-name gpt-4o \\\n  \
         --model-version 2411 \\\n  --sku-name GlobalStandard \\\n  --sku-capacity 10"
    );
    draft.rai_policy = Some("Team's filter".into());
    let rest = az_command(&arm, &account(), &draft, "2411", "2026-09-01");
    assert!(
        rest.starts_with(
            "az rest --method put \\\n  --url 'https://management.azure.com/subscriptions/sub-1/"
        ),
        "{rest}"
    );
    assert!(rest.ends_with(r#""raiPolicyName":"Team'\''s filter"}}'"#), "{rest}");
}

#[test]
fn the_table_reads_the_deployments_example_and_warns_of_retiring_versions() {
    let deployments: Vec<foundry_azure::arm::models::Deployment> =
        example("Deployments_List.json", |item| item);
    let rows = deployment_rows(&deployments, &[], day("2026-11-28"));
    assert_eq!(rows.len(), deployments.len());
    assert_eq!(rows[0].status, DeploymentStatus::Succeeded);

    let deployment: foundry_azure::arm::models::Deployment = serde_json::from_value(serde_json::json!({
        "id": "/subscriptions/s/resourceGroups/g/providers/Microsoft.CognitiveServices/accounts/a/deployments/chat",
        "name": "chat",
        "sku": {"name": "GlobalStandard", "capacity": 50},
        "properties": {
            "model": {"format": "OpenAI", "name": "gpt-4o", "version": "2024-05-13"},
            "provisioningState": "Succeeded", "deploymentState": "Paused",
            "versionUpgradeOption": "OnceNewDefaultVersionAvailable", "raiPolicyName": "Microsoft.DefaultV2",
            "rateLimits": [{"key": "request", "renewalPeriod": 10, "count": 50}, {"key": "token", "renewalPeriod": 60, "count": 50000}]
        }
    }))
    .unwrap();
    let model: Model = serde_json::from_value(serde_json::json!({
        "format": "OpenAI", "name": "gpt-4o", "version": "2024-05-13", "lifecycleStatus": "GenerallyAvailable",
        "deprecation": {"inference": "2027-01-15T00:00:00Z"}
    }))
    .unwrap();
    let row = deployment_rows(&[deployment], &[model], day("2026-11-28")).remove(0);
    assert_eq!(row.status, DeploymentStatus::Paused);
    assert_eq!((row.tokens_per_minute, row.requests_per_minute), (Some(50_000), Some(300)));
    assert_eq!(row.upgrade_policy.as_deref(), Some("OnceNewDefaultVersionAvailable"));
    assert_eq!(row.content_filter.as_deref(), Some("Microsoft.DefaultV2"));
    assert_eq!(row.warning.as_deref(), Some("Retires on 2027-01-15 (in 48 days)"));
}

pub(super) fn facts() -> PlanFacts {
    let model = |version: &str, lifecycle: &str, default: bool| -> Model {
        serde_json::from_value(serde_json::json!({
            "format": "OpenAI", "name": "gpt-4o", "version": version, "lifecycleStatus": lifecycle,
            "isDefaultVersion": default, "capabilities": {"chatCompletion": "true"},
            "skus": [{"name": "GlobalStandard", "usageName": "OpenAI.GlobalStandard.gpt-4o",
                      "capacity": {"minimum": 1, "maximum": 500, "step": 1, "default": 10}}]
        }))
        .unwrap()
    };
    PlanFacts {
        location: "eastus".into(),
        models: model_choices(
            &[model("2024-05-13", "Deprecating", false), model("2024-11-20", "GenerallyAvailable", true)],
            day("2026-11-28"),
        ),
        usages: vec![usage("OpenAI.GlobalStandard.gpt-4o", 480.0, 500.0)],
        quotas: named_quotas(&[usage("OpenAI.GlobalStandard.gpt-4o", 480.0, 500.0)]),
        existing: vec!["chat".into()],
        rai_policies: vec!["Microsoft.Default".into(), "Microsoft.DefaultV2".into()],
    }
}

#[test]
fn a_good_draft_gets_the_default_version_and_its_numbers() {
    let plan = check_draft(&draft(), &facts()).unwrap();
    assert_eq!((plan.version.as_str(), plan.version_was_default), ("2024-11-20", true));
    assert_eq!(plan.capacity.tokens_per_minute, Some(10_000));
    assert_eq!(plan.quota.map(|q| q.free), Some(20.0));
}

#[test]
fn every_problem_of_a_draft_is_reported_by_field() {
    let mut bad = draft();
    bad.name = "Chat".into();
    bad.model_version = Some("2024-05-13".into());
    bad.sku_capacity = 30;
    bad.rai_policy = Some("Strict".into());
    let problems = check_draft(&bad, &facts()).unwrap_err();
    let fields: Vec<DraftField> = problems.iter().map(|p| p.field).collect();
    assert_eq!(
        fields,
        [DraftField::Name, DraftField::ContentFilter, DraftField::Model, DraftField::Capacity],
        "{problems:?}"
    );
    assert!(problems[0].message.contains("already exists"));
    assert!(problems[1].message.contains("Microsoft.Default, Microsoft.DefaultV2"));
    assert!(problems[2].message.contains("accepts no new deployments"));
    assert!(problems[3].message.contains("30 is more than the 20 free"));

    let mut wrong_type = draft();
    wrong_type.sku_name = "ProvisionedManaged".into();
    let problems = check_draft(&wrong_type, &facts()).unwrap_err();
    assert_eq!(problems[0].field, DraftField::Sku);
    assert!(problems[0].message.ends_with("offered: GlobalStandard"), "{problems:?}");

    let mut unknown = draft();
    unknown.model_name = "gpt-9".into();
    assert_eq!(check_draft(&unknown, &facts()).unwrap_err()[0].field, DraftField::Model);
}
