//! `fdesk key set|show|delete --endpoint URL` and `fdesk profile list`: the same keychain entries and
//! profiles file as the app. A key is read from stdin, never from the command line (argv is visible to
//! every user of the machine and lands in shell history).

use std::io::{IsTerminal, Read};

use clap::Subcommand;
use foundry_desk_core::app_info::AppPaths;
use foundry_desk_core::endpoint_keys::{self, KeyError};
use foundry_desk_core::profiles::{Connection, ProfileStore};
use foundry_desk_core::saved_keys::{KeyOrigin, SavedKeys};
use foundry_desk_core::secrets::{KeychainStore, Secret};
use foundry_desk_core::APP_ID;

use crate::output::{out, print_table, Failure};

#[derive(Debug, Subcommand)]
pub enum KeyCommand {
    /// Saves the key for an endpoint in the keychain, read from stdin.
    Set {
        #[arg(long)]
        endpoint: String,
    },
    /// Shows the saved key masked (all but its last four characters).
    Show {
        #[arg(long)]
        endpoint: String,
    },
    /// Deletes the saved key.
    Delete {
        #[arg(long)]
        endpoint: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum ProfileCommand {
    /// The connection profiles the app and fdesk share.
    List,
}

fn key_failure(error: KeyError) -> Failure {
    match error {
        KeyError::Store(e) => Failure::Usage(format!(
            "{e}; unlock the keychain (or start one: gnome-keyring / KWallet on Linux) and try again"
        )),
        other => Failure::Usage(other.to_string()),
    }
}

fn data_dir() -> Result<std::path::PathBuf, Failure> {
    Ok(AppPaths::for_cli().ok_or_else(|| Failure::Usage("no home directory (is HOME set?)".into()))?.data_dir)
}

/// The keys the app lists, so one saved here shows in the app with its date.
fn saved_keys(store: &KeychainStore) -> Result<SavedKeys<'_>, Failure> {
    Ok(SavedKeys::new(&data_dir()?, store))
}

/// Runs a `key` command against the app's keychain.
pub fn run_key(command: KeyCommand) -> Result<(), Failure> {
    let store = KeychainStore::open(APP_ID);
    match command {
        KeyCommand::Set { endpoint } => {
            if std::io::stdin().is_terminal() {
                eprintln!("Paste the key, then press Enter and Ctrl-D:");
            }
            let mut key = String::new();
            std::io::stdin()
                .read_to_string(&mut key)
                .map_err(|e| Failure::Usage(format!("could not read the key from stdin: {e}")))?;
            let key = Secret::new(key);
            saved_keys(&store)?.save(&endpoint, &key, KeyOrigin::Pasted).map_err(key_failure)?;
            eprintln!("Saved the key for {endpoint} in the keychain.");
            Ok(())
        }
        KeyCommand::Show { endpoint } => match endpoint_keys::show(&store, &endpoint).map_err(key_failure)? {
            Some(masked) => {
                out(&masked);
                Ok(())
            }
            None => {
                Err(Failure::Usage(format!("no key is saved for {endpoint}; save one with `fdesk key set`")))
            }
        },
        KeyCommand::Delete { endpoint } => {
            if saved_keys(&store)?.delete(&endpoint).map_err(key_failure)? {
                eprintln!("Deleted the key for {endpoint}.");
                Ok(())
            } else {
                Err(Failure::Usage(format!("no key is saved for {endpoint}")))
            }
        }
    }
}

/// Runs a `profile` command against the app's profiles file.
pub fn run_profile(command: ProfileCommand) -> Result<(), Failure> {
    let ProfileCommand::List = command;
    let profiles = ProfileStore::in_dir(&data_dir()?).list().map_err(|e| Failure::Usage(e.to_string()))?;
    let rows: Vec<Vec<String>> = profiles
        .iter()
        .map(|p| {
            let (kind, target) = match &p.connection {
                Connection::AzureAccount { tenant, user, .. } => {
                    ("Azure account", format!("{} ({tenant})", user.as_deref().unwrap_or("not signed in")))
                }
                Connection::EndpointKey { endpoint, .. } => ("Endpoint + key", endpoint.clone()),
                Connection::Sandbox => ("Sandbox", "the built-in simulator".into()),
            };
            vec![p.name.clone(), kind.into(), target]
        })
        .collect();
    print_table(&["NAME", "KIND", "CONNECTS TO"], &rows);
    Ok(())
}
