//! Everything checked before a create is sent, in one place for the wizard and `fdesk`: the name (valid,
//! not taken), the model (offered, not retiring), the deployment type (offered for that model), the
//! capacity (range, step, free quota) and the content filter (one of the account's policies).

use foundry_azure::arm::models::{ProvisioningState, Usage};
use foundry_azure::arm::{AccountRef, ArmClient};
use foundry_azure::AzureError;
use serde::Serialize;

use super::dates::today;
use super::models::{model_choices, ModelChoice};
use super::skus::{check_capacity, quota_for, CapacityFacts, Quota, SkuChoice};
use crate::deployments::{validate_name, DeploymentDraft};

/// What the checks need to know about the account, read once per wizard.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PlanFacts {
    /// The account's region.
    pub location: String,
    pub models: Vec<ModelChoice>,
    /// The region's quota (`GET S/locations/{loc}/usages`).
    #[specta(skip)]
    #[serde(skip)]
    pub usages: Vec<Usage>,
    /// The region's quota by usage name, for the wizard to show beside each deployment type.
    pub quotas: Vec<NamedQuota>,
    /// Names of the deployments the account has (but those whose create failed, which a retry replaces).
    pub existing: Vec<String>,
    /// The account's content-filter policies.
    pub rai_policies: Vec<String>,
}

/// The quota of one usage name.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct NamedQuota {
    pub usage_name: String,
    pub quota: Quota,
}

/// Every usage's quota, by name.
pub fn named_quotas(usages: &[Usage]) -> Vec<NamedQuota> {
    usages
        .iter()
        .filter_map(|u| {
            quota_for(usages, &u.name.value)
                .map(|quota| NamedQuota { usage_name: u.name.value.clone(), quota })
        })
        .collect()
}

/// Which field a problem is about (the wizard shows it next to that field).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum DraftField {
    Name,
    Model,
    Sku,
    Capacity,
    ContentFilter,
}

impl DraftField {
    /// The field as a person names it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::Model => "model",
            Self::Sku => "deployment type",
            Self::Capacity => "capacity",
            Self::ContentFilter => "content filter",
        }
    }
}

/// One reason the draft cannot be sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct DraftProblem {
    pub field: DraftField,
    pub message: String,
}

/// A draft that passed every check: what it will create.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Plan {
    /// The model version (the draft's, else the default one).
    pub version: String,
    pub version_was_default: bool,
    pub sku: SkuChoice,
    pub capacity: CapacityFacts,
    pub quota: Option<Quota>,
}

/// Reads the facts for `account`: its region, deployable models, the region's quota, its deployments
/// and content filters.
pub async fn gather_facts(client: &ArmClient, account: &AccountRef) -> Result<PlanFacts, AzureError> {
    let found = client.get_account(account).await?;
    let location = found.location.unwrap_or_default();
    let (models, usages, deployments, policies) = futures_util::join!(
        client.list_account_models(account),
        client.list_region_usages(&account.subscription, &location),
        client.list_deployments(account),
        client.list_rai_policies(account),
    );
    let usages = usages?;
    Ok(PlanFacts {
        location,
        models: model_choices(&models?, today()),
        quotas: named_quotas(&usages),
        usages,
        // A deployment whose create failed is replaced by the next PUT of its name: not a clash.
        existing: deployments?
            .into_iter()
            .filter(|d| d.properties.provisioning_state != Some(ProvisioningState::Failed))
            .map(|d| d.name)
            .collect(),
        rai_policies: policies?.into_iter().map(|p| p.name).collect(),
    })
}

fn problem(field: DraftField, message: impl Into<String>) -> DraftProblem {
    DraftProblem { field, message: message.into() }
}

/// The model version a draft gets: the one it names, else the default (else the newest that can be
/// deployed).
fn pick<'a>(draft: &DeploymentDraft, facts: &'a PlanFacts) -> Result<&'a ModelChoice, DraftProblem> {
    let same = |c: &&ModelChoice| {
        c.name.eq_ignore_ascii_case(&draft.model_name) && c.format.eq_ignore_ascii_case(&draft.model_format)
    };
    let versions: Vec<&ModelChoice> = facts.models.iter().filter(same).collect();
    if versions.is_empty() {
        return Err(problem(
            DraftField::Model,
            format!("this account cannot deploy {} '{}'", draft.model_format, draft.model_name),
        ));
    }
    match draft.model_version.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
        Some(version) => versions.iter().copied().find(|c| c.version == version).ok_or_else(|| {
            let offered: Vec<&str> = versions.iter().map(|c| c.version.as_str()).collect();
            problem(
                DraftField::Model,
                format!(
                    "{} has no version {version} here; versions offered: {}",
                    draft.model_name,
                    offered.join(", ")
                ),
            )
        }),
        None => Ok(versions
            .iter()
            .copied()
            .find(|c| c.is_default_version)
            .or_else(|| versions.iter().copied().find(|c| c.blocked.is_none()))
            .unwrap_or(versions[0])),
    }
}

/// Checks a draft against the facts; every problem found is returned, not only the first.
pub fn check_draft(draft: &DeploymentDraft, facts: &PlanFacts) -> Result<Plan, Vec<DraftProblem>> {
    let mut problems = Vec::new();
    if let Err(e) = validate_name(&draft.name) {
        problems.push(problem(DraftField::Name, e.message));
    } else if facts.existing.iter().any(|n| n.eq_ignore_ascii_case(&draft.name)) {
        problems.push(problem(
            DraftField::Name,
            format!("a deployment named '{}' already exists here", draft.name),
        ));
    }
    if let Some(policy) = &draft.rai_policy {
        if !facts.rai_policies.iter().any(|p| p == policy) {
            problems.push(problem(
                DraftField::ContentFilter,
                format!(
                    "'{policy}' is not a content filter of this resource; it has: {}",
                    facts.rai_policies.join(", ")
                ),
            ));
        }
    }
    let model = match pick(draft, facts) {
        Ok(model) => model,
        Err(p) => {
            problems.push(p);
            return Err(problems);
        }
    };
    if let Some(reason) = &model.blocked {
        problems.push(problem(DraftField::Model, reason.clone()));
    }
    let Some(sku) = model.skus.iter().find(|s| s.name.eq_ignore_ascii_case(&draft.sku_name)) else {
        let offered: Vec<&str> = model.skus.iter().map(|s| s.name.as_str()).collect();
        problems.push(problem(
            DraftField::Sku,
            format!(
                "{} {} is not offered as {} here; offered: {}",
                model.name,
                model.version,
                draft.sku_name,
                if offered.is_empty() { "none".to_string() } else { offered.join(", ") }
            ),
        ));
        return Err(problems);
    };
    let quota = sku.usage_name.as_deref().and_then(|u| quota_for(&facts.usages, u));
    match check_capacity(sku, draft.sku_capacity, quota, 0) {
        Ok(capacity) if problems.is_empty() => Ok(Plan {
            version: model.version.clone(),
            version_was_default: draft.model_version.as_deref().is_none_or(|v| v.trim().is_empty()),
            sku: sku.clone(),
            capacity,
            quota,
        }),
        Ok(_) => Err(problems),
        Err(e) => {
            problems.push(problem(DraftField::Capacity, e.to_string()));
            Err(problems)
        }
    }
}
