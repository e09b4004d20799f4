//! The OS keychain through keyring-core: Secret Service on Linux, Keychain on macOS, Credential Manager
//! on Windows. Entries use the app id as their service name, so dev and release builds never share one.

use std::sync::Arc;

use keyring_core::api::CredentialStore;
use keyring_core::{Entry, Error as KeyringError};

use super::{KeychainState, KeychainStatus, Secret, SecretError, SecretKey, SecretStore};

/// Secrets in the operating system's keychain, namespaced by `service` (the app id).
pub struct KeychainStore {
    service: String,
    /// The platform store, or why it could not be opened (no Secret Service on the bus, …).
    store: Result<Arc<CredentialStore>, String>,
}

impl KeychainStore {
    /// Connects to this platform's keychain. Never fails: an unreachable keychain is reported by
    /// [`SecretStore::status`] and by every call, so the app can say so and offer session-only keys.
    pub fn open(service: impl Into<String>) -> Self {
        Self { service: service.into(), store: platform::open_store() }
    }

    /// The service name entries are filed under.
    pub fn service(&self) -> &str {
        &self.service
    }

    fn entry(&self, key: &SecretKey) -> Result<Entry, SecretError> {
        let store = self.store.as_ref().map_err(|reason| SecretError::Unavailable {
            backend: platform::BACKEND,
            reason: reason.clone(),
        })?;
        Entry::new_in_store(store, &self.service, key.as_str()).map_err(|e| to_secret_error(e, key))
    }
}

impl SecretStore for KeychainStore {
    fn status(&self) -> KeychainStatus {
        match &self.store {
            Err(reason) => KeychainStatus {
                backend: platform::BACKEND.into(),
                state: KeychainState::Unavailable,
                detail: Some(reason.clone()),
            },
            Ok(_) => platform::lock_status(),
        }
    }

    fn get(&self, key: &SecretKey) -> Result<Option<Secret>, SecretError> {
        match self.entry(key)?.get_password() {
            Ok(value) => Ok(Some(Secret::new(value))),
            Err(KeyringError::NoEntry) => Ok(None),
            Err(e) => Err(to_secret_error(e, key)),
        }
    }

    fn set(&self, key: &SecretKey, secret: &Secret) -> Result<(), SecretError> {
        self.entry(key)?.set_password(secret.expose()).map_err(|e| to_secret_error(e, key))
    }

    fn delete(&self, key: &SecretKey) -> Result<(), SecretError> {
        self.entry(key)?.delete_credential().map_err(|e| to_secret_error(e, key))
    }
}

/// keyring's error, reduced to what a user can act on. keyring's messages never include the secret.
fn to_secret_error(error: KeyringError, key: &SecretKey) -> SecretError {
    let backend = platform::BACKEND;
    match error {
        KeyringError::NoEntry => SecretError::Missing(key.clone()),
        KeyringError::NoStorageAccess(e) => SecretError::Locked { backend, reason: e.to_string() },
        KeyringError::NoDefaultStore => {
            SecretError::Unavailable { backend, reason: "no credential store is set up".into() }
        }
        other => SecretError::Platform { backend, reason: other.to_string() },
    }
}

#[cfg(all(unix, not(any(target_os = "macos", target_os = "ios", target_os = "android"))))]
mod platform {
    use super::*;
    use secret_service::blocking::SecretService;
    use secret_service::{EncryptionType, Error as SsError};

    pub const BACKEND: &str = "Secret Service";

    pub fn open_store() -> Result<Arc<CredentialStore>, String> {
        match zbus_secret_service_keyring_store::Store::new() {
            Ok(store) => Ok(store),
            Err(e) => Err(format!(
                "no Secret Service is running in this session; start GNOME Keyring or KWallet to save keys ({e})"
            )),
        }
    }

    /// Reads the default collection's `Locked` property; unlike a read or write it never prompts.
    pub fn lock_status() -> KeychainStatus {
        let status =
            |state, detail: Option<String>| KeychainStatus { backend: BACKEND.into(), state, detail };
        let service = match SecretService::connect(EncryptionType::Plain) {
            Ok(service) => service,
            Err(e) => return status(KeychainState::Unavailable, Some(e.to_string())),
        };
        match service.get_default_collection().and_then(|c| c.is_locked()) {
            Ok(false) => status(KeychainState::Unlocked, None),
            Ok(true) => status(KeychainState::Locked, Some("unlock your login keyring".into())),
            Err(SsError::NoResult) => status(
                KeychainState::Locked,
                Some("there is no default keyring yet; saving a key will ask to create one".into()),
            ),
            Err(e) => status(KeychainState::Unavailable, Some(e.to_string())),
        }
    }
}

#[cfg(target_os = "macos")]
mod platform {
    use super::*;

    pub const BACKEND: &str = "macOS Keychain";

    pub fn open_store() -> Result<Arc<CredentialStore>, String> {
        match apple_native_keyring_store::keychain::Store::new() {
            Ok(store) => Ok(store),
            Err(e) => Err(e.to_string()),
        }
    }

    /// The login keychain unlocks with the user's session; macOS prompts per item when needed.
    pub fn lock_status() -> KeychainStatus {
        KeychainStatus { backend: BACKEND.into(), state: KeychainState::Unlocked, detail: None }
    }
}

#[cfg(windows)]
mod platform {
    use super::*;

    pub const BACKEND: &str = "Windows Credential Manager";

    pub fn open_store() -> Result<Arc<CredentialStore>, String> {
        match windows_native_keyring_store::Store::new() {
            Ok(store) => Ok(store),
            Err(e) => Err(e.to_string()),
        }
    }

    /// Credential Manager is unlocked whenever the user is signed in.
    pub fn lock_status() -> KeychainStatus {
        KeychainStatus { backend: BACKEND.into(), state: KeychainState::Unlocked, detail: None }
    }
}
