//! Capacity a region still has for a model (`GET S/modelCapacities`, `GET S/locations/{loc}/modelCapacities`).

use serde::{Deserialize, Serialize};

use super::deployment::DeploymentModel;
use super::deployment_sku::SkuName;
use super::lenient::{is_default, null_as_default};

/// Free capacity of one model version under one SKU in one region.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ModelCapacity {
    /// ARM id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The SKU name again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `Microsoft.CognitiveServices/locations/models/skuCapacities`.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub resource_type: Option<String>,
    /// The region.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// What is available.
    #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "is_default")]
    pub properties: ModelCapacityProperties,
}

/// What a region can still give a model under a SKU.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ModelCapacityProperties {
    /// The model version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<DeploymentModel>,
    /// The deployment SKU.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sku_name: Option<SkuName>,
    /// Capacity free for new deployments, in the SKU's units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(serialize_with = "super::lenient::optional_whole_number")]
    pub available_capacity: Option<f64>,
    /// Capacity free for fine-tuned deployments.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(serialize_with = "super::lenient::optional_whole_number")]
    pub available_finetune_capacity: Option<f64>,
    /// Regional or Global.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope_type: Option<String>,
    /// The region, or `Global`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope_id: Option<String>,
}
