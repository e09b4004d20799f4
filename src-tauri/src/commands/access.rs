//! Access control: each command is one call into `foundry_desk_core::connections`.

use foundry_desk_core::access::{
    AccessReport, AssignmentView, KeyAuthImpact, MyAccess, PrincipalSearch, PrincipalView,
};
use foundry_desk_core::connections::{AccountView, ProfileView};
use tauri::State;

use super::connections::AccountCoordinates;
use crate::error::CommandError;
use crate::state::AppState;

/// Who has which role on an account, and whether it accepts keys.
#[tauri::command]
#[specta::specta]
pub async fn access_report(
    state: State<'_, AppState>,
    profile_id: String,
    account: AccountCoordinates,
) -> Result<AccessReport, CommandError> {
    Ok(state.connections.access_report(&profile_id, &account.into()).await?)
}

/// People, groups and apps to grant a role to, by the start of a name or e-mail, or an object id.
#[tauri::command]
#[specta::specta]
pub async fn find_principals(
    state: State<'_, AppState>,
    profile_id: String,
    query: String,
) -> Result<PrincipalSearch, CommandError> {
    Ok(state.connections.find_principals(&profile_id, &query).await?)
}

/// Gives a principal a role on the account.
#[tauri::command]
#[specta::specta]
pub async fn grant_role(
    state: State<'_, AppState>,
    profile_id: String,
    account: AccountCoordinates,
    principal: PrincipalView,
    role_id: String,
) -> Result<AssignmentView, CommandError> {
    Ok(state.connections.grant_role(&profile_id, &account.into(), &principal, &role_id).await?)
}

/// Removes a role assignment made on the account; `false` when it was already gone.
#[tauri::command]
#[specta::specta]
pub async fn revoke_role(
    state: State<'_, AppState>,
    profile_id: String,
    account: AccountCoordinates,
    assignment_id: String,
) -> Result<bool, CommandError> {
    Ok(state.connections.revoke_role(&profile_id, &account.into(), &assignment_id).await?)
}

/// What the signed-in person can do on the account, and which role adds what is missing.
#[tauri::command]
#[specta::specta]
pub async fn my_access(
    state: State<'_, AppState>,
    profile_id: String,
    account: AccountCoordinates,
) -> Result<MyAccess, CommandError> {
    Ok(state.connections.my_access(&profile_id, &account.into()).await?)
}

/// The saved keys and profiles that stop working if the account refuses keys.
#[tauri::command]
#[specta::specta]
pub async fn key_auth_impact(
    state: State<'_, AppState>,
    profile_id: String,
    account: AccountCoordinates,
) -> Result<KeyAuthImpact, CommandError> {
    Ok(state.connections.key_auth_impact(&profile_id, &account.into()).await?)
}

/// Makes the account accept keys again, or refuse them (only Entra sign-in then works).
#[tauri::command]
#[specta::specta]
pub async fn set_key_auth(
    state: State<'_, AppState>,
    profile_id: String,
    account: AccountCoordinates,
    keys_accepted: bool,
) -> Result<AccountView, CommandError> {
    Ok(state.connections.set_key_auth(&profile_id, &account.into(), keys_accepted).await?)
}

/// Makes an endpoint + key profile sign in through another profile instead of its key (`null`: the
/// key again).
#[tauri::command]
#[specta::specta]
pub async fn use_entra_sign_in(
    state: State<'_, AppState>,
    profile_id: String,
    sign_in_profile_id: Option<String>,
) -> Result<ProfileView, CommandError> {
    Ok(state.connections.use_entra_sign_in(&profile_id, sign_in_profile_id.as_deref())?)
}
