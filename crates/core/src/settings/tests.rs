use std::path::Path;

use serde_json::json;

use super::*;
use crate::playground::{Preset, PresetStore};

fn store_with(dir: &Path, text: &str) -> SettingsStore {
    let path = dir.join("settings.json");
    std::fs::write(&path, text).expect("write the settings file");
    SettingsStore::new(path)
}

fn fields(error: SettingsError) -> Vec<String> {
    match error {
        SettingsError::Invalid(problems) => problems.into_iter().map(|p| p.field).collect(),
        other => panic!("expected invalid values, got {other}"),
    }
}

fn problems_of(change: impl FnOnce(&mut Settings)) -> Vec<FieldProblem> {
    let mut settings = Settings::default();
    change(&mut settings);
    validate::problems_to_save(&settings)
}

fn problem_fields(change: impl FnOnce(&mut Settings)) -> Vec<String> {
    problems_of(change).into_iter().map(|p| p.field).collect()
}

#[test]
fn nothing_saved_gives_defaults_that_follow_the_os() {
    let dir = tempfile::tempdir().expect("dir");
    let loaded = SettingsStore::new(dir.path().join("settings.json")).load();
    assert_eq!(loaded.recovery, None);
    assert_eq!(loaded.settings, Settings::default());
    assert_eq!(loaded.settings.appearance.theme, ThemePreference::System);
    assert_eq!(loaded.settings.network.request_timeout_secs, 120);
    assert!(loaded.settings.playground.autosave);
    assert!(validate::problems(&Settings::default()).is_empty(), "the defaults are valid");
}

#[test]
fn saved_settings_round_trip_through_the_file() {
    let dir = tempfile::tempdir().expect("dir");
    let store = SettingsStore::new(dir.path().join("settings.json"));
    let mut settings = Settings::default();
    settings.appearance.theme = ThemePreference::Dark;
    settings.network.proxy =
        ProxySetting::Manual { url: "http://proxy.corp:8080".into(), no_proxy: vec!["localhost".into()] };
    settings.azure.inference_style = ApiStyleChoice::Classic { api_version: "2024-10-21".into() };
    store.save(settings.clone()).expect("save");
    let again = SettingsStore::new(dir.path().join("settings.json"));
    assert_eq!(again.read().expect("read"), settings);
    let file: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("settings.json")).expect("file"))
            .expect("json");
    assert_eq!(file["version"], SETTINGS_VERSION);
    assert_eq!(
        file["network"]["proxy"],
        json!({"mode": "manual", "url": "http://proxy.corp:8080", "noProxy": ["localhost"]})
    );
}

#[test]
fn the_first_versions_file_is_migrated_with_its_theme() {
    let dir = tempfile::tempdir().expect("dir");
    // As tauri-plugin-store kept version 1.
    let store = store_with(dir.path(), r#"{"settings":{"version":1,"theme":"dark"}}"#);
    let loaded = store.load();
    assert_eq!(loaded.recovery, None);
    assert_eq!(loaded.settings.appearance.theme, ThemePreference::Dark);
    assert_eq!(loaded.settings.version, SETTINGS_VERSION);
    assert_eq!(loaded.settings.network, NetworkSettings::default(), "new sections start on defaults");
    // A bare version 1 object reads the same.
    let bare = store_with(dir.path(), r#"{"version":1,"theme":"light"}"#);
    assert_eq!(bare.read().expect("read").appearance.theme, ThemePreference::Light);
}

#[test]
fn a_field_missing_from_the_file_takes_its_default() {
    let dir = tempfile::tempdir().expect("dir");
    let store = store_with(dir.path(), r#"{"version":2,"network":{"requestTimeoutSecs":120}}"#);
    let settings = store.read().expect("read");
    assert_eq!(settings.network.request_timeout_secs, 120);
    assert_eq!(settings.network.proxy, ProxySetting::System);
    assert_eq!(settings.appearance, Appearance::default());
}

#[test]
fn a_damaged_file_is_moved_aside_and_defaults_load_with_one_notice() {
    let dir = tempfile::tempdir().expect("dir");
    let store = store_with(dir.path(), r#"{"version":2,"appearance":{"theme":"#);
    let loaded = store.load();
    assert_eq!(loaded.settings, Settings::default());
    let recovery = loaded.recovery.expect("a notice");
    assert!(recovery.reason.contains("could not be read"), "{}", recovery.reason);
    let moved = recovery.moved_to.expect("moved aside");
    assert!(moved.contains("settings.json.invalid-"), "{moved}");
    assert_eq!(
        std::fs::read_to_string(&moved).expect("kept"),
        r#"{"version":2,"appearance":{"theme":"#,
        "the damaged file is kept as it was"
    );
    assert!(!dir.path().join("settings.json").exists());
    // Said once: the next start finds no file and says nothing.
    assert_eq!(store.load().recovery, None);
}

#[test]
fn a_hand_edited_invalid_value_is_set_aside_too_and_named() {
    let dir = tempfile::tempdir().expect("dir");
    let store = store_with(
        dir.path(),
        r#"{"version":2,"network":{"requestTimeoutSecs":0},"appearance":{"theme":"sepia"}}"#,
    );
    let recovery = store.load().recovery.expect("a notice");
    assert!(recovery.reason.contains("sepia"), "an unknown theme is named: {}", recovery.reason);

    let store = store_with(dir.path(), r#"{"version":2,"network":{"requestTimeoutSecs":0}}"#);
    let recovery = store.load().recovery.expect("a notice");
    assert!(recovery.reason.contains("network.requestTimeoutSecs"), "{}", recovery.reason);
}

#[test]
fn settings_from_a_newer_app_are_left_in_place_and_never_written_over() {
    let dir = tempfile::tempdir().expect("dir");
    let newer = r#"{"version":7,"appearance":{"theme":"dark"}}"#;
    let store = store_with(dir.path(), newer);
    assert!(matches!(store.read(), Err(SettingsError::TooNew { found: 7 })));
    let loaded = store.load();
    let recovery = loaded.recovery.expect("a notice");
    assert!(recovery.reason.contains("newer than this app"), "{}", recovery.reason);
    assert!(recovery.reason.contains("saves no change"), "{}", recovery.reason);
    assert_eq!(recovery.moved_to, None, "left where the newer app looks for it");
    assert!(recovery.read_only);
    assert_eq!(loaded.settings, Settings::default());
    assert_eq!(store.in_use().expect("defaults in use"), Settings::default());

    // Any change is refused, so the newer app finds its file as it left it.
    let mut dark = Settings::default();
    dark.appearance.theme = ThemePreference::Dark;
    assert!(matches!(store.save(dark), Err(SettingsError::TooNew { found: 7 })));
    assert!(matches!(store.update(|s| s.appearance.compact = true), Err(SettingsError::TooNew { .. })));
    assert_eq!(std::fs::read_to_string(dir.path().join("settings.json")).expect("still there"), newer);
}

#[test]
fn a_file_that_cannot_be_moved_aside_gives_defaults_until_a_save_replaces_it() {
    let dir = tempfile::tempdir().expect("dir");
    let damaged = r#"{"version":2,"appearance":"#;
    let store = store_with(dir.path(), damaged);
    // Where it would be moved is taken (by folders with something in them, for the next minute's
    // timestamps): the move fails, as it would on a read-only mount.
    let now = chrono::Local::now();
    for second in 0..60 {
        let stamp = (now + chrono::Duration::seconds(second)).format("%Y%m%d-%H%M%S");
        let taken = dir.path().join(format!("settings.json.invalid-{stamp}"));
        std::fs::create_dir_all(taken.join("occupied")).expect("take the name");
    }
    let loaded = store.load();
    assert_eq!(loaded.recovery.expect("a notice").moved_to, None);
    // The app keeps working on the defaults the notice promised, instead of failing on every read.
    assert_eq!(store.in_use().expect("defaults"), Settings::default());
    let saved = store.update(|s| s.appearance.compact = true).expect("a save replaces the damaged file");
    assert!(saved.appearance.compact);
    assert_eq!(store.in_use().expect("saved"), saved);
}

#[test]
fn an_invalid_save_writes_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let store = SettingsStore::new(dir.path().join("settings.json"));
    let mut good = Settings::default();
    good.appearance.compact = true;
    store.save(good.clone()).expect("save");
    let before = std::fs::read(store.path()).expect("file");

    let mut bad = good.clone();
    bad.network.request_timeout_secs = 1;
    bad.azure.arm_api_version = Some("latest".into());
    assert_eq!(fields(store.save(bad).unwrap_err()), ["azure.armApiVersion", "network.requestTimeoutSecs"]);
    assert_eq!(std::fs::read(store.path()).expect("file"), before, "the file is untouched");
    let update = store.update(|s| s.appearance.font_size = 99).unwrap_err();
    assert!(update.to_string().starts_with("appearance.fontSize: 99 px"), "{update}");
    assert_eq!(store.read().expect("read"), good);
}

#[test]
fn api_versions_are_dates_maybe_preview() {
    for good in ["2024-10-21", "2025-04-01-preview", "2023-05-01"] {
        assert!(problem_fields(|s| s.azure.arm_api_version = Some(good.into())).is_empty(), "{good}");
    }
    for bad in ["latest", "2024-10", "2024-13-01", "24-10-21", "2024-10-21-beta", ""] {
        let found = problems_of(|s| s.azure.arm_api_version = Some(bad.into()));
        assert_eq!(found.len(), 1, "{bad}");
        assert!(found[0].message.contains("2024-10-21"), "the message shows the form: {}", found[0].message);
    }
    let classic =
        problem_fields(|s| s.azure.inference_style = ApiStyleChoice::Classic { api_version: "v1".into() });
    assert_eq!(classic, ["azure.inferenceStyle.apiVersion"]);
}

#[test]
fn sign_in_ids_regions_and_tenants_are_checked() {
    let ok = problem_fields(|s| {
        s.azure.sign_in_client_id = Some("04b07795-8ddb-461a-bbee-02f9e1bf7b46".into());
        s.azure.sign_in_tenant = Some("contoso.onmicrosoft.com".into());
        s.azure.default_region = Some("swedencentral".into());
    });
    assert!(ok.is_empty(), "{ok:?}");
    assert!(problem_fields(|s| s.azure.sign_in_tenant = Some("organizations".into())).is_empty());
    assert!(problem_fields(|s| s.azure.sign_in_tenant = Some("72f988bf-86f1-41af-91ab-2d7cd011db47".into()))
        .is_empty());
    let bad = problem_fields(|s| {
        s.azure.sign_in_client_id = Some("my-app".into());
        s.azure.sign_in_tenant = Some("contoso".into());
        s.azure.default_region = Some("East US".into());
    });
    assert_eq!(bad, ["azure.defaultRegion", "azure.signInClientId", "azure.signInTenant"]);
}

#[test]
fn a_manual_proxy_needs_a_proxy_url_without_credentials() {
    let manual = |url: &str| {
        problems_of(|s| s.network.proxy = ProxySetting::Manual { url: url.into(), no_proxy: vec![] })
    };
    assert!(manual("http://proxy.corp:8080").is_empty());
    assert!(manual("https://proxy.corp:8443").is_empty());
    for (bad, says) in [
        ("proxy.corp:8080", "http"),
        ("not a url", "not a URL"),
        ("ftp://proxy.corp", "http or https"),
        ("socks5://127.0.0.1:1080", "http or https"),
        ("http://me:secret@proxy.corp:8080", "plain file"),
        ("http://me:secret#x@proxy.corp:8080", "not a URL"),
    ] {
        let found = manual(bad);
        assert_eq!(found.len(), 1, "{bad}");
        assert_eq!(found[0].field, "network.proxy.url");
        assert!(found[0].message.contains(says), "{bad}: {}", found[0].message);
        assert!(!found[0].message.contains("secret"), "a password is never repeated: {}", found[0].message);
    }
    let hosts = problem_fields(|s| {
        s.network.proxy = ProxySetting::Manual {
            url: "http://proxy:3128".into(),
            no_proxy: vec![
                "localhost".into(),
                ".corp.example".into(),
                "10.0.0.0/8".into(),
                "bad host".into(),
            ],
        }
    });
    assert_eq!(hosts, ["network.proxy.noProxy"]);
}

#[test]
fn the_ca_certificate_must_be_a_readable_pem_file() {
    let dir = tempfile::tempdir().expect("dir");
    let good = dir.path().join("corp-ca.pem");
    std::fs::write(&good, include_str!("test-ca.pem")).expect("write");
    let not_pem = dir.path().join("notes.txt");
    std::fs::write(&not_pem, "hello").expect("write");
    let broken = dir.path().join("broken.pem");
    std::fs::write(&broken, "-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n").expect("write");
    // Right PEM framing around bytes that are no certificate: only a trust store's reading finds out.
    let not_a_certificate = dir.path().join("truncated.pem");
    std::fs::write(&not_a_certificate, "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")
        .expect("write");
    let ca = |path: &Path| problems_of(|s| s.network.ca_certificate = Some(path.display().to_string()));

    assert!(ca(&good).is_empty(), "{:?}", ca(&good));
    let missing = ca(&dir.path().join("missing.pem"));
    assert!(missing[0].message.contains("cannot be read"), "{}", missing[0].message);
    assert!(ca(&not_pem)[0].message.contains("holds no certificate"), "{:?}", ca(&not_pem));
    assert!(ca(&broken)[0].message.contains("not a PEM file"), "{:?}", ca(&broken));
    let truncated = ca(&not_a_certificate);
    assert!(truncated[0].message.contains("cannot be used"), "{truncated:?}");
    assert!(truncated[0].message.contains("truncated.pem"), "names the file: {truncated:?}");
    assert!(ca(Path::new("corp-ca.pem"))[0].message.contains("not a full path"));

    // Saved with a CA file that later goes missing (a drive not mounted yet): the settings still load.
    let store = SettingsStore::new(dir.path().join("settings.json"));
    let mut settings = Settings::default();
    settings.network.ca_certificate = Some(good.display().to_string());
    settings.appearance.theme = ThemePreference::Dark;
    store.save(settings.clone()).expect("save");
    std::fs::remove_file(&good).expect("the CA file goes");
    let loaded = store.load();
    assert_eq!(loaded.recovery, None);
    assert_eq!(loaded.settings, settings);
    // Saving it again names the file.
    let refused = store.save(settings).unwrap_err();
    assert_eq!(fields(refused), ["network.caCertificate"]);
}

#[test]
fn timeouts_font_sizes_history_folder_and_default_parameters_are_bounded() {
    assert_eq!(problem_fields(|s| s.network.request_timeout_secs = 4), ["network.requestTimeoutSecs"]);
    assert_eq!(problem_fields(|s| s.network.request_timeout_secs = 601), ["network.requestTimeoutSecs"]);
    assert!(problem_fields(|s| s.network.request_timeout_secs = 600).is_empty());
    assert_eq!(problem_fields(|s| s.appearance.font_size = 8), ["appearance.fontSize"]);
    assert_eq!(
        problem_fields(|s| s.playground.history_dir = Some("chats".into())),
        ["playground.historyDir"]
    );
    let parameters = problem_fields(|s| {
        s.playground.chat.temperature = Some(2.5);
        s.playground.chat.top_p = Some(-0.1);
        s.playground.chat.max_tokens = Some(0);
        s.playground.chat.stop = vec!["a".into(), "b".into(), "c".into(), "d".into(), "e".into()];
        s.playground.reasoning.reasoning_effort = Some("extreme".into());
        s.playground.reasoning.past_messages = 500;
    });
    assert_eq!(
        parameters,
        [
            "playground.chat.temperature",
            "playground.chat.topP",
            "playground.chat.maxTokens",
            "playground.chat.stop",
            "playground.reasoning.reasoningEffort",
            "playground.reasoning.pastMessages",
        ]
    );
}

#[test]
fn a_section_resets_to_its_defaults_alone() {
    let mut settings = Settings::default();
    settings.appearance.theme = ThemePreference::Dark;
    settings.network.request_timeout_secs = 120;
    let reset = settings.with_section_reset(SettingsSection::Network);
    assert_eq!(reset.network, NetworkSettings::default());
    assert_eq!(reset.appearance.theme, ThemePreference::Dark);
}

fn preset(id: &str, name: &str, temperature: f64) -> Preset {
    Preset {
        id: id.into(),
        name: name.into(),
        profile_id: "sandbox".into(),
        endpoint: "https://contoso.openai.azure.com/".into(),
        deployment: "gpt-4o".into(),
        parameters: crate::conversations::PlaygroundParameters {
            temperature: Some(temperature),
            ..Default::default()
        },
        updated_at_ms: 1.0,
    }
}

#[test]
fn an_export_imports_back_everything_and_shows_what_changes() {
    let dir = tempfile::tempdir().expect("dir");
    let store = SettingsStore::new(dir.path().join("settings.json"));
    let presets = PresetStore::new(dir.path().join("presets.json"));
    let mut mine = Settings::default();
    mine.appearance.theme = ThemePreference::Dark;
    mine.network.request_timeout_secs = 90;
    store.save(mine.clone()).expect("save");
    presets
        .replace_all(vec![preset("p-1", "Precise", 0.1), preset("p-2", "Creative", 1.2)])
        .expect("presets");

    let export = SettingsExport::new(store.read().expect("read"), presets.list().expect("list")).to_json();
    assert!(export.contains("never holds keys"), "the export says it has no secrets");

    // Reset everything, then import.
    store.save(Settings::default()).expect("reset");
    presets
        .replace_all(vec![preset("p-2", "Creative", 0.9), preset("p-3", "Mine only", 0.5)])
        .expect("presets");
    let plan = ImportPlan::read(&export, &store.read().expect("read"), &presets.list().expect("list"))
        .expect("plan");
    let changed: Vec<(&str, &str, &str)> =
        plan.changes.iter().map(|c| (c.field.as_str(), c.before.as_str(), c.after.as_str())).collect();
    assert_eq!(
        changed,
        [("appearance.theme", "\"system\"", "\"dark\""), ("network.requestTimeoutSecs", "120", "90")]
    );
    assert_eq!((plan.presets_added, plan.presets_replaced), (1, 1));

    plan.apply(&store, &presets).expect("apply");
    assert_eq!(store.read().expect("read"), mine);
    let names: Vec<(String, Option<f64>)> =
        presets.list().expect("list").into_iter().map(|p| (p.name, p.parameters.temperature)).collect();
    assert_eq!(
        names,
        [
            ("Creative".to_string(), Some(1.2)),
            ("Mine only".to_string(), Some(0.5)),
            ("Precise".to_string(), Some(0.1))
        ]
    );
}

#[test]
fn an_import_with_any_problem_applies_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let store = SettingsStore::new(dir.path().join("settings.json"));
    let current = Settings::default();
    let mut export: serde_json::Value = serde_json::from_str(
        &SettingsExport::new(current.clone(), vec![preset("p-1", "Precise", 0.1)]).to_json(),
    )
    .expect("json");
    export["settings"]["network"]["proxy"] = json!({"mode": "manual", "url": "nope", "noProxy": []});
    let refused = ImportPlan::read(&export.to_string(), &current, &[]).unwrap_err();
    assert_eq!(fields(refused), ["network.proxy.url"]);

    // The settings are fine but a preset is damaged: refused whole too.
    export["settings"]["network"]["proxy"] = json!({"mode": "system"});
    export["presets"][0]["parameters"] = json!("warm");
    let refused = ImportPlan::read(&export.to_string(), &current, &[]).unwrap_err();
    assert!(refused.to_string().contains("presets cannot be read"), "{refused}");

    // Presets the app would refuse to save are refused in an import too.
    let mut twice = preset("p-2", "precise", 0.2);
    twice.parameters.temperature = Some(3.0);
    export["presets"] = serde_json::to_value(vec![preset("p-1", "Precise", 0.1), twice]).expect("presets");
    let refused = ImportPlan::read(&export.to_string(), &current, &[]).unwrap_err();
    assert_eq!(fields(refused), ["presets.1.name", "presets.1.parameters.temperature"]);

    let newer = r#"{"format":"foundry-desk-settings","settings":{"version":9},"presets":[]}"#;
    for (text, says) in [
        ("{", "not JSON"),
        (r#"{"theme":"dark"}"#, "not a Foundry Desk settings export"),
        (newer, "newer than this app"),
    ] {
        let refused = ImportPlan::read(text, &current, &[]).unwrap_err();
        assert!(refused.to_string().contains(says), "{refused}");
    }
    assert!(!store.path().exists(), "nothing was written");
}

#[test]
fn an_import_from_the_first_version_is_migrated() {
    let text = r#"{"format":"foundry-desk-settings","settings":{"version":1,"theme":"light"},"presets":[]}"#;
    let plan = ImportPlan::read(text, &Settings::default(), &[]).expect("plan");
    assert_eq!(plan.settings.appearance.theme, ThemePreference::Light);
}
