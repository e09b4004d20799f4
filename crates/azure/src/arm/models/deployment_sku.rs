//! Deployment SKUs: how a deployment is billed and scaled, and the capacity each allows.

use serde::{Deserialize, Serialize};

use super::lenient::null_as_default;

use super::open_enum::open_enum;

open_enum! {
    /// A deployment SKU name (free text on the wire; take the choices from the catalog).
    ///
    /// Older catalogs also say `Provisioned` / `provisioned`; those stay `Other`, verbatim.
    SkuName {
        /// Regional pay-as-you-go.
        Standard => "Standard",
        /// Global pay-as-you-go.
        GlobalStandard => "GlobalStandard",
        /// Pay-as-you-go inside a data zone.
        DataZoneStandard => "DataZoneStandard",
        /// Global batch.
        GlobalBatch => "GlobalBatch",
        /// Batch inside a data zone.
        DataZoneBatch => "DataZoneBatch",
        /// Regional provisioned throughput.
        ProvisionedManaged => "ProvisionedManaged",
        /// Global provisioned throughput.
        GlobalProvisionedManaged => "GlobalProvisionedManaged",
        /// Provisioned throughput inside a data zone.
        DataZoneProvisionedManaged => "DataZoneProvisionedManaged",
        /// Cheap developer tier for fine-tuned models.
        DeveloperTier => "DeveloperTier",
    }
}

/// The SKU of a deployment: its name and capacity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DeploymentSku {
    /// GlobalStandard, Standard, …
    pub name: SkuName,
    /// Capacity; for Standard-family SKUs in units of 1,000 tokens per minute.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capacity: Option<u32>,
    /// SKU tier, rarely set for deployments.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<String>,
    /// SKU size, rarely set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<String>,
    /// SKU family, rarely set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family: Option<String>,
}

impl DeploymentSku {
    /// A SKU with just a name and a capacity, as a create request needs.
    pub fn new(name: SkuName, capacity: u32) -> Self {
        Self { name, capacity: Some(capacity), tier: None, size: None, family: None }
    }
}

/// The capacities a SKU allows; any bound may be missing (the catalog often omits minimum and step).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CapacityRange {
    /// Smallest capacity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minimum: Option<u32>,
    /// Largest capacity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maximum: Option<u32>,
    /// Capacity must be a multiple of this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step: Option<u32>,
    /// What the portal pre-fills.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<u32>,
    /// When present, the only capacities allowed.
    #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "Vec::is_empty")]
    pub allowed_values: Vec<u32>,
}

/// One item of `GET A/deployments/{name}/skus`: a SKU the deployment can move to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DeploymentSkuOption {
    /// `Microsoft.CognitiveServices/accounts/deployments`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_type: Option<String>,
    /// The SKU.
    pub sku: DeploymentSku,
    /// The capacities it allows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capacity: Option<CapacityRange>,
}
