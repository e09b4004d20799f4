//! The deployments table: each deployment with its capacity in tokens and requests per minute, its
//! state as a person reads it, and a warning when its model version is retiring.

use foundry_azure::arm::models::{Deployment, DeploymentState, Model, ProvisioningState};
use serde::Serialize;

use super::changes::can_pause;
use super::dates::Day;
use super::models::retirement_warning;

/// Where a deployment stands, in the words the table uses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase", rename_all_fields = "camelCase", tag = "kind")]
pub enum DeploymentStatus {
    Creating,
    Succeeded,
    Failed,
    Paused,
    Deleting,
    /// Any other provisioning state Azure reports (Accepted, Canceled, …), as Azure words it.
    Other {
        state: String,
    },
}

/// One row of the deployments table.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct DeploymentRow {
    pub name: String,
    pub model: String,
    pub model_version: Option<String>,
    pub sku: Option<String>,
    pub capacity: Option<u32>,
    pub tokens_per_minute: Option<u32>,
    pub requests_per_minute: Option<u32>,
    pub upgrade_policy: Option<String>,
    pub content_filter: Option<String>,
    pub status: DeploymentStatus,
    /// "Retires on 2027-01-15 (in 48 days)" and the like.
    pub warning: Option<String>,
    /// Its type can be paused and resumed (the Standard family).
    pub pausable: bool,
}

fn status(deployment: &Deployment) -> DeploymentStatus {
    let properties = &deployment.properties;
    match &properties.provisioning_state {
        Some(ProvisioningState::Succeeded) | None
            if properties.deployment_state == Some(DeploymentState::Paused) =>
        {
            DeploymentStatus::Paused
        }
        Some(ProvisioningState::Succeeded) | None => DeploymentStatus::Succeeded,
        Some(ProvisioningState::Creating | ProvisioningState::Accepted) => DeploymentStatus::Creating,
        Some(ProvisioningState::Failed) => DeploymentStatus::Failed,
        Some(ProvisioningState::Deleting) => DeploymentStatus::Deleting,
        Some(other) => DeploymentStatus::Other { state: other.to_string() },
    }
}

/// Per minute, from a rate limit of `key` ("request" or "token") over its renewal period.
fn per_minute(deployment: &Deployment, key: &str) -> Option<u32> {
    deployment.properties.rate_limits.iter().find(|r| r.key.as_deref() == Some(key)).and_then(|r| {
        let count = r.count?;
        Some((count * 60.0 / r.renewal_period.unwrap_or(60.0)).round() as u32)
    })
}

/// The table rows for an account's deployments, warning from the account's models (`GET A/models`).
pub fn deployment_rows(deployments: &[Deployment], models: &[Model], today: Day) -> Vec<DeploymentRow> {
    deployments
        .iter()
        .map(|d| {
            let model = &d.properties.model;
            let known = models.iter().find(|m| {
                m.name.eq_ignore_ascii_case(&model.name) && m.version.as_deref() == model.version.as_deref()
            });
            let warning = known.and_then(|m| {
                retirement_warning(
                    m.lifecycle_status.as_ref().map(|l| l.as_str()),
                    m.deprecation.as_ref().and_then(|d| d.inference.as_deref()),
                    today,
                )
            });
            let capacity = d.sku.as_ref().map(|s| s.capacity.unwrap_or_default());
            let standard =
                d.sku.as_ref().is_some_and(|s| !s.name.as_str().to_ascii_lowercase().contains("provisioned"));
            DeploymentRow {
                name: d.name.clone(),
                model: model.name.clone(),
                model_version: model.version.clone(),
                sku: d.sku.as_ref().map(|s| s.name.to_string()),
                tokens_per_minute: per_minute(d, "token")
                    .or_else(|| capacity.filter(|_| standard).map(|c| c.saturating_mul(1000))),
                requests_per_minute: per_minute(d, "request"),
                capacity,
                upgrade_policy: d.properties.version_upgrade_option.as_ref().map(|v| v.to_string()),
                content_filter: d.properties.rai_policy_name.clone(),
                status: status(d),
                warning,
                pausable: d.sku.as_ref().is_some_and(|s| can_pause(s.name.as_str())),
            }
        })
        .collect()
}
