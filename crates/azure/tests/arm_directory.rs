//! Tenants, subscriptions and resource groups of the seeded Sandbox, through the client over real HTTP.

mod sim;

use foundry_azure::arm::models::ProvisioningState;
use foundry_azure::error::ErrorKind;
use foundry_sim::sandbox::{GROUP_EAST, GROUP_SWEDEN, SUBSCRIPTION_ID, TENANT_ID};
use sim::Sandbox;

#[tokio::test]
async fn the_sandbox_tenant_is_listed_with_its_name_and_domain() {
    let sandbox = Sandbox::fast().await;
    let tenants = sandbox.client.list_tenants().await.unwrap();
    assert_eq!(tenants.len(), 1);
    let tenant = &tenants[0];
    assert_eq!(tenant.tenant_id, TENANT_ID);
    assert_eq!(tenant.display_name.as_deref(), Some("Contoso (Sandbox)"));
    assert_eq!(tenant.default_domain.as_deref(), Some("contoso-sandbox.onmicrosoft.com"));
    assert_eq!(tenant.domains, vec!["contoso-sandbox.onmicrosoft.com".to_string()]);
}

#[tokio::test]
async fn the_sandbox_subscription_is_listed_enabled_in_its_tenant() {
    let sandbox = Sandbox::fast().await;
    let subscriptions = sandbox.client.list_subscriptions().await.unwrap();
    assert_eq!(subscriptions.len(), 1);
    let sub = &subscriptions[0];
    assert_eq!(sub.subscription_id, SUBSCRIPTION_ID);
    assert_eq!(sub.display_name.as_deref(), Some("Foundry Sandbox"));
    assert_eq!(sub.state.as_deref(), Some("Enabled"));
    assert_eq!(sub.tenant_id.as_deref(), Some(TENANT_ID));
    assert_eq!(sub.id.as_deref(), Some(format!("/subscriptions/{SUBSCRIPTION_ID}").as_str()));
}

#[tokio::test]
async fn resource_groups_come_with_their_regions() {
    let sandbox = Sandbox::fast().await;
    let groups = sandbox.client.list_resource_groups(SUBSCRIPTION_ID).await.unwrap();
    let shown: Vec<(&str, Option<&str>)> =
        groups.iter().map(|g| (g.name.as_str(), g.location.as_deref())).collect();
    assert_eq!(shown, vec![(GROUP_EAST, Some("eastus")), (GROUP_SWEDEN, Some("swedencentral"))]);
    for group in &groups {
        let state = group.properties.as_ref().and_then(|p| p.provisioning_state.clone());
        assert_eq!(state, Some(ProvisioningState::Succeeded), "{}", group.name);
    }
}

#[tokio::test]
async fn an_unknown_subscription_is_not_found_with_azures_words() {
    let sandbox = Sandbox::fast().await;
    let err = sandbox.client.list_resource_groups("00000000-0000-0000-0000-000000000000").await.unwrap_err();
    assert_eq!(err.kind, ErrorKind::NotFound);
    assert_eq!(err.code.as_deref(), Some("SubscriptionNotFound"));
    assert_eq!(err.message, "The subscription '00000000-0000-0000-0000-000000000000' could not be found.");
    assert!(err.request_id.is_some(), "a request id to quote to support");
}
