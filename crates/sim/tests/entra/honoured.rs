//! Issued tokens as ARM and inference judge them: audience, expiry, tenant; other tokens as before.
#![allow(clippy::unwrap_used)]

use foundry_sim::sandbox::{SUBSCRIPTION_ID, TENANT_ID};
use foundry_sim::SimConfig;
use serde_json::json;

use crate::helpers::{two_tenants, Sim, ARM_SCOPE, COGNITIVE_SCOPE, SUBSCRIPTION_2, TENANT_2};

const SUBSCRIPTIONS: &str = "/subscriptions?api-version=2022-12-01";
const BAD_TOKEN: &str = "Unauthorized. Access token is missing, invalid, audience is incorrect \
                         (https://cognitiveservices.azure.com), or have expired.";

/// An access token for `scope` at `tenant`, through a sign-in and a refresh.
async fn token_for(sim: &Sim, tenant: &str, scope: &str) -> String {
    let refresh_token = sim.sign_in(ARM_SCOPE).await["refresh_token"].as_str().unwrap().to_string();
    let (status, body) = sim.refresh(tenant, &refresh_token, scope).await;
    assert_eq!(status, 200, "{body}");
    body["access_token"].as_str().unwrap().to_string()
}

#[tokio::test]
async fn an_arm_token_works_on_arm_and_not_on_inference() {
    let sim = Sim::fast().await;
    let arm = token_for(&sim, TENANT_ID, ARM_SCOPE).await;
    let (status, body) = sim.arm_get(SUBSCRIPTIONS, &arm).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["value"][0]["subscriptionId"], SUBSCRIPTION_ID);
    let (status, body) = sim.arm_get("/tenants?api-version=2022-12-01", &arm).await;
    assert_eq!((status, body["value"][0]["tenantId"].as_str()), (200, Some(TENANT_ID)));
    assert_eq!(sim.chat(&arm).await, (401, json!({"statusCode": 401, "message": BAD_TOKEN})));
}

#[tokio::test]
async fn a_cognitive_services_token_works_on_inference_and_not_on_arm() {
    let sim = Sim::fast().await;
    let cognitive = token_for(&sim, TENANT_ID, COGNITIVE_SCOPE).await;
    let (status, body) = sim.chat(&cognitive).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["object"], "chat.completion");
    let (status, body) = sim.arm_get(SUBSCRIPTIONS, &cognitive).await;
    assert_eq!(status, 401);
    assert_eq!(body["error"]["code"], "InvalidAuthenticationTokenAudience");
    let message = body["error"]["message"].as_str().unwrap();
    assert!(
        message.starts_with(
            "The access token has been obtained for wrong audience or resource 'https://cognitiveservices.azure.com'. \
             It should exactly match with one of the allowed audiences 'https://management.core.windows.net/',"
        ),
        "{message}"
    );
}

#[tokio::test]
async fn expired_issued_tokens_are_refused_by_both() {
    let sim = Sim::start(SimConfig { access_token_lifetime_secs: 0, ..SimConfig::fast() }).await;
    let arm = sim.sign_in(ARM_SCOPE).await;
    assert_eq!(arm["expires_in"], 0);
    let (status, body) = sim.arm_get(SUBSCRIPTIONS, arm["access_token"].as_str().unwrap()).await;
    assert_eq!(status, 401);
    assert_eq!(body["error"]["code"], "ExpiredAuthenticationToken");
    assert!(body["error"]["message"].as_str().unwrap().starts_with("The access token expiry UTC time '"));
    let cognitive = token_for(&sim, TENANT_ID, COGNITIVE_SCOPE).await;
    assert_eq!(sim.chat(&cognitive).await.0, 401);
}

#[tokio::test]
async fn an_edited_issued_token_is_invalid_and_made_up_tokens_still_pass() {
    let sim = Sim::fast().await;
    let arm = token_for(&sim, TENANT_ID, ARM_SCOPE).await;
    let mut parts: Vec<String> = arm.split('.').map(str::to_string).collect();
    let swapped = if parts[2].starts_with('x') { 'y' } else { 'x' };
    parts[2] = format!("{swapped}{}", &parts[2][1..]);
    let (status, body) = sim.arm_get(SUBSCRIPTIONS, &parts.join(".")).await;
    assert_eq!((status, body["error"]["code"].as_str()), (401, Some("InvalidAuthenticationToken")));

    assert_eq!(sim.arm_get(SUBSCRIPTIONS, "t").await.0, 200);
    assert_eq!(sim.chat("t").await.0, 200);
    assert_eq!(sim.chat("expired").await.0, 401, "the literal `expired` as before");
}

#[tokio::test]
async fn a_token_is_for_its_tenants_subscriptions() {
    let sim = Sim::start(SimConfig { seed: two_tenants(), ..SimConfig::fast() }).await;
    let home = token_for(&sim, TENANT_ID, ARM_SCOPE).await;
    let other = token_for(&sim, TENANT_2, ARM_SCOPE).await;
    let ids = |body: &serde_json::Value| -> Vec<String> {
        body["value"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["subscriptionId"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(ids(&sim.arm_get(SUBSCRIPTIONS, &home).await.1), [SUBSCRIPTION_ID]);
    assert_eq!(ids(&sim.arm_get(SUBSCRIPTIONS, &other).await.1), [SUBSCRIPTION_2]);
    assert_eq!(
        sim.arm_get(SUBSCRIPTIONS, "t").await.1["value"].as_array().unwrap().len(),
        2,
        "any token: all"
    );

    let groups = format!("/subscriptions/{SUBSCRIPTION_ID}/resourcegroups?api-version=2022-12-01");
    assert_eq!(sim.arm_get(&groups, &home).await.0, 200);
    let (status, body) = sim.arm_get(&groups, &other).await;
    assert_eq!(status, 401);
    assert_eq!(body["error"]["code"], "InvalidAuthenticationTokenTenant");
    let message = body["error"]["message"].as_str().unwrap();
    assert!(message.contains(&format!("'https://login.windows.net/{TENANT_ID}'")), "{message}");
}
