//! The one error type every command returns. The UI switches on `kind`, never on the message.

use foundry_desk_core::settings::SettingsError;
use serde::Serialize;

/// An error the UI can act on: what kind, what to tell the user, and Azure's code and request id when
/// Azure was involved.
#[derive(Debug, Serialize, specta::Type, thiserror::Error)]
#[serde(rename_all = "camelCase")]
#[error("{message}")]
pub struct CommandError {
    pub kind: ErrorKind,
    /// A sentence for the user, saying what happened and what to do.
    pub message: String,
    /// Azure's error code, verbatim.
    pub code: Option<String>,
    /// Azure's request id, to quote to support.
    pub request_id: Option<String>,
    /// How long to wait before trying again, when the server said.
    pub retry_after_secs: Option<u32>,
}

/// What went wrong, as the UI needs to tell it apart. Add a kind only when the UI handles it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum ErrorKind {
    /// Saved settings could not be read or written.
    Settings,
    /// A fault in the app itself.
    Internal,
}

impl CommandError {
    /// An error without Azure details.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Self { kind, message: message.into(), code: None, request_id: None, retry_after_secs: None }
    }
}

impl From<SettingsError> for CommandError {
    fn from(error: SettingsError) -> Self {
        Self::new(ErrorKind::Settings, error.to_string())
    }
}

impl From<tauri::Error> for CommandError {
    fn from(error: tauri::Error) -> Self {
        Self::new(ErrorKind::Internal, error.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serializes_as_the_ui_expects() {
        let json = serde_json::to_value(CommandError::new(ErrorKind::Settings, "bad file")).expect("json");
        assert_eq!(
            json,
            serde_json::json!({"kind": "settings", "message": "bad file", "code": null, "requestId": null, "retryAfterSecs": null})
        );
    }
}
