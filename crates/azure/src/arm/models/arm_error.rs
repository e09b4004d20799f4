//! The error body every ARM failure carries.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::lenient::null_as_default;

/// `{"error": {...}}`; a body missing the wrapper or any field still decodes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ArmErrorBody {
    /// The error itself.
    #[serde(default)]
    pub error: ArmErrorDetail,
}

/// One error: a stable `code` to branch on, a `message` to show verbatim, and nested details.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ArmErrorDetail {
    /// Stable code, e.g. `InsufficientQuota`, `RequestConflict`; empty when Azure sent none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub code: String,
    /// Human-readable message; empty when Azure sent none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub message: String,
    /// The field or resource the error is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// Nested errors.
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "null_as_default")]
    pub details: Vec<ArmErrorDetail>,
    /// Free-form extra information (`{type, info}` objects), kept as JSON.
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "null_as_default")]
    pub additional_info: Vec<Value>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_details_decode() {
        let body = r#"{"error":{"code":"InvalidResourceProperties","message":"bad sku","target":"sku",
            "details":[{"code":"Inner","message":"deeper"}],"additionalInfo":[{"type":"x","info":{}}]}}"#;
        let parsed: ArmErrorBody = serde_json::from_str(body).unwrap();
        assert_eq!(parsed.error.code, "InvalidResourceProperties");
        assert_eq!(parsed.error.target.as_deref(), Some("sku"));
        assert_eq!(parsed.error.details[0].message, "deeper");
        assert_eq!(parsed.error.additional_info.len(), 1);
    }

    #[test]
    fn null_details_and_missing_wrapper_decode() {
        let parsed: ArmErrorBody =
            serde_json::from_str(r#"{"error":{"code":"X","details":null,"additionalInfo":null}}"#).unwrap();
        assert_eq!(parsed.error.code, "X");
        assert!(parsed.error.details.is_empty());
        let parsed: ArmErrorBody = serde_json::from_str(r#"{"message":"odd"}"#).unwrap();
        assert_eq!(parsed, ArmErrorBody::default());
    }
}
