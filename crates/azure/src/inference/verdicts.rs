//! Content-filter verdicts as Azure sends them: per category `{filtered, severity}` (hate, sexual,
//! violence, self_harm) or `{filtered, detected}` (jailbreak, protected material). Read leniently:
//! categories Azure adds later, and entries of other shapes, are kept or skipped, never fatal.

use serde::Serialize;
use serde_json::Value;

/// One category's verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CategoryVerdict {
    /// As Azure names it: `hate`, `self_harm`, `jailbreak`, `protected_material_code`, …
    pub category: String,
    /// The text was blocked for it.
    pub filtered: bool,
    /// `safe`, `low`, `medium` or `high`, for the harm categories.
    pub severity: Option<String>,
    /// For the detection categories (jailbreak, protected material).
    pub detected: Option<bool>,
}

impl CategoryVerdict {
    /// Worth showing: blocked, detected, or rated above safe.
    pub fn is_flagged(&self) -> bool {
        self.filtered
            || self.detected == Some(true)
            || self.severity.as_deref().is_some_and(|s| !s.eq_ignore_ascii_case("safe"))
    }
}

/// All categories of one verdict (the prompt's, or one choice's).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct FilterVerdicts {
    pub categories: Vec<CategoryVerdict>,
}

impl FilterVerdicts {
    /// Reads a `content_filter_results` (or `content_filter_result`) object; anything else is empty.
    pub fn from_value(value: &Value) -> Self {
        let Some(map) = value.as_object() else { return Self::default() };
        let categories = map
            .iter()
            .filter_map(|(name, entry)| {
                let filtered = entry.get("filtered")?.as_bool()?;
                Some(CategoryVerdict {
                    category: name.clone(),
                    filtered,
                    severity: entry.get("severity").and_then(Value::as_str).map(str::to_string),
                    detected: entry.get("detected").and_then(Value::as_bool),
                })
            })
            .collect();
        Self { categories }
    }

    /// No category at all (Azure's `{}` on role and finish chunks).
    pub fn is_empty(&self) -> bool {
        self.categories.is_empty()
    }

    /// The categories worth showing.
    pub fn flagged(&self) -> impl Iterator<Item = &CategoryVerdict> {
        self.categories.iter().filter(|c| c.is_flagged())
    }

    /// The categories that blocked the text.
    pub fn blocked(&self) -> Vec<String> {
        self.categories.iter().filter(|c| c.filtered).map(|c| c.category.clone()).collect()
    }
}

/// Where a content-filter block happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FilterSource {
    /// The prompt was refused (HTTP 400; the prompt is billed).
    Prompt,
    /// The answer was cut off (`finish_reason: content_filter`).
    Completion,
}

/// A content-filter block: where, and which categories fired.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContentFilterBlock {
    pub source: FilterSource,
    pub verdicts: FilterVerdicts,
}

impl ContentFilterBlock {
    /// Reads the error body of a blocked prompt. The wire says `innererror` + `content_filter_result`;
    /// the docs say `inner_error` + `content_filter_results`: both are accepted.
    pub fn from_error_body(body: &Value) -> Option<Self> {
        let error = body.get("error").unwrap_or(body);
        let inner = error.get("innererror").or_else(|| error.get("inner_error"));
        let is_filter = error.get("code").and_then(Value::as_str) == Some("content_filter")
            || inner.and_then(|i| i.get("code")).and_then(Value::as_str)
                == Some("ResponsibleAIPolicyViolation");
        if !is_filter {
            return None;
        }
        let results = inner
            .and_then(|i| i.get("content_filter_result").or_else(|| i.get("content_filter_results")))
            .unwrap_or(&Value::Null);
        let source = match error.get("param").and_then(Value::as_str) {
            Some(p) if p.eq_ignore_ascii_case("prompt") => FilterSource::Prompt,
            None => FilterSource::Prompt,
            Some(_) => FilterSource::Completion,
        };
        Some(Self { source, verdicts: FilterVerdicts::from_value(results) })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn both_wire_spellings_of_a_blocked_prompt() {
        for (inner, results) in
            [("innererror", "content_filter_result"), ("inner_error", "content_filter_results")]
        {
            let body = json!({"error": {"code": "content_filter", "param": "prompt", inner: {
                "code": "ResponsibleAIPolicyViolation",
                results: {"hate": {"filtered": false, "severity": "safe"}, "jailbreak": {"filtered": true, "detected": true}}
            }}});
            let block = ContentFilterBlock::from_error_body(&body).unwrap();
            assert_eq!(block.source, FilterSource::Prompt);
            assert_eq!(block.verdicts.blocked(), ["jailbreak"]);
            assert_eq!(block.verdicts.flagged().count(), 1);
        }
        assert!(ContentFilterBlock::from_error_body(&json!({"error": {"code": "429"}})).is_none());
    }

    #[test]
    fn odd_entries_are_skipped_not_fatal() {
        let verdicts = FilterVerdicts::from_value(&json!({
            "sexual": {"filtered": false, "severity": "low"},
            "custom_blocklists": {"filtered": false, "details": []},
            "error": {"code": "x", "message": "y"},
            "weird": 3
        }));
        assert_eq!(verdicts.categories.len(), 2);
        assert_eq!(verdicts.flagged().map(|c| c.category.as_str()).collect::<Vec<_>>(), ["sexual"]);
        assert!(FilterVerdicts::from_value(&json!([])).is_empty());
    }
}
