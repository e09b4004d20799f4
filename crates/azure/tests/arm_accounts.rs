//! Accounts, keys, the models an account can deploy, its usages and its content filters, against the
//! seeded Sandbox over real HTTP.

mod sim;

use foundry_azure::arm::models::{AccountKind, KeyName, LifecycleStatus, ProvisioningState};
use foundry_azure::arm::AccountRef;
use foundry_azure::error::ErrorKind;
use foundry_sim::sandbox::{ACCOUNT_AISERVICES, ACCOUNT_OPENAI, GROUP_EAST, SUBSCRIPTION_ID};
use sim::{aiservices, openai, usage, Sandbox};

#[tokio::test]
async fn accounts_of_the_subscription_show_kind_region_and_endpoint() {
    let sandbox = Sandbox::fast().await;
    let accounts = sandbox.client.list_accounts(SUBSCRIPTION_ID, None).await.unwrap();
    assert_eq!(accounts.len(), 2);
    let (east, sweden) = (&accounts[0], &accounts[1]);
    assert_eq!(east.name, ACCOUNT_OPENAI);
    assert_eq!(east.kind, Some(AccountKind::OpenAi));
    assert_eq!(east.location.as_deref(), Some("eastus"));
    assert_eq!(east.properties.endpoint.as_deref(), Some("https://contoso-openai-eastus.openai.azure.com/"));
    assert_eq!(sweden.name, ACCOUNT_AISERVICES);
    assert_eq!(sweden.kind, Some(AccountKind::AiServices));
    assert_eq!(sweden.location.as_deref(), Some("swedencentral"));
    assert_eq!(
        sweden.properties.endpoint.as_deref(),
        Some("https://contoso-ai-swedencentral.cognitiveservices.azure.com/")
    );
}

#[tokio::test]
async fn accounts_of_one_group_are_only_that_groups() {
    let sandbox = Sandbox::fast().await;
    let accounts = sandbox.client.list_accounts(SUBSCRIPTION_ID, Some(GROUP_EAST)).await.unwrap();
    let names: Vec<&str> = accounts.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, vec![ACCOUNT_OPENAI]);
}

#[tokio::test]
async fn one_account_reads_with_its_endpoints_sku_and_state() {
    let sandbox = Sandbox::fast().await;
    let account = sandbox.client.get_account(&aiservices()).await.unwrap();
    assert_eq!(account.id, aiservices().path());
    assert_eq!(account.sku.as_ref().map(|s| s.name.as_str()), Some("S0"));
    assert_eq!(account.properties.provisioning_state, Some(ProvisioningState::Succeeded));
    assert_eq!(account.properties.disable_local_auth, Some(false));
    assert_eq!(
        account.properties.endpoints.get("Azure AI Model Inference API").map(String::as_str),
        Some("https://contoso-ai-swedencentral.services.ai.azure.com/")
    );
    assert_eq!(account.tags.as_ref().and_then(|t| t.get("environment")).map(String::as_str), Some("sandbox"));
}

#[tokio::test]
async fn a_missing_account_is_not_found() {
    let sandbox = Sandbox::fast().await;
    let missing = AccountRef { name: "nope".into(), ..openai() };
    let err = sandbox.client.get_account(&missing).await.unwrap_err();
    assert_eq!(err.kind, ErrorKind::NotFound);
    assert_eq!(err.code.as_deref(), Some("ResourceNotFound"));
    assert!(err.message.contains("Microsoft.CognitiveServices/accounts/nope"), "{}", err.message);
}

#[tokio::test]
async fn regenerating_key1_changes_key1_and_keeps_key2() {
    let sandbox = Sandbox::fast().await;
    let before = sandbox.client.list_keys(&openai()).await.unwrap();
    assert!(before.key1.len() >= 32 && before.key2.len() >= 32, "two real-looking keys");
    assert_ne!(before.key1, before.key2);
    let after = sandbox.client.regenerate_key(&openai(), KeyName::Key1).await.unwrap();
    assert_ne!(after.key1, before.key1, "Key1 was regenerated");
    assert_eq!(after.key2, before.key2, "Key2 keeps working while Key1 rotates");
    // What listKeys says afterwards is what regenerateKey returned.
    let listed = sandbox.client.list_keys(&openai()).await.unwrap();
    assert_eq!((listed.key1, listed.key2), (after.key1, after.key2.clone()));
    let again = sandbox.client.regenerate_key(&openai(), KeyName::Key2).await.unwrap();
    assert_ne!(again.key2, after.key2);
}

#[tokio::test]
async fn the_openai_account_can_deploy_openai_models_with_their_lifecycle() {
    let sandbox = Sandbox::fast().await;
    let models = sandbox.client.list_account_models(&openai()).await.unwrap();
    assert!(models.iter().all(|m| m.format == "OpenAI"), "an OpenAI account deploys OpenAI models only");
    let gpt4o =
        models.iter().find(|m| m.name == "gpt-4o" && m.version.as_deref() == Some("2024-11-20")).unwrap();
    assert_eq!(gpt4o.lifecycle_status, Some(LifecycleStatus::GenerallyAvailable));
    assert_eq!(gpt4o.is_default_version, Some(true));
    assert_eq!(gpt4o.capabilities.get("maxContextToken").map(String::as_str), Some("128000"));
    let old =
        models.iter().find(|m| m.name == "gpt-4o" && m.version.as_deref() == Some("2024-05-13")).unwrap();
    assert_eq!(old.lifecycle_status, Some(LifecycleStatus::Deprecating));
    let ai_models = sandbox.client.list_account_models(&aiservices()).await.unwrap();
    assert!(ai_models.iter().any(|m| m.format == "Mistral AI"), "AIServices accounts also deploy Mistral");
}

#[tokio::test]
async fn account_usages_show_limits_and_free_quota() {
    let sandbox = Sandbox::fast().await;
    let usages = sandbox.client.list_account_usages(&openai()).await.unwrap();
    // Seeded: gpt-4o on GlobalStandard with 50 of 1000, gpt-4o-mini on Standard with 30 of 300.
    let global = usage(&usages, "OpenAI.GlobalStandard.gpt-4o");
    assert_eq!((global.current_value, global.limit, global.free()), (50.0, 1000.0, 950.0));
    let mini = usage(&usages, "OpenAI.Standard.gpt-4o-mini");
    assert_eq!((mini.current_value, mini.limit, mini.free()), (30.0, 300.0, 270.0));
    let standard = usage(&usages, "OpenAI.Standard.gpt-4o");
    assert_eq!((standard.current_value, standard.limit), (0.0, 150.0));
    assert_eq!(standard.name.localized_value.as_deref(), Some("Tokens Per Minute (thousands) - gpt-4o"));
    assert!(usages.iter().all(|u| u.name.value.starts_with("OpenAI.")), "an OpenAI account: OpenAI quota");
}

#[tokio::test]
async fn content_filters_list_and_read_one() {
    let sandbox = Sandbox::fast().await;
    let policies = sandbox.client.list_rai_policies(&openai()).await.unwrap();
    let names: Vec<&str> = policies.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, vec!["Microsoft.Default", "Microsoft.DefaultV2", "contoso-strict"]);
    let strict = sandbox.client.get_rai_policy(&openai(), "contoso-strict").await.unwrap();
    assert_eq!(strict.properties.base_policy_name.as_deref(), Some("Microsoft.DefaultV2"));
    assert_eq!(strict.properties.policy_type.as_deref(), Some("UserManaged"));
    let hate_prompt = strict
        .properties
        .content_filters
        .iter()
        .find(|f| f.name.as_deref() == Some("Hate") && f.source.as_deref() == Some("Prompt"))
        .unwrap();
    assert_eq!(hate_prompt.severity_threshold.as_deref(), Some("Low"));
    assert_eq!(hate_prompt.blocking, Some(true));
    let err = sandbox.client.get_rai_policy(&openai(), "no-such-policy").await.unwrap_err();
    assert_eq!(err.kind, ErrorKind::NotFound);
    let err = sandbox.client.get_rai_policy(&openai(), "x/../contoso-strict").await.unwrap_err();
    assert_eq!((err.kind, err.status), (ErrorKind::InvalidRequest, None), "refused before it is sent");
}
