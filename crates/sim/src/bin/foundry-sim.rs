//! `foundry-sim`: runs the Azure simulator until interrupted, for trying the client or the CLI by hand.

use clap::Parser;

#[derive(Parser)]
#[command(name = "foundry-sim", version, about = "A local simulation of Azure for Foundry Desk")]
struct Args {
    /// Loopback port to listen on (0 picks a free one).
    #[arg(long, default_value_t = 0)]
    port: u16,
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    tracing_subscriber::fmt().with_env_filter(tracing_subscriber::EnvFilter::from_default_env()).init();
    let args = Args::parse();
    let sim = foundry_sim::RunningSim::start_on(args.port).await?;
    println!("foundry-sim listening on {}", sim.base_url());
    tokio::signal::ctrl_c().await?;
    Ok(())
}
