//! A non-streamed answer: its choices, token counts, verdicts, and what its headers said.

use serde::Serialize;
use serde_json::Value;

use super::rate_limits::RateLimits;
use super::request::Adjustment;
use super::stream::{FinishReason, Usage};
use super::verdicts::{ContentFilterBlock, FilterSource, FilterVerdicts};
use crate::error::{AzureError, ErrorKind};

/// What the answer's headers said: who answered and the headroom left.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AnswerMeta {
    pub request_id: Option<String>,
    pub rate_limits: RateLimits,
}

/// One choice of a non-streamed answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AnswerChoice {
    pub text: String,
    pub finish_reason: Option<FinishReason>,
    pub verdicts: FilterVerdicts,
}

/// A non-streamed answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ChatAnswer {
    pub choices: Vec<AnswerChoice>,
    pub usage: Option<Usage>,
    /// The model version that answered.
    pub model: Option<String>,
    pub prompt_verdicts: FilterVerdicts,
    pub meta: AnswerMeta,
    pub adjustments: Vec<Adjustment>,
}

impl ChatAnswer {
    /// The content-filter block when the answer was cut by the filter.
    pub fn completion_block(&self) -> Option<ContentFilterBlock> {
        self.choices
            .iter()
            .find(|c| c.finish_reason == Some(FinishReason::ContentFilter))
            .map(|c| ContentFilterBlock { source: FilterSource::Completion, verdicts: c.verdicts.clone() })
    }

    /// Reads the answer's JSON (a filtered choice has no `message`: its text is empty).
    pub fn parse(body: &[u8], meta: AnswerMeta) -> Result<Self, AzureError> {
        let value: Value = serde_json::from_slice(body).map_err(|e| {
            AzureError::local(ErrorKind::Decode, format!("Azure's answer was not valid JSON: {e}"))
        })?;
        let choices = value
            .get("choices")
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or_default()
            .iter()
            .map(|choice| AnswerChoice {
                text: choice
                    .pointer("/message/content")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string(),
                finish_reason: choice.get("finish_reason").and_then(Value::as_str).map(FinishReason::parse),
                verdicts: FilterVerdicts::from_value(
                    choice.get("content_filter_results").unwrap_or(&Value::Null),
                ),
            })
            .collect();
        let prompt_verdicts = value
            .pointer("/prompt_filter_results/0/content_filter_results")
            .map(FilterVerdicts::from_value)
            .unwrap_or_default();
        Ok(Self {
            choices,
            usage: value.get("usage").and_then(Usage::from_value),
            model: value.get("model").and_then(Value::as_str).map(str::to_string),
            prompt_verdicts,
            meta,
            adjustments: Vec::new(),
        })
    }
}
