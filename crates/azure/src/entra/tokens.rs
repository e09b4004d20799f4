//! What a sign-in yields: an access token for the scope asked, and the refresh token that mints the
//! others. The refresh token belongs in the keychain; access tokens stay in memory.

use std::time::{Duration, SystemTime};

use oauth2::basic::BasicTokenResponse;
use oauth2::TokenResponse;

use crate::token::AccessToken;

/// A refresh token. `Debug` never shows it and there is no `Display`.
#[derive(Clone, PartialEq, Eq)]
pub struct RefreshToken(String);

impl RefreshToken {
    /// Wraps a refresh token (from the keychain, or a sign-in).
    pub fn new(token: impl Into<String>) -> Self {
        Self(token.into())
    }

    /// The token, to store in the keychain or send to Entra.
    pub fn secret(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for RefreshToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RefreshToken(<redacted>)")
    }
}

/// The outcome of a sign-in or a refresh.
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub access_token: AccessToken,
    /// Present when `offline_access` was asked for (rotated on every refresh).
    pub refresh_token: Option<RefreshToken>,
}

impl SignedIn {
    /// From Entra's token answer; `now` is when it was asked for (expiry counts from there).
    pub fn from_response(response: &BasicTokenResponse, now: SystemTime) -> Self {
        // No lifetime given: assume the shortest Entra issues (an hour is typical; 5 min is safe).
        let lifetime = response.expires_in().unwrap_or(Duration::from_secs(300));
        Self {
            access_token: AccessToken::new(response.access_token().secret().clone(), Some(now + lifetime)),
            refresh_token: response.refresh_token().map(|t| RefreshToken::new(t.secret().clone())),
        }
    }
}
