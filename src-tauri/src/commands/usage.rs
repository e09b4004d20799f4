//! Usage and prices: each is one call into `foundry_desk_core::connections`.

use foundry_desk_core::conversations::ConversationTarget;
use foundry_desk_core::usage::{PriceQuote, UsageRange, UsageReport};
use tauri::State;

use super::connections::AccountCoordinates;
use crate::error::CommandError;
use crate::state::AppState;

/// What each deployment of an account served over a period, how close to its limit, and its cost.
#[tauri::command]
#[specta::specta]
pub async fn usage_report(
    state: State<'_, AppState>,
    profile_id: String,
    account: AccountCoordinates,
    range: UsageRange,
) -> Result<UsageReport, CommandError> {
    Ok(state.connections.usage_report(&profile_id, &account.into(), range).await?)
}

/// What a deployment of this model, version, SKU and capacity would cost (the wizard's review).
#[tauri::command]
#[specta::specta]
pub async fn deployment_price(
    state: State<'_, AppState>,
    profile_id: String,
    account: AccountCoordinates,
    model_name: String,
    model_version: Option<String>,
    sku_name: String,
    capacity: u32,
) -> Result<PriceQuote, CommandError> {
    let model = (model_name.as_str(), model_version.as_deref());
    Ok(state.connections.deployment_price(&profile_id, &account.into(), model, &sku_name, capacity).await?)
}

/// The prices of the deployment a conversation talks to, for each answer's cost.
#[tauri::command]
#[specta::specta]
pub async fn answer_price(
    state: State<'_, AppState>,
    target: ConversationTarget,
) -> Result<PriceQuote, CommandError> {
    Ok(state.connections.answer_price(&target).await?)
}
