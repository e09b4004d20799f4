//! The model catalog: what a region offers (`GET S/locations/{loc}/models`) and what an account can
//! deploy (`GET A/models`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::account::AccountKind;
use super::deployment::DeploymentModel;
use super::deployment_sku::{CapacityRange, SkuName};
use super::lenient::{null_as_default, string_map};
use super::open_enum::open_enum;
use super::rate_limit::RateLimit;
use super::system_data::SystemData;

open_enum! {
    /// Where a model version is in its life.
    LifecycleStatus {
        /// Preview.
        Preview => "Preview",
        /// Generally available.
        GenerallyAvailable => "GenerallyAvailable",
        /// Stable (non-OpenAI publishers say this for GA).
        Stable => "Stable",
        /// Existing deployments work; no new ones.
        Deprecating => "Deprecating",
        /// Inference answers 410.
        Deprecated => "Deprecated",
        /// Old, kept for existing customers.
        Legacy => "Legacy",
    }
}

/// One item of a region's catalog: a model version offered to accounts of one kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CatalogModel {
    /// The account kind that can deploy it (OpenAI, AIServices).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<AccountKind>,
    /// The model version.
    pub model: Model,
    /// The account SKU it needs (S0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sku_name: Option<String>,
    /// Free-text description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// A model version: what it can do, how it may be deployed and when it retires.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Model {
    /// Publisher format: "OpenAI", "Meta", "Mistral AI" (may contain spaces).
    pub format: String,
    /// Model name, e.g. `gpt-4o`.
    pub name: String,
    /// Model version, e.g. `2024-11-20`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// Publisher, when given separately from the format.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// Where in its life the version is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lifecycle_status: Option<LifecycleStatus>,
    /// Whether this is the version new deployments get by default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_default_version: Option<bool>,
    /// Most deployments of it an account may hold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_capacity: Option<u32>,
    /// What it can do, as text: `chatCompletion: "true"`, `maxContextToken: "128000"`.
    #[serde(default, deserialize_with = "string_map", skip_serializing_if = "BTreeMap::is_empty")]
    pub capabilities: BTreeMap<String, String>,
    /// What a fine-tuned copy can do.
    #[serde(default, deserialize_with = "string_map", skip_serializing_if = "BTreeMap::is_empty")]
    pub finetune_capabilities: BTreeMap<String, String>,
    /// When fine-tuning and inference retire.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deprecation: Option<ModelDeprecation>,
    /// How it can be deployed; empty or missing means it cannot be.
    #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "Vec::is_empty")]
    pub skus: Vec<ModelSku>,
    /// The model a fine-tuned model was trained from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_model: Option<DeploymentModel>,
    /// Where it comes from (fine-tuned models).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The Azure ML registry asset behind it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model_catalog_asset_id: Option<String>,
    /// What deployments auto-upgrade to when it retires.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replacement_config: Option<ReplacementConfig>,
    /// When the catalog entry was created and changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system_data: Option<SystemData>,
}

/// Retirement dates of a model version (RFC 3339 text).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ModelDeprecation {
    /// When fine-tuning stops.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fine_tune: Option<String>,
    /// When inference stops.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inference: Option<String>,
    /// Planned or Tentative.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deprecation_status: Option<String>,
}

/// The model a retiring version's deployments move to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReplacementConfig {
    /// Target model name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_model_name: Option<String>,
    /// Target model version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_model_version: Option<String>,
    /// When automatic upgrades start (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auto_upgrade_start_date: Option<String>,
    /// Days before expiry that upgrades happen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upgrade_on_expiry_lead_time_days: Option<u32>,
}

/// One way to deploy a model version: a SKU, its quota key, capacity range, limits and meters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ModelSku {
    /// The deployment SKU name.
    pub name: SkuName,
    /// Key into usages `name.value`, e.g. `OpenAI.Standard.gpt-4o`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage_name: Option<String>,
    /// The capacities a deployment may ask for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capacity: Option<CapacityRange>,
    /// Requests and tokens per capacity unit.
    #[serde(
        default,
        deserialize_with = "null_as_default",
        alias = "ratelimits",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub rate_limits: Vec<RateLimit>,
    /// Billing meters; the spec says `cost`, real traffic `costs`.
    #[serde(
        default,
        deserialize_with = "null_as_default",
        rename = "cost",
        alias = "costs",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub costs: Vec<BillingMeter>,
    /// When this SKU stops being offered for the model (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deprecation_date: Option<String>,
}

/// A billing meter of a SKU; look its price up by `meter_id` in the Retail Prices API.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BillingMeter {
    /// Meter name, e.g. "gpt-4o-0806-Inp-glbl".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Meter GUID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meter_id: Option<String>,
    /// Billing unit, e.g. "1K".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lifecycle_is_open() {
        let status: LifecycleStatus = serde_json::from_str("\"Retired\"").unwrap();
        assert_eq!(status, LifecycleStatus::Other("Retired".into()));
        let status: LifecycleStatus = serde_json::from_str("\"Deprecating\"").unwrap();
        assert_eq!(status, LifecycleStatus::Deprecating);
    }
}
