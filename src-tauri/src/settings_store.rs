//! Settings on disk through tauri-plugin-store (`settings.json` in the app data dir); the model and its
//! rules are `foundry_desk_core::settings`.

use foundry_desk_core::settings::Settings;
use tauri::AppHandle;
use tauri_plugin_store::StoreExt;

use crate::error::{CommandError, ErrorKind};

const FILE: &str = "settings.json";
const KEY: &str = "settings";

/// The saved settings, or the defaults when nothing is saved yet.
pub fn load(app: &AppHandle) -> Result<Settings, CommandError> {
    let store = app.store(FILE).map_err(store_error)?;
    Ok(Settings::from_saved(store.get(KEY))?)
}

/// Applies `change` to the saved settings and writes them to disk before answering.
pub fn update(app: &AppHandle, change: impl FnOnce(&mut Settings)) -> Result<Settings, CommandError> {
    let mut settings = load(app)?;
    change(&mut settings);
    let store = app.store(FILE).map_err(store_error)?;
    store.set(KEY, settings.to_saved());
    store.save().map_err(store_error)?;
    Ok(settings)
}

fn store_error(error: tauri_plugin_store::Error) -> CommandError {
    CommandError::new(ErrorKind::Settings, format!("the settings file could not be used: {error}"))
}
