//! The one piece of state the shell manages: where files live, and the connections (which own where
//! secrets go and the in-memory access tokens).

use std::sync::{Arc, Mutex, RwLock};

use foundry_desk_core::app_info::AppPaths;
use foundry_desk_core::connections::Connections;
use foundry_desk_core::conversations::ConversationStore;
use foundry_desk_core::playground::{PresetStore, Runs};
use foundry_desk_core::secrets::{KeychainStore, SecretStore};
use foundry_desk_core::settings::{Recovery, Settings, SettingsStore};
use foundry_desk_core::APP_ID;
use tauri::{AppHandle, Manager};

use crate::error::CommandError;

/// Shared by all commands; cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub paths: AppPaths,
    pub connections: Arc<Connections>,
    /// The playground's saved conversations, in the folder the settings name (see `apply_settings`).
    conversations: Arc<RwLock<ConversationStore>>,
    pub presets: PresetStore,
    /// Answers streaming now (so Stop can reach them).
    pub runs: Arc<Runs>,
    pub settings: SettingsStore,
    /// One settings change (write, then take effect) at a time, so effects land in the order saved.
    settings_changes: Arc<Mutex<()>>,
    /// The saved settings could not be used at start: told to the person once.
    settings_recovery: Arc<Mutex<Option<Recovery>>>,
}

impl AppState {
    /// Resolves the app's directories and opens the OS keychain (an unreachable one is reported, not fatal).
    pub fn start(app: &AppHandle) -> tauri::Result<Self> {
        let paths = AppPaths { data_dir: app.path().app_data_dir()?, log_dir: app.path().app_log_dir()? };
        let keychain: Arc<dyn SecretStore> = Arc::new(KeychainStore::open(APP_ID));
        let connections = Arc::new(Connections::new(paths.data_dir.clone(), keychain));
        let presets = PresetStore::new(paths.presets_file());
        let settings = SettingsStore::new(paths.settings_file());
        // A file that cannot be used is set aside here, before anything reads it.
        let loaded = settings.load();
        let conversations = ConversationStore::new(paths.history_dir(&loaded.settings));
        let state = Self {
            paths,
            connections,
            conversations: Arc::new(RwLock::new(conversations)),
            presets,
            runs: Arc::default(),
            settings,
            settings_changes: Arc::default(),
            settings_recovery: Arc::new(Mutex::new(loaded.recovery)),
        };
        // Saved settings that no longer work here (a CA file on a drive not mounted) must not stop the
        // app: it starts with the defaults for what failed, says so in the log, and Settings shows why.
        if let Err(e) = state.apply_settings(&loaded.settings) {
            log::warn!("the saved network settings could not be applied; using the defaults: {e}");
        }
        Ok(state)
    }

    /// Makes saved settings take effect for everything that starts from now on: the HTTP clients
    /// (proxy, CA file, timeout), Resource Manager's api-version and the history folder. Answers
    /// streaming now finish as they started.
    fn apply_settings(&self, settings: &Settings) -> Result<(), CommandError> {
        let folder = self.paths.history_dir(settings);
        let mut conversations = self.conversations.write().unwrap_or_else(|poisoned| poisoned.into_inner());
        // Only a new folder gets a new store: the store's locks keep two saves of one folder apart.
        if conversations.dir() != folder.as_path() {
            *conversations = ConversationStore::new(folder);
        }
        drop(conversations);
        Ok(self.connections.apply_settings(settings)?)
    }

    /// Changes the saved settings with `change` (which writes them) and makes the result take effect,
    /// one change at a time.
    pub fn change_settings(
        &self,
        change: impl FnOnce(&SettingsStore) -> Result<Settings, CommandError>,
    ) -> Result<Settings, CommandError> {
        let _one_at_a_time = self.settings_changes.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let saved = change(&self.settings)?;
        self.apply_settings(&saved)?;
        Ok(saved)
    }

    /// The playground's conversation store now.
    pub fn conversations(&self) -> ConversationStore {
        self.conversations.read().unwrap_or_else(|poisoned| poisoned.into_inner()).clone()
    }

    /// Why the settings file was set aside at start, until the notice is dismissed.
    pub fn settings_recovery(&self) -> Option<Recovery> {
        self.settings_recovery.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).clone()
    }

    /// The recovery notice was read: not shown again in this run.
    pub fn dismiss_settings_recovery(&self) {
        self.settings_recovery.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).take();
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
