//! `fdesk login` / `logout` / `--profile` end to end: a device-code sign-in against the simulator's
//! Entra endpoints, kept in the real keychain (private gnome-keyring) and nowhere else, used by
//! Resource Manager commands, and forgotten on logout or refused once revoked.

#![allow(clippy::unwrap_used)]

use std::path::Path;

use foundry_sim::sandbox::{ACCOUNT_OPENAI, SUBSCRIPTION_ID};
use foundry_sim::{RunningSim, SimConfig};
use tokio::process::Command;

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// `fdesk ARGS` with its data in `home` (a fresh XDG data dir) and no token in the environment.
async fn fdesk(home: &Path, args: &[&str]) -> Run {
    assert!(
        std::env::var_os("FDESK_PRIVATE_KEYRING").is_some(),
        "these tests write real secrets: run them inside `scripts/with-keyring` (make test does)"
    );
    let out = Command::new(env!("CARGO_BIN_EXE_fdesk"))
        .args(args)
        .env("XDG_DATA_HOME", home)
        .env_remove("FDESK_ARM_TOKEN")
        .env_remove("FDESK_PROFILE")
        .env_remove("FDESK_SUBSCRIPTION")
        .output()
        .await
        .unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// The refresh token the keychain holds for the profile in `home`, found with `secret-tool`.
fn kept_refresh_token(home: &Path) -> Option<String> {
    let file = std::fs::read_to_string(home.join("dev.foundrydesk.app/profiles.json")).ok()?;
    let profiles: serde_json::Value = serde_json::from_str(&file).ok()?;
    let id =
        profiles["profiles"].as_array()?.iter().find(|p| p["name"] == "Lab")?["id"].as_str()?.to_string();
    let out = std::process::Command::new("secret-tool")
        .args(["lookup", "service", "dev.foundrydesk.app", "username", &format!("refresh-token:{id}")])
        .output()
        .ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned()).filter(|t| !t.is_empty())
}

/// Every file under `dir`, read as text.
fn files_contain(dir: &Path, needle: &str) -> Vec<String> {
    let mut hits = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            hits.extend(files_contain(&path, needle));
        } else if std::fs::read(&path).is_ok_and(|b| String::from_utf8_lossy(&b).contains(needle)) {
            hits.push(path.display().to_string());
        }
    }
    hits
}

#[tokio::test(flavor = "multi_thread")]
async fn a_device_code_sign_in_is_kept_in_the_keychain_used_and_forgotten() {
    let sim = RunningSim::start_with(SimConfig::fast()).await.unwrap();
    let home = tempfile::tempdir().unwrap();
    let base = sim.base_url();
    let login =
        fdesk(home.path(), &["--arm-endpoint", &base, "--profile", "Lab", "login", "--use-device-code"])
            .await;
    assert_eq!(login.code, 0, "{}", login.stderr);
    assert!(login.stderr.contains("enter the code"), "{}", login.stderr);
    assert!(login.stderr.contains("Signed in as ada@contoso.com"), "{}", login.stderr);

    let listed = fdesk(home.path(), &["profile", "list"]).await;
    assert!(listed.stdout.contains("Lab") && listed.stdout.contains("ada@contoso.com"), "{}", listed.stdout);
    let refresh = kept_refresh_token(home.path()).expect("the refresh token is in the keychain");
    assert!(files_contain(home.path(), &refresh).is_empty(), "and in no file");

    let accounts =
        fdesk(home.path(), &["--profile", "Lab", "--subscription", SUBSCRIPTION_ID, "account", "list"]).await;
    assert_eq!(accounts.code, 0, "{}", accounts.stderr);
    assert!(accounts.stdout.contains(ACCOUNT_OPENAI), "{}", accounts.stdout);
    assert!(!accounts.stdout.contains(&refresh) && !accounts.stderr.contains(&refresh));

    // Chat through the profile's sign-in: an Entra token, no key saved anywhere.
    let endpoint = sim.endpoint_for(&format!("https://{ACCOUNT_OPENAI}.openai.azure.com/"));
    let chat = fdesk(
        home.path(),
        &["--profile", "Lab", "chat", "--endpoint", &endpoint, "--deployment", "gpt-4o", "Say hello"],
    )
    .await;
    assert_eq!(chat.code, 0, "{}", chat.stderr);
    assert!(!chat.stdout.trim().is_empty(), "an answer streamed: {}", chat.stderr);

    let logout = fdesk(home.path(), &["--profile", "Lab", "logout"]).await;
    assert_eq!(logout.code, 0, "{}", logout.stderr);
    assert_eq!(kept_refresh_token(home.path()), None, "the keychain entry is gone");
    let after =
        fdesk(home.path(), &["--profile", "Lab", "--subscription", SUBSCRIPTION_ID, "account", "list"]).await;
    assert_eq!(after.code, 2);
    assert!(after.stderr.contains("sign in again"), "{}", after.stderr);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_revoked_sign_in_asks_to_sign_in_again() {
    let sim = RunningSim::start_with(SimConfig::fast()).await.unwrap();
    let home = tempfile::tempdir().unwrap();
    let base = sim.base_url();
    let login =
        fdesk(home.path(), &["--arm-endpoint", &base, "--profile", "Lab", "login", "--use-device-code"])
            .await;
    assert_eq!(login.code, 0, "{}", login.stderr);
    reqwest::Client::new().post(format!("{base}/_sim/entra/revoke")).send().await.unwrap();
    let refused =
        fdesk(home.path(), &["--profile", "Lab", "--subscription", SUBSCRIPTION_ID, "account", "list"]).await;
    assert_eq!(refused.code, 1, "{}", refused.stderr);
    assert!(
        refused.stderr.contains("sign in again") && refused.stderr.contains("AADSTS50173"),
        "{}",
        refused.stderr
    );
    assert!(!refused.stderr.contains("FDESK_ARM_TOKEN"), "no token variable was used: {}", refused.stderr);
}
