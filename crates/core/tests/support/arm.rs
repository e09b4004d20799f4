//! `fdesk` Resource Manager commands against the in-process simulator's Sandbox world.

use foundry_sim::sandbox::{ACCOUNT_OPENAI, GROUP_EAST};
use foundry_sim::{RunningSim, SimConfig};
use tokio::process::Command;

use super::Run;

/// A token distinctive enough that finding it in any output would be a leak.
pub const TOKEN: &str = "tok-NEVER-PRINT-7f3a9c";

/// Runs `fdesk --arm-endpoint <sim> ARGS` with the token set (or not), asserting it never leaks.
pub async fn fdesk(sim: &RunningSim, token: Option<&str>, args: &[&str]) -> Run {
    // A data folder of its own: the price cache (and any saved settings) never come from this machine's.
    let data = tempfile::tempdir().unwrap();
    let mut command = Command::new(env!("CARGO_BIN_EXE_fdesk"));
    command.arg("--arm-endpoint").arg(sim.base_url()).args(args).env("XDG_DATA_HOME", data.path());
    command.env_remove("FDESK_ARM_TOKEN").env_remove("FDESK_SUBSCRIPTION");
    if let Some(token) = token {
        command.env("FDESK_ARM_TOKEN", token);
    }
    let run = Run::from(command.output().await.unwrap());
    assert!(
        !run.stdout.contains(TOKEN) && !run.stderr.contains(TOKEN),
        "the token leaked: {}\n{}",
        run.stdout,
        run.stderr
    );
    run
}

pub async fn sim() -> RunningSim {
    RunningSim::start_with(SimConfig::fast()).await.unwrap()
}

pub fn account() -> Vec<&'static str> {
    vec!["-g", GROUP_EAST, "-n", ACCOUNT_OPENAI]
}

/// `deployment create` arguments for a GlobalStandard gpt-4o of the default version.
pub fn gpt4o_create<'a>(name: &'a str, capacity: &'a str) -> Vec<&'a str> {
    let flags = ["--model-format", "OpenAI", "--model-name", "gpt-4o", "--sku-name", "GlobalStandard"];
    with(with(account(), &["--deployment-name", name, "--sku-capacity", capacity]), &flags)
}

pub fn with<'a>(mut base: Vec<&'a str>, more: &[&'a str]) -> Vec<&'a str> {
    base.extend_from_slice(more);
    base
}
