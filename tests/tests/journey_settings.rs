//! Settings journeys: the first version's file still loads, and a damaged settings file is set aside
//! (kept, timestamped), the app starts on defaults and says so once.

use foundry_desk_e2e::{testid, Machine};

#[tokio::test]
async fn a_damaged_settings_file_is_set_aside_and_said_once() {
    let machine = Machine::new();
    let dir = machine.data_home().join("dev.foundrydesk.app");
    let file = dir.join("settings.json");
    std::fs::create_dir_all(&dir).expect("data dir");

    // The first release kept the theme through tauri-plugin-store: it is read and carried over.
    std::fs::write(&file, r#"{"settings":{"version":1,"theme":"dark"}}"#).expect("write a version 1 file");
    let app = machine.launch("settings-v1").await;
    app.wait_until_js("document.documentElement.dataset.theme === 'dark'").await;
    app.quit().await;

    // Cut off mid-write by hand (or by a disk that filled up).
    std::fs::write(&file, r#"{"version":2,"appearance":{"theme":"da"#).expect("damage the file");
    let app = machine.launch("settings-damaged").await;
    let notice = app.wait_for_text("settings-recovery", |t| t.contains("defaults are in use")).await;
    assert!(notice.contains("could not be read"), "the reason is given: {notice}");
    assert!(notice.contains("settings.json.invalid-"), "where the file went: {notice}");
    app.screenshot("settings-recovery-notice").await;
    // Defaults are in use: the theme follows the system again.
    app.click("nav-settings").await;
    let theme = app.wait_for("theme-select").await;
    assert_eq!(theme.prop("value").await.expect("theme").as_deref(), Some("system"));

    // The damaged file is kept as it was, beside the defaults.
    let aside: Vec<_> = std::fs::read_dir(&dir)
        .expect("list data dir")
        .filter_map(Result::ok)
        .filter(|entry| entry.file_name().to_string_lossy().starts_with("settings.json.invalid-"))
        .collect();
    assert_eq!(aside.len(), 1, "one file set aside");
    assert_eq!(
        std::fs::read_to_string(aside[0].path()).expect("read it"),
        r#"{"version":2,"appearance":{"theme":"da"#
    );
    app.click("settings-recovery-dismiss").await;
    app.wait_until_js(&format!("document.querySelector('{}') === null", testid("settings-recovery"))).await;
    app.quit().await;

    // Said once: the next start has nothing to say.
    let app = machine.launch("settings-after").await;
    app.wait_for("screen-connections").await;
    app.click("nav-settings").await;
    app.wait_for("theme-select").await;
    let shown = app
        .client
        .execute(
            &format!("return document.querySelector('{}') !== null;", testid("settings-recovery")),
            vec![],
        )
        .await
        .expect("look for the notice");
    assert_eq!(shown, serde_json::Value::Bool(false), "no notice the second time");
    app.quit().await;
}
