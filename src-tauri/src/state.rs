//! The one piece of state the shell manages: where files live, and the connections (which own where
//! secrets go and the in-memory access tokens).

use std::sync::{Arc, Mutex};

use foundry_desk_core::app_info::AppPaths;
use foundry_desk_core::connections::Connections;
use foundry_desk_core::conversations::ConversationStore;
use foundry_desk_core::playground::{PresetStore, Runs};
use foundry_desk_core::secrets::{KeychainStore, SecretStore};
use foundry_desk_core::settings::{Recovery, SettingsStore};
use foundry_desk_core::APP_ID;
use tauri::{AppHandle, Manager};

/// Shared by all commands; cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub paths: AppPaths,
    pub connections: Arc<Connections>,
    /// The playground's saved conversations.
    pub conversations: ConversationStore,
    pub presets: PresetStore,
    /// Answers streaming now (so Stop can reach them).
    pub runs: Arc<Runs>,
    pub settings: SettingsStore,
    /// The saved settings could not be used at start: told to the person once.
    settings_recovery: Arc<Mutex<Option<Recovery>>>,
}

impl AppState {
    /// Resolves the app's directories and opens the OS keychain (an unreachable one is reported, not fatal).
    pub fn start(app: &AppHandle) -> tauri::Result<Self> {
        let paths = AppPaths { data_dir: app.path().app_data_dir()?, log_dir: app.path().app_log_dir()? };
        let keychain: Arc<dyn SecretStore> = Arc::new(KeychainStore::open(APP_ID));
        let connections = Arc::new(Connections::new(paths.data_dir.clone(), keychain));
        let conversations = ConversationStore::new(paths.conversations_dir());
        let presets = PresetStore::new(paths.presets_file());
        let settings = SettingsStore::new(paths.settings_file());
        // A file that cannot be used is set aside here, before anything reads it.
        let recovery = settings.load().recovery;
        Ok(Self {
            paths,
            connections,
            conversations,
            presets,
            runs: Arc::default(),
            settings,
            settings_recovery: Arc::new(Mutex::new(recovery)),
        })
    }

    /// Why the settings file was set aside at start, the first time it is asked.
    pub fn take_settings_recovery(&self) -> Option<Recovery> {
        self.settings_recovery.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).take()
    }

    /// Where secrets go now (the keychain, or session memory when the user chose so).
    pub fn secrets(&self) -> Arc<dyn SecretStore> {
        self.connections.secrets()
    }

    /// The keychain's status line, for the startup log.
    pub fn keychain_name(&self) -> String {
        self.secrets().status().to_string()
    }
}
