use foundry_desk_core::app_info::{self, AppInfo};
use tauri::{AppHandle, State};

use super::blocking;
use crate::error::CommandError;
use crate::state::AppState;

/// Version, where data lives and whether a keychain is reachable.
#[tauri::command]
#[specta::specta]
pub async fn app_info(app: AppHandle, state: State<'_, AppState>) -> Result<AppInfo, CommandError> {
    let (state, version) = (state.inner().clone(), app.package_info().version.to_string());
    blocking(move || Ok(app_info::gather(&version, &state.paths, state.secrets().as_ref()))).await
}
