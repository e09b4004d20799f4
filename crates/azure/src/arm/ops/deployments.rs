use reqwest::Method;

use crate::arm::client::{decode, path_segment, roles};
use crate::arm::models::{Deployment, DeploymentCreate, DeploymentPatch, DeploymentSkuOption};
use crate::arm::{AccountRef, ArmClient};
use crate::error::{AzureError, ErrorKind};
use crate::lro::LroHandle;

impl ArmClient {
    fn deployment_url(&self, account: &AccountRef, name: &str, action: &str) -> Result<String, AzureError> {
        let name = path_segment("deployment", name)?;
        let path = format!("{}/deployments/{name}{action}", account.path());
        self.url(&path, &self.api.cognitive_services, &[])
    }

    /// The account's deployments.
    pub async fn list_deployments(&self, account: &AccountRef) -> Result<Vec<Deployment>, AzureError> {
        let url = self.url(&format!("{}/deployments", account.path()), &self.api.cognitive_services, &[])?;
        self.list(url, roles::OPENAI_USER).await
    }

    /// One deployment.
    pub async fn get_deployment(&self, account: &AccountRef, name: &str) -> Result<Deployment, AzureError> {
        self.get(self.deployment_url(account, name, "")?, roles::OPENAI_USER).await
    }

    /// The SKUs (and capacity ranges) this deployment could move to.
    pub async fn list_deployment_skus(
        &self,
        account: &AccountRef,
        name: &str,
    ) -> Result<Vec<DeploymentSkuOption>, AzureError> {
        self.list(self.deployment_url(account, name, "/skus")?, roles::OPENAI_USER).await
    }

    /// Creates or replaces a deployment and waits until Azure has it running (or says why not).
    pub async fn create_or_update_deployment(
        &self,
        account: &AccountRef,
        name: &str,
        body: &DeploymentCreate,
        handle: &LroHandle,
    ) -> Result<Deployment, AzureError> {
        let url = self.deployment_url(account, name, "")?;
        let done =
            self.mutate(account, Method::PUT, url, Some(body), roles::OPENAI_CONTRIBUTOR, handle).await?;
        self.deployment_or_get(account, name, done).await
    }

    /// Sends the create (or replace) without waiting for the operation: the deployment as Azure's first
    /// answer shows it (typically Accepted or Creating).
    pub async fn begin_create_or_update_deployment(
        &self,
        account: &AccountRef,
        name: &str,
        body: &DeploymentCreate,
        handle: &LroHandle,
    ) -> Result<Deployment, AzureError> {
        let url = self.deployment_url(account, name, "")?;
        let first = self
            .begin_mutate(account, Method::PUT, url, Some(body), roles::OPENAI_CONTRIBUTOR, handle)
            .await?;
        self.deployment_or_get(account, name, first).await
    }

    /// Changes SKU or capacity (the only things PATCH can change) and waits for it.
    pub async fn update_deployment(
        &self,
        account: &AccountRef,
        name: &str,
        patch: &DeploymentPatch,
        handle: &LroHandle,
    ) -> Result<Deployment, AzureError> {
        let url = self.deployment_url(account, name, "")?;
        let done =
            self.mutate(account, Method::PATCH, url, Some(patch), roles::OPENAI_CONTRIBUTOR, handle).await?;
        self.deployment_or_get(account, name, done).await
    }

    /// Deletes a deployment and waits until it is gone.
    pub async fn delete_deployment(
        &self,
        account: &AccountRef,
        name: &str,
        handle: &LroHandle,
    ) -> Result<(), AzureError> {
        let url = self.deployment_url(account, name, "")?;
        self.mutate(account, Method::DELETE, url, None::<()>, roles::OPENAI_CONTRIBUTOR, handle).await?;
        Ok(())
    }

    /// Pauses (`pause = true`) or resumes a Standard-family deployment.
    pub async fn set_deployment_paused(
        &self,
        account: &AccountRef,
        name: &str,
        pause: bool,
        handle: &LroHandle,
    ) -> Result<Deployment, AzureError> {
        let url = self.deployment_url(account, name, if pause { "/pause" } else { "/resume" })?;
        let done =
            self.mutate(account, Method::POST, url, None::<()>, roles::OPENAI_CONTRIBUTOR, handle).await?;
        self.deployment_or_get(account, name, done).await
    }

    /// The deployment as the operation returned it, else as it is now.
    async fn deployment_or_get(
        &self,
        account: &AccountRef,
        name: &str,
        done: Option<serde_json::Value>,
    ) -> Result<Deployment, AzureError> {
        match done {
            Some(body) if body.get("properties").is_some() => {
                decode(body.to_string().as_bytes()).map_err(|e| AzureError { kind: ErrorKind::Decode, ..e })
            }
            _ => self.get_deployment(account, name).await,
        }
    }
}
