//! `fdesk sim`: the simulator in the foreground, so `fdesk --arm-endpoint URL …` has something to talk to.

use std::process::ExitCode;

use foundry_sim::RunningSim;

use crate::output::out;

/// Serves the Sandbox world on `port` (0 picks a free one) until Ctrl-C.
pub async fn run(port: u16) -> ExitCode {
    let sim = match RunningSim::start_on(port).await {
        Ok(sim) => sim,
        Err(e) => {
            eprintln!("fdesk: could not start the simulator on port {port}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let url = sim.base_url();
    out(&url);
    eprintln!("Simulated Azure (Sandbox) is serving at {url}; it accepts any bearer token.");
    eprintln!("Try: FDESK_ARM_TOKEN=sandbox fdesk --arm-endpoint {url} account list");
    eprintln!("Press Ctrl-C to stop.");
    if let Err(e) = tokio::signal::ctrl_c().await {
        eprintln!("fdesk: could not wait for Ctrl-C: {e}");
        return ExitCode::FAILURE;
    }
    drop(sim);
    ExitCode::SUCCESS
}
