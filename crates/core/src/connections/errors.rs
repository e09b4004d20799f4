//! Why a connection action failed, kept typed so the shell can tell the UI what to offer.

use foundry_azure::AzureError;

use crate::endpoint_keys::KeyError;
use crate::profiles::ProfileError;
use crate::secrets::SecretError;
use crate::settings::SettingsError;
use crate::sign_in::SignInError;

/// A failed connection action. Messages never hold a secret.
#[derive(Debug, thiserror::Error)]
pub enum ConnectionError {
    /// Something typed is not usable; the message says what to type.
    #[error("{0}")]
    Input(String),
    #[error(transparent)]
    Profile(#[from] ProfileError),
    #[error(transparent)]
    Key(#[from] KeyError),
    #[error(transparent)]
    Secret(#[from] SecretError),
    /// The profile must (again) sign in before it can do this.
    #[error("'{0}' needs you to sign in again: its sign-in expired or was revoked")]
    SignInRequired(String),
    /// The action needs another kind of profile.
    #[error("{0}")]
    WrongKind(String),
    /// No sign-in is waiting under this id (finished, cancelled or never started).
    #[error("this sign-in is no longer waiting: start it again")]
    NoSuchSignIn,
    #[error("{0}")]
    Azure(#[from] AzureError),
    /// Settings that cannot be used (`SettingsError::Invalid` names each field), or a CA file that
    /// cannot be read; nothing was applied.
    #[error(transparent)]
    Settings(#[from] SettingsError),
}

impl From<SignInError> for ConnectionError {
    fn from(error: SignInError) -> Self {
        match error {
            SignInError::NotAnAccount(name) => {
                Self::WrongKind(format!("'{name}' is not an Azure account profile"))
            }
            SignInError::SignedOut(name) => Self::SignInRequired(name),
            SignInError::Cloud(reason) => {
                Self::Input(format!("the cloud's addresses are not usable: {reason}"))
            }
            SignInError::Store(e) => Self::Secret(e),
            SignInError::Azure(e) => Self::Azure(e),
        }
    }
}
