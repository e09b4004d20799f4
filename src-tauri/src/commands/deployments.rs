//! The Deployments screen's commands: each is one call into `foundry_desk_core::connections`.

use foundry_azure::lro::{LroHandle, LroProgress};
use foundry_desk_core::connections::{ChangeReview, Review};
use foundry_desk_core::deployment_plan::{DeploymentChange, DeploymentRow, NamedQuota, PlanFacts};
use foundry_desk_core::deployments::DeploymentDraft;
use serde::Serialize;
use tauri::ipc::Channel;
use tauri::State;

use super::connections::AccountCoordinates;
use crate::error::CommandError;
use crate::state::AppState;

/// How a create or change is going, as Azure's operation reports it.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct OperationProgress {
    /// Azure's status word: Accepted, Creating, Succeeded, Throttled…
    pub status: String,
    pub polls: u32,
}

/// An account's deployments as table rows.
#[tauri::command]
#[specta::specta]
pub async fn list_deployment_rows(
    state: State<'_, AppState>,
    profile_id: String,
    account: AccountCoordinates,
) -> Result<Vec<DeploymentRow>, CommandError> {
    Ok(state.connections.deployment_rows(&profile_id, &account.into()).await?)
}

/// What the wizard needs to know about an account: models, quota, names taken, content filters.
#[tauri::command]
#[specta::specta]
pub async fn deployment_plan_facts(
    state: State<'_, AppState>,
    profile_id: String,
    account: AccountCoordinates,
) -> Result<PlanFacts, CommandError> {
    Ok(state.connections.plan_facts(&profile_id, &account.into()).await?)
}

/// Checks a draft and shows the exact request and the `az` command.
#[tauri::command]
#[specta::specta]
pub async fn review_deployment(
    state: State<'_, AppState>,
    profile_id: String,
    account: AccountCoordinates,
    draft: DeploymentDraft,
) -> Result<Review, CommandError> {
    Ok(state.connections.review(&profile_id, &account.into(), &draft).await?)
}

/// Creates a deployment, reporting the operation's progress on `progress` until it is done.
#[tauri::command]
#[specta::specta]
pub async fn create_deployment(
    state: State<'_, AppState>,
    profile_id: String,
    account: AccountCoordinates,
    draft: DeploymentDraft,
    progress: Channel<OperationProgress>,
) -> Result<DeploymentRow, CommandError> {
    let handle = reporting_to(progress);
    Ok(state.connections.create_deployment(&profile_id, &account.into(), &draft, &handle).await?)
}

/// Deletes a deployment once its name is typed to confirm.
#[tauri::command]
#[specta::specta]
pub async fn delete_deployment(
    state: State<'_, AppState>,
    profile_id: String,
    account: AccountCoordinates,
    name: String,
    confirm_name: String,
) -> Result<(), CommandError> {
    Ok(state.connections.delete_deployment(&profile_id, &account.into(), &name, &confirm_name).await?)
}

/// Checks a change to a deployment and shows the exact request it would send.
#[tauri::command]
#[specta::specta]
pub async fn review_deployment_change(
    state: State<'_, AppState>,
    profile_id: String,
    account: AccountCoordinates,
    name: String,
    change: DeploymentChange,
) -> Result<ChangeReview, CommandError> {
    Ok(state.connections.review_change(&profile_id, &account.into(), &name, &change).await?)
}

/// Changes a deployment (type, capacity, version, upgrade policy, paused), reporting progress.
#[tauri::command]
#[specta::specta]
pub async fn change_deployment(
    state: State<'_, AppState>,
    profile_id: String,
    account: AccountCoordinates,
    name: String,
    change: DeploymentChange,
    progress: Channel<OperationProgress>,
) -> Result<DeploymentRow, CommandError> {
    let handle = reporting_to(progress);
    Ok(state.connections.change_deployment(&profile_id, &account.into(), &name, &change, &handle).await?)
}

/// A region's quota by usage name.
#[tauri::command]
#[specta::specta]
pub async fn region_quotas(
    state: State<'_, AppState>,
    profile_id: String,
    subscription: String,
    location: String,
) -> Result<Vec<NamedQuota>, CommandError> {
    Ok(state.connections.region_quotas(&profile_id, &subscription, &location).await?)
}

/// An operation handle that forwards Azure's progress to the window.
fn reporting_to(progress: Channel<OperationProgress>) -> LroHandle {
    LroHandle::with_progress(move |p: LroProgress| {
        // A window that went away no longer listens; the operation goes on.
        let _ = progress.send(OperationProgress { status: p.status, polls: p.polls });
    })
}
