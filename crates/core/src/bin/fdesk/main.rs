//! `fdesk`: Foundry Desk from a terminal, with the same profiles and keychain as the app.
//!
//! Exit codes: 0 done; 1 Azure refused or could not be reached; 2 the command cannot run as given
//! (bad flags, no token, a subscription to choose).

mod arm_commands;
mod chat;
mod config;
mod keys;
mod login;
mod manage;
mod network;
mod output;
mod resources;
mod roles;
mod sim;
mod usage_cost;

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use foundry_desk_core::app_info::{self, AppPaths};
use foundry_desk_core::secrets::KeychainStore;
use foundry_desk_core::APP_ID;

use arm_commands::{AccountCommand, ArmCommand, ArmFlags, DeploymentCommand, ModelCommand, UsageCommand};
use output::{report, Failure};

#[derive(Parser)]
#[command(name = "fdesk", version, about = "Foundry Desk from the command line")]
struct Cli {
    #[command(flatten)]
    arm: ArmFlags,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Version, data directory and keychain status.
    Info,
    /// Cognitive Services accounts: show, keys, deployable models.
    #[command(subcommand)]
    Account(AccountCommand),
    /// The model catalog of a region.
    #[command(subcommand)]
    Model(ModelCommand),
    /// Quota of a region; tokens, requests and cost of an account's deployments.
    #[command(subcommand)]
    Usage(UsageCommand),
    /// Who has which role on an account; grant and revoke roles.
    #[command(subcommand)]
    Role(roles::RoleCommand),
    /// What a model's deployment SKU costs (retail prices of its billing meters).
    Price(usage_cost::PriceArgs),
    /// Model deployments: list, show, create, delete.
    #[command(subcommand)]
    Deployment(DeploymentCommand),
    /// Asks a deployment one question and streams the answer (key from FDESK_API_KEY).
    Chat(chat::ChatArgs),
    /// Signs in with Microsoft Entra ID (browser, or --use-device-code) and keeps the sign-in.
    Login(login::LoginArgs),
    /// Forgets a profile's sign-in.
    Logout,
    /// API keys per endpoint, in the keychain (shared with the app).
    #[command(subcommand)]
    Key(keys::KeyCommand),
    /// Connection profiles (shared with the app).
    #[command(subcommand)]
    Profile(keys::ProfileCommand),
    /// The app's settings, as it uses them (read-only).
    #[command(subcommand)]
    Config(config::ConfigCommand),
    /// Runs the Azure simulator (the Sandbox) in the foreground and prints its URL.
    Sim {
        /// Loopback port (0 picks a free one).
        #[arg(long, default_value_t = 0)]
        port: u16,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let arm = match cli.command {
        Command::Info => return info(),
        Command::Sim { port } => {
            return runtime().map_or(ExitCode::FAILURE, |rt| rt.block_on(sim::run(port)))
        }
        Command::Login(args) => {
            let Some(rt) = runtime() else { return ExitCode::FAILURE };
            let (profile, endpoint) = (cli.arm.profile.as_deref(), cli.arm.arm_endpoint.as_deref());
            return exit_code(rt.block_on(login::login(args, profile, endpoint)));
        }
        Command::Logout => return exit_code(login::logout(cli.arm.profile.as_deref())),
        Command::Key(command) => return exit_code(keys::run_key(command)),
        Command::Profile(command) => return exit_code(keys::run_profile(command)),
        Command::Config(command) => return exit_code(config::run(command, cli.arm.output)),
        Command::Chat(args) => {
            let Some(rt) = runtime() else { return ExitCode::FAILURE };
            return exit_code(rt.block_on(chat::run(args, cli.arm.output, cli.arm.profile.as_deref())));
        }
        Command::Account(command) => ArmCommand::Account(command),
        Command::Model(command) => ArmCommand::Model(command),
        Command::Usage(command) => ArmCommand::Usage(command),
        Command::Deployment(command) => ArmCommand::Deployment(command),
        Command::Price(args) => ArmCommand::Price(args),
        Command::Role(command) => ArmCommand::Role(command),
    };
    let Some(rt) = runtime() else { return ExitCode::FAILURE };
    exit_code(rt.block_on(arm_commands::run(&cli.arm, arm)))
}

fn exit_code(result: Result<(), Failure>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            report(&failure);
            match failure {
                Failure::Chat(error) if error.kind == foundry_azure::ErrorKind::Cancelled => {
                    ExitCode::from(130)
                }
                Failure::Azure(_) | Failure::Chat(_) => ExitCode::FAILURE,
                Failure::Usage(_) => ExitCode::from(2),
            }
        }
    }
}

fn runtime() -> Option<tokio::runtime::Runtime> {
    match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(rt) => Some(rt),
        Err(e) => {
            eprintln!("fdesk: could not start the async runtime: {e}");
            None
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use arm_commands::{KeyArg, KeysCommand};

    #[test]
    fn key_names_parse_in_azs_spelling_and_ours() {
        for spelling in ["Key1", "key1", "KEY1"] {
            let cli = Cli::try_parse_from([
                "fdesk",
                "account",
                "keys",
                "regenerate",
                "-g",
                "rg",
                "-n",
                "acct",
                "--key-name",
                spelling,
            ])
            .unwrap();
            assert!(matches!(
                cli.command,
                Command::Account(AccountCommand::Keys(KeysCommand::Regenerate {
                    key_name: KeyArg::Key1,
                    ..
                }))
            ));
        }
        assert!(Cli::try_parse_from([
            "fdesk",
            "account",
            "keys",
            "regenerate",
            "-g",
            "rg",
            "-n",
            "a",
            "--key-name",
            "key3"
        ])
        .is_err());
    }

    #[test]
    fn global_flags_go_before_or_after_the_command() {
        let cli = Cli::try_parse_from([
            "fdesk",
            "deployment",
            "list",
            "-g",
            "rg",
            "-n",
            "a",
            "-o",
            "json",
            "--subscription",
            "s",
        ])
        .unwrap();
        assert_eq!(cli.arm.output, output::OutputFormat::Json);
        assert_eq!(cli.arm.subscription.as_deref(), Some("s"));
    }
}
