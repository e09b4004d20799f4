//! The keychain, with the user's way out when it cannot be used: "keep for this session only" switches
//! every later read and write to this process's memory. Nothing is ever written to disk instead.

use std::sync::{Arc, RwLock};

use super::{KeychainStatus, MemoryStore, Secret, SecretError, SecretKey, SecretStore};

/// A secret store that starts as the OS keychain and can be switched, once, to session memory.
pub struct FallbackStore {
    keychain: Arc<dyn SecretStore>,
    session: RwLock<Option<Arc<MemoryStore>>>,
}

impl FallbackStore {
    /// Uses `keychain` until [`FallbackStore::keep_for_session`] is called.
    pub fn new(keychain: Arc<dyn SecretStore>) -> Self {
        Self { keychain, session: RwLock::new(None) }
    }

    /// From now on, secrets live in memory until the app quits (the user's choice when the keychain
    /// is unavailable or locked). Idempotent.
    pub fn keep_for_session(&self) -> KeychainStatus {
        let mut session = self.session.write().unwrap_or_else(|poisoned| poisoned.into_inner());
        session.get_or_insert_with(|| Arc::new(MemoryStore::new())).status()
    }

    /// Whether secrets are kept in memory only.
    pub fn is_session_only(&self) -> bool {
        self.session.read().map(|s| s.is_some()).unwrap_or(true)
    }

    fn current(&self) -> Arc<dyn SecretStore> {
        match self.session.read().unwrap_or_else(|poisoned| poisoned.into_inner()).as_ref() {
            Some(memory) => memory.clone(),
            None => self.keychain.clone(),
        }
    }
}

impl SecretStore for FallbackStore {
    fn status(&self) -> KeychainStatus {
        self.current().status()
    }

    fn get(&self, key: &SecretKey) -> Result<Option<Secret>, SecretError> {
        self.current().get(key)
    }

    fn set(&self, key: &SecretKey, secret: &Secret) -> Result<(), SecretError> {
        self.current().set(key, secret)
    }

    fn delete(&self, key: &SecretKey) -> Result<(), SecretError> {
        self.current().delete(key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secrets::KeychainState;

    /// A keychain with no service behind it, as on a desktop without gnome-keyring or KWallet.
    struct NoKeychain;

    impl SecretStore for NoKeychain {
        fn status(&self) -> KeychainStatus {
            KeychainStatus {
                backend: "Secret Service".into(),
                state: KeychainState::Unavailable,
                detail: Some("no Secret Service is running".into()),
            }
        }
        fn get(&self, _: &SecretKey) -> Result<Option<Secret>, SecretError> {
            Err(self.unavailable())
        }
        fn set(&self, _: &SecretKey, _: &Secret) -> Result<(), SecretError> {
            Err(self.unavailable())
        }
        fn delete(&self, _: &SecretKey) -> Result<(), SecretError> {
            Err(self.unavailable())
        }
    }

    impl NoKeychain {
        fn unavailable(&self) -> SecretError {
            SecretError::Unavailable {
                backend: "Secret Service",
                reason: "no Secret Service is running".into(),
            }
        }
    }

    #[test]
    fn without_a_keychain_saving_fails_typed_until_the_user_keeps_secrets_for_the_session() {
        let store = FallbackStore::new(Arc::new(NoKeychain));
        let key = SecretKey::new("endpoint-key:https://a.openai.azure.com/");
        assert_eq!(store.status().state, KeychainState::Unavailable);
        assert!(matches!(store.set(&key, &Secret::new("k-1234")), Err(SecretError::Unavailable { .. })));
        assert!(!store.is_session_only());

        let status = store.keep_for_session();
        assert_eq!((status.backend.as_str(), status.state), ("Session memory", KeychainState::Unlocked));
        store.set(&key, &Secret::new("k-1234")).unwrap();
        assert_eq!(store.get(&key).unwrap().unwrap().expose(), "k-1234");
        // Choosing again keeps what the session holds.
        store.keep_for_session();
        assert!(store.get(&key).unwrap().is_some() && store.is_session_only());
    }
}
