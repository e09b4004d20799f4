//! Role assignments, permissions, key auth and Microsoft Graph over real HTTP to the simulator, with
//! tokens it issued: what a colleague may do follows what was granted, and every refusal is Azure's.

#![allow(clippy::unwrap_used)]

mod sim;

use std::sync::Arc;

use foundry_azure::arm::client::role_ids;
use foundry_azure::arm::models::SkuName;
use foundry_azure::cloud::Cloud;
use foundry_azure::graph::{GraphClient, ObjectKind};
use foundry_azure::http::Pipeline;
use foundry_azure::token::StaticToken;
use foundry_sim::sandbox::{COLLEAGUE_NAME, COLLEAGUE_OID, COLLEAGUE_UPN, SUBSCRIPTION_ID};
use sim::{create_body, openai, quiet, retry, Sandbox};
use url::Url;

/// A Resource Manager client holding a token the simulator minted for `upn`.
fn client_as(sandbox: &Sandbox, upn: &str) -> foundry_azure::arm::ArmClient {
    let token = sandbox.sim.access_token_for(upn, "https://management.azure.com/.default");
    let cloud = Cloud::at("Sandbox", &Url::parse(&sandbox.base()).unwrap());
    let pipeline =
        Pipeline::new(Pipeline::default_client().unwrap(), Arc::new(StaticToken::new(&token)), retry(1));
    foundry_azure::arm::ArmClient::with_pipeline(&cloud, pipeline)
}

#[tokio::test]
async fn deployment_writes_follow_the_contributor_role() {
    let sandbox = Sandbox::fast().await;
    let grace = client_as(&sandbox, COLLEAGUE_UPN);
    let body = create_body("gpt-4o-mini", Some("2024-07-18"), SkuName::GlobalStandard, 1);
    let refused =
        grace.create_or_update_deployment(&openai(), "grace-test", &body, &quiet()).await.unwrap_err();
    assert_eq!((refused.status, refused.code.as_deref()), (Some(403), Some("AuthorizationFailed")));
    assert!(
        refused.message.contains("Microsoft.CognitiveServices/accounts/deployments/write"),
        "{}",
        refused.message
    );
    assert!(refused.message.contains(COLLEAGUE_UPN), "Azure names the caller: {}", refused.message);

    let account = openai().path();
    let granted = sandbox
        .client
        .create_role_assignment(&account, role_ids::OPENAI_CONTRIBUTOR, COLLEAGUE_OID, Some("User"))
        .await
        .unwrap();
    assert_eq!(granted.role_id(), role_ids::OPENAI_CONTRIBUTOR);
    assert_eq!(granted.properties.scope.to_lowercase(), account.to_lowercase());
    assert!(granted.properties.role_definition_id.starts_with(&format!("/subscriptions/{SUBSCRIPTION_ID}/")));
    let mine = grace.my_permissions(&account).await.unwrap();
    assert!(foundry_azure::arm::models::any_allows_action(
        &mine,
        "Microsoft.CognitiveServices/accounts/deployments/write"
    ));
    let created = grace.create_or_update_deployment(&openai(), "grace-test", &body, &quiet()).await.unwrap();
    assert_eq!(created.name, "grace-test");

    let listed = sandbox.client.list_role_assignments(&account).await.unwrap();
    assert!(listed.iter().any(|a| a.id == granted.id));
    assert!(
        listed.iter().any(|a| a.properties.scope == format!("/subscriptions/{SUBSCRIPTION_ID}")),
        "atScope() includes the subscription's"
    );
    assert!(sandbox.client.delete_role_assignment(&granted.id).await.unwrap());
    assert!(!sandbox.client.delete_role_assignment(&granted.id).await.unwrap(), "already gone: 204");
}

#[tokio::test]
async fn key_auth_off_is_a_patch_and_keys_are_refused_until_it_is_on() {
    let sandbox = Sandbox::fast().await;
    let off = sandbox.client.set_local_auth_disabled(&openai(), true).await.unwrap();
    assert_eq!(off.properties.disable_local_auth, Some(true));
    let refused = sandbox.client.list_keys(&openai()).await.unwrap_err();
    assert!(refused.message.contains("disableLocalAuth is set to be true"), "{}", refused.message);
    let on = sandbox.client.set_local_auth_disabled(&openai(), false).await.unwrap();
    assert_eq!(on.properties.disable_local_auth, Some(false));
    assert!(!sandbox.client.list_keys(&openai()).await.unwrap().key1.is_empty());
}

#[tokio::test]
async fn graph_names_ids_finds_people_and_its_refusal_is_an_error() {
    let sandbox = Sandbox::fast().await;
    let cloud = Cloud::at("Sandbox", &Url::parse(&sandbox.base()).unwrap());
    let token = sandbox.sim.access_token_for("ada@contoso.com", &cloud.graph_scope());
    let pipeline =
        Pipeline::new(Pipeline::default_client().unwrap(), Arc::new(StaticToken::new(&token)), retry(1));
    let graph = GraphClient::new(&cloud, pipeline);
    let found = graph
        .objects_by_ids(&[COLLEAGUE_OID.to_string(), "00000000-0000-0000-0000-000000000000".into()])
        .await
        .unwrap();
    assert_eq!(found.len(), 1, "unknown ids are left out");
    assert_eq!((found[0].kind, found[0].display_name.as_deref()), (ObjectKind::User, Some(COLLEAGUE_NAME)));
    let people = graph.find_users("GRACE", 5).await.unwrap();
    assert_eq!(people.iter().map(|p| p.detail.as_deref()).collect::<Vec<_>>(), [Some(COLLEAGUE_UPN)]);
    assert_eq!(graph.find_users("O'Neil", 5).await.unwrap(), [], "a quote inside the text is escaped");
    assert_eq!(graph.user(COLLEAGUE_UPN).await.unwrap().id, COLLEAGUE_OID);
    assert_eq!(graph.me().await.unwrap().detail.as_deref(), Some("ada@contoso.com"));

    // A token for Resource Manager is not one for Graph.
    let wrong = sandbox.sim.access_token_for("ada@contoso.com", "https://management.azure.com/.default");
    let pipeline =
        Pipeline::new(Pipeline::default_client().unwrap(), Arc::new(StaticToken::new(&wrong)), retry(1));
    let refused = GraphClient::new(&cloud, pipeline).me().await.unwrap_err();
    assert_eq!((refused.status, refused.code.as_deref()), (Some(401), Some("InvalidAuthenticationToken")));
    assert!(refused.request_id.is_some(), "Graph's request-id header is kept");
}
