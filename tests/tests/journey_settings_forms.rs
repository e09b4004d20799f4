//! Settings forms in the real window: each section saves, refuses a bad value next to its field and
//! keeps what was typed; export, reset and import bring everything back; a manual proxy carries the
//! playground's requests from the moment it is saved; the network "Test" reaches the Sandbox through it.

use foundry_desk_e2e::{testid, Desktop, Machine};
use foundry_sim::proxy::RecordingProxy;

/// Sets a field by its test id the way a person would: picks in a select, types in an input.
async fn set(app: &Desktop, id: &str, value: &str) {
    let element = app.wait_for(id).await;
    match element.tag_name().await.expect("tag name").as_str() {
        "select" => app.select(id, value).await,
        _ => app.type_into(id, value).await,
    }
}

async fn save(app: &Desktop, section: &str) {
    app.wait_for_css(&format!("{}:not([disabled])", testid(&format!("settings-save-{section}"))))
        .await
        .click()
        .await
        .expect("click Save");
    app.wait_for_text(&format!("settings-status-{section}"), |t| t.contains("Saved")).await;
}

async fn open_section(app: &Desktop, section: &str) {
    app.click(&format!("settings-nav-{section}")).await;
    app.wait_for(&format!("settings-section-{section}")).await;
}

fn saved_settings(machine: &Machine) -> serde_json::Value {
    let text = std::fs::read_to_string(machine.data_home().join("dev.foundrydesk.app/settings.json"))
        .expect("settings.json written");
    serde_json::from_str(&text).expect("settings.json is JSON")
}

async fn value_of(app: &Desktop, id: &str) -> String {
    app.wait_for(id).await.prop("value").await.expect("value").unwrap_or_default()
}

#[tokio::test]
async fn sections_save_refuse_bad_values_and_export_reset_import_bring_everything_back() {
    let machine = Machine::new();
    let app = machine.launch("settings-forms").await;
    app.click("nav-settings").await;

    // Appearance: dark, larger text, compact — applied to the whole window once saved.
    open_section(&app, "appearance").await;
    set(&app, "theme-select", "dark").await;
    set(&app, "setting-font-size", "16").await;
    app.click("setting-compact").await;
    save(&app, "appearance").await;
    app.wait_until_js("document.documentElement.dataset.theme === 'dark'").await;
    app.wait_until_js("getComputedStyle(document.documentElement).fontSize === '16px'").await;
    app.wait_until_js("document.documentElement.dataset.density === 'compact'").await;
    app.screenshot("appearance-saved").await;

    // Azure: an api-version in the wrong form is refused next to its field, and what was typed stays.
    open_section(&app, "azure").await;
    set(&app, "setting-arm-api-version", "June 2025").await;
    app.click("settings-save-azure").await;
    let problem = app.wait_for_text("field-error-azure.armApiVersion", |t| !t.is_empty()).await;
    assert!(problem.contains("2024-10-21") || problem.contains("YYYY-MM-DD"), "says the form: {problem}");
    assert_eq!(value_of(&app, "setting-arm-api-version").await, "June 2025", "nothing typed is lost");
    app.screenshot("azure-refused").await;
    set(&app, "setting-arm-api-version", "2025-06-01").await;
    set(&app, "setting-default-region", "swedencentral").await;
    save(&app, "azure").await;

    // Network: a manual proxy with a password is refused (it would be a secret in a plain file).
    open_section(&app, "network").await;
    app.click("setting-proxy-mode-manual").await;
    set(&app, "setting-proxy-url", "http://ada:hunter2@proxy.contoso.com:8080").await;
    app.click("settings-save-network").await;
    let problem = app.wait_for_text("field-error-network.proxy.url", |t| !t.is_empty()).await;
    assert!(!problem.contains("hunter2"), "the password is never repeated: {problem}");
    app.screenshot("network-refused").await;
    set(&app, "setting-proxy-url", "http://proxy.contoso.com:8080").await;
    set(&app, "setting-no-proxy", "localhost, *.internal.contoso.com").await;
    set(&app, "setting-request-timeout", "90").await;
    save(&app, "network").await;

    let saved = saved_settings(&machine);
    assert_eq!(saved["appearance"]["theme"], "dark");
    assert_eq!(saved["appearance"]["fontSize"], 16);
    assert_eq!(saved["azure"]["armApiVersion"], "2025-06-01");
    assert_eq!(saved["network"]["proxy"]["url"], "http://proxy.contoso.com:8080");
    assert_eq!(
        saved["network"]["proxy"]["noProxy"],
        serde_json::json!(["localhost", "*.internal.contoso.com"])
    );
    assert_eq!(saved["network"]["requestTimeoutSecs"], 90);

    // Export: one file in Downloads that says it holds no secret.
    open_section(&app, "transfer").await;
    app.click("settings-export").await;
    let result = app.wait_for_text("settings-export-result", |t| t.contains(".json")).await;
    let exported: Vec<_> = std::fs::read_dir(machine.downloads())
        .expect("Downloads")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .collect();
    assert_eq!(exported.len(), 1, "one export file: {exported:?}");
    let export_path = exported[0].clone();
    assert!(result.contains(&export_path.file_name().unwrap().to_string_lossy().to_string()), "{result}");
    let export = std::fs::read_to_string(&export_path).expect("read the export");
    assert!(export.contains("2025-06-01") && export.contains("swedencentral"));
    assert!(export.contains("never holds keys, tokens or passwords"), "it says so: {export}");

    // Reset every section: the defaults are back, in the window and in the file.
    for section in ["appearance", "azure", "network"] {
        open_section(&app, section).await;
        app.click(&format!("settings-reset-{section}")).await;
        app.click(&format!("settings-reset-confirm-{section}")).await;
        app.wait_for_text(&format!("settings-status-{section}"), |t| !t.is_empty()).await;
    }
    app.wait_until_js("document.documentElement.dataset.theme !== 'dark'").await;
    app.wait_until_js("getComputedStyle(document.documentElement).fontSize === '14px'").await;
    let saved = saved_settings(&machine);
    assert_eq!(saved["azure"]["armApiVersion"], serde_json::Value::Null);
    assert_eq!(saved["network"]["proxy"]["mode"], "system");

    // Import the export: a preview lists what will change; nothing changes until Apply.
    open_section(&app, "transfer").await;
    app.wait_for("settings-import-file")
        .await
        .send_keys(&export_path.display().to_string())
        .await
        .expect("choose the export file");
    let preview = app.wait_for_text("settings-import-preview", |t| t.contains("2025-06-01")).await;
    assert!(preview.contains("swedencentral"), "{preview}");
    assert_eq!(saved_settings(&machine)["azure"]["armApiVersion"], serde_json::Value::Null, "not yet");
    app.screenshot("import-preview").await;
    app.click("settings-import-apply").await;
    app.wait_for_text("settings-import-result", |t| !t.is_empty()).await;

    // Everything is back: the file, the window, each form.
    app.wait_until_js("document.documentElement.dataset.theme === 'dark'").await;
    app.wait_until_js("getComputedStyle(document.documentElement).fontSize === '16px'").await;
    let saved = saved_settings(&machine);
    assert_eq!(saved["azure"]["armApiVersion"], "2025-06-01");
    assert_eq!(saved["azure"]["defaultRegion"], "swedencentral");
    assert_eq!(saved["network"]["proxy"]["url"], "http://proxy.contoso.com:8080");
    assert_eq!(saved["network"]["requestTimeoutSecs"], 90);
    open_section(&app, "azure").await;
    assert_eq!(value_of(&app, "setting-arm-api-version").await, "2025-06-01");
    open_section(&app, "network").await;
    assert_eq!(value_of(&app, "setting-request-timeout").await, "90");
    app.screenshot("imported").await;
    app.quit().await;
}

#[tokio::test]
async fn a_manual_proxy_carries_the_playgrounds_requests_from_the_moment_it_is_saved() {
    let proxy = RecordingProxy::start().await.expect("start the test proxy");
    let machine = Machine::new();
    let app = machine.launch("settings-proxy").await;
    let chats = || proxy.seen().iter().filter(|line| line.contains("/chat/completions")).count();

    // Without a proxy, the Sandbox is reached directly.
    app.click("nav-playground").await;
    app.select_by_text("target-picker", "gpt-4o ").await;
    send(&app, "Say hello").await;
    answered(&app, 1).await;

    // Settings › Network: manual proxy, tested first (with the values typed, before saving), then saved.
    app.click("nav-settings").await;
    open_section(&app, "network").await;
    app.click("setting-proxy-mode-manual").await;
    set(&app, "setting-proxy-url", &proxy.url()).await;
    app.select_by_text("network-test-profile", "Sandbox").await;
    app.click("network-test-run").await;
    let result = app.wait_for_text("network-test-result", |t| t.contains("Reached")).await;
    assert!(result.contains("proxy"), "says it went through the proxy: {result}");
    app.scroll_to("network-test-result").await;
    app.screenshot("network-test").await;
    save(&app, "network").await;

    // The next answer goes through the proxy: no restart.
    app.click("nav-playground").await;
    send(&app, "Say hello again").await;
    answered(&app, 2).await;
    assert_eq!(chats(), 1, "the answer came through the proxy");
    app.screenshot("answer-through-proxy").await;

    // Back to no proxy: the proxy sees nothing more.
    app.click("nav-settings").await;
    open_section(&app, "network").await;
    app.click("setting-proxy-mode-none").await;
    save(&app, "network").await;
    app.click("nav-playground").await;
    send(&app, "And once more").await;
    answered(&app, 3).await;
    assert_eq!(chats(), 1, "not through the proxy any more");

    // Privacy and data: the conversation is in the history folder; clearing it asks, then deletes it.
    let history = machine.data_home().join("dev.foundrydesk.app/conversations");
    let conversations = || {
        std::fs::read_dir(&history)
            .map(|dir| {
                dir.filter_map(Result::ok)
                    .filter(|e| e.file_name().to_string_lossy().starts_with("c-"))
                    .count()
            })
            .unwrap_or(0)
    };
    assert_eq!(conversations(), 1, "the playground saved its conversation");
    app.click("nav-settings").await;
    open_section(&app, "privacy").await;
    app.wait_for_text("privacy-history", |t| t.contains("1 saved conversation")).await;
    app.click("privacy-clear-history").await;
    app.wait_for_text("privacy-clear-history-confirmation", |t| t.contains("cannot be brought back")).await;
    app.screenshot("privacy-confirm").await;
    app.click("privacy-clear-history-confirmation-confirm").await;
    app.wait_for_text("privacy-status", |t| t.contains("Deleted 1 conversation")).await;
    assert_eq!(conversations(), 0, "gone from the disk");
    app.wait_for_text("privacy-history", |t| t.contains("No saved conversations")).await;
    app.screenshot("privacy-cleared").await;
    app.quit().await;
}

async fn send(app: &Desktop, text: &str) {
    app.type_into("composer-input", text).await;
    app.wait_for_css(&format!("{}:not([disabled])", testid("send-button")))
        .await
        .click()
        .await
        .expect("send");
}

/// Waits until the `n`th answer of the conversation is complete (its numbers are shown under it).
async fn answered(app: &Desktop, n: usize) {
    let answers = format!("{}[data-role=\"assistant\"]", testid("message"));
    app.wait_until_js(&format!(
        "[...document.querySelectorAll('{answers}')][{}]?.querySelector('{}') != null",
        n - 1,
        testid("answer-facts")
    ))
    .await;
}
