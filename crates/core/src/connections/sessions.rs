//! Access tokens, in memory only: one token source per signed-in profile, made from its refresh token
//! on first use and dropped on sign-out. A source whose refresh token Entra refuses (expired, revoked)
//! marks its profile "sign in again" instead of failing the same way on every later call. Each profile
//! also keeps one Resource Manager client, so its mutations on an account queue behind each other.
//! Both are made over the network settings of their time: once newer ones are applied, the next call
//! makes them anew (a refreshing source holds its sign-in client; a Resource Manager client its pipeline).

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, MutexGuard};

use foundry_azure::arm::{AccountLocks, ArmClient};
use foundry_azure::entra::errors::needs_sign_in;
use foundry_azure::token::{AccessToken, BoxFuture, TokenSource};
use foundry_azure::AzureError;

/// The token sources of this run, and the profiles whose sign-in Entra refused.
#[derive(Default)]
pub struct Sessions {
    sources: Mutex<HashMap<String, Kept<Arc<dyn TokenSource>>>>,
    clients: Mutex<HashMap<String, Kept<ArmClient>>>,
    /// Per profile, outliving its clients: a mutation started before a settings change and one
    /// started after it still queue behind each other on an account.
    account_locks: Mutex<HashMap<String, AccountLocks>>,
    expired: Arc<Mutex<HashSet<String>>>,
}

/// Something made over one generation of the network settings.
struct Kept<T> {
    generation: u64,
    value: T,
}

/// The value kept for `key` if it was made over `generation`, else the one `make` builds (then kept).
fn kept_or_make<T: Clone>(
    map: &Mutex<HashMap<String, Kept<T>>>,
    key: &str,
    generation: u64,
    make: impl FnOnce() -> Result<T, super::ConnectionError>,
) -> Result<T, super::ConnectionError> {
    if let Some(kept) = lock(map).get(key).filter(|k| k.generation == generation) {
        return Ok(kept.value.clone());
    }
    let value = make()?;
    let mut kept = lock(map);
    // A caller still on older settings must not replace what newer ones made meanwhile.
    if kept.get(key).is_none_or(|k| k.generation <= generation) {
        kept.insert(key.to_string(), Kept { generation, value: value.clone() });
    }
    Ok(value)
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl Sessions {
    /// The source kept for `profile_id` made over network `generation`, or the one `make` builds (then kept).
    pub fn source(
        &self,
        profile_id: &str,
        generation: u64,
        make: impl FnOnce() -> Result<Arc<dyn TokenSource>, super::ConnectionError>,
    ) -> Result<Arc<dyn TokenSource>, super::ConnectionError> {
        kept_or_make(&self.sources, profile_id, generation, || Ok(self.watched(profile_id, make()?)))
    }

    /// The Resource Manager client kept for `profile_id` made over network `generation`, or the one
    /// `make` builds (then kept).
    pub fn arm(
        &self,
        profile_id: &str,
        generation: u64,
        make: impl FnOnce() -> Result<ArmClient, super::ConnectionError>,
    ) -> Result<ArmClient, super::ConnectionError> {
        let locks = lock(&self.account_locks).entry(profile_id.to_string()).or_default().clone();
        kept_or_make(&self.clients, profile_id, generation, || Ok(make()?.sharing_account_locks(locks)))
    }

    /// Replaces `profile_id`'s source (made over network `generation`) after a sign-in, and clears its
    /// "sign in again" mark.
    pub fn signed_in(&self, profile_id: &str, generation: u64, source: Arc<dyn TokenSource>) {
        lock(&self.expired).remove(profile_id);
        lock(&self.clients).remove(profile_id);
        let value = self.watched(profile_id, source);
        lock(&self.sources).insert(profile_id.to_string(), Kept { generation, value });
    }

    fn watched(&self, profile_id: &str, inner: Arc<dyn TokenSource>) -> Arc<dyn TokenSource> {
        Arc::new(Watched { inner, profile_id: profile_id.to_string(), expired: self.expired.clone() })
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
