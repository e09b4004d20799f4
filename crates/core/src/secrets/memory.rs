//! Session-only secrets: kept in this process's memory and forgotten when it exits.
//! Used when no keychain is reachable and the user chose to go on, and by unit tests.

use std::collections::HashMap;
use std::sync::Mutex;

use super::{KeychainState, KeychainStatus, Secret, SecretError, SecretKey, SecretStore};

/// Secrets held in memory for the life of the process.
#[derive(Default)]
pub struct MemoryStore {
    entries: Mutex<HashMap<SecretKey, Secret>>,
}

impl MemoryStore {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    fn entries(&self) -> std::sync::MutexGuard<'_, HashMap<SecretKey, Secret>> {
        // A panic while holding the lock cannot leave the map half-written: recover it.
        self.entries.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl SecretStore for MemoryStore {
    fn status(&self) -> KeychainStatus {
        KeychainStatus {
            backend: "Session memory".into(),
            state: KeychainState::Unlocked,
            detail: Some("keys are forgotten when the app closes".into()),
        }
    }

    fn get(&self, key: &SecretKey) -> Result<Option<Secret>, SecretError> {
        Ok(self.entries().get(key).cloned())
    }

    fn set(&self, key: &SecretKey, secret: &Secret) -> Result<(), SecretError> {
        self.entries().insert(key.clone(), secret.clone());
        Ok(())
    }

    fn delete(&self, key: &SecretKey) -> Result<(), SecretError> {
        match self.entries().remove(key) {
            Some(_) => Ok(()),
            None => Err(SecretError::Missing(key.clone())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_read_overwrite_delete() {
        let store = MemoryStore::new();
        let key = SecretKey::new("endpoint-key:https://a.openai.azure.com");
        assert!(store.get(&key).expect("get").is_none());
        store.set(&key, &Secret::new("first")).expect("set");
        store.set(&key, &Secret::new("second")).expect("overwrite");
        assert_eq!(store.get(&key).expect("get").expect("present").expose(), "second");
        store.delete(&key).expect("delete");
        assert!(store.get(&key).expect("get").is_none());
        assert!(matches!(store.delete(&key), Err(SecretError::Missing(k)) if k == key));
    }
}
