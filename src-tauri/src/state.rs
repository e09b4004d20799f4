//! The one piece of state the shell manages: where files live and where secrets go.

use std::sync::Arc;

use foundry_desk_core::app_info::AppPaths;
use foundry_desk_core::secrets::{KeychainStore, SecretStore};
use foundry_desk_core::APP_ID;
use tauri::{AppHandle, Manager};

/// Shared by all commands; cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub paths: AppPaths,
    pub secrets: Arc<dyn SecretStore>,
}

impl AppState {
    /// Resolves the app's directories and opens the OS keychain (an unreachable one is reported, not fatal).
    pub fn start(app: &AppHandle) -> tauri::Result<Self> {
        let paths = AppPaths { data_dir: app.path().app_data_dir()?, log_dir: app.path().app_log_dir()? };
        Ok(Self { paths, secrets: Arc::new(KeychainStore::open(APP_ID)) })
    }

    /// The keychain's status line, for the startup log.
    pub fn keychain_name(&self) -> String {
        self.secrets.status().to_string()
    }
}
