//! Deployments of the seeded Sandbox over real HTTP: reading them, the quota a create takes and a delete
//! gives back, and every refusal a create can meet, as the user would see it.

mod sim;

use foundry_azure::arm::models::{DeploymentState, ProvisioningState, SkuName};
use foundry_azure::error::{AzureError, ErrorKind};
use sim::{create_body, free_in_east, openai, quiet, Sandbox};

#[tokio::test]
async fn the_seeded_deployments_list_with_model_sku_and_state() {
    let sandbox = Sandbox::fast().await;
    let deployments = sandbox.client.list_deployments(&openai()).await.unwrap();
    let shown: Vec<String> = deployments
        .iter()
        .map(|d| {
            let sku = d.sku.as_ref().unwrap();
            let model = &d.properties.model;
            format!(
                "{} {} {} {} {}",
                d.name,
                model.name,
                model.version.as_deref().unwrap_or("-"),
                sku.name,
                sku.capacity.unwrap_or(0)
            )
        })
        .collect();
    assert_eq!(
        shown,
        vec![
            "gpt-4o gpt-4o 2024-11-20 GlobalStandard 50",
            "gpt-4o-mini gpt-4o-mini 2024-07-18 Standard 30",
            "embeddings text-embedding-3-small 1 Standard 20",
        ]
    );
    for d in &deployments {
        assert_eq!(d.properties.provisioning_state, Some(ProvisioningState::Succeeded), "{}", d.name);
    }
}

#[tokio::test]
async fn one_deployment_reads_with_its_limits_and_capabilities() {
    let sandbox = Sandbox::fast().await;
    let d = sandbox.client.get_deployment(&openai(), "gpt-4o").await.unwrap();
    assert_eq!(d.id, format!("{}/deployments/gpt-4o", openai().path()));
    assert_eq!(d.properties.model.format, "OpenAI");
    assert_eq!(d.properties.provisioning_state, Some(ProvisioningState::Succeeded));
    assert_eq!(d.properties.deployment_state, Some(DeploymentState::Running));
    assert_eq!(d.properties.current_capacity, Some(50));
    assert_eq!(d.properties.rai_policy_name.as_deref(), Some("Microsoft.DefaultV2"));
    assert_eq!(d.properties.capabilities.get("chatCompletion").map(String::as_str), Some("true"));
    let limit = |key: &str| {
        d.properties.rate_limits.iter().find(|r| r.key.as_deref() == Some(key)).and_then(|r| r.count)
    };
    assert_eq!(limit("token"), Some(50_000.0), "50 units of 1,000 tokens per minute");
    assert_eq!(limit("request"), Some(300.0), "6 requests per minute per unit");
}

#[tokio::test]
async fn a_deployment_lists_the_skus_it_could_move_to() {
    let sandbox = Sandbox::fast().await;
    let skus = sandbox.client.list_deployment_skus(&openai(), "gpt-4o-mini").await.unwrap();
    let names: Vec<String> = skus.iter().map(|s| s.sku.name.to_string()).collect();
    assert_eq!(
        names,
        ["Standard", "GlobalStandard", "DataZoneStandard", "GlobalBatch", "ProvisionedManaged"]
    );
    let ptu = skus.iter().find(|s| s.sku.name == SkuName::ProvisionedManaged).unwrap();
    let range = ptu.capacity.as_ref().unwrap();
    assert_eq!((range.minimum, range.maximum, range.step), (Some(50), Some(1000), Some(50)));
    assert_eq!(range.allowed_values.first(), Some(&50));
    assert_eq!(range.allowed_values.last(), Some(&1000));
    assert_eq!(range.allowed_values.len(), 20);
}

#[tokio::test]
async fn an_unknown_deployment_is_not_found_in_azures_words() {
    let sandbox = Sandbox::fast().await;
    let err = sandbox.client.get_deployment(&openai(), "nope").await.unwrap_err();
    assert_eq!(err.kind, ErrorKind::NotFound);
    assert_eq!(err.code.as_deref(), Some("DeploymentNotFound"));
    assert_eq!(err.message, "The specified deployment 'nope' does not exist.");
    assert!(err.request_id.is_some());
}

#[tokio::test]
async fn pausing_and_resuming_a_standard_deployment() {
    let sandbox = Sandbox::fast().await;
    let client = &sandbox.client;
    let paused = client.set_deployment_paused(&openai(), "gpt-4o-mini", true, &quiet()).await.unwrap();
    assert_eq!(paused.properties.deployment_state, Some(DeploymentState::Paused));
    let read = client.get_deployment(&openai(), "gpt-4o-mini").await.unwrap();
    assert_eq!(read.properties.deployment_state, Some(DeploymentState::Paused));
    let resumed = client.set_deployment_paused(&openai(), "gpt-4o-mini", false, &quiet()).await.unwrap();
    assert_eq!(resumed.properties.deployment_state, Some(DeploymentState::Running));
}

#[tokio::test]
async fn creating_takes_quota_and_deleting_gives_it_back() {
    let sandbox = Sandbox::fast().await;
    let client = &sandbox.client;
    let quota = "OpenAI.Standard.gpt-4o";
    assert_eq!(free_in_east(client, quota).await, 150.0);
    let body = create_body("gpt-4o", Some("2024-11-20"), SkuName::Standard, 40);
    let created = client.create_or_update_deployment(&openai(), "chat-std", &body, &quiet()).await.unwrap();
    assert_eq!(created.properties.provisioning_state, Some(ProvisioningState::Succeeded));
    assert_eq!(free_in_east(client, quota).await, 110.0);
    client.delete_deployment(&openai(), "chat-std", &quiet()).await.unwrap();
    assert_eq!(free_in_east(client, quota).await, 150.0);
}

fn assert_refused(err: &AzureError, kind: ErrorKind, code: &str, says: &str) {
    assert_eq!(err.kind, kind, "{err}");
    assert_eq!(err.code.as_deref(), Some(code), "{err}");
    assert_eq!(err.status, Some(400), "{err}");
    assert!(err.message.contains(says), "Azure's message verbatim: {}", err.message);
    assert!(err.request_id.is_some(), "a request id to quote to support: {err}");
    assert!(err.to_string().contains(code), "the code is shown: {err}");
}

#[tokio::test]
async fn over_quota_is_a_quota_error_with_azures_message() {
    let sandbox = Sandbox::fast().await;
    let client = &sandbox.client;
    let body = create_body("gpt-4o", Some("2024-11-20"), SkuName::Standard, 200);
    let err = client.create_or_update_deployment(&openai(), "too-big", &body, &quiet()).await.unwrap_err();
    assert_refused(
        &err,
        ErrorKind::Quota,
        "InsufficientQuota",
        "This operation require 200 new capacity in quota OpenAI.Standard.gpt-4o, which is bigger than the \
         current available capacity 150.",
    );
    assert_eq!(client.get_deployment(&openai(), "too-big").await.unwrap_err().kind, ErrorKind::NotFound);
    assert_eq!(free_in_east(client, "OpenAI.Standard.gpt-4o").await, 150.0, "a refusal takes no quota");
}

#[tokio::test]
async fn every_kind_of_invalid_create_is_refused_with_its_code() {
    let sandbox = Sandbox::fast().await;
    let client = &sandbox.client;
    let cases = [
        (
            create_body("gpt-4.1-nano", Some("2025-04-14"), SkuName::Standard, 10),
            "InvalidResourceProperties",
            "The specified SKU 'Standard' of account deployment is not supported by the model 'gpt-4.1-nano",
        ),
        (
            create_body("gpt-4o", Some("2024-11-20"), SkuName::Other("S0".into()), 10),
            "InvalidResourceProperties",
            "The specified SKU 'S0'",
        ),
        (
            create_body("gpt-4o", Some("2024-05-13"), SkuName::GlobalStandard, 10),
            "ServiceModelDeprecating",
            "is being deprecated and no new deployments are allowed",
        ),
        (
            create_body("gpt-35-turbo", Some("0613"), SkuName::Standard, 10),
            "ServiceModelDeprecated",
            "has been deprecated since 2025-02-13",
        ),
        (
            create_body("gpt-4o", Some("2024-11-20"), SkuName::ProvisionedManaged, 60),
            "InvalidCapacity",
            "The capacity '60' of SKU 'ProvisionedManaged' is invalid: it must be between 50 and 1000, in steps of 50.",
        ),
        (
            create_body("gpt-4o", Some("2024-11-20"), SkuName::GlobalStandard, 0),
            "InvalidCapacity",
            "The capacity '0'",
        ),
        (
            create_body("gpt-9", Some("2030-01-01"), SkuName::GlobalStandard, 10),
            "DeploymentModelNotSupported",
            "The model 'Format:OpenAI, Name:gpt-9, Version:2030-01-01' of account deployment is not supported.",
        ),
        (
            {
                let mut body = create_body("gpt-4o", Some("2024-11-20"), SkuName::GlobalStandard, 10);
                body.properties.rai_policy_name = Some("Strict-Typo".into());
                body
            },
            "InvalidResourceProperties",
            "The RAI policy 'Strict-Typo' does not exist on account 'contoso-openai-eastus'.",
        ),
    ];
    for (body, code, says) in cases {
        let err =
            client.create_or_update_deployment(&openai(), "refused", &body, &quiet()).await.unwrap_err();
        assert_refused(&err, ErrorKind::InvalidRequest, code, says);
    }
    assert_eq!(client.get_deployment(&openai(), "refused").await.unwrap_err().kind, ErrorKind::NotFound);
    assert_eq!(client.list_deployments(&openai()).await.unwrap().len(), 3, "nothing was created");
}

#[tokio::test]
async fn a_deployment_name_cannot_reach_another_deployment() {
    // "x/../gpt-4o" must not turn into a DELETE of gpt-4o once the URL is normalised.
    let sandbox = Sandbox::fast().await;
    let client = &sandbox.client;
    for name in ["x/../gpt-4o", "../deployments/gpt-4o", "gpt-4o?x=1", "gpt-4o#x", ""] {
        let err = client.delete_deployment(&openai(), name, &quiet()).await.unwrap_err();
        assert_eq!(err.kind, ErrorKind::InvalidRequest, "{name:?}: {err}");
        assert!(err.status.is_none(), "{name:?} was refused before anything was sent: {err}");
    }
    let names: Vec<String> =
        client.list_deployments(&openai()).await.unwrap().into_iter().map(|d| d.name).collect();
    assert_eq!(names, ["gpt-4o", "gpt-4o-mini", "embeddings"], "nothing was deleted");
}

#[tokio::test]
async fn a_ptu_deployment_cannot_be_paused() {
    let sandbox = Sandbox::fast().await;
    let client = &sandbox.client;
    let body = create_body("gpt-4o", Some("2024-11-20"), SkuName::ProvisionedManaged, 50);
    client.create_or_update_deployment(&openai(), "ptu", &body, &quiet()).await.unwrap();
    let err = client.set_deployment_paused(&openai(), "ptu", true, &quiet()).await.unwrap_err();
    assert_eq!(err.kind, ErrorKind::InvalidRequest);
    assert_eq!(err.code.as_deref(), Some("InvalidResourceProperties"));
    assert!(err.message.contains("only supported for Standard, GlobalStandard and DataZoneStandard"));
    let read = client.get_deployment(&openai(), "ptu").await.unwrap();
    assert_eq!(read.properties.deployment_state, Some(DeploymentState::Running));
}
