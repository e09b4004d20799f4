//! Everything the Connections screen does, without a window: profiles and their keychain entries,
//! sign-in, tenants and subscriptions, keys fetched from Azure, and the connection check. The desktop
//! shell's commands are a line or two over these methods.

mod access;
mod check;
mod deployment_changes;
mod deployments;
mod discovery;
mod errors;
mod network;
mod network_test;
mod playground;
mod resources;
mod sandbox;
mod sessions;
mod sign_in_flow;
mod usage;

use std::path::PathBuf;
use std::sync::{Arc, RwLock};

use foundry_azure::inference::InferenceEndpoint;
use serde::{Deserialize, Serialize};

pub use check::{AccountAccess, CheckArea, CheckOutcome, CheckResult, ConnectionReport};
pub use deployment_changes::ChangeReview;
pub use deployments::Review;
pub use discovery::{DeploymentChoice, FoundDeployments};
pub use errors::ConnectionError;
pub use network::{api_versions, network_options};
pub use network_test::{NetworkProblem, NetworkTest};
pub use resources::{AccountView, KeyChoice, NamedEndpoint, SubscriptionView, TenantView};
pub use sign_in_flow::{BrowserSignInView, DeviceCodeView};
pub use usage::PRICES_FILE;

use crate::profiles::{ApiStyleChoice, CloudChoice, Connection, Profile, ProfileStore};
use crate::saved_keys::{KeyOrigin, SavedKeyView, SavedKeys};
use crate::secrets::{FallbackStore, KeychainStatus, Secret, SecretStore};
use crate::sign_in;

/// Whether a profile can make calls now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum SignInState {
    /// Endpoint + key and Sandbox profiles need no sign-in.
    NotNeeded,
    SignedIn,
    /// Uses the Azure CLI's login (`az login`).
    AzureCli,
    /// Never signed in, or signed out.
    SignedOut,
    /// The sign-in expired or was revoked: "Sign in again".
    Expired,
}

/// A profile as the Connections screen lists it. Holds no secret.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ProfileView {
    pub profile: Profile,
    pub sign_in: SignInState,
    /// The saved key of an endpoint + key profile.
    pub key: Option<SavedKeyView>,
    /// True for the Sandbox: nothing it shows is real Azure.
    pub simulated: bool,
}

/// A new endpoint + key profile, as typed in the form.
#[derive(Debug, Clone, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct NewEndpointProfile {
    pub name: String,
    pub endpoint: String,
    pub api: ApiStyleChoice,
    pub deployments: Vec<String>,
    /// Pasted once; goes straight to the keychain and is never sent back.
    pub key: Option<String>,
}

/// A new Azure account profile, before it signs in.
#[derive(Debug, Clone, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct NewAccountProfile {
    pub name: String,
    pub cloud: CloudChoice,
    pub client_id: Option<String>,
    pub use_azure_cli: bool,
}

/// What removing a profile removed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Removed {
    pub name: String,
    /// Keychain entries removed with it (refresh token, keys it saved).
    pub secrets_removed: u32,
}

/// The connections of one installation.
pub struct Connections {
    data_dir: PathBuf,
    secrets: Arc<FallbackStore>,
    sessions: sessions::Sessions,
    sign_ins: sign_in_flow::PendingSignIns,
    sandbox: sandbox::Sandbox,
    /// The network settings in effect and the HTTP clients made from them; `apply_settings` swaps it.
    network: RwLock<Arc<network::Network>>,
}

impl Connections {
    /// The connections kept in `data_dir`, with secrets in `keychain` (or session memory, if the user
    /// chooses so when it cannot be used).
    pub fn new(data_dir: PathBuf, keychain: Arc<dyn SecretStore>) -> Self {
        Self {
            data_dir,
            secrets: Arc::new(FallbackStore::new(keychain)),
            sessions: sessions::Sessions::default(),
            sign_ins: sign_in_flow::PendingSignIns::default(),
            sandbox: sandbox::Sandbox::default(),
            network: RwLock::new(Arc::new(network::Network::initial())),
        }
    }

    /// Where secrets go, for the About panel and other callers.
    pub fn secrets(&self) -> Arc<dyn SecretStore> {
        self.secrets.clone()
    }

    /// Whether secrets can be kept (may block briefly on D-Bus).
    pub fn keychain_status(&self) -> KeychainStatus {
        self.secrets.status()
    }

    /// The user's choice when the keychain cannot be used: keep secrets in memory until the app quits.
    pub fn keep_secrets_for_session(&self) -> KeychainStatus {
        self.secrets.keep_for_session()
    }

    fn profiles(&self) -> ProfileStore {
        ProfileStore::in_dir(&self.data_dir)
    }

    fn keys(&self) -> SavedKeys<'_> {
        SavedKeys::new(&self.data_dir, self.secrets.as_ref())
    }

    /// Every profile, with whether it is signed in and its key.
    pub fn list(&self) -> Result<Vec<ProfileView>, ConnectionError> {
        self.profiles().list()?.into_iter().map(|p| self.view(p)).collect()
    }

    fn view(&self, profile: Profile) -> Result<ProfileView, ConnectionError> {
        // A keychain that cannot be read (locked, missing) shows as "no key" / "not signed in" here; the
        // banner says why, and the list itself stays usable.
        let (sign_in, key) = match &profile.connection {
            Connection::Sandbox => (SignInState::NotNeeded, None),
            Connection::EndpointKey { endpoint, .. } => {
                (SignInState::NotNeeded, self.keys().show(endpoint).ok().flatten())
            }
            Connection::AzureAccount { use_azure_cli: true, .. } => (SignInState::AzureCli, None),
            Connection::AzureAccount { .. } => {
                let state = if self.sessions.is_expired(&profile.id) {
                    SignInState::Expired
                } else if self.secrets.get(&profile.refresh_token_key()).ok().flatten().is_some() {
                    SignInState::SignedIn
                } else {
                    SignInState::SignedOut
                };
                (state, None)
            }
        };
        let simulated = profile.connection == Connection::Sandbox;
        Ok(ProfileView { profile, sign_in, key, simulated })
    }

    fn profile(&self, id: &str) -> Result<Profile, ConnectionError> {
        Ok(self.profiles().by_id(id)?)
    }

    /// Adds an endpoint + key profile; the key, when given, goes to the keychain. Nothing is kept when
    /// any part fails (the form keeps what was typed).
    pub fn add_endpoint_profile(&self, new: NewEndpointProfile) -> Result<ProfileView, ConnectionError> {
        let endpoint =
            InferenceEndpoint::parse(&new.endpoint).map_err(|e| ConnectionError::Input(e.message))?;
        if let ApiStyleChoice::Classic { api_version } = &new.api {
            check_api_version(api_version)?;
        }
        let deployments: Vec<String> =
            new.deployments.iter().map(|d| d.trim().to_string()).filter(|d| !d.is_empty()).collect();
        let connection = Connection::EndpointKey {
            endpoint: endpoint.as_str().to_string(),
            api: new.api,
            deployments,
            sign_in_with: None,
        };
        let profile = self.profiles().add(&new.name, connection)?;
        if let Some(key) = new.key.filter(|k| !k.trim().is_empty()) {
            if let Err(e) = self.keys().save(endpoint.as_str(), &Secret::new(key), KeyOrigin::Pasted) {
                // Undo the profile so a retry with the same name works.
                let _ = self.profiles().remove(&profile.name);
                return Err(e.into());
            }
        }
        self.view(profile)
    }

    /// Adds an Azure account profile; it signs in next (or uses the Azure CLI's login). It starts in the
    /// settings' sign-in tenant, if one is set. A client id typed here is the profile's own; without one,
    /// the app registration is settled at sign-in (the settings', else the built-in one).
    pub fn add_account_profile(&self, new: NewAccountProfile) -> Result<ProfileView, ConnectionError> {
        sign_in::cloud_of(&new.cloud).map_err(|e| ConnectionError::Input(e.to_string()))?;
        let client_id = new.client_id.map(|c| c.trim().to_string()).filter(|c| !c.is_empty());
        if let Some(id) = &client_id {
            if !crate::access::is_guid(id) {
                return Err(ConnectionError::Input(
                    "the client id is an application (client) id: a GUID like 04b07795-8ddb-461a-bbee-02f9e1bf7b46".into(),
                ));
            }
        }
        let connection = Connection::AzureAccount {
            cloud: new.cloud,
            tenant: self.network().sign_in_defaults().tenant().to_string(),
            client_id,
            user: None,
            use_azure_cli: new.use_azure_cli,
        };
        let profile = self.profiles().add(&new.name, connection)?;
        self.view(profile)
    }

    /// Renames a profile (its keychain entries are named by id and stay).
    pub fn rename(&self, id: &str, new_name: &str) -> Result<ProfileView, ConnectionError> {
        let profile = self.profile(id)?;
        let renamed = self.profiles().rename(&profile.name, new_name)?;
        self.view(renamed)
    }

    /// Removes a profile and its keychain entries: its sign-in, the keys it fetched, and its endpoint's
    /// key unless another profile uses that endpoint.
    pub fn remove(&self, id: &str) -> Result<Removed, ConnectionError> {
        let profile = self.profile(id)?;
        let mut removed = 0u32;
        if sign_in::sign_out(self.secrets.as_ref(), &profile)? {
            removed += 1;
        }
        self.sessions.forget(&profile.id);
        removed += self.keys().delete_fetched_by(&profile.id)? as u32;
        if let Connection::EndpointKey { endpoint, .. } = &profile.connection {
            let shared = self.profiles().list()?.iter().any(|p| {
                p.id != profile.id
                    && matches!(&p.connection, Connection::EndpointKey { endpoint: other, .. } if other == endpoint)
            });
            if !shared && self.keys().delete(endpoint)? {
                removed += 1;
            }
        }
        self.profiles().remove(&profile.name)?;
        // Endpoint + key profiles that signed in through this one go back to their key.
        for mut linked in self.profiles().list()? {
            if let Connection::EndpointKey { sign_in_with: link @ Some(_), .. } = &mut linked.connection {
                if link.as_deref() == Some(profile.id.as_str()) {
                    *link = None;
                    self.profiles().update(&linked)?;
                }
            }
        }
        Ok(Removed { name: profile.name, secrets_removed: removed })
    }

    /// Signs a profile out: its refresh token leaves the keychain, its access tokens leave memory.
    pub fn sign_out(&self, id: &str) -> Result<ProfileView, ConnectionError> {
        let profile = self.profile(id)?;
        sign_in::sign_out(self.secrets.as_ref(), &profile)?;
        self.sessions.forget(&profile.id);
        self.view(profile)
    }

    /// Saves a pasted key for `endpoint`.
    pub fn save_key(&self, endpoint: &str, key: &str) -> Result<SavedKeyView, ConnectionError> {
        Ok(self.keys().save(endpoint, &Secret::new(key), KeyOrigin::Pasted)?)
    }

    /// Deletes `endpoint`'s key; `false` when none was saved.
    pub fn delete_key(&self, endpoint: &str) -> Result<bool, ConnectionError> {
        Ok(self.keys().delete(endpoint)?)
    }
}

/// Azure's api-version form: `2024-10-21` or `2025-04-01-preview`.
fn check_api_version(version: &str) -> Result<(), ConnectionError> {
    let v = version.trim();
    let date = v.strip_suffix("-preview").unwrap_or(v);
    let ok = date.len() == 10
        && date.char_indices().all(|(i, c)| if i == 4 || i == 7 { c == '-' } else { c.is_ascii_digit() });
    if ok {
        Ok(())
    } else {
        Err(ConnectionError::Input(format!(
            "'{v}' is not an api-version: use a date like 2024-10-21 or 2025-04-01-preview"
        )))
    }
}

#[cfg(test)]
mod tests;
