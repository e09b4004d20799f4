//! First journey: the app starts, every screen opens from the navigation, About tells the truth about
//! version and keychain, and the theme choice survives a restart.

use fantoccini::Locator;
use foundry_desk_e2e::{testid, Machine};

const SCREENS: [(&str, &str); 5] = [
    ("connections", "Connections"),
    ("deployments", "Deployments"),
    ("playground", "Playground"),
    ("settings", "Settings"),
    ("about", "About"),
];

#[tokio::test]
async fn every_screen_opens_and_about_shows_version_and_keychain() {
    let machine = Machine::new();
    let app = machine.launch("frame").await;

    // The app opens on Connections.
    app.wait_for("screen-connections").await;

    for (id, title) in SCREENS {
        app.click(&format!("nav-{id}")).await;
        let screen = app.wait_for(&format!("screen-{id}")).await;
        let heading = screen.find(Locator::Css("h1")).await.expect("screen heading");
        assert_eq!(heading.text().await.expect("heading text"), title);
        let current = app
            .client
            .find(Locator::Css(&testid(&format!("nav-{id}"))))
            .await
            .expect("nav entry")
            .attr("aria-current")
            .await
            .expect("aria-current");
        assert_eq!(current.as_deref(), Some("page"), "nav-{id} is not marked as the current page");
        app.screenshot(id).await;
    }

    // About: the version of the workspace this binary was built from, and the private keyring.
    app.wait_for_text("about-version", |t| t == env!("CARGO_PKG_VERSION")).await;
    app.wait_for_text("about-keychain", |t| t == "Secret Service (unlocked)").await;
    let data_dir = app.wait_for_text("about-data-dir", |t| !t.is_empty()).await;
    assert_eq!(data_dir, machine.data_home().join("dev.foundrydesk.app").display().to_string());
    app.screenshot("about-loaded").await;
    app.quit().await;
}

#[tokio::test]
async fn theme_choice_applies_at_once_and_survives_a_restart() {
    let machine = Machine::new();
    let app = machine.launch("theme").await;
    app.click("nav-settings").await;
    let select = app.wait_for("theme-select").await;
    select.select_by_value("dark").await.expect("choose Dark");
    // Shown at once, as a preview; kept once saved.
    app.wait_until_js("document.documentElement.dataset.theme === 'dark'").await;
    app.click("settings-save-appearance").await;
    app.wait_for_text("settings-status-appearance", |t| t.contains("Saved")).await;
    app.screenshot("dark-settings").await;

    // Saved where the app keeps its settings, before the app answered.
    let saved = std::fs::read_to_string(machine.data_home().join("dev.foundrydesk.app/settings.json"))
        .expect("settings.json written");
    assert!(saved.contains("\"dark\""), "{saved}");
    app.quit().await;

    let again = machine.launch("theme-restart").await;
    again.wait_until_js("document.documentElement.dataset.theme === 'dark'").await;
    again.click("nav-about").await;
    again.screenshot("dark-about").await;
    again.quit().await;
}

#[tokio::test]
async fn about_says_plainly_when_no_keychain_is_reachable() {
    let machine = Machine::without_keychain();
    let app = machine.launch("no-keychain").await;
    app.click("nav-about").await;
    app.wait_for_text("about-keychain", |t| t == "Secret Service (unavailable)").await;
    app.wait_for_text("about-keychain-detail", |t| t.contains("no Secret Service is running")).await;
    app.screenshot("about").await;
    app.quit().await;
}
