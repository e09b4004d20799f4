//! `fdesk deployment update | pause | resume` against the simulator: the same checks as the app's Manage
//! panel (nothing sent when they fail), then the PATCH, PUT or POST, waited for.

#![allow(clippy::unwrap_used)]

mod support;

use support::arm::{account, fdesk, gpt4o_create, sim, with, TOKEN};
use support::Run;

/// `fdesk deployment VERB -g … -n … --deployment-name NAME MORE…`.
fn deployment<'a>(verb: &'a str, name: &'a str, more: &[&'a str]) -> Vec<&'a str> {
    with(with(vec!["deployment", verb], &account()), &with(vec!["--deployment-name", name], more))
}

/// The deployment as `fdesk deployment show --output json` prints it.
async fn shown(sim: &foundry_sim::RunningSim, name: &str) -> serde_json::Value {
    let run = fdesk(sim, Some(TOKEN), &deployment("show", name, &["--output", "json"])).await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.json()
}

fn refused(run: &Run, why: &str) {
    assert_eq!(run.code, 2, "{}\n{}", run.stdout, run.stderr);
    assert!(run.stderr.contains("would be refused; nothing was sent"), "{}", run.stderr);
    assert!(run.stderr.contains(why), "{}", run.stderr);
}

#[tokio::test(flavor = "multi_thread")]
async fn capacity_changes_are_checked_against_the_free_quota_then_patched() {
    let sim = sim().await;
    let create =
        fdesk(&sim, Some(TOKEN), &with(vec!["deployment", "create"], &gpt4o_create("grow", "10"))).await;
    assert_eq!(create.code, 0, "{}", create.stderr);

    let dry =
        fdesk(&sim, Some(TOKEN), &deployment("update", "grow", &["--sku-capacity", "20", "--dry-run"])).await;
    assert_eq!(dry.code, 0, "{}", dry.stderr);
    assert!(dry.stdout.starts_with("PATCH http"), "{}", dry.stdout);
    assert!(dry.stdout.contains("\"capacity\": 20"), "{}", dry.stdout);
    assert_eq!(shown(&sim, "grow").await["sku"]["capacity"], 10, "a dry run sends nothing");

    let run = fdesk(&sim, Some(TOKEN), &deployment("update", "grow", &["--sku-capacity", "20"])).await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("Deployment 'grow': GlobalStandard, capacity 20."), "{}", run.stderr);
    assert_eq!(shown(&sim, "grow").await["sku"]["capacity"], 20);

    let run = fdesk(&sim, Some(TOKEN), &deployment("update", "grow", &["--sku-capacity", "999999"])).await;
    refused(&run, "capacity: ");
    assert!(
        run.stderr.contains("aka.ms/oai/quotaincrease") || run.stderr.contains("at most"),
        "{}",
        run.stderr
    );
    assert_eq!(shown(&sim, "grow").await["sku"]["capacity"], 20, "a refused change sends nothing");
}

#[tokio::test(flavor = "multi_thread")]
async fn version_and_upgrade_policy_changes_put_the_whole_deployment() {
    let sim = sim().await;
    let create =
        fdesk(&sim, Some(TOKEN), &with(vec!["deployment", "create"], &gpt4o_create("pinned", "5"))).await;
    assert_eq!(create.code, 0, "{}", create.stderr);

    let run = fdesk(
        &sim,
        Some(TOKEN),
        &deployment(
            "update",
            "pinned",
            &["--model-version", "2024-08-06", "--version-upgrade", "NoAutoUpgrade"],
        ),
    )
    .await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    let now = shown(&sim, "pinned").await;
    assert_eq!(now["properties"]["model"]["version"], "2024-08-06");
    assert_eq!(now["properties"]["versionUpgradeOption"], "NoAutoUpgrade");
    assert_eq!(now["sku"]["capacity"], 5, "the PUT kept the capacity");

    // 2024-05-13 is being retired: Azure takes no new deployments of it, nor moves to it.
    let run =
        fdesk(&sim, Some(TOKEN), &deployment("update", "pinned", &["--model-version", "2024-05-13"])).await;
    refused(&run, "accepts no new deployments");

    let run = fdesk(&sim, Some(TOKEN), &deployment("update", "pinned", &[])).await;
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("say what to change"), "{}", run.stderr);
}

#[tokio::test(flavor = "multi_thread")]
async fn pause_and_resume_a_standard_deployment() {
    let sim = sim().await;
    let create =
        fdesk(&sim, Some(TOKEN), &with(vec!["deployment", "create"], &gpt4o_create("nap", "5"))).await;
    assert_eq!(create.code, 0, "{}", create.stderr);

    let run = fdesk(&sim, Some(TOKEN), &deployment("pause", "nap", &[])).await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(shown(&sim, "nap").await["properties"]["deploymentState"], "Paused");
    refused(&fdesk(&sim, Some(TOKEN), &deployment("pause", "nap", &[])).await, "already paused");

    let run = fdesk(&sim, Some(TOKEN), &deployment("resume", "nap", &[])).await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(shown(&sim, "nap").await["properties"]["deploymentState"], "Running");
}
