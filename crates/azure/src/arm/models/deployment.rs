//! Model deployments: what the account serves, and the bodies that create and change them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::deployment_sku::DeploymentSku;
use super::lenient::{is_default, null_as_default, string_map};
use super::open_enum::open_enum;
use super::provisioning::ProvisioningState;
use super::rate_limit::RateLimit;
use super::system_data::SystemData;

open_enum! {
    /// Whether a deployment answers requests.
    DeploymentState {
        /// Answering.
        Running => "Running",
        /// Paused: inference answers 423.
        Paused => "Paused",
    }
}

open_enum! {
    /// The processing priority a deployment buys.
    ServiceTier {
        /// Normal priority.
        Default => "Default",
        /// Priority processing.
        Priority => "Priority",
    }
}

open_enum! {
    /// When Azure moves a deployment to a newer model version.
    VersionUpgradeOption {
        /// As soon as a new default version exists.
        OnceNewDefaultVersionAvailable => "OnceNewDefaultVersionAvailable",
        /// Only when the current version retires.
        OnceCurrentVersionExpired => "OnceCurrentVersionExpired",
        /// Never (the deployment stops when the version retires).
        NoAutoUpgrade => "NoAutoUpgrade",
    }
}

/// A model deployment (`GET A/deployments/{name}`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Deployment {
    /// ARM id.
    pub id: String,
    /// The deployment's name: what inference requests address.
    pub name: String,
    /// `Microsoft.CognitiveServices/accounts/deployments`.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub resource_type: Option<String>,
    /// SKU and capacity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sku: Option<DeploymentSku>,
    /// The deployment's properties.
    #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "is_default")]
    pub properties: DeploymentProperties,
    /// Who created and changed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system_data: Option<SystemData>,
    /// Resource tags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<BTreeMap<String, String>>,
    /// Entity tag for optimistic concurrency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
}

/// The model a deployment serves.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DeploymentModel {
    /// Publisher format: "OpenAI", "Mistral AI", …
    pub format: String,
    /// Model name, e.g. `gpt-4o` — what decides reasoning or not, never the deployment's name.
    pub name: String,
    /// Model version; omitted in a create request, Azure picks the default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// Where a fine-tuned model comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Publisher, when given separately from the format.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
}

/// The properties of a deployment Azure reports.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DeploymentProperties {
    /// The model served.
    #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "is_default")]
    pub model: DeploymentModel,
    /// Where the deployment's provisioning stands.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provisioning_state: Option<ProvisioningState>,
    /// The content filter policy applied.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rai_policy_name: Option<String>,
    /// When Azure upgrades the model version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version_upgrade_option: Option<VersionUpgradeOption>,
    /// Requests and tokens per window the capacity buys (read-only).
    #[serde(
        default,
        deserialize_with = "null_as_default",
        alias = "ratelimits",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub rate_limits: Vec<RateLimit>,
    /// What the deployment can do, as text (`chatCompletion: "true"`).
    #[serde(default, deserialize_with = "string_map", skip_serializing_if = "BTreeMap::is_empty")]
    pub capabilities: BTreeMap<String, String>,
    /// Capacity actually in force.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_capacity: Option<u32>,
    /// Whether limits flex with spare capacity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dynamic_throttling_enabled: Option<bool>,
    /// Running or Paused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deployment_state: Option<DeploymentState>,
    /// Default or Priority.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_tier: Option<ServiceTier>,
    /// Deployment that takes overflow traffic, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spillover_deployment_name: Option<String>,
    /// Parent deployment of a fine-tuned one, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_deployment_name: Option<String>,
}

/// The body of `PUT A/deployments/{name}`: the whole deployment, created or replaced.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DeploymentCreate {
    /// SKU and capacity.
    pub sku: DeploymentSku,
    /// Model and options.
    pub properties: DeploymentCreateProperties,
    /// Resource tags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<BTreeMap<String, String>>,
}

/// The writable properties of a deployment.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DeploymentCreateProperties {
    /// The model to serve.
    pub model: DeploymentModel,
    /// When Azure upgrades the model version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version_upgrade_option: Option<VersionUpgradeOption>,
    /// Content filter policy, e.g. `Microsoft.DefaultV2`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rai_policy_name: Option<String>,
    /// Start Running or Paused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deployment_state: Option<DeploymentState>,
    /// Default or Priority.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_tier: Option<ServiceTier>,
    /// Let limits flex with spare capacity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dynamic_throttling_enabled: Option<bool>,
    /// Deployment to take overflow traffic.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spillover_deployment_name: Option<String>,
}

/// The body of `PATCH A/deployments/{name}`: only SKU and tags can change this way.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DeploymentPatch {
    /// New SKU or capacity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sku: Option<DeploymentSku>,
    /// New tags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<BTreeMap<String, String>>,
}

#[cfg(test)]
mod tests {
    use super::super::deployment_sku::SkuName;
    use super::*;

    #[test]
    fn create_body_matches_the_documented_shape() {
        let body = DeploymentCreate {
            sku: DeploymentSku::new(SkuName::GlobalStandard, 10),
            properties: DeploymentCreateProperties {
                model: DeploymentModel {
                    format: "OpenAI".into(),
                    name: "gpt-4o".into(),
                    version: Some("2024-11-20".into()),
                    ..DeploymentModel::default()
                },
                version_upgrade_option: Some(VersionUpgradeOption::OnceNewDefaultVersionAvailable),
                rai_policy_name: Some("Microsoft.DefaultV2".into()),
                ..DeploymentCreateProperties::default()
            },
            tags: None,
        };
        let expected = serde_json::json!({
            "sku": {"name": "GlobalStandard", "capacity": 10},
            "properties": {
                "model": {"format": "OpenAI", "name": "gpt-4o", "version": "2024-11-20"},
                "versionUpgradeOption": "OnceNewDefaultVersionAvailable",
                "raiPolicyName": "Microsoft.DefaultV2"
            }
        });
        assert_eq!(serde_json::to_value(&body).unwrap(), expected);
    }

    #[test]
    fn patch_sends_only_what_is_set() {
        let patch = DeploymentPatch { sku: Some(DeploymentSku::new(SkuName::Standard, 5)), tags: None };
        assert_eq!(serde_json::to_string(&patch).unwrap(), r#"{"sku":{"name":"Standard","capacity":5}}"#);
    }

    #[test]
    fn read_only_properties_decode() {
        let body = r#"{"id":"/d","name":"chat","sku":{"name":"GlobalStandard","capacity":10},
            "properties":{"model":{"format":"OpenAI","name":"gpt-4o","version":"2024-11-20"},
            "rateLimits":[{"key":"request","renewalPeriod":10,"count":10},
                          {"key":"token","renewalPeriod":60,"count":10000}],
            "capabilities":{"chatCompletion":"true","maxContextToken":"128000"},
            "currentCapacity":10,"dynamicThrottlingEnabled":false,"provisioningState":"Creating",
            "versionUpgradeOption":"NoAutoUpgrade","raiPolicyName":"Microsoft.DefaultV2"}}"#;
        let deployment: Deployment = serde_json::from_str(body).unwrap();
        let properties = &deployment.properties;
        assert_eq!(properties.rate_limits[1].count, Some(10000.0));
        assert_eq!(properties.capabilities.get("maxContextToken").map(String::as_str), Some("128000"));
        assert_eq!(properties.current_capacity, Some(10));
        assert_eq!(properties.dynamic_throttling_enabled, Some(false));
        assert_eq!(properties.version_upgrade_option, Some(VersionUpgradeOption::NoAutoUpgrade));
        assert_eq!(properties.provisioning_state, Some(ProvisioningState::Creating));
    }
}
