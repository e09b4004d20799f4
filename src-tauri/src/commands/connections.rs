//! The Connections screen's commands: each is one call into `foundry_desk_core::connections`.
//! Secrets only travel inward (a pasted key); nothing returned holds one.

use foundry_azure::arm::AccountRef;
use foundry_desk_core::connections::{
    AccountView, BrowserSignInView, ConnectionReport, DeviceCodeView, FoundDeployments, KeyChoice,
    NewAccountProfile, NewEndpointProfile, ProfileView, Removed, SubscriptionView, TenantView,
};
use foundry_desk_core::saved_keys::SavedKeyView;
use foundry_desk_core::secrets::KeychainStatus;
use serde::Deserialize;
use tauri::{AppHandle, State};
use tauri_plugin_opener::OpenerExt;

use super::blocking;
use crate::error::CommandError;
use crate::state::AppState;

/// An account by its coordinates, as the UI names it.
#[derive(Debug, Clone, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AccountCoordinates {
    pub subscription_id: String,
    pub resource_group: String,
    pub name: String,
}

impl From<AccountCoordinates> for AccountRef {
    fn from(at: AccountCoordinates) -> Self {
        AccountRef { subscription: at.subscription_id, resource_group: at.resource_group, name: at.name }
    }
}

/// Every profile, with sign-in state and saved key (masked).
#[tauri::command]
#[specta::specta]
pub async fn list_profiles(state: State<'_, AppState>) -> Result<Vec<ProfileView>, CommandError> {
    let connections = state.connections.clone();
    blocking(move || Ok(connections.list()?)).await
}

/// Adds an endpoint + key profile; the key goes to the keychain.
#[tauri::command]
#[specta::specta]
pub async fn add_endpoint_profile(
    state: State<'_, AppState>,
    profile: NewEndpointProfile,
) -> Result<ProfileView, CommandError> {
    let connections = state.connections.clone();
    blocking(move || Ok(connections.add_endpoint_profile(profile)?)).await
}

/// Adds an Azure account profile (signed out until it signs in).
#[tauri::command]
#[specta::specta]
pub async fn add_account_profile(
    state: State<'_, AppState>,
    profile: NewAccountProfile,
) -> Result<ProfileView, CommandError> {
    let connections = state.connections.clone();
    blocking(move || Ok(connections.add_account_profile(profile)?)).await
}

/// Renames a profile.
#[tauri::command]
#[specta::specta]
pub async fn rename_profile(
    state: State<'_, AppState>,
    profile_id: String,
    name: String,
) -> Result<ProfileView, CommandError> {
    let connections = state.connections.clone();
    blocking(move || Ok(connections.rename(&profile_id, &name)?)).await
}

/// Removes a profile and its keychain entries.
#[tauri::command]
#[specta::specta]
pub async fn remove_profile(state: State<'_, AppState>, profile_id: String) -> Result<Removed, CommandError> {
    let connections = state.connections.clone();
    blocking(move || Ok(connections.remove(&profile_id)?)).await
}

/// Shows a device code to sign in with.
#[tauri::command]
#[specta::specta]
pub async fn start_device_code(
    state: State<'_, AppState>,
    profile_id: String,
) -> Result<DeviceCodeView, CommandError> {
    Ok(state.connections.start_device_code(&profile_id).await?)
}

/// Starts a browser sign-in and opens the sign-in page in the system browser.
#[tauri::command]
#[specta::specta]
pub async fn start_browser_sign_in(
    app: AppHandle,
    state: State<'_, AppState>,
    profile_id: String,
) -> Result<BrowserSignInView, CommandError> {
    let started = state.connections.start_browser_sign_in(&profile_id).await?;
    if let Err(e) = app.opener().open_url(&started.authorize_url, None::<&str>) {
        // The page is shown to copy instead; the loopback redirect still waits.
        log::warn!("could not open the system browser: {e}");
    }
    Ok(started)
}

/// Waits until the person has signed in (or declined, or cancelled).
#[tauri::command]
#[specta::specta]
pub async fn finish_sign_in(
    state: State<'_, AppState>,
    sign_in_id: String,
) -> Result<ProfileView, CommandError> {
    Ok(state.connections.finish_sign_in(&sign_in_id).await?)
}

/// Stops waiting for a sign-in.
#[tauri::command]
#[specta::specta]
pub fn cancel_sign_in(state: State<'_, AppState>, sign_in_id: String) -> Result<(), CommandError> {
    state.connections.cancel_sign_in(&sign_in_id);
    Ok(())
}

/// Forgets a profile's sign-in.
#[tauri::command]
#[specta::specta]
pub async fn sign_out(state: State<'_, AppState>, profile_id: String) -> Result<ProfileView, CommandError> {
    let connections = state.connections.clone();
    blocking(move || Ok(connections.sign_out(&profile_id)?)).await
}

/// The tenants the signed-in person belongs to.
#[tauri::command]
#[specta::specta]
pub async fn list_tenants(
    state: State<'_, AppState>,
    profile_id: String,
) -> Result<Vec<TenantView>, CommandError> {
    Ok(state.connections.list_tenants(&profile_id).await?)
}

/// Makes a tenant the profile's tenant.
#[tauri::command]
#[specta::specta]
pub async fn choose_tenant(
    state: State<'_, AppState>,
    profile_id: String,
    tenant_id: String,
) -> Result<ProfileView, CommandError> {
    let connections = state.connections.clone();
    blocking(move || Ok(connections.choose_tenant(&profile_id, &tenant_id)?)).await
}

/// The subscriptions of the profile's tenant.
#[tauri::command]
#[specta::specta]
pub async fn list_subscriptions(
    state: State<'_, AppState>,
    profile_id: String,
) -> Result<Vec<SubscriptionView>, CommandError> {
    Ok(state.connections.list_subscriptions(&profile_id).await?)
}

/// The AI accounts of a subscription, with their saved keys (masked).
#[tauri::command]
#[specta::specta]
pub async fn list_accounts(
    state: State<'_, AppState>,
    profile_id: String,
    subscription_id: String,
) -> Result<Vec<AccountView>, CommandError> {
    Ok(state.connections.list_accounts(&profile_id, &subscription_id).await?)
}

/// Saves the account's key1 from Azure into the keychain.
#[tauri::command]
#[specta::specta]
pub async fn get_keys_from_azure(
    state: State<'_, AppState>,
    profile_id: String,
    account: AccountCoordinates,
) -> Result<SavedKeyView, CommandError> {
    Ok(state.connections.get_keys_from_azure(&profile_id, &account.into()).await?)
}

/// Regenerates a key through Azure and saves the new one.
#[tauri::command]
#[specta::specta]
pub async fn rotate_key(
    state: State<'_, AppState>,
    profile_id: String,
    account: AccountCoordinates,
    key: KeyChoice,
) -> Result<SavedKeyView, CommandError> {
    Ok(state.connections.rotate_key(&profile_id, &account.into(), key).await?)
}

/// Saves a pasted key for an endpoint.
#[tauri::command]
#[specta::specta]
pub async fn save_key(
    state: State<'_, AppState>,
    endpoint: String,
    key: String,
) -> Result<SavedKeyView, CommandError> {
    let connections = state.connections.clone();
    blocking(move || Ok(connections.save_key(&endpoint, &key)?)).await
}

/// Deletes an endpoint's key; false when there was none.
#[tauri::command]
#[specta::specta]
pub async fn delete_key(state: State<'_, AppState>, endpoint: String) -> Result<bool, CommandError> {
    let connections = state.connections.clone();
    blocking(move || Ok(connections.delete_key(&endpoint)?)).await
}

/// What works with a profile: Resource Manager, deployments, inference.
#[tauri::command]
#[specta::specta]
pub async fn check_connection(
    state: State<'_, AppState>,
    profile_id: String,
) -> Result<ConnectionReport, CommandError> {
    Ok(state.connections.check(&profile_id).await?)
}

/// Whether secrets can be kept, and where.
#[tauri::command]
#[specta::specta]
pub async fn keychain_status(state: State<'_, AppState>) -> Result<KeychainStatus, CommandError> {
    let connections = state.connections.clone();
    blocking(move || Ok(connections.keychain_status())).await
}

/// Keeps secrets in memory until the app quits (the keychain cannot be used).
#[tauri::command]
#[specta::specta]
pub fn keep_secrets_for_session(state: State<'_, AppState>) -> Result<KeychainStatus, CommandError> {
    Ok(state.connections.keep_secrets_for_session())
}

/// The deployments of an endpoint's resource, when a profile can see it (else names are typed).
#[tauri::command]
#[specta::specta]
pub async fn find_deployments(
    state: State<'_, AppState>,
    endpoint: String,
) -> Result<Option<FoundDeployments>, CommandError> {
    Ok(state.connections.find_deployments(&endpoint).await?)
}
