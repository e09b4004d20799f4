//! Where a resource's provisioning stands, and the body of an asynchronous-operation poll.

use serde::{Deserialize, Serialize};

use super::arm_error::ArmErrorDetail;
use super::open_enum::open_enum;

open_enum! {
    /// A resource's `provisioningState`, also the `status` of an Azure-AsyncOperation poll.
    ProvisioningState {
        /// Accepted; work has not started.
        Accepted => "Accepted",
        /// Being created.
        Creating => "Creating",
        /// Being updated.
        Updating => "Updating",
        /// Being deleted.
        Deleting => "Deleting",
        /// An asynchronous operation still running.
        InProgress => "InProgress",
        /// Done, and it worked.
        Succeeded => "Succeeded",
        /// Done, and it failed.
        Failed => "Failed",
        /// Done: someone cancelled it.
        Canceled => "Canceled",
    }
}

impl ProvisioningState {
    /// Whether the operation is over (Succeeded, Failed, Canceled), whatever the casing.
    pub fn is_terminal(&self) -> bool {
        matches!(self.canonical(), Self::Succeeded | Self::Failed | Self::Canceled)
    }
}

/// The body of an `Azure-AsyncOperation` poll.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OperationStatus {
    /// Where the operation stands; real polls say e.g. "Creating" before "Succeeded".
    pub status: ProvisioningState,
    /// Why it failed, when it did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<ArmErrorDetail>,
    /// The operation's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The operation's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// When it started (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_time: Option<String>,
    /// When it ended (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_time: Option<String>,
    /// Progress in percent, when the service reports it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percent_complete: Option<f64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_states_ignore_casing() {
        for terminal in ["Succeeded", "succeeded", "FAILED", "Canceled", "canceled"] {
            assert!(ProvisioningState::from(terminal).is_terminal(), "{terminal}");
        }
        for running in ["Accepted", "Creating", "creating", "InProgress", "Moving"] {
            assert!(!ProvisioningState::from(running).is_terminal(), "{running}");
        }
    }

    #[test]
    fn poll_body_with_error_decodes() {
        let body = r#"{"status":"Failed","error":{"code":"InsufficientQuota","message":"no"},
                       "startTime":"2026-01-01T00:00:00Z"}"#;
        let status: OperationStatus = serde_json::from_str(body).unwrap();
        assert_eq!(status.status, ProvisioningState::Failed);
        assert_eq!(status.error.map(|e| e.code), Some("InsufficientQuota".to_owned()));
        assert_eq!(status.start_time.as_deref(), Some("2026-01-01T00:00:00Z"));
    }

    #[test]
    fn minimal_poll_body_decodes() {
        let status: OperationStatus = serde_json::from_str(r#"{"status":"Creating"}"#).unwrap();
        assert_eq!(status.status, ProvisioningState::Creating);
        assert!(!status.status.is_terminal());
        assert_eq!(serde_json::to_string(&status).unwrap(), r#"{"status":"Creating"}"#);
    }
}
