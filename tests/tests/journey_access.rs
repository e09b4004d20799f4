//! Access control in the real window against the in-app Sandbox: the resource's Access tab lists who has
//! which role (inherited ones marked); a seeded colleague is found by name, granted a role, listed, and
//! revoked; "What can I do here?" answers for the signed-in person; switching keys off warns which key
//! profile stops working, the Playground on that profile then says why it fails, and keys come back with
//! one click.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use foundry_desk_e2e::{free_port, testid, Desktop, Machine};
use foundry_sim::sandbox::{
    ACCOUNT_OPENAI, COLLEAGUE_NAME, COLLEAGUE_OID, GROUP_EAST, GROUP_NAME, SUBSCRIPTION_ID,
};

const KEY_PROFILE: &str = "Team key";
const OPENAI_USER: &str = "Cognitive Services OpenAI User";

/// Selects the Playground target `deployment` of profile `profile` (its option group).
async fn pick_target(app: &Desktop, profile: &str, deployment: &str) {
    app.wait_until_js(&format!(
        "(() => {{ const select = document.querySelector('{}'); \
           const group = select && [...select.querySelectorAll('optgroup')].find(g => g.label === '{profile}'); \
           const option = group && [...group.querySelectorAll('option')].find(o => !o.disabled && o.textContent.startsWith('{deployment}')); \
           if (!option) return false; \
           Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value').set.call(select, option.value); \
           select.dispatchEvent(new Event('change', {{ bubbles: true }})); return true; }})()",
        testid("target-picker")
    ))
    .await;
}

/// Types `text` and sends it.
async fn send(app: &Desktop, text: &str) {
    app.type_into("composer-input", text).await;
    app.wait_for_css(&format!("{}:not([disabled])", testid("send-button"))).await.click().await.unwrap();
}

async fn open_access(app: &Desktop) {
    app.click("nav-deployments").await;
    let east = format!("{}[data-account-name=\"{ACCOUNT_OPENAI}\"]", testid("resource-row"));
    app.wait_for_css(&east).await.click().await.unwrap();
    app.click("tab-access").await;
    app.wait_for(&format!("access-row-{GROUP_NAME}")).await;
}

#[tokio::test]
async fn grant_list_revoke_and_switching_keys_off_explains_the_failing_key_profile() {
    let port = free_port();
    let machine = Machine::new().with_env("FOUNDRY_SANDBOX_PORT", &port.to_string());
    let app = machine.launch("access").await;
    let sim = format!("http://127.0.0.1:{port}");

    // The Access tab: who has which role, explained; inherited ones marked.
    open_access(&app).await;
    let group = app.wait_for_text(&format!("access-row-{GROUP_NAME}"), |t| t.contains(OPENAI_USER)).await;
    assert!(group.contains("Chat with the deployments"), "each role explained: {group}");
    let ada = app.wait_for_text("access-row-Ada Lovelace", |t| t.contains("Owner")).await;
    assert!(ada.contains("Inherited") && ada.contains("subscription"), "{ada}");
    let katherine =
        app.wait_for_text("access-row-Katherine Johnson", |t| t.contains("Monitoring Reader")).await;
    assert!(katherine.contains(GROUP_EAST), "inherited from the resource group: {katherine}");
    app.wait_for_text("key-auth-state", |t| t.contains("accepted")).await;
    app.screenshot("access-list").await;

    // Grant: find a colleague by name, pick a role, confirm; the row shows, then stays.
    app.click("access-grant").await;
    app.type_into("grant-search", "gra").await;
    app.click(&format!("grant-result-{COLLEAGUE_OID}")).await;
    app.click(&format!("grant-role-{OPENAI_USER}")).await;
    app.screenshot("access-grant-form").await;
    app.click("grant-confirm").await;
    let grace = app.wait_for_text(&format!("access-row-{COLLEAGUE_NAME}"), |t| t.contains(OPENAI_USER)).await;
    assert!(grace.contains("grace@contoso.com"), "{grace}");
    app.wait_for_text("access-propagation-note", |t| t.contains("5 minutes")).await;
    app.wait_until_js(&format!("!document.querySelector('{}')", testid("access-pending"))).await;
    app.screenshot("access-granted").await;
    let assignments: serde_json::Value = reqwest::Client::new()
        .get(format!(
            "{sim}/subscriptions/{SUBSCRIPTION_ID}/resourceGroups/{GROUP_EAST}/providers/Microsoft.CognitiveServices/accounts/{ACCOUNT_OPENAI}/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01&$filter=atScope()"
        ))
        .bearer_auth("t")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let granted = assignments["value"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["properties"]["principalId"] == COLLEAGUE_OID)
        .count();
    assert_eq!(granted, 1, "Azure has exactly the one assignment the window shows");

    // Revoke, with a confirmation naming who loses what.
    app.click(&format!("access-revoke-{COLLEAGUE_NAME}-{OPENAI_USER}")).await;
    let question = app.wait_for_text("access-revoke-confirmation", |t| t.contains(COLLEAGUE_NAME)).await;
    assert!(question.contains(OPENAI_USER), "{question}");
    app.screenshot("access-revoke-confirm").await;
    app.click("access-revoke-confirm").await;
    app.wait_until_js(&format!(
        "!document.querySelector('{}')",
        testid(&format!("access-row-{COLLEAGUE_NAME}"))
    ))
    .await;

    // What can I do here? The Sandbox user is Owner and OpenAI User: everything.
    app.click("my-access-open").await;
    app.wait_for_css(&format!("{}[data-allowed=\"true\"]", testid("my-access-inference"))).await;
    app.wait_for_css(&format!("{}[data-allowed=\"true\"]", testid("my-access-manageAccess"))).await;
    app.wait_for_text("my-access-who", |t| t.contains("Ada Lovelace")).await;
    app.screenshot("access-my-access").await;

    // A key profile for this resource's endpoint (the Sandbox serves it on loopback), which chats.
    let endpoint = format!("{sim}/{ACCOUNT_OPENAI}.openai.azure.com/");
    let keys: serde_json::Value = reqwest::Client::new()
        .post(format!(
            "{sim}/subscriptions/{SUBSCRIPTION_ID}/resourceGroups/{GROUP_EAST}/providers/Microsoft.CognitiveServices/accounts/{ACCOUNT_OPENAI}/listKeys?api-version=2024-10-01"
        ))
        .bearer_auth("t")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    app.click("nav-connections").await;
    app.click("add-profile").await;
    app.click("profile-kind-endpoint").await;
    app.type_into("profile-name", KEY_PROFILE).await;
    app.type_into("endpoint-url", &endpoint).await;
    app.type_into("deployments", "gpt-4o").await;
    app.type_into("api-key", keys["key1"].as_str().unwrap()).await;
    app.click("add-profile-submit").await;
    app.wait_for_css(&format!("{}[data-profile-name=\"{KEY_PROFILE}\"]", testid("profile-row"))).await;
    app.click("nav-playground").await;
    pick_target(&app, KEY_PROFILE, "gpt-4o").await;
    send(&app, "Hello through the key").await;
    app.wait_for("answer-facts").await;

    // Keys off: the warning names the key profile that stops working.
    open_access(&app).await;
    app.click("key-auth-toggle").await;
    let warning = app.wait_for_text("key-auth-warning", |t| t.contains(KEY_PROFILE)).await;
    assert!(warning.contains("stop"), "{warning}");
    app.scroll_to("key-auth-warning").await;
    app.screenshot("access-keys-off-warning").await;
    app.click("key-auth-confirm").await;
    app.wait_for_text("key-auth-state", |t| t.contains("off")).await;
    app.screenshot("access-keys-off").await;

    // The Playground on the key profile says why it fails.
    app.click("nav-playground").await;
    app.click("new-conversation").await;
    pick_target(&app, KEY_PROFILE, "gpt-4o").await;
    send(&app, "Does the key still work?").await;
    let problem = app.wait_for_text("problem", |t| t.contains("no longer accepts keys")).await;
    assert!(problem.contains("AuthenticationTypeDisabled"), "Azure's code shown: {problem}");
    app.wait_for("problem-keys-off").await;
    app.screenshot("playground-keys-off").await;

    // Keys on again is one click; the key profile chats again.
    open_access(&app).await;
    app.click("key-auth-toggle").await;
    app.wait_for_text("key-auth-state", |t| t.contains("accepted")).await;
    app.click("nav-playground").await;
    app.click("new-conversation").await;
    pick_target(&app, KEY_PROFILE, "gpt-4o").await;
    send(&app, "And now?").await;
    app.wait_for("answer-facts").await;
    app.quit().await;
}
