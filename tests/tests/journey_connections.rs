//! Connections and keys in the real window: an Azure account signed in by device code against the
//! simulator's Entra, a tenant picked, a key fetched and rotated into the real keychain, the app
//! restarted, the profile removed with its keychain entries — and no secret in any file or in the page.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use foundry_desk_e2e::{testid, Desktop, Machine};
use foundry_sim::entra::DeviceMode;
use foundry_sim::sandbox::{ACCOUNT_OPENAI, GROUP_EAST, SECOND_TENANT_ID, SUBSCRIPTION_ID, TENANT_ID};
use foundry_sim::seed::Seed;
use foundry_sim::{RunningSim, SimConfig};

const PROFILE: &str = "Contoso work";
const ENDPOINT: &str = "https://contoso-openai-eastus.openai.azure.com/";

/// The simulator plays Azure: a second tenant to pick from, and device codes that wait for a person.
async fn simulated_azure() -> RunningSim {
    let config = SimConfig {
        seed: Seed::sandbox().with_second_tenant(),
        device_code_mode: DeviceMode::Manual,
        device_code_interval_secs: 1,
        ..SimConfig::fast()
    };
    RunningSim::start_with(config).await.unwrap()
}

/// The account's keys as Azure has them now.
async fn azure_keys(sim: &RunningSim) -> (String, String) {
    let url = format!(
        "{}/subscriptions/{SUBSCRIPTION_ID}/resourceGroups/{GROUP_EAST}/providers/Microsoft.CognitiveServices/accounts/{ACCOUNT_OPENAI}/listKeys?api-version=2024-10-01",
        sim.base_url()
    );
    let keys: serde_json::Value =
        reqwest::Client::new().post(url).bearer_auth("t").send().await.unwrap().json().await.unwrap();
    (keys["key1"].as_str().unwrap().into(), keys["key2"].as_str().unwrap().into())
}

fn row(name: &str) -> String {
    format!("{}[data-profile-name=\"{name}\"]", testid("profile-row"))
}

fn account_row(name: &str) -> String {
    format!("{}[data-account-name=\"{name}\"]", testid("account-row"))
}

fn tail(key: &str) -> String {
    key[key.len() - 4..].to_string()
}

/// The masked key shown on the account's row, once it ends with `last4`.
async fn wait_for_account_key(app: &Desktop, last4: &str) {
    let css = format!("{} {}", account_row(ACCOUNT_OPENAI), testid("account-key"));
    let deadline = std::time::Instant::now() + foundry_desk_e2e::PATIENCE;
    loop {
        let text = match app.client.find(fantoccini::Locator::Css(&css)).await {
            Ok(element) => element.text().await.unwrap_or_default(),
            Err(_) => String::new(),
        };
        if text.contains(&format!("•••• {last4}")) {
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the account's key never showed •••• {last4}; last: {text:?}"
        );
        app.next_frame().await;
    }
}

/// Clicks a button on the account's row once it is enabled (each action disables them until it ends).
async fn click_in_account_row(app: &Desktop, id: &str) {
    let css = format!("{} {}:not([disabled])", account_row(ACCOUNT_OPENAI), testid(id));
    app.wait_for_css(&css).await.click().await.unwrap();
}

#[tokio::test]
async fn an_azure_account_signs_in_gets_and_rotates_a_key_that_survives_a_restart_and_leaves_with_the_profile(
) {
    let sim = simulated_azure().await;
    let machine = Machine::new();
    let app = machine.launch("connections").await;

    // The Sandbox is there from the first start, marked as simulated.
    app.wait_for_css(&format!("{} {}", row("Sandbox"), testid("simulated-badge"))).await;
    app.screenshot("first-start").await;

    // Add an Azure account profile for a custom cloud: the simulator's Resource Manager and sign-in.
    app.click("add-profile").await;
    app.click("profile-kind-account").await;
    app.type_into("profile-name", PROFILE).await;
    app.select("cloud-select", "custom").await;
    app.type_into("custom-arm-url", &sim.base_url()).await;
    app.type_into("custom-authority-url", &sim.base_url()).await;
    app.type_into("custom-audience", "https://management.azure.com").await;
    app.screenshot("add-account").await;
    app.click("add-profile-submit").await;
    app.wait_for_css(&row(PROFILE)).await;
    app.wait_for_text("profile-signin-state", |t| t == "Not signed in").await;

    // Device code: the code shown is the one Entra issued; approving it "on another device" signs in.
    app.click("sign-in-device-code").await;
    let code = app.wait_for_text("device-code", |t| t.len() >= 6).await;
    app.wait_for("device-code-waiting").await;
    app.screenshot("device-code").await;
    let approved = reqwest::Client::new()
        .post(format!("{}/_sim/entra/device/{code}/approve", sim.base_url()))
        .send()
        .await
        .unwrap();
    assert!(approved.status().is_success(), "the simulator knows the code the window shows: {code}");
    app.wait_for_text("profile-signin-state", |t| t == "Signed in").await;
    app.wait_for_text("profile-user", |t| t.contains(foundry_sim::entra::USER_UPN)).await;

    // Tenants: each lists its own subscriptions.
    app.select("tenant-select", SECOND_TENANT_ID).await;
    app.click("tenant-confirm").await;
    app.wait_for_css(&format!(
        "{} option[value=\"{}\"]",
        testid("subscription-select"),
        foundry_sim::sandbox::SECOND_SUBSCRIPTION_ID
    ))
    .await;
    app.select("tenant-select", TENANT_ID).await;
    app.click("tenant-confirm").await;
    app.wait_for_css(&format!("{} option[value=\"{SUBSCRIPTION_ID}\"]", testid("subscription-select"))).await;
    app.wait_for_css(&account_row(ACCOUNT_OPENAI)).await;
    app.screenshot("signed-in").await;

    // Get the key from Azure: the keychain holds Azure's key1; the window shows its last four only.
    let (key1, _) = azure_keys(&sim).await;
    click_in_account_row(&app, "get-keys").await;
    wait_for_account_key(&app, &tail(&key1)).await;
    let key_entry = format!("endpoint-key:{ENDPOINT}");
    assert_eq!(machine.keychain_entry(&key_entry).as_deref(), Some(key1.as_str()));

    // Rotate key1: Azure has a new one, and so does the keychain.
    click_in_account_row(&app, "rotate-key").await;
    app.select("rotate-which", "key1").await;
    app.screenshot("rotate-confirm").await;
    app.click("rotate-confirm").await;
    let (rotated, _) = {
        let deadline = std::time::Instant::now() + foundry_desk_e2e::PATIENCE;
        loop {
            let keys = azure_keys(&sim).await;
            if keys.0 != key1 {
                break keys;
            }
            assert!(std::time::Instant::now() < deadline, "key1 was never regenerated");
            app.next_frame().await;
        }
    };
    wait_for_account_key(&app, &tail(&rotated)).await;
    assert_eq!(machine.keychain_entry(&key_entry).as_deref(), Some(rotated.as_str()));
    app.screenshot("rotated").await;

    // What works with this profile.
    app.click("check-connection").await;
    for area in ["arm", "deployments", "inference"] {
        app.wait_for_css(&format!("{}[data-outcome=\"ok\"]", testid(&format!("check-result-{area}")))).await;
    }
    app.scroll_to("check-panel").await;
    app.screenshot("checked").await;

    let profiles: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(machine.data_home().join("dev.foundrydesk.app/profiles.json")).unwrap(),
    )
    .unwrap();
    let id = profiles["profiles"].as_array().unwrap().iter().find(|p| p["name"] == PROFILE).unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let refresh_entry = format!("refresh-token:{id}");
    let refresh = machine.keychain_entry(&refresh_entry).expect("the sign-in is kept in the keychain");
    let secrets = [key1.as_str(), rotated.as_str(), refresh.as_str()];
    let page = app.visible_state().await;
    for secret in secrets {
        assert!(!page.contains(secret), "a secret is in the page");
    }
    app.quit().await;

    // After a restart: still signed in, the key still there.
    let app = machine.launch("connections-restarted").await;
    app.wait_for_css(&row(PROFILE)).await.click().await.unwrap();
    app.wait_for_text("profile-signin-state", |t| t == "Signed in").await;
    wait_for_account_key(&app, &tail(&rotated)).await;
    assert_eq!(machine.keychain_entry(&key_entry).as_deref(), Some(rotated.as_str()));
    app.screenshot("after-restart").await;
    let page = app.visible_state().await;
    for secret in secrets {
        assert!(!page.contains(secret), "a secret is in the page after the restart");
    }

    // Remove the profile: its sign-in and the key it fetched leave the keychain.
    app.click("remove-profile").await;
    app.screenshot("remove-confirm").await;
    app.click("remove-confirm").await;
    app.wait_for_text("remove-status", |t| t.contains(PROFILE)).await;
    assert_eq!(machine.keychain_entry(&refresh_entry), None);
    assert_eq!(machine.keychain_entry(&key_entry), None);
    app.screenshot("removed").await;
    app.quit().await;

    // No file the app wrote holds any of the secrets it handled.
    for secret in secrets {
        let hits = machine.files_containing(secret);
        assert!(hits.is_empty(), "a secret was written to {hits:?}");
    }
}

#[tokio::test]
async fn without_a_keychain_the_app_says_so_and_keeps_a_key_for_this_session_only() {
    let machine = Machine::without_keychain();
    let app = machine.launch("no-keychain").await;
    let banner = app.wait_for_text("keychain-banner", |t| t.contains("Secret Service")).await;
    assert!(banner.to_lowercase().contains("unavailable"), "{banner}");
    app.screenshot("banner").await;

    // Adding a key fails while there is nowhere safe to put it, and nothing typed is lost.
    app.click("add-profile").await;
    app.click("profile-kind-endpoint").await;
    app.type_into("profile-name", "Team endpoint").await;
    app.type_into("endpoint-url", "https://team.openai.azure.com/openai/v1").await;
    app.type_into("api-key", "session-only-key-5678").await;
    app.click("add-profile-submit").await;
    app.wait_for_text("add-profile-form", |t| t.contains("keep secrets for this session only")).await;
    app.screenshot("refused").await;

    app.click("keep-for-session").await;
    app.wait_for("session-only-note").await;
    app.click("add-profile-submit").await;
    app.wait_for_css(&row("Team endpoint")).await;
    app.wait_for_text("endpoint-key", |t| t.contains("•••• 5678")).await;
    app.screenshot("session-key").await;
    assert!(!app.visible_state().await.contains("session-only-key-5678"));
    app.quit().await;
    assert!(machine.files_containing("session-only-key-5678").is_empty(), "the key was written to disk");
}
