//! Prices kept on disk between runs, so cost shows without a request each time and when offline.
//!
//! One JSON file the caller places: per currency, per meter id, the items Azure listed and when they
//! were fetched. Written atomically (a temp file beside it, then a rename), so a crash mid-write leaves
//! the old file; a file that cannot be read or decoded counts as empty and is replaced on the next save.

use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::models::RetailPrice;

/// The file format this build writes.
const FORMAT_VERSION: u32 = 1;

/// The cache's contents: per currency (`EUR`), per meter id (lowercase), what was fetched.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CachedPrices {
    #[serde(default)]
    version: u32,
    #[serde(default)]
    currencies: BTreeMap<String, BTreeMap<String, CachedMeter>>,
}

/// What Azure listed for one meter, and when. Every item is kept (one per region or price type), so a
/// later lookup for another region still finds its price; no items means Azure listed none then.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CachedMeter {
    /// When these items were fetched.
    #[serde(serialize_with = "crate::rfc3339::serialize", deserialize_with = "crate::rfc3339::deserialize")]
    pub fetched_at: DateTime<Utc>,
    /// The items Azure listed for the meter.
    #[serde(default)]
    pub items: Vec<RetailPrice>,
}

impl CachedPrices {
    /// What is cached for a meter in a currency (both compared ignoring case).
    pub fn get(&self, currency: &str, meter_id: &str) -> Option<&CachedMeter> {
        self.currencies.get(&currency.to_ascii_uppercase())?.get(&meter_id.to_ascii_lowercase())
    }

    /// Records what was fetched for a meter, replacing what was there.
    pub fn insert(&mut self, currency: &str, meter_id: &str, meter: CachedMeter) {
        self.currencies
            .entry(currency.to_ascii_uppercase())
            .or_default()
            .insert(meter_id.to_ascii_lowercase(), meter);
    }

    /// Whether nothing is cached.
    pub fn is_empty(&self) -> bool {
        self.currencies.values().all(BTreeMap::is_empty)
    }
}

/// One lock per cache file in this process: every `PriceCache` of a path shares it.
fn file_lock(path: &Path) -> Arc<Mutex<()>> {
    static LOCKS: OnceLock<Mutex<HashMap<PathBuf, Arc<Mutex<()>>>>> = OnceLock::new();
    let locks = LOCKS.get_or_init(Mutex::default);
    let mut locks = locks.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    locks.entry(path.to_path_buf()).or_default().clone()
}

/// The cache file at a path the caller chose (e.g. under the app's cache folder).
#[derive(Debug, Clone)]
pub struct PriceCache {
    path: PathBuf,
}

impl PriceCache {
    /// A cache kept in the file at `path`; nothing is read or written until asked.
    pub fn new(path: impl Into<PathBuf>) -> Self {
        Self { path: path.into() }
    }

    /// The file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Reads the file, lets `change` add to it and writes it back, with no other `update` of the same
    /// file in this process in between: two lookups finishing together both keep what they fetched.
    /// Returns what was written (kept even when the write failed, which is returned beside it).
    pub fn update(&self, change: impl FnOnce(&mut CachedPrices)) -> (CachedPrices, std::io::Result<()>) {
        let lock = file_lock(&self.path);
        let _held = lock.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let mut prices = self.load();
        change(&mut prices);
        let saved = self.save(&prices);
        (prices, saved)
    }

    /// What the file holds; empty when it is missing, unreadable or not a cache (said in the log).
    pub fn load(&self) -> CachedPrices {
        let bytes = match std::fs::read(&self.path) {
            Ok(bytes) => bytes,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return CachedPrices::default(),
            Err(error) => {
                tracing::warn!(path = %self.path.display(), %error, "price cache unreadable; starting empty");
                return CachedPrices::default();
            }
        };
        serde_json::from_slice(&bytes).unwrap_or_else(|error| {
            tracing::warn!(path = %self.path.display(), %error, "price cache is not valid; starting empty");
            CachedPrices::default()
        })
    }

    /// Writes `prices` to the file atomically, creating its folder if needed.
    pub fn save(&self, prices: &CachedPrices) -> std::io::Result<()> {
        let mut prices = prices.clone();
        prices.version = FORMAT_VERSION;
        let json = serde_json::to_vec_pretty(&prices).map_err(std::io::Error::other)?;
        let folder = match self.path.parent() {
            Some(folder) if !folder.as_os_str().is_empty() => folder.to_path_buf(),
            _ => PathBuf::from("."),
        };
        std::fs::create_dir_all(&folder)?;
        let name = self.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let temp = folder.join(format!(".{name}.{}-{:08x}.tmp", std::process::id(), fastrand::u32(..)));
        let written = write_synced(&temp, &json).and_then(|()| std::fs::rename(&temp, &self.path));
        if written.is_err() {
            // Best effort: a leftover temp file is harmless, only untidy.
            let _ = std::fs::remove_file(&temp);
        }
        written
    }
}

/// Writes and flushes to disk, so the rename never publishes a file whose bytes are not there yet.
fn write_synced(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = std::fs::File::create(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meter(price: f64) -> CachedMeter {
        let item = serde_json::json!({"meterId": "M-1", "retailPrice": price, "unitOfMeasure": "1M"});
        CachedMeter {
            fetched_at: crate::rfc3339::parse("2026-11-03T10:00:00Z").unwrap(),
            items: vec![serde_json::from_value(item).unwrap()],
        }
    }

    #[test]
    fn what_is_saved_loads_back_with_its_date() {
        let dir = tempfile::tempdir().unwrap();
        let cache = PriceCache::new(dir.path().join("nested").join("prices.json"));
        assert!(cache.load().is_empty());
        let mut prices = CachedPrices::default();
        prices.insert("eur", "M-1", meter(2.5));
        cache.save(&prices).unwrap();
        let loaded = cache.load();
        assert_eq!(loaded.get("EUR", "m-1"), Some(&meter(2.5)));
        let text = std::fs::read_to_string(cache.path()).unwrap();
        assert!(text.contains(r#""fetchedAt": "2026-11-03T10:00:00Z""#), "{text}");
        let leftovers = std::fs::read_dir(dir.path().join("nested")).unwrap().count();
        assert_eq!(leftovers, 1, "no temp file is left behind");
    }

    #[test]
    fn a_corrupt_or_foreign_file_is_empty_and_replaced_on_save() {
        let dir = tempfile::tempdir().unwrap();
        let cache = PriceCache::new(dir.path().join("prices.json"));
        for junk in ["{not json", "[1,2]", r#"{"currencies":{"EUR":{"m":{"fetchedAt":"soon"}}}}"#, ""] {
            std::fs::write(cache.path(), junk).unwrap();
            assert!(cache.load().is_empty(), "{junk}");
        }
        let mut prices = CachedPrices::default();
        prices.insert("EUR", "m-1", meter(1.0));
        cache.save(&prices).unwrap();
        assert_eq!(cache.load().get("EUR", "M-1"), Some(&meter(1.0)));
    }
}
