//! `foundry-sim`: runs the Azure simulator until interrupted, for trying the client or the CLI by hand.

use std::io::Write;
use std::path::PathBuf;

use clap::Parser;
use foundry_sim::{DeviceMode, LroShape, Seed, SimConfig};

#[derive(Parser)]
#[command(name = "foundry-sim", version, about = "A local simulation of Azure for Foundry Desk")]
struct Args {
    /// Loopback port to listen on (0 picks a free one).
    #[arg(long, default_value_t = 0)]
    port: u16,
    /// A JSON seed (the shape `--print-seed` writes) instead of the built-in Sandbox world.
    #[arg(long)]
    seed_file: Option<PathBuf>,
    /// Faults, e.g. `429;count=2;retryAfter=1,slow;delayMs=500;method=GET`.
    #[arg(long)]
    faults: Option<String>,
    /// Long-running operation shape: spec, real, long-url, location or resource.
    #[arg(long, default_value = "spec")]
    lro: String,
    /// Items per list page (all in one page when absent).
    #[arg(long)]
    page_size: Option<usize>,
    /// Pause between two events of a streamed chat completion, in milliseconds.
    #[arg(long, default_value_t = 5)]
    chunk_delay_ms: u64,
    /// Seconds device-code clients must wait between polls (the `interval`; faster polls get `slow_down`).
    #[arg(long, default_value_t = 5)]
    device_code_interval: u64,
    /// `authorization_pending` answers before the simulated user acts on a device code.
    #[arg(long, default_value_t = 2)]
    device_code_approve_after: u32,
    /// What the simulated user does with device codes: auto (approve), manual (wait for
    /// `POST /_sim/entra/device/{user_code}/approve`), decline or expire.
    #[arg(long, default_value = "auto")]
    device_code_mode: String,
    /// Lifetime of issued access tokens, in seconds.
    #[arg(long, default_value_t = 3600)]
    access_token_lifetime: u64,
    /// Milliseconds a new role assignment takes to be enforced (it is listed at once).
    #[arg(long, default_value_t = 0)]
    role_propagation_ms: u64,
    /// Print the built-in seed as JSON and exit.
    #[arg(long)]
    print_seed: bool,
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    tracing_subscriber::fmt().with_env_filter(tracing_subscriber::EnvFilter::from_default_env()).init();
    let args = Args::parse();
    if args.print_seed {
        let text = serde_json::to_string_pretty(&Seed::sandbox()).map_err(std::io::Error::other)?;
        // A closed pipe (`| head`) is not an error worth a panic.
        return match writeln!(std::io::stdout().lock(), "{text}") {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            other => other,
        };
    }
    let invalid = |message: String| std::io::Error::new(std::io::ErrorKind::InvalidInput, message);
    let mut config = SimConfig::default();
    if let Some(path) = &args.seed_file {
        config.seed = Seed::from_file(path)?;
    }
    if let Some(spec) = &args.faults {
        config.faults = foundry_sim::faults::parse_spec(spec).map_err(invalid)?;
    }
    config.lro_shape =
        LroShape::parse(&args.lro).ok_or_else(|| invalid(format!("unknown --lro '{}'", args.lro)))?;
    config.page_size = args.page_size;
    config.chunk_delay_ms = args.chunk_delay_ms;
    config.device_code_interval_secs = args.device_code_interval;
    config.device_code_approve_after_polls = args.device_code_approve_after;
    config.device_code_mode = serde_json::from_value::<DeviceMode>(serde_json::json!(args.device_code_mode))
        .map_err(|_| invalid(format!("unknown --device-code-mode '{}'", args.device_code_mode)))?;
    config.access_token_lifetime_secs = args.access_token_lifetime;
    config.role_propagation_ms = args.role_propagation_ms;
    let sim = foundry_sim::RunningSim::start_with_on(config, args.port).await?;
    println!("{}", sim.base_url());
    tokio::signal::ctrl_c().await?;
    Ok(())
}
