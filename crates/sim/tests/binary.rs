//! The `foundry-sim` binary: prints its base URL, takes `--faults`, `--seed-file`, `FOUNDRY_SIM_FAULTS` and the
//! sign-in settings.

use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

/// Starts the binary and reads the base URL it prints (bounded wait).
async fn start(args: &[&str], env: Option<(&str, &str)>) -> (Child, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_foundry-sim"));
    command.args(args).stdout(std::process::Stdio::piped()).kill_on_drop(true);
    if let Some((name, value)) = env {
        command.env(name, value);
    }
    let mut child = command.spawn().expect("spawn foundry-sim");
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = BufReader::new(stdout).lines();
    let line = tokio::time::timeout(std::time::Duration::from_secs(20), lines.next_line())
        .await
        .expect("base URL within 20 s")
        .expect("read")
        .expect("a line");
    (child, line.trim().to_string())
}

async fn status_of(base: &str, path: &str) -> u16 {
    reqwest::Client::new()
        .get(format!("{base}{path}"))
        .bearer_auth("t")
        .send()
        .await
        .expect("request")
        .status()
        .as_u16()
}

#[tokio::test]
async fn prints_its_base_url_and_applies_cli_faults() {
    let (mut child, base) = start(&["--port", "0", "--faults", "503;count=1"], None).await;
    assert!(base.starts_with("http://127.0.0.1:"), "{base}");
    assert_eq!(status_of(&base, "/subscriptions?api-version=2022-12-01").await, 503);
    assert_eq!(status_of(&base, "/subscriptions?api-version=2022-12-01").await, 200);
    child.kill().await.expect("kill");
}

#[tokio::test]
async fn takes_faults_from_the_environment_and_a_seed_file() {
    let mut seed = foundry_sim::Seed::sandbox();
    seed.subscriptions[0].display_name = "From a file".into();
    let dir = std::env::temp_dir().join(format!("foundry-sim-bin-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let path = dir.join("seed.json");
    std::fs::write(&path, serde_json::to_string(&seed).expect("json")).expect("write");
    let path_text = path.to_string_lossy().into_owned();
    let (mut child, base) =
        start(&["--seed-file", &path_text], Some(("FOUNDRY_SIM_FAULTS", "500;count=1;path=/subscriptions")))
            .await;
    assert_eq!(status_of(&base, "/subscriptions?api-version=2022-12-01").await, 500);
    let body: serde_json::Value = reqwest::Client::new()
        .get(format!("{base}/subscriptions?api-version=2022-12-01"))
        .bearer_auth("t")
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("json");
    assert_eq!(body["value"][0]["displayName"], "From a file");
    child.kill().await.expect("kill");
    std::fs::remove_dir_all(&dir).expect("cleanup");
}

#[tokio::test]
async fn takes_the_sign_in_settings() {
    let (mut child, base) =
        start(&["--device-code-interval", "7", "--device-code-mode", "manual"], None).await;
    let client_id = foundry_sim::entra::AZURE_CLI_CLIENT_ID;
    let scope = "https://management.azure.com/.default";
    let code: serde_json::Value = reqwest::Client::new()
        .post(format!("{base}/organizations/oauth2/v2.0/devicecode"))
        .form(&[("client_id", client_id), ("scope", scope)])
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("json");
    assert_eq!(code["interval"], 7);
    let mode: serde_json::Value = reqwest::get(format!("{base}/_sim/entra/device-mode"))
        .await
        .expect("request")
        .json()
        .await
        .expect("json");
    assert_eq!(mode["mode"], "manual");
    child.kill().await.expect("kill");
}
