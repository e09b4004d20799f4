use foundry_desk_core::app_info::{self, AppInfo};
use foundry_desk_core::links;
use tauri::{AppHandle, State};
use tauri_plugin_opener::OpenerExt;

use super::blocking;
use crate::error::{CommandError, ErrorKind};
use crate::state::AppState;

/// Version, where data lives and whether a keychain is reachable.
#[tauri::command]
#[specta::specta]
pub async fn app_info(app: AppHandle, state: State<'_, AppState>) -> Result<AppInfo, CommandError> {
    let (state, version) = (state.inner().clone(), app.package_info().version.to_string());
    blocking(move || Ok(app_info::gather(&version, &state.paths, state.secrets().as_ref()))).await
}

/// Opens one of Microsoft's pages (quota request, device sign-in) in the system browser.
#[tauri::command]
#[specta::specta]
pub async fn open_link(app: AppHandle, url: String) -> Result<(), CommandError> {
    let url = links::openable(&url).map_err(|message| CommandError::new(ErrorKind::Input, message))?;
    app.opener()
        .open_url(url.as_str(), None::<&str>)
        .map_err(|e| CommandError::new(ErrorKind::Input, format!("could not open the system browser: {e}")))
}
