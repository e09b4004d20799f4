//! The settings screen: read, save (checked field by field), reset a section, export and import.

use foundry_desk_core::settings::{
    ImportPlan, Recovery, Settings, SettingsExport, SettingsSection, ThemePreference,
};
use tauri::State;

use super::blocking;
use crate::error::CommandError;
use crate::state::AppState;

/// The settings in effect (defaults when none are saved).
#[tauri::command]
#[specta::specta]
pub async fn get_settings(state: State<'_, AppState>) -> Result<Settings, CommandError> {
    let store = state.settings.clone();
    blocking(move || Ok(store.read()?)).await
}

/// Why the saved settings could not be used at start, once: the next call answers nothing.
#[tauri::command]
#[specta::specta]
pub fn take_settings_recovery(state: State<'_, AppState>) -> Result<Option<Recovery>, CommandError> {
    Ok(state.take_settings_recovery())
}

/// Saves all settings; nothing is saved when a value is not allowed (the error names each field).
#[tauri::command]
#[specta::specta]
pub async fn save_settings(state: State<'_, AppState>, settings: Settings) -> Result<Settings, CommandError> {
    let store = state.settings.clone();
    blocking(move || Ok(store.save(settings)?)).await
}

/// Puts one section back to its defaults and returns the settings as saved.
#[tauri::command]
#[specta::specta]
pub async fn reset_settings_section(
    state: State<'_, AppState>,
    section: SettingsSection,
) -> Result<Settings, CommandError> {
    let store = state.settings.clone();
    blocking(move || Ok(store.update(|settings| *settings = settings.clone().with_section_reset(section))?))
        .await
}

/// Saves the theme choice and returns the settings as saved.
#[tauri::command]
#[specta::specta]
pub async fn set_theme(state: State<'_, AppState>, theme: ThemePreference) -> Result<Settings, CommandError> {
    let store = state.settings.clone();
    blocking(move || Ok(store.update(|settings| settings.appearance.theme = theme)?)).await
}

/// Writes settings and presets to one JSON file in Downloads (no secret is in it); its path.
#[tauri::command]
#[specta::specta]
pub async fn export_settings(state: State<'_, AppState>) -> Result<String, CommandError> {
    let (store, presets, dir) = (state.settings.clone(), state.presets.clone(), state.paths.export_dir());
    blocking(move || {
        let export = SettingsExport::new(store.read()?, presets.list()?);
        Ok(export.write_to(&dir)?.display().to_string())
    })
    .await
}

/// Reads an export file's text and says what importing it would change; applies nothing.
#[tauri::command]
#[specta::specta]
pub async fn preview_settings_import(
    state: State<'_, AppState>,
    text: String,
) -> Result<ImportPlan, CommandError> {
    let (store, presets) = (state.settings.clone(), state.presets.clone());
    blocking(move || Ok(ImportPlan::against(&text, &store, &presets)?)).await
}

/// Imports an export file: checked whole again, then all of it is applied or nothing.
#[tauri::command]
#[specta::specta]
pub async fn apply_settings_import(
    state: State<'_, AppState>,
    text: String,
) -> Result<Settings, CommandError> {
    let (store, presets) = (state.settings.clone(), state.presets.clone());
    blocking(move || Ok(ImportPlan::against(&text, &store, &presets)?.apply(&store, &presets)?)).await
}
