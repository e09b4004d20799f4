//! Reusing an Azure CLI login, with a stand-in `az` (a script that records its arguments and prints
//! what the real one prints): found off PATH in its usual places, asked for the right scope and tenant,
//! its token cached until near expiry, and its failures worded for a person.
#![cfg(unix)]
#![allow(clippy::unwrap_used)] // test steps: a failed call should fail the test loudly

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use foundry_azure::entra::cli::{find_az, AzureCliTokenSource};
use foundry_azure::token::TokenSource;
use foundry_azure::ErrorKind;

/// Writes an executable `az` into `dir` that logs its arguments to `dir/calls` and runs `body`.
fn fake_az(dir: &Path, body: &str) -> PathBuf {
    let az = dir.join("az");
    std::fs::write(&az, format!("#!/bin/sh\necho \"$@\" >> '{}'\n{body}\n", dir.join("calls").display()))
        .unwrap();
    std::fs::set_permissions(&az, std::fs::Permissions::from_mode(0o755)).unwrap();
    az
}

fn calls(dir: &Path) -> Vec<String> {
    std::fs::read_to_string(dir.join("calls")).unwrap_or_default().lines().map(str::to_string).collect()
}

#[test]
fn az_is_found_in_its_usual_place_when_path_lacks_it() {
    let dir = tempfile::tempdir().unwrap();
    let az = fake_az(dir.path(), "true");
    let usual = az.to_str().unwrap();
    assert_eq!(find_az(Some("/nonexistent".into()), &[usual]), Some(az.clone()));
    assert_eq!(find_az(None, &[usual]), Some(az.clone()));
    assert_eq!(find_az(Some(dir.path().as_os_str().to_owned()), &[]), Some(az));
    assert_eq!(find_az(Some("/nonexistent".into()), &["/nonexistent/az"]), None);
}

#[tokio::test]
async fn the_token_is_asked_for_the_scope_and_tenant_and_kept_until_near_expiry() {
    let dir = tempfile::tempdir().unwrap();
    let in_an_hour = SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs() + 3600;
    let printed = format!(
        r#"{{"accessToken":"cli-token","expiresOn":"2026-11-28 20:00:00.000000","expires_on":{in_an_hour},"subscription":"s","tenant":"t1","tokenType":"Bearer"}}"#
    );
    let az = fake_az(dir.path(), &format!("echo '{printed}'"));
    let source = AzureCliTokenSource::with_az(az, Some("t1"));
    let scope = "https://management.azure.com/.default";
    let token = source.token(scope).await.unwrap();
    assert_eq!(token.secret(), "cli-token");
    assert!(token.expires_on.is_some());
    source.token(scope).await.unwrap();
    assert_eq!(
        calls(dir.path()),
        [format!("account get-access-token --output json --scope {scope} --tenant t1")],
        "asked once, then cached"
    );
}

#[tokio::test]
async fn a_cli_that_is_not_logged_in_says_run_az_login() {
    let dir = tempfile::tempdir().unwrap();
    let az = fake_az(dir.path(), "echo \"ERROR: Please run 'az login' to setup account.\" >&2; exit 1");
    let err = AzureCliTokenSource::with_az(az, None)
        .token("https://management.azure.com/.default")
        .await
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::Auth);
    assert!(
        err.message.contains("Please run 'az login'") && err.message.ends_with("run `az login`"),
        "{err}"
    );
}
