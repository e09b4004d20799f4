//! API keys as the app lists them: the key itself in the keychain (one per normalised endpoint, see
//! [`crate::endpoint_keys`]), and beside it, in `keys.json`, only what may be on disk: which endpoints
//! have a key, when it was saved, and where it came from (so removing a profile removes the keys it
//! fetched). Shared by the app and `fdesk`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::account_keys::key_tail;
use crate::endpoint_keys::{self, KeyError};
use crate::secrets::{Secret, SecretStore};

/// Where a saved key came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase", rename_all_fields = "camelCase", tag = "kind")]
pub enum KeyOrigin {
    /// Pasted by the person (in the app or with `fdesk key set`).
    Pasted,
    /// Fetched or regenerated through Resource Manager by a signed-in profile.
    Azure { profile_id: String, key_name: String },
}

/// A saved key as the UI may show it: never the key, only its last four characters.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SavedKeyView {
    /// The normalised endpoint the key is for.
    pub endpoint: String,
    /// `••••` and the last four characters.
    pub masked: String,
    /// When it was saved, in milliseconds since 1970 (what JavaScript's `Date` takes).
    pub saved_at_ms: f64,
    pub origin: KeyOrigin,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Entry {
    saved_at_ms: f64,
    origin: KeyOrigin,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct IndexFile {
    version: u32,
    keys: BTreeMap<String, Entry>,
}

/// The saved keys of one data dir and secret store.
pub struct SavedKeys<'a> {
    index: PathBuf,
    store: &'a dyn SecretStore,
}

impl<'a> SavedKeys<'a> {
    /// The keys listed in `data_dir/keys.json`, kept in `store`.
    pub fn new(data_dir: &Path, store: &'a dyn SecretStore) -> Self {
        Self { index: data_dir.join("keys.json"), store }
    }

    /// Saves `key` for `endpoint` (replacing any earlier one) and notes when and from where.
    pub fn save(&self, endpoint: &str, key: &Secret, origin: KeyOrigin) -> Result<SavedKeyView, KeyError> {
        endpoint_keys::save(self.store, endpoint, key)?;
        let name = normalised(endpoint)?;
        let mut index = self.read();
        let entry = Entry { saved_at_ms: now_ms(), origin };
        index.keys.insert(name.clone(), entry.clone());
        self.write(&index)?;
        Ok(view(name, key.expose().trim(), &entry))
    }

    /// The key saved for `endpoint`, shown masked; `None` when there is none in the keychain.
    pub fn show(&self, endpoint: &str) -> Result<Option<SavedKeyView>, KeyError> {
        let Some(key) = endpoint_keys::load(self.store, endpoint)? else { return Ok(None) };
        let name = normalised(endpoint)?;
        // A key saved before the index existed (or by an older fdesk) has no date: shown without one.
        let entry =
            self.read().keys.remove(&name).unwrap_or(Entry { saved_at_ms: 0.0, origin: KeyOrigin::Pasted });
        Ok(Some(view(name, key.expose(), &entry)))
    }

    /// Deletes `endpoint`'s key; `Ok(false)` when none was saved.
    pub fn delete(&self, endpoint: &str) -> Result<bool, KeyError> {
        let deleted = endpoint_keys::delete(self.store, endpoint)?;
        let mut index = self.read();
        if index.keys.remove(&normalised(endpoint)?).is_some() {
            self.write(&index)?;
        }
        Ok(deleted)
    }

    /// Every endpoint the index lists a key for (normalised), whoever saved it.
    pub fn endpoints(&self) -> Vec<String> {
        self.read().keys.into_keys().collect()
    }

    /// Deletes every key `profile_id` fetched from Azure; returns how many were in the keychain.
    pub fn delete_fetched_by(&self, profile_id: &str) -> Result<usize, KeyError> {
        let endpoints: Vec<String> = self
            .read()
            .keys
            .into_iter()
            .filter(|(_, e)| matches!(&e.origin, KeyOrigin::Azure { profile_id: p, .. } if p == profile_id))
            .map(|(endpoint, _)| endpoint)
            .collect();
        let mut deleted = 0;
        for endpoint in endpoints {
            deleted += usize::from(self.delete(&endpoint)?);
        }
        Ok(deleted)
    }

    fn read(&self) -> IndexFile {
        // The index holds no secret and only dates: a missing or damaged one is rebuilt as keys are saved.
        std::fs::read_to_string(&self.index)
            .ok()
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default()
    }

    fn write(&self, index: &IndexFile) -> Result<(), KeyError> {
        let file = IndexFile { version: 1, keys: index.keys.clone() };
        let text = serde_json::to_string_pretty(&file).map_err(|e| KeyError::Index(e.to_string()))?;
        crate::files::write_atomically(&self.index, text.as_bytes())
            .map_err(|e| KeyError::Index(e.to_string()))
    }
}

fn normalised(endpoint: &str) -> Result<String, KeyError> {
    Ok(endpoint_keys::key_name(endpoint)?.as_str().trim_start_matches("endpoint-key:").to_string())
}

fn view(endpoint: String, key: &str, entry: &Entry) -> SavedKeyView {
    SavedKeyView {
        endpoint,
        masked: key_tail(key).map_or_else(|| "••••".to_string(), |tail| format!("•••• {tail}")),
        saved_at_ms: entry.saved_at_ms,
        origin: entry.origin.clone(),
    }
}

fn now_ms() -> f64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_millis() as f64).unwrap_or(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secrets::MemoryStore;

    #[test]
    fn a_saved_key_is_listed_masked_with_its_date_and_origin_and_the_index_holds_no_secret() {
        let dir = tempfile::tempdir().unwrap();
        let store = MemoryStore::new();
        let keys = SavedKeys::new(dir.path(), &store);
        let origin = KeyOrigin::Azure { profile_id: "p-1".into(), key_name: "key1".into() };
        let saved = keys
            .save("https://acct.openai.azure.com/openai/v1", &Secret::new("0123456789abcdef"), origin)
            .unwrap();
        assert_eq!(saved.masked, "•••• cdef");
        assert_eq!(saved.endpoint, "https://acct.openai.azure.com/");
        assert!(saved.saved_at_ms > 1.7e12);
        assert_eq!(keys.show("https://ACCT.openai.azure.com").unwrap().unwrap(), saved);
        let index = std::fs::read_to_string(dir.path().join("keys.json")).unwrap();
        assert!(!index.contains("0123456789") && index.contains("p-1"), "{index}");

        keys.save("https://other.openai.azure.com", &Secret::new("fedcba9876543210"), KeyOrigin::Pasted)
            .unwrap();
        assert_eq!(keys.delete_fetched_by("p-1").unwrap(), 1);
        assert!(keys.show("https://acct.openai.azure.com").unwrap().is_none());
        assert!(keys.show("https://other.openai.azure.com").unwrap().is_some());
    }

    #[test]
    fn a_short_key_is_masked_entirely() {
        let dir = tempfile::tempdir().unwrap();
        let store = MemoryStore::new();
        let saved = SavedKeys::new(dir.path(), &store)
            .save("https://a.openai.azure.com", &Secret::new("abcd"), KeyOrigin::Pasted)
            .unwrap();
        assert_eq!(saved.masked, "••••");
    }
}
