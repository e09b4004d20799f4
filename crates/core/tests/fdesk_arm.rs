//! `fdesk` end to end: the real binary against the in-process simulator's Sandbox world.

#![allow(clippy::unwrap_used)]

mod support;

use std::process::Stdio;

use foundry_sim::sandbox::{ACCOUNT_AISERVICES, ACCOUNT_OPENAI, GROUP_EAST, SUBSCRIPTION_ID};
use foundry_sim::{RunningSim, SimConfig};
use support::arm::{account, fdesk, gpt4o_create, sim, with, TOKEN};
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::Command;

#[tokio::test(flavor = "multi_thread")]
async fn account_list_shows_the_seeded_accounts() {
    let sim = sim().await;
    let run = fdesk(&sim, Some(TOKEN), &["account", "list"]).await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    let header = run.stdout.lines().next().unwrap();
    assert!(header.starts_with("NAME") && header.contains("RESOURCE GROUP"), "{}", run.stdout);
    assert!(run.stdout.contains(ACCOUNT_OPENAI) && run.stdout.contains(ACCOUNT_AISERVICES), "{}", run.stdout);

    let run = fdesk(&sim, Some(TOKEN), &["account", "list", "-g", GROUP_EAST, "--output", "json"]).await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    let names: Vec<String> =
        run.json().as_array().unwrap().iter().map(|a| a["name"].as_str().unwrap().to_string()).collect();
    assert_eq!(names, vec![ACCOUNT_OPENAI.to_string()]);
}

#[tokio::test(flavor = "multi_thread")]
async fn deployment_create_waits_with_progress_then_lists_it_succeeded() {
    let sim = sim().await;
    let create = gpt4o_create("chat-new", "10");
    let run = fdesk(&sim, Some(TOKEN), &with(vec!["deployment", "create"], &create)).await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("Creating deployment 'chat-new' … Creating (poll 1)"), "{}", run.stderr);
    // No version given: the catalog's default in eastus, said out loud.
    assert!(run.stderr.contains("using 2024-11-20"), "{}", run.stderr);

    let run = fdesk(&sim, Some(TOKEN), &with(vec!["deployment", "list"], &account())).await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    let row =
        run.stdout.lines().find(|l| l.starts_with("chat-new ")).unwrap_or_else(|| panic!("{}", run.stdout));
    let cells: Vec<&str> = row.split_whitespace().collect();
    assert_eq!(cells, ["chat-new", "gpt-4o", "2024-11-20", "GlobalStandard", "10", "Succeeded"]);

    let run = fdesk(
        &sim,
        Some(TOKEN),
        &with(vec!["deployment", "delete"], &with(account(), &["--deployment-name", "chat-new"])),
    )
    .await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = fdesk(
        &sim,
        Some(TOKEN),
        &with(vec!["deployment", "show"], &with(account(), &["--deployment-name", "chat-new"])),
    )
    .await;
    assert_eq!(run.code, 1, "{}", run.stdout);
}

#[tokio::test(flavor = "multi_thread")]
async fn no_wait_returns_after_the_first_answer() {
    let sim = sim().await;
    let create = with(
        account(),
        &[
            "--deployment-name",
            "quick",
            "--model-format",
            "OpenAI",
            "--model-name",
            "gpt-4o-mini",
            "--model-version",
            "2024-07-18",
            "--sku-name",
            "GlobalStandard",
            "--sku-capacity",
            "5",
            "--no-wait",
            "--output",
            "json",
        ],
    );
    let run = fdesk(&sim, Some(TOKEN), &with(vec!["deployment", "create"], &create)).await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.json()["properties"]["provisioningState"], "Accepted");
    assert!(!run.stderr.contains("(poll"), "{}", run.stderr);
    // Each read advances the simulated operation; it ends within a few.
    let show =
        with(vec!["deployment", "show"], &with(account(), &["--deployment-name", "quick", "-o", "json"]));
    let mut state = String::new();
    for _ in 0..5 {
        let run = fdesk(&sim, Some(TOKEN), &show).await;
        assert_eq!(run.code, 0, "{}", run.stderr);
        state = run.json()["properties"]["provisioningState"].as_str().unwrap().to_string();
        if state == "Succeeded" {
            break;
        }
    }
    assert_eq!(state, "Succeeded");
}

#[tokio::test(flavor = "multi_thread")]
async fn create_over_quota_fails_with_azures_code_message_and_request_id() {
    let sim = sim().await;
    let create = with(
        account(),
        &[
            "--deployment-name",
            "too-big",
            "--model-format",
            "OpenAI",
            "--model-name",
            "gpt-4o",
            "--model-version",
            "2024-11-20",
            "--sku-name",
            "Standard",
            "--sku-capacity",
            "200",
        ],
    );
    // Checked first, the way the app's wizard checks: refused with the numbers, nothing sent.
    let run = fdesk(&sim, Some(TOKEN), &with(vec!["deployment", "create"], &create)).await;
    assert_eq!(run.code, 2, "{}\n{}", run.stdout, run.stderr);
    assert!(
        run.stderr.contains("capacity: 200 is more than the 150 free in this region (0 of 150 used for OpenAI.Standard.gpt-4o)"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("nothing was sent"), "{}", run.stderr);
    let shown = fdesk(
        &sim,
        Some(TOKEN),
        &with(vec!["deployment", "show"], &with(account(), &["--deployment-name", "too-big"])),
    )
    .await;
    assert!(shown.stderr.contains("DeploymentNotFound"), "{}", shown.stderr);

    // Sent anyway: Azure's own refusal, verbatim.
    let run = fdesk(&sim, Some(TOKEN), &with(vec!["deployment", "create", "--skip-checks"], &create)).await;
    assert_eq!(run.code, 1, "{}\n{}", run.stdout, run.stderr);
    assert!(run.stderr.contains("InsufficientQuota"), "{}", run.stderr);
    assert!(run.stderr.contains("This operation require 200 new capacity"), "{}", run.stderr);
    let request_id = run.stderr.lines().find_map(|l| l.trim().strip_prefix("request id:")).unwrap_or("");
    assert!(!request_id.trim().is_empty(), "{}", run.stderr);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_dry_run_prints_the_request_and_the_az_command_and_sends_nothing() {
    let sim = sim().await;
    let create = gpt4o_create("planned", "20");
    let run = fdesk(&sim, Some(TOKEN), &with(vec!["deployment", "create", "--dry-run"], &create)).await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("No --model-version given: using 2024-11-20"), "{}", run.stderr);
    assert!(run.stderr.contains("= 20000 tokens and 120 requests per minute"), "{}", run.stderr);
    assert!(run.stdout.starts_with("PUT http://127.0.0.1:"), "{}", run.stdout);
    assert!(run.stdout.contains("/deployments/planned?api-version="), "{}", run.stdout);
    assert!(run.stdout.contains("\"version\": \"2024-11-20\""), "{}", run.stdout);
    assert!(run.stdout.contains("az cognitiveservices account deployment create"), "{}", run.stdout);
    assert!(run.stdout.contains("--sku-capacity 20"), "{}", run.stdout);
    let shown = fdesk(
        &sim,
        Some(TOKEN),
        &with(vec!["deployment", "show"], &with(account(), &["--deployment-name", "planned"])),
    )
    .await;
    assert!(shown.stderr.contains("DeploymentNotFound"), "nothing was created: {}", shown.stderr);
}

#[tokio::test(flavor = "multi_thread")]
async fn show_of_a_missing_deployment_fails_with_deployment_not_found() {
    let sim = sim().await;
    let args = with(vec!["deployment", "show"], &with(account(), &["--deployment-name", "nope"]));
    let run = fdesk(&sim, Some(TOKEN), &args).await;
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("DeploymentNotFound") && run.stderr.contains("request id:"),
        "{}",
        run.stderr
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn json_output_keeps_azures_field_names() {
    let sim = sim().await;
    let args = with(vec!["deployment", "list"], &with(account(), &["--output", "json"]));
    let run = fdesk(&sim, Some(TOKEN), &args).await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    let list = run.json();
    let first = &list.as_array().unwrap()[0];
    assert_eq!(first["properties"]["provisioningState"], "Succeeded");
    assert!(first["properties"]["model"]["format"].is_string());
    // Whole numbers come back as Azure writes them (`60`, not `60.0`).
    assert_eq!(first["properties"]["rateLimits"][0]["renewalPeriod"].as_u64(), Some(60), "{}", run.stdout);
    assert!(first["id"].as_str().unwrap().starts_with(&format!("/subscriptions/{SUBSCRIPTION_ID}/")));
}

#[tokio::test(flavor = "multi_thread")]
async fn keys_are_masked_in_tables_and_regenerate_changes_one() {
    let sim = sim().await;
    let list_json = with(vec!["account", "keys", "list"], &with(account(), &["-o", "json"]));
    let before = fdesk(&sim, Some(TOKEN), &list_json).await.json();
    let key1 = before["key1"].as_str().unwrap().to_string();
    let key2 = before["key2"].as_str().unwrap().to_string();

    let table = fdesk(&sim, Some(TOKEN), &with(vec!["account", "keys", "list"], &account())).await;
    assert_eq!(table.code, 0, "{}", table.stderr);
    assert!(!table.stdout.contains(&key1) && !table.stdout.contains(&key2), "{}", table.stdout);
    assert!(table.stdout.contains(&key1[key1.len() - 4..]), "{}", table.stdout);
    let shown =
        fdesk(&sim, Some(TOKEN), &with(vec!["account", "keys", "list"], &with(account(), &["--show"]))).await;
    assert!(shown.stdout.contains(&key1) && shown.stdout.contains(&key2), "{}", shown.stdout);

    let regenerate = with(vec!["account", "keys", "regenerate"], &with(account(), &["--key-name", "key2"]));
    let run = fdesk(&sim, Some(TOKEN), &regenerate).await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    let after = fdesk(&sim, Some(TOKEN), &list_json).await.json();
    assert_eq!(after["key1"], key1.as_str());
    assert_ne!(after["key2"], key2.as_str());
}

#[tokio::test(flavor = "multi_thread")]
async fn a_missing_token_exits_2_with_the_hint() {
    let sim = sim().await;
    let run = fdesk(&sim, None, &["account", "list"]).await;
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("FDESK_ARM_TOKEN"), "{}", run.stderr);
    assert!(run.stdout.is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn catalog_and_quota_of_a_region() {
    let sim = sim().await;
    let run = fdesk(&sim, Some(TOKEN), &["usage", "list", "--location", "eastus"]).await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    let row = run.stdout.lines().find(|l| l.starts_with("OpenAI.Standard.gpt-4o ")).unwrap();
    assert_eq!(
        row.split_whitespace().collect::<Vec<_>>()[..4],
        ["OpenAI.Standard.gpt-4o", "0", "150", "150"]
    );
    let run = fdesk(&sim, Some(TOKEN), &["model", "list", "--location", "eastus", "-o", "json"]).await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.json().as_array().unwrap().iter().any(|m| m["model"]["isDefaultVersion"] == true));
    let run = fdesk(&sim, Some(TOKEN), &with(vec!["account", "list-models"], &account())).await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("gpt-4o-mini"), "{}", run.stdout);
}

#[tokio::test(flavor = "multi_thread")]
async fn fdesk_sim_serves_the_sandbox_at_the_url_it_prints() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_fdesk"))
        .args(["sim", "--port", "0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let url = BufReader::new(stdout).lines().next_line().await.unwrap().unwrap();
    assert!(url.starts_with("http://127.0.0.1:"), "{url}");
    let out = Command::new(env!("CARGO_BIN_EXE_fdesk"))
        .args(["--arm-endpoint", &url, "account", "list"])
        .env("FDESK_ARM_TOKEN", TOKEN)
        .env_remove("FDESK_SUBSCRIPTION")
        .output()
        .await
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains(ACCOUNT_OPENAI));
    child.kill().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn with_two_subscriptions_fdesk_asks_which_and_takes_the_one_given() {
    let mut config = SimConfig::fast();
    let mut other = config.seed.subscriptions[0].clone();
    other.subscription_id = "00000000-0000-4000-8000-000000000002".into();
    other.display_name = "Second Sandbox".into();
    config.seed.subscriptions.push(other);
    let sim = RunningSim::start_with(config).await.unwrap();

    let run = fdesk(&sim, Some(TOKEN), &["account", "list"]).await;
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(run.stderr.contains("--subscription"), "{}", run.stderr);
    assert!(run.stderr.contains(SUBSCRIPTION_ID) && run.stderr.contains("Second Sandbox"), "{}", run.stderr);

    let run = fdesk(&sim, Some(TOKEN), &["--subscription", SUBSCRIPTION_ID, "account", "list"]).await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains(ACCOUNT_OPENAI), "{}", run.stdout);
}

#[tokio::test(flavor = "multi_thread")]
async fn an_expired_token_fails_with_exit_1_and_a_hint() {
    let mut config = SimConfig::fast();
    config.faults = foundry_sim::faults::parse_spec("401;count=1").unwrap();
    let sim = RunningSim::start_with(config).await.unwrap();
    let run = fdesk(&sim, Some(TOKEN), &["--subscription", SUBSCRIPTION_ID, "account", "list"]).await;
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(run.stderr.contains("HTTP 401") || run.stderr.contains("http status:  401"), "{}", run.stderr);
    assert!(run.stderr.contains("FDESK_ARM_TOKEN may have expired"), "{}", run.stderr);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_failed_operation_reports_azures_error() {
    let mut config = SimConfig::fast();
    config.faults = foundry_sim::faults::parse_spec("async-failed;method=PUT;count=1").unwrap();
    let sim = RunningSim::start_with(config).await.unwrap();
    let create = with(
        account(),
        &[
            "--deployment-name",
            "doomed",
            "--model-format",
            "OpenAI",
            "--model-name",
            "gpt-4o",
            "--model-version",
            "2024-11-20",
            "--sku-name",
            "GlobalStandard",
            "--sku-capacity",
            "1",
        ],
    );
    let run = fdesk(&sim, Some(TOKEN), &with(vec!["deployment", "create"], &create)).await;
    assert_eq!(run.code, 1, "{}\n{}", run.stdout, run.stderr);
    assert!(run.stderr.contains("the operation ended Failed"), "{}", run.stderr);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_refused_call_names_the_missing_role() {
    let mut config = SimConfig::fast();
    config.faults = foundry_sim::faults::parse_spec("403;method=POST").unwrap();
    let sim = RunningSim::start_with(config).await.unwrap();
    let run = fdesk(&sim, Some(TOKEN), &with(vec!["account", "keys", "list"], &account())).await;
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("AuthorizationFailed"), "{}", run.stderr);
    assert!(
        run.stderr.contains("'Microsoft.CognitiveServices/accounts/listKeys/action'"),
        "Azure's message verbatim: {}",
        run.stderr
    );
    assert!(run.stderr.contains("missing role: Cognitive Services Contributor"), "{}", run.stderr);
    assert!(run.stderr.contains("request id"), "{}", run.stderr);
    assert!(!run.stderr.contains(TOKEN) && run.stdout.is_empty());
}
