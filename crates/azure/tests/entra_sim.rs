//! Sign-in flows end to end against the simulator's Entra endpoints: device code (approved, declined,
//! expired, cancelled), authorization code + PKCE through a loopback redirect, and refresh (tokens per
//! scope, ahead of expiry, rotated refresh tokens, a revoked sign-in) — each token then used for real
//! on Resource Manager or inference.
#![allow(clippy::unwrap_used)] // test steps: a failed call should fail the test loudly

mod sim;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use foundry_azure::entra::auth_code::BrowserSignIn;
use foundry_azure::entra::device_code::DeviceCodeSignIn;
use foundry_azure::entra::{Authority, RefreshToken, RefreshingTokenSource, ARM_SCOPES, DEFAULT_CLIENT_ID};
use foundry_azure::token::TokenSource;
use foundry_azure::ErrorKind;
use foundry_sim::sandbox::SUBSCRIPTION_ID;
use foundry_sim::{RunningSim, SimConfig};
use serde_json::{json, Value};
use tokio_util::sync::CancellationToken;
use url::Url;

const ARM: &str = "https://management.azure.com/.default";
const COGNITIVE: &str = "https://cognitiveservices.azure.com/.default";

/// The sign-in client of default network options, as the app has before its settings are applied.
fn http() -> reqwest::Client {
    foundry_azure::entra::authority::http_client().unwrap()
}

fn authority(sim: &RunningSim) -> Authority {
    Authority::new(&Url::parse(&sim.base_url()).unwrap(), "organizations")
}

async fn device_mode(sim: &RunningSim, mode: &str) {
    let answer = reqwest::Client::new()
        .post(format!("{}/_sim/entra/device-mode", sim.base_url()))
        .json(&json!({ "mode": mode }))
        .send()
        .await
        .unwrap();
    assert!(answer.status().is_success());
}

/// Resource Manager with `tokens`: the subscriptions it lists.
async fn subscriptions_with(sim: &RunningSim, tokens: Arc<dyn TokenSource>) -> Vec<String> {
    let cloud = foundry_azure::cloud::Cloud::at("Sandbox", &Url::parse(&sim.base_url()).unwrap());
    let client = foundry_azure::arm::ArmClient::new(&cloud, tokens).unwrap();
    client.list_subscriptions().await.unwrap().into_iter().map(|s| s.subscription_id).collect()
}

#[tokio::test]
async fn device_code_sign_in_yields_tokens_that_resource_manager_accepts() {
    let sim = RunningSim::start_with(SimConfig::fast()).await.unwrap();
    let sign_in =
        DeviceCodeSignIn::start(&http(), &authority(&sim), DEFAULT_CLIENT_ID, &ARM_SCOPES).await.unwrap();
    let prompt = sign_in.prompt();
    assert_eq!(prompt.user_code.len(), 9);
    assert!(prompt.message().contains(&prompt.user_code) && prompt.message().contains("devicelogin"));
    let signed_in = sign_in.finish(&CancellationToken::new()).await.unwrap();
    let refresh = signed_in.refresh_token.clone().expect("offline_access gives a refresh token");
    let tokens = RefreshingTokenSource::new(http(), authority(&sim), DEFAULT_CLIENT_ID, refresh, None)
        .with_token(ARM, &signed_in);
    assert_eq!(subscriptions_with(&sim, Arc::new(tokens)).await, [SUBSCRIPTION_ID]);
}

#[tokio::test]
async fn a_declined_an_expired_and_a_cancelled_device_code_are_told_apart() {
    let sim = RunningSim::start_with(SimConfig::fast()).await.unwrap();
    for (mode, kind, aadsts) in
        [("decline", ErrorKind::Cancelled, "AADSTS70000"), ("expire", ErrorKind::Timeout, "AADSTS70019")]
    {
        device_mode(&sim, mode).await;
        let sign_in =
            DeviceCodeSignIn::start(&http(), &authority(&sim), DEFAULT_CLIENT_ID, &ARM_SCOPES).await.unwrap();
        let err = sign_in.finish(&CancellationToken::new()).await.unwrap_err();
        assert_eq!(err.kind, kind, "{mode}: {err}");
        assert_eq!(err.code.as_deref(), Some(aadsts), "{mode}: {err}");
    }
    // Held (never approved): the person gives up, and the wait stops at once.
    device_mode(&sim, "manual").await;
    let sign_in =
        DeviceCodeSignIn::start(&http(), &authority(&sim), DEFAULT_CLIENT_ID, &ARM_SCOPES).await.unwrap();
    let cancel = CancellationToken::new();
    let (result, ()) =
        tokio::join!(tokio::time::timeout(Duration::from_secs(5), sign_in.finish(&cancel)), async {
            cancel.cancel()
        });
    assert_eq!(result.expect("cancel stops the wait").unwrap_err().kind, ErrorKind::Cancelled);
}

#[tokio::test]
async fn browser_sign_in_comes_back_through_the_loopback_redirect_with_pkce() {
    let sim = RunningSim::start_with(SimConfig::fast()).await.unwrap();
    let sign_in =
        BrowserSignIn::start(&http(), &authority(&sim), DEFAULT_CLIENT_ID, &ARM_SCOPES).await.unwrap();
    let url = sign_in.authorize_url().clone();
    let query: Vec<(String, String)> = url.query_pairs().into_owned().collect();
    let param = |name: &str| query.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
    assert_eq!(param("code_challenge_method").as_deref(), Some("S256"));
    assert!(param("redirect_uri").unwrap().starts_with("http://localhost:"));
    // The "browser": follows Entra's redirect back to the app's loopback listener.
    let browser = async {
        let http = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
        let answer = http.get(url.clone()).send().await.unwrap();
        assert_eq!(answer.status(), 302);
        let back = answer.headers()["location"].to_str().unwrap().replace("localhost", "127.0.0.1");
        let page = http.get(back).send().await.unwrap().text().await.unwrap();
        assert!(page.contains("Signed in"), "{page}");
    };
    let cancel = CancellationToken::new();
    let (signed_in, ()) = tokio::join!(sign_in.finish(&cancel), browser);
    let signed_in = signed_in.unwrap();
    assert!(signed_in.refresh_token.is_some());
    let tokens = Arc::new(foundry_azure::token::StaticToken::new(signed_in.access_token.secret()));
    assert_eq!(subscriptions_with(&sim, tokens).await, [SUBSCRIPTION_ID]);
}

#[tokio::test]
async fn refresh_mints_tokens_per_scope_ahead_of_expiry_and_a_revoked_sign_in_says_sign_in_again() {
    let sim = RunningSim::start_with(SimConfig { access_token_lifetime_secs: 120, ..SimConfig::fast() })
        .await
        .unwrap();
    let sign_in =
        DeviceCodeSignIn::start(&http(), &authority(&sim), DEFAULT_CLIENT_ID, &ARM_SCOPES).await.unwrap();
    let refresh = sign_in.finish(&CancellationToken::new()).await.unwrap().refresh_token.unwrap();
    let kept: Arc<Mutex<Vec<RefreshToken>>> = Arc::default();
    let keep = kept.clone();
    let mut tokens = RefreshingTokenSource::new(
        http(),
        authority(&sim),
        DEFAULT_CLIENT_ID,
        refresh,
        Some(Arc::new(move |rotated: &RefreshToken| keep.lock().unwrap().push(rotated.clone()))),
    );
    // Tokens live 120 s; with a 60 s margin one is reused, with a 180 s margin each call refreshes.
    tokens.margin = Duration::from_secs(60);
    let first = tokens.token(COGNITIVE).await.unwrap();
    assert_eq!(tokens.token(COGNITIVE).await.unwrap().secret(), first.secret(), "still fresh: reused");
    assert_ne!(tokens.token(ARM).await.unwrap().secret(), first.secret(), "another scope, another token");
    tokens.margin = Duration::from_secs(180);
    assert_ne!(tokens.token(COGNITIVE).await.unwrap().secret(), first.secret(), "refreshed ahead of expiry");
    assert!(!kept.lock().unwrap().is_empty(), "each rotated refresh token is handed over to keep");
    let issued: Value =
        reqwest::get(format!("{}/_sim/entra/tokens", sim.base_url())).await.unwrap().json().await.unwrap();
    assert!(issued["issued"]["refresh_token"].as_u64().unwrap() >= 3, "{issued}");

    reqwest::Client::new().post(format!("{}/_sim/entra/revoke", sim.base_url())).send().await.unwrap();
    let err = tokens.token(COGNITIVE).await.unwrap_err();
    assert_eq!(err.kind, ErrorKind::Auth);
    assert_eq!(err.code.as_deref(), Some("AADSTS50173"));
    assert!(err.message.starts_with("sign in again"), "{err}");
}

#[tokio::test]
async fn one_refresh_token_gives_each_tenant_its_own_tokens_and_subscriptions() {
    use foundry_sim::seed::{Seed, SubscriptionSeed, TenantSeed};
    const FABRIKAM: &str = "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    const FABRIKAM_SUB: &str = "2b3c4d5e-6f70-4a8b-9c0d-1e2f3a4b5c6d";
    let mut seed = Seed::sandbox();
    seed.tenants.push(TenantSeed {
        tenant_id: FABRIKAM.into(),
        display_name: "Fabrikam".into(),
        default_domain: "fabrikam.onmicrosoft.com".into(),
    });
    seed.subscriptions.push(SubscriptionSeed {
        subscription_id: FABRIKAM_SUB.into(),
        display_name: "Fabrikam Dev".into(),
        tenant_id: FABRIKAM.into(),
        state: "Enabled".into(),
        managed_by_tenants: Vec::new(),
        tags: Default::default(),
    });
    let sim = RunningSim::start_with(SimConfig { seed, ..SimConfig::fast() }).await.unwrap();
    let sign_in =
        DeviceCodeSignIn::start(&http(), &authority(&sim), DEFAULT_CLIENT_ID, &ARM_SCOPES).await.unwrap();
    let refresh = sign_in.finish(&CancellationToken::new()).await.unwrap().refresh_token.unwrap();
    let home = RefreshingTokenSource::new(http(), authority(&sim), DEFAULT_CLIENT_ID, refresh, None);
    let cloud = foundry_azure::cloud::Cloud::at("Sandbox", &Url::parse(&sim.base_url()).unwrap());
    let tenants: Vec<String> =
        foundry_azure::arm::ArmClient::new(&cloud, Arc::new(home.for_tenant("organizations")))
            .unwrap()
            .list_tenants()
            .await
            .unwrap()
            .into_iter()
            .map(|t| t.tenant_id)
            .collect();
    assert_eq!(tenants.len(), 2, "{tenants:?}");
    assert_eq!(subscriptions_with(&sim, Arc::new(home.for_tenant(FABRIKAM))).await, [FABRIKAM_SUB]);
    assert_eq!(subscriptions_with(&sim, Arc::new(home.for_tenant(&tenants[0]))).await, [SUBSCRIPTION_ID]);
}
