//! The Playground's commands: targets, a streamed answer on a Channel, Stop, the Sandbox's simulated
//! problems, history, presets and "View code" — each one call into `foundry_desk_core`.

use foundry_desk_core::conversations::ConversationMessage;
use foundry_desk_core::conversations::{
    Conversation, ConversationSummary, ConversationTarget, ExportFormat, PlaygroundParameters,
};
use foundry_desk_core::playground::{
    CodeSnippet, ParameterRules, PlaygroundEvent, Preset, ProfileTargets, SendOutcome, SendRequest,
    SimulatedProblem,
};
use tauri::ipc::Channel;
use tauri::State;

use super::blocking;
use crate::error::{CommandError, ErrorKind};
use crate::state::AppState;

/// Every profile's chat deployments.
#[tauri::command]
#[specta::specta]
pub async fn playground_targets(state: State<'_, AppState>) -> Result<Vec<ProfileTargets>, CommandError> {
    Ok(state.connections.playground_targets().await?)
}

/// What the parameters panel offers for a model (a saved conversation's, whose deployment is gone).
#[tauri::command]
#[specta::specta]
pub fn parameter_rules(
    model: Option<String>,
    model_version: Option<String>,
) -> Result<ParameterRules, CommandError> {
    Ok(ParameterRules::for_model(model.as_deref(), model_version.as_deref()))
}

/// Sends the question ending `request.messages`; text arrives on `events` as it streams.
#[tauri::command]
#[specta::specta]
pub async fn send_chat(
    state: State<'_, AppState>,
    request: SendRequest,
    events: Channel<PlaygroundEvent>,
) -> Result<SendOutcome, CommandError> {
    let sink = move |event| {
        // A closed window drops its channel; the answer is still returned.
        let _ = events.send(event);
    };
    Ok(state.connections.send_chat(&state.runs, request, sink).await)
}

/// Stops a streaming answer; false when it had already ended.
#[tauri::command]
#[specta::specta]
pub fn stop_chat(state: State<'_, AppState>, run_id: String) -> Result<bool, CommandError> {
    Ok(state.runs.stop(&run_id))
}

/// Makes the Sandbox produce `problem` on the next answer from `target`'s resource.
#[tauri::command]
#[specta::specta]
pub async fn simulate_problem(
    state: State<'_, AppState>,
    target: ConversationTarget,
    problem: SimulatedProblem,
) -> Result<(), CommandError> {
    Ok(state.connections.simulate(&target, problem).await?)
}

/// The saved conversations, newest first; those matching `query` when it is not empty.
#[tauri::command]
#[specta::specta]
pub async fn list_conversations(
    state: State<'_, AppState>,
    query: String,
) -> Result<Vec<ConversationSummary>, CommandError> {
    let store = state.conversations();
    // A blank query lists them all.
    blocking(move || store.search(&query).map_err(history_error)).await
}

/// A saved conversation.
#[tauri::command]
#[specta::specta]
pub async fn load_conversation(state: State<'_, AppState>, id: String) -> Result<Conversation, CommandError> {
    let store = state.conversations();
    blocking(move || store.load(&id).map_err(history_error)).await
}

/// Saves a conversation (atomically: the previous version stays whole until the new one is on disk).
#[tauri::command]
#[specta::specta]
pub async fn save_conversation(
    state: State<'_, AppState>,
    conversation: Conversation,
) -> Result<ConversationSummary, CommandError> {
    let store = state.conversations();
    blocking(move || {
        store.save(&conversation).map_err(history_error)?;
        Ok(conversation.summary())
    })
    .await
}

/// Renames a conversation.
#[tauri::command]
#[specta::specta]
pub async fn rename_conversation(
    state: State<'_, AppState>,
    id: String,
    title: String,
) -> Result<ConversationSummary, CommandError> {
    let store = state.conversations();
    blocking(move || store.rename(&id, &title).map(|c| c.summary()).map_err(history_error)).await
}

/// Deletes a conversation.
#[tauri::command]
#[specta::specta]
pub async fn delete_conversation(state: State<'_, AppState>, id: String) -> Result<(), CommandError> {
    let store = state.conversations();
    blocking(move || store.delete(&id).map_err(history_error)).await
}

/// Writes a conversation to the Downloads folder as Markdown or JSON; returns the file's path.
#[tauri::command]
#[specta::specta]
pub async fn export_conversation(
    state: State<'_, AppState>,
    id: String,
    format: ExportFormat,
) -> Result<String, CommandError> {
    let store = state.conversations();
    let dir = state.paths.export_dir();
    blocking(move || {
        let path = store.export(&id, format, &dir).map_err(history_error)?;
        Ok(path.display().to_string())
    })
    .await
}

/// The presets of one deployment.
#[tauri::command]
#[specta::specta]
pub async fn list_presets(
    state: State<'_, AppState>,
    target: ConversationTarget,
) -> Result<Vec<Preset>, CommandError> {
    let store = state.presets.clone();
    blocking(move || store.for_target(&target).map_err(CommandError::from)).await
}

/// Saves `parameters` as the preset `name` of a deployment (a preset of that name is replaced).
#[tauri::command]
#[specta::specta]
pub async fn save_preset(
    state: State<'_, AppState>,
    target: ConversationTarget,
    name: String,
    parameters: PlaygroundParameters,
) -> Result<Preset, CommandError> {
    let store = state.presets.clone();
    let now = now_ms();
    blocking(move || store.save(&target, &name, parameters, now).map_err(CommandError::from)).await
}

/// Every deployment's presets (the Settings screen's list).
#[tauri::command]
#[specta::specta]
pub async fn list_all_presets(state: State<'_, AppState>) -> Result<Vec<Preset>, CommandError> {
    let store = state.presets.clone();
    blocking(move || store.list().map_err(CommandError::from)).await
}

/// Changes a preset's name and parameters.
#[tauri::command]
#[specta::specta]
pub async fn update_preset(
    state: State<'_, AppState>,
    id: String,
    name: String,
    parameters: PlaygroundParameters,
) -> Result<Preset, CommandError> {
    let store = state.presets.clone();
    let now = now_ms();
    blocking(move || store.update(&id, &name, parameters, now).map_err(CommandError::from)).await
}

/// Copies a preset under a free name.
#[tauri::command]
#[specta::specta]
pub async fn duplicate_preset(state: State<'_, AppState>, id: String) -> Result<Preset, CommandError> {
    let store = state.presets.clone();
    let now = now_ms();
    blocking(move || store.duplicate(&id, now).map_err(CommandError::from)).await
}

/// Deletes a preset.
#[tauri::command]
#[specta::specta]
pub async fn delete_preset(state: State<'_, AppState>, id: String) -> Result<bool, CommandError> {
    let store = state.presets.clone();
    blocking(move || store.delete(&id).map_err(CommandError::from)).await
}

fn now_ms() -> f64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0.0, |d| d.as_millis() as f64)
}

pub(super) fn history_error(error: foundry_desk_core::conversations::StoreError) -> CommandError {
    let kind = match error {
        foundry_desk_core::conversations::StoreError::NotFound(_) => ErrorKind::NotFound,
        _ => ErrorKind::Settings,
    };
    CommandError::new(kind, error.to_string())
}

/// The conversation and parameters as curl, Python, JavaScript and Rust, the key as an environment
/// variable.
#[tauri::command]
#[specta::specta]
pub fn view_code(
    state: State<'_, AppState>,
    target: ConversationTarget,
    parameters: PlaygroundParameters,
    messages: Vec<ConversationMessage>,
) -> Result<Vec<CodeSnippet>, CommandError> {
    Ok(state.connections.view_code(&target, &parameters, &messages)?)
}
