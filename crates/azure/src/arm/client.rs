//! The Resource Manager client: URLs and api-versions, the role each call needs (named when a 403
//! comes back), list paging, and mutations that run one at a time per account and wait for their
//! long-running operation.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use reqwest::Method;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use url::Url;

use crate::cloud::Cloud;
use crate::error::{AzureError, ErrorKind};
use crate::http::{HttpRequest, Pipeline, RetryPolicy};
use crate::lro::{first_step, wait_for_completion, LroHandle, LroOptions};
use crate::paging::collect_all;
use crate::token::TokenSource;

/// The api-versions to send; kept a setting because Azure moves them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiVersions {
    /// Microsoft.CognitiveServices (accounts, deployments, models, usages).
    pub cognitive_services: String,
    /// Subscriptions and tenants.
    pub subscriptions: String,
    /// Resource groups.
    pub resource_groups: String,
    /// Azure Monitor metrics (Microsoft.Insights).
    pub monitor: String,
    /// Role assignments, definitions and permissions (Microsoft.Authorization).
    pub authorization: String,
}

impl Default for ApiVersions {
    fn default() -> Self {
        Self {
            cognitive_services: "2026-09-01".into(),
            subscriptions: "2022-12-01".into(),
            resource_groups: "2025-04-01".into(),
            monitor: "2024-02-01".into(),
            authorization: "2022-04-01".into(),
        }
    }
}

/// Built-in roles, named in errors when a call is refused.
pub mod roles {
    /// Reads subscriptions, groups and resources.
    pub const READER: &str = "Reader";
    /// Inference and viewing deployments.
    pub const OPENAI_USER: &str = "Cognitive Services OpenAI User";
    /// Creating, changing and deleting deployments.
    pub const OPENAI_CONTRIBUTOR: &str = "Cognitive Services OpenAI Contributor";
    /// Keys (list, regenerate) and account settings.
    pub const CONTRIBUTOR: &str = "Cognitive Services Contributor";
    /// Quota, at subscription scope.
    pub const USAGES_READER: &str = "Cognitive Services Usages Reader";
    /// Metrics (Azure Monitor); any reader role on the resource also allows it.
    pub const MONITORING_READER: &str = "Monitoring Reader";
    /// Granting and revoking roles.
    pub const ACCESS_ADMIN: &str = "Owner or User Access Administrator";
}

/// Built-in role definition ids: the same in every tenant.
pub mod role_ids {
    pub const OWNER: &str = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635";
    pub const CONTRIBUTOR: &str = "b24988ac-6180-42a0-ab88-20f7382dd24c";
    pub const READER: &str = "acdd72a7-3385-48ef-bd42-f606fba81ae7";
    pub const USER_ACCESS_ADMINISTRATOR: &str = "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9";
    pub const OPENAI_USER: &str = "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd";
    pub const OPENAI_CONTRIBUTOR: &str = "a001fd3d-188f-4b5d-821b-7da978bf7442";
    pub const COGNITIVE_SERVICES_USER: &str = "a97b65f3-24c7-4388-baec-2e87135dc908";
    pub const COGNITIVE_SERVICES_CONTRIBUTOR: &str = "25fbc0a9-bd7c-42a3-aa1a-3b75d497ee68";
    pub const USAGES_READER: &str = "bba48692-92b0-4667-a9ad-c31c7b334ac2";
    pub const MONITORING_READER: &str = "43d0d8ad-25c7-4714-9337-8ba259a9fe05";
    pub const FOUNDRY_USER: &str = "53ca6127-db72-4b80-b1b0-d745d6d5456d";
}

/// A Cognitive Services account by its coordinates.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct AccountRef {
    pub subscription: String,
    pub resource_group: String,
    pub name: String,
}

impl AccountRef {
    /// `/subscriptions/{s}/resourceGroups/{g}/providers/Microsoft.CognitiveServices/accounts/{a}`.
    pub fn path(&self) -> String {
        format!(
            "/subscriptions/{}/resourceGroups/{}/providers/Microsoft.CognitiveServices/accounts/{}",
            self.subscription, self.resource_group, self.name
        )
    }

    /// Reads the coordinates out of an ARM resource id (an account's or anything below it).
    pub fn from_id(id: &str) -> Option<Self> {
        let parts: Vec<&str> = id.trim_matches('/').split('/').collect();
        let after = |key: &str| {
            parts
                .iter()
                .position(|p| p.eq_ignore_ascii_case(key))
                .and_then(|i| parts.get(i + 1))
                .map(|s| s.to_string())
        };
        Some(Self {
            subscription: after("subscriptions")?,
            resource_group: after("resourceGroups")?,
            name: after("accounts")?,
        })
    }

    fn lock_key(&self) -> String {
        self.path().to_ascii_lowercase()
    }
}

/// Talks to Resource Manager for one signed-in identity.
#[derive(Clone)]
pub struct ArmClient {
    pipeline: Pipeline,
    base: Url,
    scope: String,
    pub api: ApiVersions,
    /// Waiting for long-running operations: default poll interval, longest wait.
    pub lro: LroOptions,
    account_locks: AccountLocks,
}

impl ArmClient {
    /// A client for `cloud`'s Resource Manager, authenticating with `tokens`.
    pub fn new(cloud: &Cloud, tokens: Arc<dyn TokenSource>) -> Result<Self, AzureError> {
        let pipeline = Pipeline::new(Pipeline::default_client()?, tokens, RetryPolicy::default());
        Ok(Self::with_pipeline(cloud, pipeline))
    }

    /// A client over an existing pipeline (shared connection pool, custom retry policy).
    pub fn with_pipeline(cloud: &Cloud, pipeline: Pipeline) -> Self {
        Self {
            pipeline,
            base: cloud.resource_manager.clone(),
            scope: cloud.resource_manager_scope(),
            api: ApiVersions::default(),
            lro: LroOptions::default(),
            account_locks: AccountLocks::default(),
        }
    }

    /// The full URL of an ARM path with its api-version and extra query pairs.
    pub fn url(&self, path: &str, api_version: &str, query: &[(&str, &str)]) -> Result<String, AzureError> {
        let mut url = self.base.join(path.trim_start_matches('/')).map_err(|e| {
            AzureError::local(
                ErrorKind::InvalidRequest,
                format!("not a valid Resource Manager path {path}: {e}"),
            )
        })?;
        url.query_pairs_mut().append_pair("api-version", api_version).extend_pairs(query);
        Ok(url.to_string())
    }

    fn request(&self, method: Method, url: String, body: Option<Value>) -> HttpRequest {
        HttpRequest { method, url, body, scope: self.scope.clone() }
    }

    /// The Resource Manager this client talks to.
    pub fn base_url(&self) -> &Url {
        &self.base
    }

    /// GETs one resource.
    pub async fn get<T: DeserializeOwned>(&self, url: String, role: &'static str) -> Result<T, AzureError> {
        let answer = self
            .pipeline
            .send(&self.request(Method::GET, url, None))
            .await
            .map_err(|e| e.with_missing_role(role))?;
        decode(&answer.body)
    }

    /// GETs every item of a list, following `nextLink` to the end.
    pub async fn list<T: DeserializeOwned>(
        &self,
        url: String,
        role: &'static str,
    ) -> Result<Vec<T>, AzureError> {
        collect_all(&self.pipeline, self.request(Method::GET, url, None))
            .await
            .map_err(|e| e.with_missing_role(role))
    }

    /// POSTs an action that answers at once. A change (regenerateKey) runs one at a time with the
    /// account's other mutations; a read-like action (listKeys) need not wait behind a long create.
    pub async fn action<T: DeserializeOwned>(
        &self,
        account: &AccountRef,
        url: String,
        body: Option<Value>,
        role: &'static str,
        changes_the_account: bool,
    ) -> Result<T, AzureError> {
        let lock = self.account_lock(account);
        let _one_at_a_time = if changes_the_account { Some(lock.lock().await) } else { None };
        let answer = self
            .pipeline
            .send(&self.request(Method::POST, url, body))
            .await
            .map_err(|e| e.with_missing_role(role))?;
        decode(&answer.body)
    }

    /// Sends a mutation (PUT, PATCH, DELETE, POST) on something in `account` and waits for its
    /// long-running operation. Mutations on one account run one at a time: Azure answers 409
    /// RequestConflict to a second one while the first is running. Returns the final resource, if any.
    pub async fn mutate(
        &self,
        account: &AccountRef,
        method: Method,
        url: String,
        body: Option<impl Serialize>,
        role: &'static str,
        handle: &LroHandle,
    ) -> Result<Option<Value>, AzureError> {
        let lock = self.account_lock(account);
        let _one_at_a_time = queue_behind(&lock, handle).await?;
        let answer = self.send_mutation(method.clone(), url.clone(), body, role).await?;
        let first = first_step(&answer, self.lro.default_wait)?;
        let resource = self.request(Method::GET, url, None);
        wait_for_completion(&self.pipeline, &method, &resource, first, &self.lro, handle).await
    }

    /// Sends a mutation without waiting for its operation (`--no-wait`): the resource as Azure's first
    /// answer shows it, if it sent one. Still one at a time with the account's other mutations.
    pub async fn begin_mutate(
        &self,
        account: &AccountRef,
        method: Method,
        url: String,
        body: Option<impl Serialize>,
        role: &'static str,
        handle: &LroHandle,
    ) -> Result<Option<Value>, AzureError> {
        let lock = self.account_lock(account);
        let _one_at_a_time = queue_behind(&lock, handle).await?;
        self.send_mutation(method, url, body, role).await?.json()
    }

    pub(crate) async fn send_mutation(
        &self,
        method: Method,
        url: String,
        body: Option<impl Serialize>,
        role: &'static str,
    ) -> Result<crate::http::HttpAnswer, AzureError> {
        let body = body.map(|b| serde_json::to_value(b)).transpose().map_err(|e| {
            AzureError::local(ErrorKind::InvalidRequest, format!("could not encode the request: {e}"))
        })?;
        self.pipeline.send(&self.request(method, url, body)).await.map_err(|e| e.with_missing_role(role))
    }

    /// Queues this client's mutations behind those of every client sharing `locks` (one identity's
    /// clients before and after a settings change), not only behind its own.
    pub fn sharing_account_locks(mut self, locks: AccountLocks) -> Self {
        self.account_locks = locks;
        self
    }

    fn account_lock(&self, account: &AccountRef) -> Arc<tokio::sync::Mutex<()>> {
        let mut locks = self.account_locks.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        locks.entry(account.lock_key()).or_default().clone()
    }
}

/// One lock per account: a mutation waits until the one before it on the same account is done
/// (ARM refuses a second with 409 RequestConflict). Cheap to clone; clones share the locks.
#[derive(Clone, Default)]
pub struct AccountLocks(Arc<Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>>);

/// Waits for the account's lock; a cancel stops a queued mutation before it is ever sent.
async fn queue_behind<'a>(
    lock: &'a tokio::sync::Mutex<()>,
    handle: &LroHandle,
) -> Result<tokio::sync::MutexGuard<'a, ()>, AzureError> {
    tokio::select! {
        biased;
        _ = handle.cancel_token().cancelled() => Err(AzureError::local(
            ErrorKind::Cancelled,
            "cancelled before it was sent; nothing was changed in Azure",
        )),
        guard = lock.lock() => Ok(guard),
    }
}

/// A name that goes into a URL path as one segment. Refuses what would change the path or the query
/// (`/`, `..`, `?`, `#`, `%`): "x/../gpt-4o" must never become a DELETE of `gpt-4o`.
pub(crate) fn path_segment<'a>(what: &str, name: &'a str) -> Result<&'a str, AzureError> {
    let bad = name.is_empty()
        || name == "."
        || name == ".."
        || name.chars().any(|c| matches!(c, '/' | '\\' | '?' | '#' | '%') || c.is_control());
    if bad {
        return Err(AzureError::local(
            ErrorKind::InvalidRequest,
            format!("'{name}' is not a valid {what} name"),
        ));
    }
    Ok(name)
}

/// Decodes a typed answer; a mismatch names what did not fit.
pub fn decode<T: DeserializeOwned>(body: &[u8]) -> Result<T, AzureError> {
    serde_json::from_slice(body).map_err(|e| {
        AzureError::local(ErrorKind::Decode, format!("Azure's answer did not have the expected shape: {e}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn account_ref_reads_any_casing_of_an_id() {
        let id = "/subscriptions/s1/resourcegroups/rg-1/providers/Microsoft.CognitiveServices/accounts/acct/deployments/d";
        let account = AccountRef::from_id(id).unwrap();
        assert_eq!(
            account,
            AccountRef { subscription: "s1".into(), resource_group: "rg-1".into(), name: "acct".into() }
        );
        assert_eq!(
            account.path(),
            "/subscriptions/s1/resourceGroups/rg-1/providers/Microsoft.CognitiveServices/accounts/acct"
        );
    }

    #[test]
    fn urls_carry_the_api_version_and_escape_query_values() {
        let client = ArmClient::with_pipeline(
            &Cloud::public(),
            Pipeline::new(
                Pipeline::default_client().unwrap(),
                Arc::new(crate::token::StaticToken::new("t")),
                RetryPolicy::default(),
            ),
        );
        let url = client
            .url(
                "/subscriptions/s/providers/Microsoft.CognitiveServices/modelCapacities",
                "2026-09-01",
                &[("modelFormat", "Mistral AI")],
            )
            .unwrap();
        assert_eq!(
            url,
            "https://management.azure.com/subscriptions/s/providers/Microsoft.CognitiveServices/modelCapacities?api-version=2026-09-01&modelFormat=Mistral+AI"
        );
    }
}
