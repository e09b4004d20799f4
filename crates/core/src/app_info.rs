//! What the About panel and `fdesk info` show: version, where data lives, whether the keychain works.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::secrets::{KeychainStatus, SecretStore};

/// Facts about this installation.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    pub name: String,
    pub version: String,
    /// Profiles, settings and conversations live here.
    pub data_dir: String,
    /// Log files live here (never with a secret in them).
    pub log_dir: String,
    pub keychain: KeychainStatus,
}

/// Where the app keeps its files.
#[derive(Debug, Clone)]
pub struct AppPaths {
    pub data_dir: PathBuf,
    pub log_dir: PathBuf,
}

impl AppPaths {
    /// The same data dir the desktop app uses (its Tauri app data dir), for the CLI.
    pub fn for_cli() -> Option<Self> {
        let data_dir = dirs::data_dir()?.join(crate::APP_ID);
        let log_dir = data_dir.join("logs");
        Some(Self { data_dir, log_dir })
    }

    /// Where saved conversations are exported: the Downloads folder (the home folder's `Downloads`
    /// when the desktop names none).
    pub fn export_dir(&self) -> PathBuf {
        dirs::download_dir()
            .or_else(|| dirs::home_dir().map(|home| home.join("Downloads")))
            .unwrap_or_else(|| self.data_dir.join("exports"))
    }

    /// Where the playground's conversations are kept unless the settings name a folder.
    pub fn conversations_dir(&self) -> PathBuf {
        self.data_dir.join("conversations")
    }

    /// Where the playground's conversations are kept with these settings.
    pub fn history_dir(&self, settings: &crate::settings::Settings) -> PathBuf {
        match settings.playground.history_dir.as_deref().map(str::trim) {
            Some(dir) if !dir.is_empty() => PathBuf::from(dir),
            _ => self.conversations_dir(),
        }
    }

    /// The app's settings (`fdesk` only reads it).
    pub fn settings_file(&self) -> PathBuf {
        self.data_dir.join("settings.json")
    }

    /// The per-deployment parameter presets.
    pub fn presets_file(&self) -> PathBuf {
        self.data_dir.join("presets.json")
    }
}

/// Gathers the facts; asks the secret store for its status, which may block briefly on D-Bus.
pub fn gather(version: &str, paths: &AppPaths, secrets: &dyn SecretStore) -> AppInfo {
    AppInfo {
        name: "Foundry Desk".into(),
        version: version.into(),
        data_dir: display(&paths.data_dir),
        log_dir: display(&paths.log_dir),
        keychain: secrets.status(),
    }
}

fn display(path: &Path) -> String {
    path.display().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secrets::{KeychainState, MemoryStore};

    #[test]
    fn reports_version_paths_and_keychain() {
        let paths = AppPaths { data_dir: "/d".into(), log_dir: "/d/logs".into() };
        let info = gather("1.2.3", &paths, &MemoryStore::new());
        assert_eq!(info.version, "1.2.3");
        assert_eq!(info.data_dir, "/d");
        assert_eq!(info.log_dir, "/d/logs");
        assert_eq!(info.keychain.state, KeychainState::Unlocked);
        assert_eq!(info.keychain.backend, "Session memory");
    }
}
