//! Day-two changes to a deployment, checked like a create before anything is sent: another type or
//! capacity (a PATCH of `sku`), another model version or upgrade policy (a PUT of the whole deployment —
//! PATCH cannot change properties), pause and resume (Standard-family types only).

use foundry_azure::arm::models::{
    Deployment, DeploymentCreate, DeploymentCreateProperties, DeploymentPatch, DeploymentSku,
    DeploymentState, SkuName, VersionUpgradeOption,
};
use foundry_azure::arm::AccountRef;
use serde::{Deserialize, Serialize};
use url::Url;

use super::draft_check::{DraftField, DraftProblem, PlanFacts};
use super::models::ModelChoice;
use super::request::{deployment_url, RequestPreview};
use super::skus::{check_capacity, quota_for};

/// One change to an existing deployment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase", rename_all_fields = "camelCase", tag = "kind")]
pub enum DeploymentChange {
    /// Another deployment type and/or capacity.
    Scale { sku_name: String, capacity: u32 },
    /// Another model version and/or version upgrade policy.
    Model { version: String, version_upgrade: Option<String> },
    /// Stop answering requests (inference answers 423) without giving the deployment up.
    Pause,
    /// Answer requests again.
    Resume,
}

impl DeploymentChange {
    /// What the change does, in the words of a status line ("Changed gpt-4o: …").
    pub fn describe(&self) -> String {
        match self {
            Self::Scale { sku_name, capacity } => format!("{sku_name}, capacity {capacity}"),
            Self::Model { version, version_upgrade } => match version_upgrade {
                Some(policy) => format!("version {version}, upgrade policy {policy}"),
                None => format!("version {version}"),
            },
            Self::Pause => "paused".into(),
            Self::Resume => "resumed".into(),
        }
    }
}

/// The request a change sends.
#[derive(Debug, Clone, PartialEq)]
pub enum ChangeRequest {
    Patch(DeploymentPatch),
    Put(Box<DeploymentCreate>),
    /// POST `/pause` (`true`) or `/resume` (`false`), no body.
    SetPaused(bool),
}

/// SKUs Azure can pause: the pay-per-token Standard family.
pub(crate) fn can_pause(sku: &str) -> bool {
    ["standard", "globalstandard", "datazonestandard"].contains(&sku.to_ascii_lowercase().as_str())
}

fn problem(field: DraftField, message: impl Into<String>) -> DraftProblem {
    DraftProblem { field, message: message.into() }
}

/// The catalog entry of `name` `version` among the account's models.
fn choice<'a>(facts: &'a PlanFacts, format: &str, name: &str, version: &str) -> Option<&'a ModelChoice> {
    facts.models.iter().find(|c| {
        c.name.eq_ignore_ascii_case(name) && c.format.eq_ignore_ascii_case(format) && c.version == version
    })
}

/// Checks `change` against the deployment as it is now and the account's facts; every problem found.
pub fn check_change(
    current: &Deployment,
    change: &DeploymentChange,
    facts: &PlanFacts,
) -> Result<ChangeRequest, Vec<DraftProblem>> {
    let model = &current.properties.model;
    let version = model.version.clone().unwrap_or_default();
    let sku_name = current.sku.as_ref().map(|s| s.name.to_string()).unwrap_or_default();
    let capacity = current.sku.as_ref().and_then(|s| s.capacity).unwrap_or_default();
    let paused = current.properties.deployment_state == Some(DeploymentState::Paused);
    match change {
        DeploymentChange::Scale { sku_name: new_sku, capacity: new_capacity } => {
            let Some(entry) = choice(facts, &model.format, &model.name, &version) else {
                return Err(vec![problem(
                    DraftField::Sku,
                    format!(
                        "this account no longer offers {} {version}; change its version first",
                        model.name
                    ),
                )]);
            };
            let Some(sku) = entry.skus.iter().find(|s| s.name.eq_ignore_ascii_case(new_sku)) else {
                let offered: Vec<&str> = entry.skus.iter().map(|s| s.name.as_str()).collect();
                return Err(vec![problem(
                    DraftField::Sku,
                    format!(
                        "{} {version} is not offered as {new_sku} here; offered: {}",
                        model.name,
                        offered.join(", ")
                    ),
                )]);
            };
            // The deployment's own capacity comes back when it moves within the same quota.
            let same_quota = entry
                .skus
                .iter()
                .find(|s| s.name.eq_ignore_ascii_case(&sku_name))
                .is_some_and(|old| old.usage_name.is_some() && old.usage_name == sku.usage_name);
            let quota = sku.usage_name.as_deref().and_then(|u| quota_for(&facts.usages, u));
            check_capacity(sku, *new_capacity, quota, if same_quota { capacity } else { 0 })
                .map_err(|e| vec![problem(DraftField::Capacity, e.to_string())])?;
            if sku.name.eq_ignore_ascii_case(&sku_name) && *new_capacity == capacity {
                return Err(vec![problem(DraftField::Capacity, "that is what it has already")]);
            }
            Ok(ChangeRequest::Patch(DeploymentPatch {
                sku: Some(DeploymentSku::new(SkuName::from(sku.name.as_str()), *new_capacity)),
                tags: None,
            }))
        }
        DeploymentChange::Model { version: new_version, version_upgrade } => {
            check_model_change(current, new_version, version_upgrade.as_deref(), facts)
        }
        DeploymentChange::Pause | DeploymentChange::Resume => {
            let pause = matches!(change, DeploymentChange::Pause);
            if !can_pause(&sku_name) {
                return Err(vec![problem(
                    DraftField::Sku,
                    format!("{sku_name} deployments cannot be paused; only Standard, GlobalStandard and DataZoneStandard can"),
                )]);
            }
            if pause == paused {
                let already = if paused { "paused" } else { "running" };
                return Err(vec![problem(
                    DraftField::Sku,
                    format!("'{}' is already {already}", current.name),
                )]);
            }
            Ok(ChangeRequest::SetPaused(pause))
        }
    }
}

/// Another version or upgrade policy. Only a real version change is checked against the catalog
/// (a deployment whose version left the catalog can still change its policy); the capacity it keeps
/// must fit the new version's type and the quota, as a create would.
fn check_model_change(
    current: &Deployment,
    new_version: &str,
    version_upgrade: Option<&str>,
    facts: &PlanFacts,
) -> Result<ChangeRequest, Vec<DraftProblem>> {
    let model = &current.properties.model;
    let version = model.version.as_deref().unwrap_or_default();
    let Some(sku) = &current.sku else {
        return Err(vec![problem(
            DraftField::Sku,
            "Azure did not say this deployment's type and capacity; refresh and try again",
        )]);
    };
    let sku_name = sku.name.to_string();
    let old_policy = current.properties.version_upgrade_option.as_ref().map(|p| p.to_string());
    if new_version == version && version_upgrade.is_none_or(|p| Some(p) == old_policy.as_deref()) {
        return Err(vec![problem(DraftField::Model, "that is what it has already")]);
    }
    if new_version != version {
        let Some(entry) = choice(facts, &model.format, &model.name, new_version) else {
            let offered: Vec<&str> = facts
                .models
                .iter()
                .filter(|c| c.name.eq_ignore_ascii_case(&model.name))
                .map(|c| c.version.as_str())
                .collect();
            return Err(vec![problem(
                DraftField::Model,
                format!(
                    "{} has no version {new_version} here; versions offered: {}",
                    model.name,
                    offered.join(", ")
                ),
            )]);
        };
        let mut problems = Vec::new();
        if let Some(reason) = &entry.blocked {
            problems.push(problem(DraftField::Model, reason.clone()));
        }
        match entry.skus.iter().find(|s| s.name.eq_ignore_ascii_case(&sku_name)) {
            None => problems.push(problem(
                DraftField::Sku,
                format!(
                    "{} {new_version} is not offered as {sku_name} here; change its type first",
                    model.name
                ),
            )),
            Some(new_sku) => {
                // The capacity moves with the deployment: its own share of the quota comes back.
                let old_usage = choice(facts, &model.format, &model.name, version)
                    .and_then(|old| old.skus.iter().find(|s| s.name.eq_ignore_ascii_case(&sku_name)))
                    .map(|old| old.usage_name.clone());
                let own = if old_usage.is_none_or(|u| u == new_sku.usage_name) {
                    sku.capacity.unwrap_or_default()
                } else {
                    0
                };
                let quota = new_sku.usage_name.as_deref().and_then(|u| quota_for(&facts.usages, u));
                if let Err(e) = check_capacity(new_sku, sku.capacity.unwrap_or_default(), quota, own) {
                    problems.push(problem(
                        DraftField::Capacity,
                        format!("its capacity does not fit {new_version}: {e}"),
                    ));
                }
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
    }
    Ok(ChangeRequest::Put(Box::new(whole_body(current, sku, new_version, version_upgrade))))
}

/// The deployment as a PUT body, with the new version and policy and every other writable property
/// kept as it is: a PUT replaces the whole deployment, and what it leaves out is reset.
fn whole_body(
    current: &Deployment,
    sku: &DeploymentSku,
    version: &str,
    version_upgrade: Option<&str>,
) -> DeploymentCreate {
    let properties = &current.properties;
    let mut model = properties.model.clone();
    model.version = Some(version.to_string());
    DeploymentCreate {
        sku: sku.clone(),
        properties: DeploymentCreateProperties {
            model,
            version_upgrade_option: version_upgrade
                .map(VersionUpgradeOption::from)
                .or_else(|| properties.version_upgrade_option.clone()),
            rai_policy_name: properties.rai_policy_name.clone(),
            deployment_state: properties.deployment_state.clone(),
            service_tier: properties.service_tier.clone(),
            dynamic_throttling_enabled: properties.dynamic_throttling_enabled,
            spillover_deployment_name: properties.spillover_deployment_name.clone(),
        },
        tags: current.tags.clone(),
    }
}

/// The exact request a checked change sends, as the manage dialog shows it.
pub fn change_preview(
    resource_manager: &Url,
    account: &AccountRef,
    name: &str,
    request: &ChangeRequest,
    api_version: &str,
) -> RequestPreview {
    let url = deployment_url(resource_manager, account, name, api_version);
    let (method, url, body) = match request {
        ChangeRequest::Patch(patch) => ("PATCH", url, serde_json::to_string_pretty(patch)),
        ChangeRequest::Put(body) => ("PUT", url, serde_json::to_string_pretty(body)),
        ChangeRequest::SetPaused(pause) => {
            let action = if *pause { "pause" } else { "resume" };
            ("POST", url.replacen('?', &format!("/{action}?"), 1), Ok(String::new()))
        }
    };
    RequestPreview { method: method.into(), url, body: body.unwrap_or_default() }
}
