//! Where bearer tokens come from. The sign-in flows (browser, device code, Azure CLI) arrive later as
//! more sources behind the same trait; for now a static token.

use std::future::Future;
use std::pin::Pin;
use std::time::SystemTime;

use crate::error::AzureError;

/// A boxed future, so token sources can be used as `dyn TokenSource`.
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// A bearer token. `Debug` never shows it.
#[derive(Clone)]
pub struct AccessToken {
    secret: String,
    /// When it stops working, when known.
    pub expires_on: Option<SystemTime>,
}

impl AccessToken {
    /// Wraps a token.
    pub fn new(secret: impl Into<String>, expires_on: Option<SystemTime>) -> Self {
        Self { secret: secret.into(), expires_on }
    }

    /// The token itself, for the `Authorization` header.
    pub fn secret(&self) -> &str {
        &self.secret
    }
}

impl std::fmt::Debug for AccessToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AccessToken")
            .field("secret", &"<redacted>")
            .field("expires_on", &self.expires_on)
            .finish()
    }
}

/// Gives a token for a scope (e.g. `https://management.azure.com/.default`).
pub trait TokenSource: Send + Sync {
    /// A token valid now for `scope`.
    fn token<'a>(&'a self, scope: &'a str) -> BoxFuture<'a, Result<AccessToken, AzureError>>;
}

/// One fixed token for every scope (e.g. `FDESK_ARM_TOKEN`, or the simulator, which accepts any).
pub struct StaticToken(AccessToken);

impl StaticToken {
    /// A source that always answers `token`.
    pub fn new(token: impl Into<String>) -> Self {
        Self(AccessToken::new(token, None))
    }
}

impl TokenSource for StaticToken {
    fn token<'a>(&'a self, _scope: &'a str) -> BoxFuture<'a, Result<AccessToken, AzureError>> {
        Box::pin(async move { Ok(self.0.clone()) })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_the_token() {
        let token = AccessToken::new("eyJ0eXAi.secret.part", None);
        assert!(!format!("{token:?}").contains("secret.part"));
    }
}
