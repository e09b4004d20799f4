//! Where secrets live: the OS keychain, or (when none is reachable and the user agrees) this session's memory.
//!
//! Keys and tokens never leave Rust: callers get a [`Secret`], which redacts itself in `Debug`, has no
//! `Display` and cannot be serialized, so it cannot slip into a log line, an error or an IPC answer.

mod fallback;
mod keychain;
mod memory;

pub use fallback::FallbackStore;
pub use keychain::KeychainStore;
pub use memory::MemoryStore;

use secrecy::{ExposeSecret, SecretString};
use serde::Serialize;

/// A secret value (API key, refresh token). Zeroed on drop; `Debug` prints `Secret(<redacted>)`.
#[derive(Clone)]
pub struct Secret(SecretString);

impl Secret {
    /// Wraps a secret the user typed or a service returned.
    pub fn new(value: impl Into<String>) -> Self {
        Self(SecretString::from(value.into()))
    }

    /// The secret itself, for the one place that must send it (an HTTP header, the keychain).
    pub fn expose(&self) -> &str {
        self.0.expose_secret()
    }

    /// The last four characters, which the UI may show to tell keys apart.
    pub fn last4(&self) -> String {
        let chars: Vec<char> = self.expose().chars().collect();
        chars[chars.len().saturating_sub(4)..].iter().collect()
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(<redacted>)")
    }
}

/// The name of one secret inside the app's keychain namespace, e.g. `endpoint-key:https://x.openai.azure.com`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SecretKey(String);

impl SecretKey {
    /// A key name; it is not secret and may be logged.
    pub fn new(name: impl Into<String>) -> Self {
        Self(name.into())
    }

    /// The name as stored (the keychain entry's account/user field).
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for SecretKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Why a secret could not be read, written or deleted. Messages never contain the secret.
#[derive(Debug, thiserror::Error)]
pub enum SecretError {
    /// No keychain service answers (on Linux: no Secret Service on the session bus).
    #[error("no keychain is reachable ({backend}): {reason}")]
    Unavailable { backend: &'static str, reason: String },
    /// The keychain is there but locked, or the user refused access.
    #[error("the keychain ({backend}) is locked or refused access: {reason}")]
    Locked { backend: &'static str, reason: String },
    /// Nothing is saved under this name.
    #[error("no secret is saved for {0}")]
    Missing(SecretKey),
    /// The keychain answered with an error of its own.
    #[error("the keychain ({backend}) failed: {reason}")]
    Platform { backend: &'static str, reason: String },
}

/// Whether a secret store can be used right now, and which one it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct KeychainStatus {
    /// Human name of the store: "Secret Service", "macOS Keychain", "Windows Credential Manager", "Session memory".
    pub backend: String,
    pub state: KeychainState,
    /// Why it is locked or unavailable, or a note about the store.
    pub detail: Option<String>,
}

/// The three states a user needs to tell apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum KeychainState {
    Unlocked,
    Locked,
    Unavailable,
}

impl std::fmt::Display for KeychainStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let state = match self.state {
            KeychainState::Unlocked => "unlocked",
            KeychainState::Locked => "locked",
            KeychainState::Unavailable => "unavailable",
        };
        write!(f, "{} ({state})", self.backend)?;
        if let Some(detail) = &self.detail {
            write!(f, ": {detail}")?;
        }
        Ok(())
    }
}

/// A place to keep secrets. Calls may block (D-Bus, Keychain prompts): run them off the UI thread.
pub trait SecretStore: Send + Sync {
    /// Whether the store is reachable and unlocked; never prompts the user.
    fn status(&self) -> KeychainStatus;
    /// The secret saved under `key`, or `None` when there is none.
    fn get(&self, key: &SecretKey) -> Result<Option<Secret>, SecretError>;
    /// Saves `secret` under `key`, replacing what was there.
    fn set(&self, key: &SecretKey, secret: &Secret) -> Result<(), SecretError>;
    /// Removes the secret under `key`; [`SecretError::Missing`] when there was none.
    fn delete(&self, key: &SecretKey) -> Result<(), SecretError>;
}

#[cfg(test)]
mod tests {
    use super::*;

    static_assertions::assert_not_impl_any!(Secret: Serialize, std::fmt::Display);

    #[test]
    fn debug_never_shows_the_secret() {
        let secret = Secret::new("sk-very-secret-1234");
        let wrapped = Some(vec![secret.clone()]);
        let printed = format!("{secret:?} {wrapped:?} {:#?}", secret);
        assert!(!printed.contains("very-secret"), "{printed}");
        assert!(printed.contains("<redacted>"));
        assert_eq!(secret.expose(), "sk-very-secret-1234");
    }

    #[test]
    fn last4_is_the_tail_even_for_short_or_multibyte_secrets() {
        assert_eq!(Secret::new("abcdef1234").last4(), "1234");
        assert_eq!(Secret::new("ab").last4(), "ab");
        assert_eq!(Secret::new("kéy€ÿ").last4(), "éy€ÿ");
    }

    #[test]
    fn status_reads_like_the_about_panel() {
        let status =
            KeychainStatus { backend: "Secret Service".into(), state: KeychainState::Unlocked, detail: None };
        assert_eq!(status.to_string(), "Secret Service (unlocked)");
    }
}
