//! Content filter policies (`GET A/raiPolicies`, `GET A/raiPolicies/{name}`).

use serde::{Deserialize, Serialize};

use super::lenient::{is_default, null_as_default};
use super::system_data::SystemData;

/// A content filter policy a deployment can name in `raiPolicyName`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RaiPolicy {
    /// ARM id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The policy's name, e.g. `Microsoft.DefaultV2`.
    pub name: String,
    /// `Microsoft.CognitiveServices/accounts/raiPolicies`.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub resource_type: Option<String>,
    /// Entity tag.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    /// The filters.
    #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "is_default")]
    pub properties: RaiPolicyProperties,
    /// Who created and changed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system_data: Option<SystemData>,
}

/// What a content filter policy does.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RaiPolicyProperties {
    /// Default, Deferred, Blocking, Asynchronous_filter, …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
    /// SystemManaged or UserManaged.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub policy_type: Option<String>,
    /// The policy it starts from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_policy_name: Option<String>,
    /// One filter per category and direction.
    #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "Vec::is_empty")]
    pub content_filters: Vec<ContentFilter>,
    /// Blocklists of the user's own terms.
    #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "Vec::is_empty")]
    pub custom_blocklists: Vec<CustomBlocklist>,
}

/// One category of filtering (Hate, Sexual, Jailbreak, …) for prompts or completions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ContentFilter {
    /// The category, e.g. "Hate", "Protected Material Text".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Whether the filter runs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// Whether it blocks, or only annotates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blocking: Option<bool>,
    /// Low, Medium or High: the severity from which it acts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity_threshold: Option<String>,
    /// Prompt or Completion.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// A user blocklist a policy applies.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomBlocklist {
    /// The blocklist's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blocklist_name: Option<String>,
    /// Whether it blocks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blocking: Option<bool>,
    /// Prompt or Completion.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}
