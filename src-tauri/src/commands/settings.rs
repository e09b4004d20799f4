//! The settings screen: read, save (checked field by field), reset a section, export and import. Every
//! change takes effect at once (`AppState::apply_settings`).

use foundry_desk_core::connections::NetworkTest;
use foundry_desk_core::settings::{
    ImportPlan, NetworkSettings, Recovery, Settings, SettingsExport, SettingsSection,
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
    blocking(move || Ok(store.in_use()?)).await
}

/// Why the saved settings could not be used at start, until the person dismisses the notice (a
/// reload of the window shows it again; the next start does not).
#[tauri::command]
#[specta::specta]
pub fn settings_recovery(state: State<'_, AppState>) -> Result<Option<Recovery>, CommandError> {
    Ok(state.settings_recovery())
}

/// The person has read the recovery notice.
#[tauri::command]
#[specta::specta]
pub fn dismiss_settings_recovery(state: State<'_, AppState>) -> Result<(), CommandError> {
    state.dismiss_settings_recovery();
    Ok(())
}

/// Saves all settings; nothing is saved when a value is not allowed (the error names each field).
#[tauri::command]
#[specta::specta]
pub async fn save_settings(state: State<'_, AppState>, settings: Settings) -> Result<Settings, CommandError> {
    let state = state.inner().clone();
    blocking(move || state.change_settings(|store| Ok(store.save(settings)?))).await
}

/// Puts one section back to its defaults and returns the settings as saved.
#[tauri::command]
#[specta::specta]
pub async fn reset_settings_section(
    state: State<'_, AppState>,
    section: SettingsSection,
) -> Result<Settings, CommandError> {
    let state = state.inner().clone();
    blocking(move || {
        state.change_settings(|store| {
            Ok(store.update(|settings| *settings = settings.clone().with_section_reset(section))?)
        })
    })
    .await
}

/// Writes settings and presets to one JSON file in Downloads (no secret is in it); its path.
#[tauri::command]
#[specta::specta]
pub async fn export_settings(state: State<'_, AppState>) -> Result<String, CommandError> {
    let (store, presets, dir) = (state.settings.clone(), state.presets.clone(), state.paths.export_dir());
    blocking(move || {
        let export = SettingsExport::new(store.in_use()?, presets.list()?);
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
    let state = state.inner().clone();
    let presets = state.presets.clone();
    blocking(move || {
        state
            .change_settings(|store| Ok(ImportPlan::against(&text, store, &presets)?.apply(store, &presets)?))
    })
    .await
}

/// Reaches a profile's service with network settings being edited (saved or not): whether it
/// answers, through which proxy, how fast, and what to do if not. No key or sign-in is sent.
#[tauri::command]
#[specta::specta]
pub async fn test_network(
    state: State<'_, AppState>,
    profile_id: String,
    network: NetworkSettings,
) -> Result<NetworkTest, CommandError> {
    Ok(state.connections.test_network(&profile_id, &network).await?)
}
