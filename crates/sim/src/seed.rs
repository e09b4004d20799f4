//! The seed: everything the simulated Azure starts with. It serializes to JSON (`--seed-file` loads the
//! same shape) and catalog entries are stored in exactly the shape `GET .../locations/{loc}/models` returns.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The whole starting world.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Seed {
    /// Entra tenants the signed-in user can see.
    pub tenants: Vec<TenantSeed>,
    /// Subscriptions the user can see.
    pub subscriptions: Vec<SubscriptionSeed>,
    /// Resource groups, each in one subscription.
    pub resource_groups: Vec<ResourceGroupSeed>,
    /// Cognitive Services accounts.
    pub accounts: Vec<AccountSeed>,
    /// Model deployments that exist at start.
    pub deployments: Vec<DeploymentSeed>,
    /// Custom content-filter policies (Microsoft.Default and Microsoft.DefaultV2 exist on every account).
    pub rai_policies: Vec<RaiPolicySeed>,
    /// Quota limits per subscription, region and usage name.
    pub quotas: Vec<QuotaSeed>,
    /// The model catalog of each region.
    pub catalog: Vec<RegionCatalog>,
    /// Each tenant's Entra directory: users, groups, service principals (Ada is added to every tenant's).
    pub directories: Vec<crate::access::DirectorySeed>,
    /// Role assignments at start; a subscription none of them is in gets Ada as Owner and Cognitive Services
    /// OpenAI User there, so seeds written before access control was simulated keep working.
    pub role_assignments: Vec<crate::access::RoleAssignmentSeed>,
}

/// An Entra tenant.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TenantSeed {
    /// The tenant's GUID.
    pub tenant_id: String,
    /// Display name.
    pub display_name: String,
    /// e.g. `contoso.onmicrosoft.com`.
    pub default_domain: String,
}

/// A subscription.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SubscriptionSeed {
    /// The subscription's GUID.
    pub subscription_id: String,
    /// Display name.
    pub display_name: String,
    /// Home tenant.
    pub tenant_id: String,
    /// Enabled, Disabled, Warned…
    #[serde(default = "enabled")]
    pub state: String,
    /// Tenants that manage it (Azure Lighthouse).
    #[serde(default)]
    pub managed_by_tenants: Vec<String>,
    /// Resource tags.
    #[serde(default)]
    pub tags: BTreeMap<String, String>,
}

fn enabled() -> String {
    "Enabled".into()
}

/// A resource group.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResourceGroupSeed {
    /// Owning subscription.
    pub subscription_id: String,
    /// Group name.
    pub name: String,
    /// Region.
    pub location: String,
}

/// A Cognitive Services account.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AccountSeed {
    /// Owning subscription.
    pub subscription_id: String,
    /// Owning resource group.
    pub resource_group: String,
    /// Account name (also its custom subdomain).
    pub name: String,
    /// OpenAI, AIServices, or any other kind.
    pub kind: String,
    /// Region.
    pub location: String,
    /// Account SKU, normally S0.
    #[serde(default = "s0")]
    pub sku: String,
    /// Resource tags.
    #[serde(default)]
    pub tags: BTreeMap<String, String>,
    /// When true, keys are refused and only Entra tokens work.
    #[serde(default)]
    pub disable_local_auth: bool,
    /// Fixed keys; random ones are made when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keys: Option<[String; 2]>,
}

fn s0() -> String {
    "S0".into()
}

/// A model deployment.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DeploymentSeed {
    /// Owning subscription.
    pub subscription_id: String,
    /// Owning resource group.
    pub resource_group: String,
    /// Owning account.
    pub account: String,
    /// Deployment name.
    pub name: String,
    /// Deployment SKU name (Standard, GlobalStandard…).
    pub sku_name: String,
    /// Capacity in the SKU's units (K TPM for Standard-family SKUs).
    pub capacity: u64,
    /// Model format, e.g. OpenAI.
    pub model_format: String,
    /// Model name.
    pub model_name: String,
    /// Model version.
    pub model_version: String,
    /// Content filter policy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rai_policy_name: Option<String>,
    /// Paused or Running.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deployment_state: Option<String>,
}

/// A custom content-filter policy on one account.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RaiPolicySeed {
    /// Owning subscription.
    pub subscription_id: String,
    /// Owning resource group.
    pub resource_group: String,
    /// Owning account.
    pub account: String,
    /// Policy name.
    pub name: String,
    /// The policy's `properties` in Azure's shape (basePolicyName, mode, contentFilters…).
    pub properties: Value,
}

/// One quota: the limit of a usage name in a region of a subscription.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct QuotaSeed {
    /// Owning subscription.
    pub subscription_id: String,
    /// Region.
    pub location: String,
    /// Usage name, e.g. `OpenAI.Standard.gpt-4o`: the key catalog SKUs point at.
    pub usage_name: String,
    /// The limit (K TPM for token quotas).
    pub limit: u64,
    /// Human-readable name; derived from the usage name when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub localized_name: Option<String>,
}

/// The model catalog of one region.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RegionCatalog {
    /// Region name, e.g. eastus.
    pub location: String,
    /// Entries exactly as `GET .../locations/{loc}/models` lists them.
    pub models: Vec<CatalogEntry>,
}

/// One catalog item: `{kind, skuName, model}`.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CatalogEntry {
    /// The account kind that can deploy it (OpenAI or AIServices).
    pub kind: String,
    /// The account SKU it needs (S0).
    pub sku_name: String,
    /// The model.
    pub model: CatalogModel,
}

/// A model version in a catalog.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CatalogModel {
    /// Format, e.g. OpenAI or "Mistral AI".
    pub format: String,
    /// Model name.
    pub name: String,
    /// Model version.
    pub version: String,
    /// Preview, GenerallyAvailable, Stable, Deprecating, Deprecated, Legacy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lifecycle_status: Option<String>,
    /// Whether a deployment without a version gets this one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_default_version: Option<bool>,
    /// Capabilities as Azure reports them (string values).
    #[serde(default)]
    pub capabilities: BTreeMap<String, String>,
    /// Deployable SKUs.
    #[serde(default)]
    pub skus: Vec<CatalogSku>,
    /// Everything else Azure sends (deprecation, maxCapacity, systemData, replacementConfig…), kept verbatim.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A SKU a model version can be deployed with.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CatalogSku {
    /// SKU name (Standard, GlobalStandard…).
    pub name: String,
    /// Quota key into usages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage_name: Option<String>,
    /// Allowed capacity.
    #[serde(default)]
    pub capacity: SkuCapacity,
    /// Everything else (rateLimits, cost, deprecationDate…), kept verbatim.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `{minimum, maximum, step, default}`; any may be missing in Azure's answers.
#[derive(Clone, Copy, Debug, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SkuCapacity {
    /// Default capacity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<u64>,
    /// Largest capacity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maximum: Option<u64>,
    /// Smallest capacity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minimum: Option<u64>,
    /// Capacity increments.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step: Option<u64>,
}

impl Seed {
    /// Reads a seed from a JSON file.
    pub fn from_file(path: &std::path::Path) -> std::io::Result<Self> {
        let text = std::fs::read_to_string(path)?;
        serde_json::from_str(&text).map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
    }
}
