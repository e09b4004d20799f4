//! `fdesk`: Foundry Desk from a terminal, with the same profiles and keychain as the app.

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use foundry_desk_core::app_info::{self, AppPaths};
use foundry_desk_core::secrets::KeychainStore;
use foundry_desk_core::APP_ID;

#[derive(Parser)]
#[command(name = "fdesk", version, about = "Foundry Desk from the command line")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Version, data directory and keychain status.
    Info,
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Info => info(),
    }
}

fn info() -> ExitCode {
    let Some(paths) = AppPaths::for_cli() else {
        eprintln!("fdesk: cannot find a home directory for app data (is HOME set?)");
        return ExitCode::FAILURE;
    };
    let info = app_info::gather(env!("CARGO_PKG_VERSION"), &paths, &KeychainStore::open(APP_ID));
    println!("{} {}", info.name, info.version);
    println!("data dir:  {}", info.data_dir);
    println!("log dir:   {}", info.log_dir);
    println!("keychain:  {}", info.keychain);
    ExitCode::SUCCESS
}
