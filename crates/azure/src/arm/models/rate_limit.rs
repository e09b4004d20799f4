//! Rate limits Azure reports for a deployment or a catalog SKU.

use serde::{Deserialize, Serialize};

use super::lenient::null_as_default;

/// One limit: `count` units per `renewal_period` seconds for the unit named by `key` (request, token).
///
/// Deployments report these as `ThrottlingRule`s, the catalog as `CallRateLimit`s with nested `rules`;
/// one type reads both.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RateLimit {
    /// What is counted: `request` or `token`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// The window, in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(serialize_with = "super::lenient::optional_whole_number")]
    pub renewal_period: Option<f64>,
    /// How many are allowed per window.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(serialize_with = "super::lenient::optional_whole_number")]
    pub count: Option<f64>,
    /// The floor under dynamic throttling.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(serialize_with = "super::lenient::optional_whole_number")]
    pub min_count: Option<f64>,
    /// Whether the limit flexes with spare capacity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dynamic_throttling_enabled: Option<bool>,
    /// Which requests the limit applies to.
    #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "Vec::is_empty")]
    pub match_patterns: Vec<RequestMatchPattern>,
    /// Nested rules (catalog `CallRateLimit` shape).
    #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<RateLimit>,
}

/// A request path and method a rate limit applies to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RequestMatchPattern {
    /// URL path pattern.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// HTTP method.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
}
