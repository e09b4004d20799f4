//! A token source over a refresh token: access tokens per scope kept in memory and refreshed ahead of
//! their expiry; the rotated refresh token handed to the caller to keep (in the keychain). One refresh
//! token serves every tenant of the account: [`RefreshingTokenSource::for_tenant`].

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use oauth2::{RefreshToken as OAuthRefreshToken, Scope};

use super::authority::Authority;
use super::errors::entra_error;
use super::tokens::{RefreshToken, SignedIn};
use crate::error::{AzureError, ErrorKind};
use crate::token::{AccessToken, BoxFuture, TokenSource};

/// Called with each new refresh token, to store it.
pub type OnRotate = Arc<dyn Fn(&RefreshToken) + Send + Sync>;

/// Tokens for one tenant from a (shared) refresh token.
pub struct RefreshingTokenSource {
    authority: Authority,
    client_id: String,
    http: reqwest::Client,
    refresh: Arc<Mutex<RefreshToken>>,
    on_rotate: Option<OnRotate>,
    cache: Mutex<HashMap<String, AccessToken>>,
    /// One refresh at a time: concurrent callers wait and then find the fresh token cached.
    refreshing: tokio::sync::Mutex<()>,
    /// Refresh this long before a token expires, so no request goes out with a dying token.
    pub margin: Duration,
}

impl RefreshingTokenSource {
    /// A source for `authority`'s tenant, refreshing over `http` (a sign-in client: see
    /// [`crate::network::NetworkOptions::sign_in_client`]); `on_rotate` keeps each new refresh token.
    pub fn new(
        http: reqwest::Client,
        authority: Authority,
        client_id: &str,
        refresh: RefreshToken,
        on_rotate: Option<OnRotate>,
    ) -> Self {
        Self {
            authority,
            client_id: client_id.to_string(),
            http,
            refresh: Arc::new(Mutex::new(refresh)),
            on_rotate,
            cache: Mutex::default(),
            refreshing: tokio::sync::Mutex::new(()),
            margin: Duration::from_secs(300),
        }
    }

    /// Seeds the cache with the token a sign-in just returned (so the first call needs no refresh).
    pub fn with_token(self, scope: &str, signed_in: &SignedIn) -> Self {
        self.lock_cache().insert(scope.to_string(), signed_in.access_token.clone());
        self
    }

    /// A source for another tenant of the same account, sharing the refresh token.
    pub fn for_tenant(&self, tenant: &str) -> Self {
        Self {
            authority: self.authority.for_tenant(tenant),
            client_id: self.client_id.clone(),
            http: self.http.clone(),
            refresh: self.refresh.clone(),
            on_rotate: self.on_rotate.clone(),
            cache: Mutex::default(),
            refreshing: tokio::sync::Mutex::new(()),
            margin: self.margin,
        }
    }

    /// The tenant this source mints tokens for.
    pub fn tenant(&self) -> &str {
        &self.authority.tenant
    }

    fn lock_cache(&self) -> std::sync::MutexGuard<'_, HashMap<String, AccessToken>> {
        self.cache.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn fresh(&self, scope: &str) -> Option<AccessToken> {
        let cached = self.lock_cache().get(scope).cloned()?;
        let expires = cached.expires_on?;
        (expires > SystemTime::now() + self.margin).then_some(cached)
    }

    async fn refresh(&self, scope: &str) -> Result<AccessToken, AzureError> {
        let _one = self.refreshing.lock().await;
        if let Some(token) = self.fresh(scope) {
            return Ok(token);
        }
        let current = self.refresh.lock().unwrap_or_else(|e| e.into_inner()).clone();
        let client = self.authority.client(&self.client_id, None)?;
        let asked = SystemTime::now();
        let response = client
            .exchange_refresh_token(&OAuthRefreshToken::new(current.secret().to_string()))
            .add_scope(Scope::new(scope.to_string()))
            .add_scope(Scope::new("offline_access".into()))
            .request_async(&self.http)
            .await
            .map_err(|e| {
                let mut error = entra_error(e);
                if error.kind == ErrorKind::Auth {
                    error.message = format!("sign in again: {}", error.message);
                }
                error
            })?;
        let signed_in = SignedIn::from_response(&response, asked);
        if let Some(rotated) = signed_in.refresh_token.filter(|r| *r != current) {
            *self.refresh.lock().unwrap_or_else(|e| e.into_inner()) = rotated.clone();
            if let Some(keep) = &self.on_rotate {
                keep(&rotated);
            }
        }
        self.lock_cache().insert(scope.to_string(), signed_in.access_token.clone());
        Ok(signed_in.access_token)
    }

    /// Forgets every access token (sign out); the refresh token is the caller's to delete.
    pub fn clear(&self) {
        self.lock_cache().clear();
    }
}

impl TokenSource for RefreshingTokenSource {
    fn token<'a>(&'a self, scope: &'a str) -> BoxFuture<'a, Result<AccessToken, AzureError>> {
        Box::pin(async move {
            match self.fresh(scope) {
                Some(token) => Ok(token),
                None => self.refresh(scope).await,
            }
        })
    }
}
