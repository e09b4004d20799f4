//! The one piece of state the shell manages: where files live, and the connections (which own where
//! secrets go and the in-memory access tokens).

use std::sync::Arc;

use foundry_desk_core::app_info::AppPaths;
use foundry_desk_core::connections::Connections;
use foundry_desk_core::conversations::ConversationStore;
use foundry_desk_core::playground::{PresetStore, Runs};
use foundry_desk_core::secrets::{KeychainStore, SecretStore};
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
}

impl AppState {
    /// Resolves the app's directories and opens the OS keychain (an unreachable one is reported, not fatal).
    pub fn start(app: &AppHandle) -> tauri::Result<Self> {
        let paths = AppPaths { data_dir: app.path().app_data_dir()?, log_dir: app.path().app_log_dir()? };
        let keychain: Arc<dyn SecretStore> = Arc::new(KeychainStore::open(APP_ID));
        let connections = Arc::new(Connections::new(paths.data_dir.clone(), keychain));
        let conversations = ConversationStore::new(paths.conversations_dir());
        let presets = PresetStore::new(paths.presets_file());
        Ok(Self { paths, connections, conversations, presets, runs: Arc::default() })
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
