use foundry_desk_core::settings::{Settings, ThemePreference};
use tauri::AppHandle;

use super::blocking;
use crate::error::CommandError;
use crate::settings_store;

/// The saved app settings (defaults when none are saved).
#[tauri::command]
#[specta::specta]
pub async fn get_settings(app: AppHandle) -> Result<Settings, CommandError> {
    blocking(move || settings_store::load(&app)).await
}

/// Saves the theme choice and returns the settings as saved.
#[tauri::command]
#[specta::specta]
pub async fn set_theme(app: AppHandle, theme: ThemePreference) -> Result<Settings, CommandError> {
    blocking(move || settings_store::update(&app, |settings| settings.theme = theme)).await
}
