use foundry_azure::arm::models::Deployment;
use url::Url;

use super::tests::{account, facts};
use super::*;

/// `chat`: gpt-4o 2024-11-20, GlobalStandard × 15, running, upgrades when a new default comes.
fn chat() -> Deployment {
    serde_json::from_value(serde_json::json!({
        "id": "/subscriptions/sub-1/resourceGroups/rg-ai/providers/Microsoft.CognitiveServices/accounts/contoso-openai/deployments/chat",
        "name": "chat",
        "sku": {"name": "GlobalStandard", "capacity": 15},
        "properties": {
            "model": {"format": "OpenAI", "name": "gpt-4o", "version": "2024-11-20"},
            "provisioningState": "Succeeded", "deploymentState": "Running",
            "versionUpgradeOption": "OnceNewDefaultVersionAvailable", "raiPolicyName": "Microsoft.DefaultV2",
            "dynamicThrottlingEnabled": true, "spilloverDeploymentName": "chat-overflow"
        },
        "tags": {"team": "search"}
    }))
    .unwrap()
}

fn scale(capacity: u32) -> DeploymentChange {
    DeploymentChange::Scale { sku_name: "GlobalStandard".into(), capacity }
}

#[test]
fn a_resize_counts_the_deployments_own_capacity_as_free() {
    // 480 of 500 used, 15 of them by `chat` itself: it can grow to 35, not 36.
    let ChangeRequest::Patch(patch) = check_change(&chat(), &scale(35), &facts()).unwrap() else {
        panic!("a resize is a PATCH")
    };
    assert_eq!(serde_json::to_string(&patch).unwrap(), r#"{"sku":{"name":"GlobalStandard","capacity":35}}"#);
    let problems = check_change(&chat(), &scale(36), &facts()).unwrap_err();
    assert_eq!(problems[0].field, DraftField::Capacity);
    assert!(problems[0].message.starts_with("36 is more than the 35 free"), "{problems:?}");
    assert!(problems[0].message.contains("https://aka.ms/oai/quotaincrease"));
    assert!(check_change(&chat(), &scale(0), &facts()).unwrap_err()[0].message.contains("at least 1"));
    assert_eq!(
        check_change(&chat(), &scale(15), &facts()).unwrap_err()[0].message,
        "that is what it has already"
    );
    let other_type = DeploymentChange::Scale { sku_name: "Standard".into(), capacity: 10 };
    assert!(check_change(&chat(), &other_type, &facts()).unwrap_err()[0]
        .message
        .ends_with("offered: GlobalStandard"));
}

#[test]
fn a_version_change_puts_the_whole_deployment_and_refuses_retiring_versions() {
    let change = DeploymentChange::Model {
        version: "2024-11-20".into(),
        version_upgrade: Some("NoAutoUpgrade".into()),
    };
    let request = check_change(&chat(), &change, &facts()).unwrap();
    let arm = Url::parse("https://management.azure.com").unwrap();
    let preview = change_preview(&arm, &account(), "chat", &request, "2026-09-01");
    assert_eq!(preview.method, "PUT");
    assert!(preview.url.ends_with("/accounts/contoso-openai/deployments/chat?api-version=2026-09-01"));
    // Everything PUT would otherwise reset is sent as it is: type, capacity, filter, state, throttling,
    // spillover, tags.
    assert_eq!(
        preview.body,
        r#"{
  "sku": {
    "name": "GlobalStandard",
    "capacity": 15
  },
  "properties": {
    "model": {
      "format": "OpenAI",
      "name": "gpt-4o",
      "version": "2024-11-20"
    },
    "versionUpgradeOption": "NoAutoUpgrade",
    "raiPolicyName": "Microsoft.DefaultV2",
    "deploymentState": "Running",
    "dynamicThrottlingEnabled": true,
    "spilloverDeploymentName": "chat-overflow"
  },
  "tags": {
    "team": "search"
  }
}"#
    );

    let back = DeploymentChange::Model { version: "2024-05-13".into(), version_upgrade: None };
    assert!(check_change(&chat(), &back, &facts()).unwrap_err()[0]
        .message
        .contains("accepts no new deployments"));
    let missing = DeploymentChange::Model { version: "2099-01-01".into(), version_upgrade: None };
    assert!(check_change(&chat(), &missing, &facts()).unwrap_err()[0]
        .message
        .ends_with("versions offered: 2024-11-20, 2024-05-13"));
    let same = DeploymentChange::Model {
        version: "2024-11-20".into(),
        version_upgrade: Some("OnceNewDefaultVersionAvailable".into()),
    };
    assert_eq!(check_change(&chat(), &same, &facts()).unwrap_err()[0].message, "that is what it has already");
}

#[test]
fn only_standard_family_deployments_pause_and_only_when_running() {
    let arm = Url::parse("https://management.azure.com").unwrap();
    let request = check_change(&chat(), &DeploymentChange::Pause, &facts()).unwrap();
    let preview = change_preview(&arm, &account(), "chat", &request, "2026-09-01");
    assert_eq!((preview.method.as_str(), preview.body.as_str()), ("POST", ""));
    assert!(preview.url.ends_with("/deployments/chat/pause?api-version=2026-09-01"), "{}", preview.url);
    assert!(check_change(&chat(), &DeploymentChange::Resume, &facts()).unwrap_err()[0]
        .message
        .contains("already running"));

    let mut provisioned = chat();
    provisioned.sku = Some(foundry_azure::arm::models::DeploymentSku::new("ProvisionedManaged".into(), 50));
    let problems = check_change(&provisioned, &DeploymentChange::Pause, &facts()).unwrap_err();
    assert!(
        problems[0].message.starts_with("ProvisionedManaged deployments cannot be paused"),
        "{problems:?}"
    );
}

#[test]
fn a_version_left_out_of_the_catalog_can_still_change_policy_or_move_to_a_listed_one() {
    let mut old = chat();
    old.properties.model.version = Some("2024-08-06".into());
    let policy = DeploymentChange::Model {
        version: "2024-08-06".into(),
        version_upgrade: Some("NoAutoUpgrade".into()),
    };
    assert!(matches!(check_change(&old, &policy, &facts()), Ok(ChangeRequest::Put(_))));
    let upgrade = DeploymentChange::Model { version: "2024-11-20".into(), version_upgrade: None };
    let Ok(ChangeRequest::Put(body)) = check_change(&old, &upgrade, &facts()) else {
        panic!("a listed version")
    };
    assert_eq!(body.properties.model.version.as_deref(), Some("2024-11-20"));

    // The capacity it keeps must fit the new version's type.
    old.sku = Some(foundry_azure::arm::models::DeploymentSku::new("GlobalStandard".into(), 600));
    let problems = check_change(&old, &upgrade, &facts()).unwrap_err();
    assert_eq!(problems[0].field, DraftField::Capacity);
    assert!(
        problems[0]
            .message
            .starts_with("its capacity does not fit 2024-11-20: GlobalStandard takes at most 500"),
        "{problems:?}"
    );
}
