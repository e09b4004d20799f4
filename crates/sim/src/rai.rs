//! Content-filter (RAI) policies: the two built-in ones every account has, in Azure's shape.

use serde_json::{json, Value};

/// The filters of a policy that blocks at `threshold` (Low, Medium, High) for the four harm categories.
pub fn content_filters(threshold: &str) -> Value {
    let mut filters = Vec::new();
    for name in ["Hate", "Sexual", "Selfharm", "Violence"] {
        for source in ["Prompt", "Completion"] {
            filters.push(json!({"name": name, "blocking": true, "enabled": true,
                                "severityThreshold": threshold, "source": source}));
        }
    }
    filters.push(json!({"name": "Jailbreak", "blocking": true, "enabled": true, "source": "Prompt"}));
    filters.push(
        json!({"name": "Protected Material Text", "blocking": true, "enabled": true, "source": "Completion"}),
    );
    filters.push(json!({"name": "Protected Material Code", "blocking": false, "enabled": true, "source": "Completion"}));
    filters.push(json!({"name": "Profanity", "blocking": false, "enabled": false, "source": "Prompt"}));
    Value::Array(filters)
}

/// `(name, properties)` of the built-in policies: Microsoft.Default and Microsoft.DefaultV2.
pub fn builtin_policies() -> Vec<(String, Value)> {
    ["Microsoft.Default", "Microsoft.DefaultV2"]
        .into_iter()
        .map(|name| {
            (
                name.to_string(),
                json!({"basePolicyName": name, "mode": "Blocking", "type": "SystemManaged",
                       "contentFilters": content_filters("Medium")}),
            )
        })
        .collect()
}
