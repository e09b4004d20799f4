//! Settings › Privacy and data: open the app's folders, clear the history, remove every secret.

use foundry_desk_core::privacy::{self, RemovedSecrets};
use serde::Deserialize;
use tauri::{AppHandle, State};
use tauri_plugin_opener::OpenerExt;

use super::blocking;
use crate::error::{CommandError, ErrorKind};
use crate::state::AppState;

/// A folder of the app's that the person may open in the file manager.
#[derive(Debug, Clone, Copy, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum AppFolder {
    /// Profiles, settings, presets, key index (never a secret).
    Data,
    Logs,
    /// Where conversations are kept now.
    History,
}

/// Opens one of the app's folders in the system file manager (created first if it is not there yet).
#[tauri::command]
#[specta::specta]
pub async fn open_app_folder(
    app: AppHandle,
    state: State<'_, AppState>,
    folder: AppFolder,
) -> Result<String, CommandError> {
    let path = match folder {
        AppFolder::Data => state.paths.data_dir.clone(),
        AppFolder::Logs => state.paths.log_dir.clone(),
        AppFolder::History => state.conversations().dir().to_path_buf(),
    };
    std::fs::create_dir_all(&path).map_err(|e| {
        CommandError::new(ErrorKind::Input, format!("could not create {}: {e}", path.display()))
    })?;
    let shown = path.display().to_string();
    app.opener().open_path(&shown, None::<&str>).map_err(|e| {
        CommandError::new(ErrorKind::Input, format!("could not open {shown} in the file manager: {e}"))
    })?;
    Ok(shown)
}

/// Deletes every saved conversation; returns how many.
#[tauri::command]
#[specta::specta]
pub async fn clear_history(state: State<'_, AppState>) -> Result<u32, CommandError> {
    let store = state.conversations();
    blocking(move || store.clear().map_err(super::playground::history_error)).await
}

/// Signs every profile out and deletes every saved key from the keychain; profiles stay.
#[tauri::command]
#[specta::specta]
pub async fn remove_all_secrets(state: State<'_, AppState>) -> Result<RemovedSecrets, CommandError> {
    let state = state.inner().clone();
    blocking(move || Ok(privacy::remove_all_secrets(&state.connections, &state.paths.data_dir)?)).await
}
