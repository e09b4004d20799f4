//! Access tokens, in memory only: one token source per signed-in profile, made from its refresh token
//! on first use and dropped on sign-out. A source whose refresh token Entra refuses (expired, revoked)
//! marks its profile "sign in again" instead of failing the same way on every later call. Each profile
//! also keeps one Resource Manager client, so its mutations on an account queue behind each other.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, MutexGuard};

use foundry_azure::arm::ArmClient;
use foundry_azure::entra::errors::needs_sign_in;
use foundry_azure::token::{AccessToken, BoxFuture, TokenSource};
use foundry_azure::AzureError;

/// The token sources of this run, and the profiles whose sign-in Entra refused.
#[derive(Default)]
pub struct Sessions {
    sources: Mutex<HashMap<String, Arc<dyn TokenSource>>>,
    clients: Mutex<HashMap<String, ArmClient>>,
    expired: Arc<Mutex<HashSet<String>>>,
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl Sessions {
    /// The source kept for `profile_id`, or the one `make` builds (then kept).
    pub fn source(
        &self,
        profile_id: &str,
        make: impl FnOnce() -> Result<Arc<dyn TokenSource>, super::ConnectionError>,
    ) -> Result<Arc<dyn TokenSource>, super::ConnectionError> {
        if let Some(source) = lock(&self.sources).get(profile_id) {
            return Ok(source.clone());
        }
        let watched: Arc<dyn TokenSource> = Arc::new(Watched {
            inner: make()?,
            profile_id: profile_id.to_string(),
            expired: self.expired.clone(),
        });
        lock(&self.sources).insert(profile_id.to_string(), watched.clone());
        Ok(watched)
    }

    /// The Resource Manager client kept for `profile_id`, or the one `make` builds (then kept).
    pub fn arm(
        &self,
        profile_id: &str,
        make: impl FnOnce() -> Result<ArmClient, super::ConnectionError>,
    ) -> Result<ArmClient, super::ConnectionError> {
        if let Some(client) = lock(&self.clients).get(profile_id) {
            return Ok(client.clone());
        }
        let client = make()?;
        lock(&self.clients).insert(profile_id.to_string(), client.clone());
        Ok(client)
    }

    /// Replaces `profile_id`'s source after a sign-in, and clears its "sign in again" mark.
    pub fn signed_in(&self, profile_id: &str, source: Arc<dyn TokenSource>) {
        lock(&self.expired).remove(profile_id);
        lock(&self.clients).remove(profile_id);
        let watched: Arc<dyn TokenSource> = Arc::new(Watched {
            inner: source,
            profile_id: profile_id.to_string(),
            expired: self.expired.clone(),
        });
        lock(&self.sources).insert(profile_id.to_string(), watched);
    }

    /// Drops `profile_id`'s tokens (sign-out, removal, another tenant).
    pub fn forget(&self, profile_id: &str) {
        lock(&self.sources).remove(profile_id);
        lock(&self.clients).remove(profile_id);
        lock(&self.expired).remove(profile_id);
    }

    /// Whether Entra refused `profile_id`'s sign-in during this run.
    pub fn is_expired(&self, profile_id: &str) -> bool {
        lock(&self.expired).contains(profile_id)
    }
}

/// A token source that notes when its profile must sign in again.
struct Watched {
    inner: Arc<dyn TokenSource>,
    profile_id: String,
    expired: Arc<Mutex<HashSet<String>>>,
}

impl TokenSource for Watched {
    fn token<'a>(&'a self, scope: &'a str) -> BoxFuture<'a, Result<AccessToken, AzureError>> {
        Box::pin(async move {
            let result = self.inner.token(scope).await;
            if let Err(e) = &result {
                if needs_sign_in(e) {
                    lock(&self.expired).insert(self.profile_id.clone());
                }
            }
            result
        })
    }
}
