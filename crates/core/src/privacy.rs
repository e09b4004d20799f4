//! "Privacy and data": forgetting, at the person's request, everything secret this machine keeps for
//! Foundry Desk. Profiles, settings and history stay; only sign-ins and keys leave the keychain.

use std::path::Path;

use serde::Serialize;

use crate::connections::{ConnectionError, Connections};
use crate::profiles::Connection;
use crate::saved_keys::SavedKeys;

/// What "Remove all secrets" removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct RemovedSecrets {
    /// Profiles signed out (their refresh tokens deleted, their access tokens dropped).
    pub sign_ins: u32,
    /// API keys deleted.
    pub keys: u32,
}

/// Signs every profile out and deletes every saved API key: the ones profiles use and the ones fetched
/// from Azure (listed in `data_dir`'s key index). Safe to repeat: what is already gone is skipped, so
/// after a failure (a keychain that locked meanwhile) running it again finishes the job.
pub fn remove_all_secrets(
    connections: &Connections,
    data_dir: &Path,
) -> Result<RemovedSecrets, ConnectionError> {
    let mut removed = RemovedSecrets { sign_ins: 0, keys: 0 };
    let mut endpoints = Vec::new();
    let secrets = connections.secrets();
    // Every account profile, whatever the list shows: a keychain that could not be read shows as
    // "signed out", and a profile switched to the Azure CLI may still hold an old refresh token.
    for profile in connections.list()?.into_iter().map(|view| view.profile) {
        match &profile.connection {
            Connection::AzureAccount { .. } => {
                let signed_in = secrets.get(&profile.refresh_token_key())?.is_some();
                connections.sign_out(&profile.id)?;
                removed.sign_ins += u32::from(signed_in);
            }
            Connection::EndpointKey { endpoint, .. } => endpoints.push(endpoint.clone()),
            Connection::Sandbox => {}
        }
    }
    endpoints.extend(SavedKeys::new(data_dir, secrets.as_ref()).endpoints());
    for endpoint in endpoints {
        if connections.delete_key(&endpoint)? {
            removed.keys += 1;
        }
    }
    Ok(removed)
}
