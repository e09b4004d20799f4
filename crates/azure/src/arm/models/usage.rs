//! Quota: how much of each limit is used (`GET S/locations/{loc}/usages`, `GET A/usages`).

use serde::{Deserialize, Serialize};

/// One quota counter. For model quota, `name.value` is a catalog SKU's `usageName`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Usage {
    /// What is counted.
    pub name: UsageName,
    /// How much is used.
    #[serde(serialize_with = "super::lenient::whole_number")]
    pub current_value: f64,
    /// How much is allowed.
    #[serde(serialize_with = "super::lenient::whole_number")]
    pub limit: f64,
    /// Count, Bytes, Seconds, …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// How long a period the limit covers, e.g. `30.00:00:00`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quota_period: Option<String>,
    /// When the counter resets (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_reset_time: Option<String>,
    /// Included, Blocked, InOverage, Unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Regional or Global.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope_type: Option<String>,
    /// The region, or `Global`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope_id: Option<String>,
}

impl Usage {
    /// Quota still free: `limit − current_value`, never negative.
    pub fn free(&self) -> f64 {
        (self.limit - self.current_value).max(0.0)
    }
}

/// The name of a quota counter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UsageName {
    /// Stable key, e.g. `OpenAI.Standard.gpt-4o`.
    pub value: String,
    /// Display text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub localized_value: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn usage(current_value: f64, limit: f64) -> Usage {
        Usage {
            name: UsageName { value: "OpenAI.Standard.gpt-4o".into(), localized_value: None },
            current_value,
            limit,
            unit: None,
            quota_period: None,
            next_reset_time: None,
            status: None,
            scope_type: None,
            scope_id: None,
        }
    }

    #[test]
    fn free_is_limit_minus_used() {
        assert_eq!(usage(30.0, 450.0).free(), 420.0);
        assert_eq!(usage(450.0, 450.0).free(), 0.0);
    }

    #[test]
    fn free_is_never_negative() {
        assert_eq!(usage(500.0, 450.0).free(), 0.0);
    }
}
