//! `fdesk key` against the real keychain (the private gnome-keyring `scripts/with-keyring` starts):
//! a key read from stdin lands in the Secret Service (`secret-tool` finds it), is shown masked, is used by
//! `fdesk chat` for its endpoint, and is gone after delete.

#![allow(clippy::unwrap_used)]

use std::process::Stdio;
use std::sync::Arc;

use foundry_azure::arm::{AccountRef, ArmClient};
use foundry_azure::cloud::Cloud;
use foundry_azure::token::StaticToken;
use foundry_sim::sandbox::{ACCOUNT_OPENAI, GROUP_EAST, SUBSCRIPTION_ID};
use foundry_sim::{RunningSim, SimConfig};
use tokio::io::AsyncWriteExt;
use tokio::process::Command;

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

async fn fdesk(args: &[&str], stdin: Option<&str>) -> Run {
    assert!(
        std::env::var_os("FDESK_PRIVATE_KEYRING").is_some(),
        "these tests write real secrets: run them inside `scripts/with-keyring` (make test does)"
    );
    let mut child = Command::new(env!("CARGO_BIN_EXE_fdesk"))
        .args(args)
        .env_remove("FDESK_API_KEY")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    if let Some(text) = stdin {
        input.write_all(text.as_bytes()).await.unwrap();
    }
    drop(input);
    let out = child.wait_with_output().await.unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn secret_tool_has(key: &str) -> bool {
    let out = std::process::Command::new("secret-tool")
        .args(["search", "--all", "service", "dev.foundrydesk.app"])
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).contains(key) || String::from_utf8_lossy(&out.stderr).contains(key)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_key_saved_from_stdin_is_in_the_keychain_masked_used_by_chat_and_deleted() {
    let sim = RunningSim::start_with(SimConfig::fast()).await.unwrap();
    let base = url::Url::parse(&sim.base_url()).unwrap();
    let arm = ArmClient::new(&Cloud::at("Sandbox", &base), Arc::new(StaticToken::new("t"))).unwrap();
    let account = AccountRef {
        subscription: SUBSCRIPTION_ID.into(),
        resource_group: GROUP_EAST.into(),
        name: ACCOUNT_OPENAI.into(),
    };
    let key = arm.list_keys(&account).await.unwrap().key1;
    let endpoint = sim.endpoint_for(&arm.get_account(&account).await.unwrap().properties.endpoint.unwrap());
    // The same endpoint pasted with the API path on it finds the same key.
    let pasted = format!("{endpoint}openai/v1");

    let set = fdesk(&["key", "set", "--endpoint", &pasted], Some(&format!("{key}\n"))).await;
    assert_eq!(set.code, 0, "{}", set.stderr);
    assert!(secret_tool_has(&key), "the key is in the Secret Service");
    let shown = fdesk(&["key", "show", "--endpoint", &endpoint], None).await;
    assert_eq!(shown.code, 0, "{}", shown.stderr);
    assert!(
        shown.stdout.trim().ends_with(&key[key.len() - 4..]) && !shown.stdout.contains(&key[..8]),
        "{}",
        shown.stdout
    );

    let chat = fdesk(&["chat", "--endpoint", &endpoint, "--deployment", "gpt-4o-mini", "hi"], None).await;
    assert_eq!(chat.code, 0, "the saved key is used: {}", chat.stderr);
    assert!(!chat.stdout.contains(&key) && !chat.stderr.contains(&key));

    let deleted = fdesk(&["key", "delete", "--endpoint", &endpoint], None).await;
    assert_eq!(deleted.code, 0, "{}", deleted.stderr);
    assert!(!secret_tool_has(&key), "the key left the Secret Service");
    let gone = fdesk(&["chat", "--endpoint", &endpoint, "--deployment", "gpt-4o-mini", "hi"], None).await;
    assert_eq!(gone.code, 2);
    assert!(gone.stderr.contains("fdesk key set --endpoint"), "{}", gone.stderr);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_key_is_never_taken_from_the_command_line_and_an_empty_one_is_refused() {
    let endpoint = "https://never-argv.openai.azure.com/";
    let argv = fdesk(&["key", "set", "--endpoint", endpoint, "--key", "abc"], None).await;
    assert_eq!(argv.code, 2, "there is no --key flag");
    let empty = fdesk(&["key", "set", "--endpoint", endpoint], Some("   \n")).await;
    assert_eq!(empty.code, 2);
    assert!(empty.stderr.contains("it is empty"), "{}", empty.stderr);
    let none = fdesk(&["key", "show", "--endpoint", endpoint], None).await;
    assert_eq!(none.code, 2);
}
