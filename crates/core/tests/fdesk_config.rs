//! `fdesk config show`: the settings the app uses, read from the app's own file and never written.

#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::Command;

fn config_show(home: &Path, extra: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_fdesk"))
        .args(["config", "show"])
        .args(extra)
        .env("XDG_DATA_HOME", home)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn row<'a>(stdout: &'a str, field: &str) -> Vec<&'a str> {
    let line = stdout.lines().find(|l| l.split_whitespace().next() == Some(field)).unwrap_or_else(|| {
        panic!("no {field} row in:\n{stdout}");
    });
    line.split_whitespace().collect()
}

#[test]
fn shows_each_setting_in_effect_and_where_it_comes_from() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("dev.foundrydesk.app/settings.json");
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    let saved = r#"{"version":2,"appearance":{"theme":"dark"},"network":{"requestTimeoutSecs":90}}"#;
    std::fs::write(&file, saved).unwrap();

    let (code, stdout, stderr) = config_show(home.path(), &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains(&file.display().to_string()), "names the file: {stdout}");
    assert_eq!(row(&stdout, "appearance.theme"), ["appearance.theme", "\"dark\"", "file"]);
    assert_eq!(row(&stdout, "network.requestTimeoutSecs"), ["network.requestTimeoutSecs", "90", "file"]);
    assert_eq!(row(&stdout, "network.proxy.mode"), ["network.proxy.mode", "\"system\"", "default"]);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), saved, "read-only: the file is as it was");

    let (code, json, _) = config_show(home.path(), &["-o", "json"]);
    assert_eq!(code, 0);
    let settings: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(settings["appearance"]["theme"], "dark");
    assert_eq!(settings["playground"]["autosave"], true);
}

#[test]
fn a_file_the_app_would_set_aside_is_reported_and_left_in_place() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("dev.foundrydesk.app/settings.json");
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(&file, r#"{"version":2,"network":{"requestTimeoutSecs":1}}"#).unwrap();

    let (code, stdout, stderr) = config_show(home.path(), &[]);
    assert_eq!(code, 0);
    assert!(stderr.contains("network.requestTimeoutSecs: 1 s is outside 5 to 600 seconds"), "{stderr}");
    assert!(stderr.contains("starts on defaults"), "{stderr}");
    assert_eq!(row(&stdout, "network.requestTimeoutSecs"), ["network.requestTimeoutSecs", "120", "default"]);
    assert!(file.exists(), "the CLI never moves the app's file");
}
