//! Content-filter annotations as Azure attaches them: on the prompt (`prompt_filter_results`, with
//! jailbreak detection) and on each choice (with protected-material detection). Everything is safe unless
//! a fault names a category to flag.

use serde_json::{json, Map, Value};

/// Categories graded by severity; the others are detections.
const SEVERITY_CATEGORIES: [&str; 4] = ["hate", "self_harm", "sexual", "violence"];

/// The category a fault option names, in Azure's spelling (`self-harm`, `selfharm` → `self_harm`).
pub fn normalize(category: &str) -> String {
    match category.to_ascii_lowercase().replace('-', "_").as_str() {
        "selfharm" => "self_harm".into(),
        "protected_material" => "protected_material_text".into(),
        other => other.into(),
    }
}

fn results(detections: &[&str], flagged: Option<&str>) -> Value {
    let flagged = flagged.map(normalize);
    let mut map = Map::new();
    for category in SEVERITY_CATEGORIES {
        map.insert(category.into(), json!({"filtered": false, "severity": "safe"}));
    }
    for category in detections {
        map.insert((*category).into(), json!({"detected": false, "filtered": false}));
    }
    if let Some(flagged) = flagged {
        let value = if SEVERITY_CATEGORIES.contains(&flagged.as_str()) {
            json!({"filtered": true, "severity": "medium"})
        } else {
            json!({"detected": true, "filtered": true})
        };
        map.insert(flagged, value);
    }
    Value::Object(map)
}

/// A prompt's filter results: the four harms plus jailbreak.
pub fn prompt(flagged: Option<&str>) -> Value {
    results(&["jailbreak"], flagged)
}

/// A completion's filter results: the four harms plus protected material.
pub fn completion(flagged: Option<&str>) -> Value {
    results(&["protected_material_code", "protected_material_text"], flagged)
}

/// The top-level `prompt_filter_results` of an answer (one prompt, all safe).
pub fn prompt_filter_results() -> Value {
    json!([{"prompt_index": 0, "content_filter_results": prompt(None)}])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_the_named_category_in_its_own_shape() {
        assert_eq!(prompt(Some("jailbreak"))["jailbreak"], json!({"detected": true, "filtered": true}));
        assert_eq!(
            completion(Some("Self-Harm"))["self_harm"],
            json!({"filtered": true, "severity": "medium"})
        );
        assert_eq!(completion(None)["protected_material_code"]["filtered"], false);
        assert!(prompt(None).get("protected_material_text").is_none());
    }
}
