//! The one error type every command returns. The UI switches on `kind`, never on the message.

use foundry_azure::{AzureError, ErrorKind as AzureKind};
use foundry_desk_core::connections::ConnectionError;
use foundry_desk_core::playground::PresetError;
use foundry_desk_core::secrets::SecretError;
use foundry_desk_core::settings::{FieldProblem, SettingsError};
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
    /// The Azure role that would have allowed a refused call.
    pub missing_role: Option<&'static str>,
    /// Values that were not allowed, each by its field, for the form to show next to it.
    #[serde(default)]
    pub fields: Box<[FieldProblem]>,
}

/// What went wrong, as the UI needs to tell it apart. Add a kind only when the UI handles it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum ErrorKind {
    /// Saved settings could not be read or written.
    Settings,
    /// Something typed is not usable (the message says what to type); a name already taken.
    Input,
    /// The keychain is unavailable or locked: offer "keep for this session only".
    Keychain,
    /// The profile must sign in (again): offer "Sign in again".
    SignInRequired,
    /// Azure refused: not signed in, or a role is missing (`missingRole`).
    Forbidden,
    /// What was asked for does not exist (any more).
    NotFound,
    /// Azure is busy: wait `retryAfterSecs`.
    Throttled,
    /// Azure could not be reached.
    Network,
    /// The person cancelled (a sign-in).
    Cancelled,
    /// Any other answer from Azure; `code` and `message` are Azure's.
    Azure,
    /// A fault in the app itself.
    Internal,
}

impl CommandError {
    /// An error without Azure details.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            message: message.into(),
            code: None,
            request_id: None,
            retry_after_secs: None,
            missing_role: None,
            fields: Box::default(),
        }
    }
}

impl From<AzureError> for CommandError {
    fn from(error: AzureError) -> Self {
        let kind = match error.kind {
            AzureKind::Auth | AzureKind::Forbidden => ErrorKind::Forbidden,
            AzureKind::NotFound => ErrorKind::NotFound,
            AzureKind::Throttled | AzureKind::Quota => ErrorKind::Throttled,
            AzureKind::Network | AzureKind::Timeout => ErrorKind::Network,
            AzureKind::Cancelled => ErrorKind::Cancelled,
            AzureKind::InvalidRequest => ErrorKind::Input,
            _ => ErrorKind::Azure,
        };
        Self {
            kind,
            message: error.to_string(),
            code: error.code.clone(),
            request_id: error.request_id.clone(),
            retry_after_secs: error.retry_after.map(|d| u32::try_from(d.as_secs()).unwrap_or(u32::MAX)),
            missing_role: error.missing_role,
            fields: Box::default(),
        }
    }
}

impl From<ConnectionError> for CommandError {
    fn from(error: ConnectionError) -> Self {
        match error {
            ConnectionError::Azure(e) => e.into(),
            ConnectionError::Settings(e) => e.into(),
            ConnectionError::Secret(e) => e.into(),
            ConnectionError::Key(foundry_desk_core::endpoint_keys::KeyError::Store(e)) => e.into(),
            ConnectionError::SignInRequired(_) => Self::new(ErrorKind::SignInRequired, error.to_string()),
            ConnectionError::Profile(foundry_desk_core::profiles::ProfileError::NotFound(_)) => {
                Self::new(ErrorKind::NotFound, error.to_string())
            }
            ConnectionError::Profile(foundry_desk_core::profiles::ProfileError::File { .. }) => {
                Self::new(ErrorKind::Settings, error.to_string())
            }
            ConnectionError::NoSuchSignIn => Self::new(ErrorKind::Cancelled, error.to_string()),
            _ => Self::new(ErrorKind::Input, error.to_string()),
        }
    }
}

impl From<SecretError> for CommandError {
    fn from(error: SecretError) -> Self {
        let what_to_do = match &error {
            SecretError::Unavailable { .. } => {
                " Install and start a keyring (GNOME Keyring or KWallet), or keep secrets for this session only."
            }
            SecretError::Locked { .. } => " Unlock your keyring, or keep secrets for this session only.",
            _ => "",
        };
        Self::new(ErrorKind::Keychain, format!("{error}.{what_to_do}"))
    }
}

impl From<SettingsError> for CommandError {
    fn from(error: SettingsError) -> Self {
        let message = error.to_string();
        match error {
            SettingsError::Invalid(fields) => {
                Self { fields: fields.into(), ..Self::new(ErrorKind::Input, message) }
            }
            // A file to import that is not one: the person picks another.
            SettingsError::Import(_) => Self::new(ErrorKind::Input, message),
            // The app's own file.
            SettingsError::Corrupt(_)
            | SettingsError::TooNew { .. }
            | SettingsError::ReadOnly(_)
            | SettingsError::Io { .. } => Self::new(ErrorKind::Settings, message),
        }
    }
}

impl From<PresetError> for CommandError {
    fn from(error: PresetError) -> Self {
        let kind = match error {
            PresetError::NoName | PresetError::NameTaken(_) => ErrorKind::Input,
            PresetError::NotFound(_) => ErrorKind::NotFound,
            _ => ErrorKind::Settings,
        };
        Self::new(kind, error.to_string())
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
            serde_json::json!({"kind": "settings", "message": "bad file", "code": null, "requestId": null, "retryAfterSecs": null, "missingRole": null, "fields": []})
        );
    }

    #[test]
    fn values_not_allowed_are_named_by_field_for_the_form() {
        let problem = FieldProblem {
            field: "network.requestTimeoutSecs".into(),
            message: "1 s is outside 5 to 600 seconds".into(),
        };
        let error = CommandError::from(SettingsError::Invalid(vec![problem]));
        let json = serde_json::to_value(&error).expect("json");
        assert_eq!(json["kind"], "input");
        assert_eq!(json["message"], "network.requestTimeoutSecs: 1 s is outside 5 to 600 seconds");
        assert_eq!(json["fields"][0]["field"], "network.requestTimeoutSecs");
    }
}
