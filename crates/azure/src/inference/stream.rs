//! Turns the `data:` payloads of an answer stream into typed events, for every shape Azure really
//! sends (AZURE.md §2): the empty-choices first chunk with the prompt's verdicts, the role chunk,
//! content chunks with per-chunk verdicts and `obfuscation` padding, the finish chunk (verdicts `{}`
//! or full), the usage chunk, asynchronous-filter annotations without `delta` after the finish, and
//! `[DONE]` — or a clean end after a finish. A stream that ends before any finish is cut.
//!
//! Pure and synchronous, so it can be tested against captured streams and fuzzed.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use super::verdicts::{ContentFilterBlock, FilterSource, FilterVerdicts};
use crate::error::{AzureError, ErrorKind};

/// Why a choice ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FinishReason {
    Stop,
    Length,
    ContentFilter,
    ToolCalls,
    /// A reason this client does not know yet, verbatim.
    Other(String),
}

impl FinishReason {
    /// Reads Azure's `finish_reason`.
    pub fn parse(text: &str) -> Self {
        match text {
            "stop" => Self::Stop,
            "length" => Self::Length,
            "content_filter" => Self::ContentFilter,
            "tool_calls" | "function_call" => Self::ToolCalls,
            other => Self::Other(other.to_string()),
        }
    }
}

/// Token counts of an answer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Usage {
    pub prompt_tokens: u64,
    pub completion_tokens: u64,
    pub total_tokens: u64,
    /// Hidden reasoning, counted in `completion_tokens` (reasoning models).
    pub reasoning_tokens: Option<u64>,
    /// Prompt tokens served from the cache.
    pub cached_tokens: Option<u64>,
}

impl Usage {
    /// Reads a `usage` object; `None` for `null` or anything without the counts.
    pub fn from_value(value: &Value) -> Option<Self> {
        let count = |v: &Value, key: &str| v.get(key).and_then(Value::as_u64);
        let prompt_tokens = count(value, "prompt_tokens")?;
        let completion_tokens = count(value, "completion_tokens").unwrap_or(0);
        Some(Self {
            prompt_tokens,
            completion_tokens,
            total_tokens: count(value, "total_tokens")
                .unwrap_or(prompt_tokens.saturating_add(completion_tokens)),
            reasoning_tokens: value
                .get("completion_tokens_details")
                .and_then(|d| count(d, "reasoning_tokens")),
            cached_tokens: value.get("prompt_tokens_details").and_then(|d| count(d, "cached_tokens")),
        })
    }
}

/// Where an asynchronous-filter annotation applies in the choice's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FilterOffsets {
    pub check_offset: u64,
    pub start_offset: u64,
    pub end_offset: u64,
}

/// What an answer stream says, in order, as it arrives.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum ChatEvent {
    /// The answer started: who answered, the headroom left, and what was changed to fit the model.
    Opened {
        request_id: Option<String>,
        rate_limits: super::rate_limits::RateLimits,
        adjustments: Vec<super::request::Adjustment>,
    },
    /// The prompt's content-filter verdicts (the first chunk).
    PromptFilter { prompt_index: u32, verdicts: FilterVerdicts },
    /// More text of one choice.
    Delta { choice: u32, text: String },
    /// A verdict worth showing for a choice: a flagged category, or an asynchronous-filter annotation.
    Filter { choice: u32, verdicts: FilterVerdicts, offsets: Option<FilterOffsets> },
    /// A choice is finished; `verdicts` are the last full ones its chunks carried.
    Done { choice: u32, finish_reason: FinishReason, verdicts: FilterVerdicts },
    /// The answer's token counts.
    Usage { usage: Usage },
    /// The model version that answered (`gpt-4.1-mini-2025-04-14`), once known.
    Model { model: String },
    /// The stream failed; `partial` is the text each choice had received (index = choice).
    Error {
        #[serde(serialize_with = "serialize_error")]
        error: AzureError,
        partial: Vec<String>,
    },
}

/// An error as a JSON object: kind, Azure's code and message, status, request id, wait, filter verdicts.
fn serialize_error<S: serde::Serializer>(error: &AzureError, serializer: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut map = serializer.serialize_map(None)?;
    map.serialize_entry("kind", &format!("{:?}", error.kind))?;
    map.serialize_entry("code", &error.code)?;
    map.serialize_entry("message", &error.message)?;
    map.serialize_entry("status", &error.status)?;
    map.serialize_entry("requestId", &error.request_id)?;
    map.serialize_entry("retryAfterSecs", &error.retry_after.map(|w| w.as_secs_f64()))?;
    map.serialize_entry("contentFilter", &error.content_filter())?;
    map.end()
}

/// Assembles one answer stream. Feed it each event's data, then tell it the stream ended.
#[derive(Debug, Default)]
pub struct StreamAssembler {
    /// Every choice any chunk mentioned, with its text so far.
    texts: BTreeMap<u32, String>,
    /// The flagged categories last reported per choice, so a steady `low` is reported once.
    reported: BTreeMap<u32, Vec<(String, bool, Option<String>)>>,
    verdicts: BTreeMap<u32, FilterVerdicts>,
    finished: BTreeMap<u32, FinishReason>,
    model_seen: bool,
    done_marker: bool,
    failed: bool,
}

impl StreamAssembler {
    /// A fresh assembler.
    pub fn new() -> Self {
        Self::default()
    }

    /// The text received so far for `choice`.
    pub fn text(&self, choice: u32) -> &str {
        self.texts.get(&choice).map_or("", String::as_str)
    }

    /// Whether the stream already failed (further data is ignored).
    pub fn has_failed(&self) -> bool {
        self.failed
    }

    /// One `data:` payload. Returns the events it carries.
    pub fn on_data(&mut self, data: &str) -> Vec<ChatEvent> {
        let mut events = Vec::new();
        if self.failed {
            return events;
        }
        let data = data.trim();
        if data == "[DONE]" {
            self.done_marker = true;
            return events;
        }
        if data.is_empty() {
            return events;
        }
        let chunk: Value = match serde_json::from_str(data) {
            Ok(chunk @ Value::Object(_)) => chunk,
            Ok(_) | Err(_) => {
                let error = AzureError::local(
                    ErrorKind::Decode,
                    "Azure sent a piece of the answer that could not be read; the answer stops here",
                );
                events.push(self.fail(error));
                return events;
            }
        };
        // A stream can carry an error object in place of a chunk.
        if let Some(error) = chunk.get("error").filter(|e| e.is_object()) {
            let body = serde_json::json!({ "error": error }).to_string();
            events.push(self.fail(super::errors::inference_error(200, &Default::default(), body.as_bytes())));
            return events;
        }
        if let Some(prompts) = chunk.get("prompt_filter_results").and_then(Value::as_array) {
            for prompt in prompts {
                let prompt_index = index_of(prompt.get("prompt_index"));
                let verdicts =
                    FilterVerdicts::from_value(prompt.get("content_filter_results").unwrap_or(&Value::Null));
                events.push(ChatEvent::PromptFilter { prompt_index, verdicts });
            }
        }
        if let Some(model) = chunk.get("model").and_then(Value::as_str).filter(|m| !m.is_empty()) {
            if !self.model_seen {
                self.model_seen = true;
                events.push(ChatEvent::Model { model: model.to_string() });
            }
        }
        for choice_value in
            chunk.get("choices").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default()
        {
            self.on_choice(choice_value, &mut events);
        }
        if let Some(usage) = chunk.get("usage").and_then(Usage::from_value) {
            events.push(ChatEvent::Usage { usage });
        }
        events
    }

    fn on_choice(&mut self, value: &Value, events: &mut Vec<ChatEvent>) {
        let choice = index_of(value.get("index"));
        let verdicts =
            value.get("content_filter_results").map(FilterVerdicts::from_value).unwrap_or_default();
        let offsets = value.get("content_filter_offsets").and_then(|o| {
            Some(FilterOffsets {
                check_offset: o.get("check_offset")?.as_u64()?,
                start_offset: o.get("start_offset")?.as_u64()?,
                end_offset: o.get("end_offset")?.as_u64()?,
            })
        });
        // Every choice a chunk names must finish, even one that never got text.
        let text = self.texts.entry(choice).or_default();
        if let Some(delta) = value.pointer("/delta/content").and_then(Value::as_str).filter(|t| !t.is_empty())
        {
            text.push_str(delta);
            events.push(ChatEvent::Delta { choice, text: delta.to_string() });
        }
        // The asynchronous filter annotates without a delta, possibly after the finish; synchronous
        // verdicts come with every chunk, and are reported when what they flag changes.
        let annotation = value.get("delta").is_none() && (offsets.is_some() || !verdicts.is_empty());
        let flagged: Vec<(String, bool, Option<String>)> =
            verdicts.flagged().map(|c| (c.category.clone(), c.filtered, c.severity.clone())).collect();
        let changed =
            !verdicts.is_empty() && self.reported.get(&choice).map_or(!flagged.is_empty(), |r| *r != flagged);
        if annotation || changed {
            events.push(ChatEvent::Filter { choice, verdicts: verdicts.clone(), offsets });
        }
        if !verdicts.is_empty() {
            self.reported.insert(choice, flagged);
        }
        if !verdicts.is_empty() {
            self.verdicts.insert(choice, verdicts);
        }
        if let Some(reason) = value.get("finish_reason").and_then(Value::as_str) {
            let finish_reason = FinishReason::parse(reason);
            if self.finished.insert(choice, finish_reason.clone()).is_none() {
                let verdicts = self.verdicts.get(&choice).cloned().unwrap_or_default();
                events.push(ChatEvent::Done { choice, finish_reason, verdicts });
            }
        }
    }

    /// The stream ended (cleanly or not). Complete when every choice that began has finished;
    /// otherwise the answer was cut, and the error carries the text received so far.
    pub fn on_end(&mut self) -> Vec<ChatEvent> {
        if self.failed {
            return Vec::new();
        }
        let unfinished = self.texts.keys().any(|c| !self.finished.contains_key(c));
        if self.finished.is_empty() || unfinished {
            let received: usize = self.texts.values().map(String::len).sum();
            let error = AzureError::local(
                ErrorKind::StreamCut,
                format!(
                    "the answer stopped before it was finished ({received} characters received{})",
                    if self.done_marker { "; Azure marked it done" } else { "" }
                ),
            );
            return vec![self.fail(error)];
        }
        Vec::new()
    }

    /// The content-filter block when a choice was cut by the filter.
    pub fn completion_block(&self) -> Option<ContentFilterBlock> {
        self.finished.iter().find(|(_, r)| **r == FinishReason::ContentFilter).map(|(choice, _)| {
            ContentFilterBlock {
                source: FilterSource::Completion,
                verdicts: self.verdicts.get(choice).cloned().unwrap_or_default(),
            }
        })
    }

    /// Ends the stream with `error` (a broken connection, a stall), keeping the text received so far.
    pub fn fail_with(&mut self, error: AzureError) -> ChatEvent {
        self.fail(error)
    }

    fn fail(&mut self, error: AzureError) -> ChatEvent {
        self.failed = true;
        let count = self.texts.keys().next_back().map_or(0, |last| last + 1);
        let partial = (0..count).map(|c| self.text(c).to_string()).collect();
        ChatEvent::Error { error, partial }
    }
}

/// Reads a whole recorded stream (an `.sse` capture) at once, with the same SSE framing as a live one:
/// for tests, benchmarks and fuzzing.
pub fn assemble_recorded(body: &[u8]) -> Vec<ChatEvent> {
    use eventsource_stream::Eventsource;
    use futures_util::{FutureExt, StreamExt};

    let bytes = futures_util::stream::iter([Ok::<_, std::convert::Infallible>(body.to_vec())]);
    let mut sse = bytes.eventsource();
    let mut assembler = StreamAssembler::new();
    let mut events = Vec::new();
    // In-memory input is always ready, so each poll completes at once.
    while let Some(Some(item)) = sse.next().now_or_never() {
        match item {
            Ok(event) => events.extend(assembler.on_data(&event.data)),
            Err(error) => {
                let error =
                    AzureError::local(ErrorKind::Decode, format!("the answer stream was malformed: {error}"));
                events.push(assembler.fail_with(error));
            }
        }
        if assembler.has_failed() {
            return events;
        }
    }
    events.extend(assembler.on_end());
    events
}

/// A choice or prompt index; anything unreadable counts as 0, and absurd ones are capped.
fn index_of(value: Option<&Value>) -> u32 {
    value.and_then(Value::as_u64).map_or(0, |i| i.min(127) as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(lines: &[&str]) -> Vec<ChatEvent> {
        let body: String = lines.iter().map(|l| format!("data: {l}\n\n")).collect();
        assemble_recorded(body.as_bytes())
    }

    fn text_of(events: &[ChatEvent], choice: u32) -> String {
        events
            .iter()
            .filter_map(|e| match e {
                ChatEvent::Delta { choice: c, text } if *c == choice => Some(text.as_str()),
                _ => None,
            })
            .collect()
    }

    const PROMPT: &str = r#"{"choices":[],"created":0,"id":"","model":"","object":"","prompt_filter_results":[{"prompt_index":0,"content_filter_results":{"hate":{"filtered":false,"severity":"safe"}}}]}"#;
    const ROLE: &str = r#"{"choices":[{"content_filter_results":{},"delta":{"content":"","refusal":null,"role":"assistant"},"finish_reason":null,"index":0}],"model":"o3-mini-2025-01-31","obfuscation":"abc","usage":null}"#;

    #[test]
    fn usage_after_the_finish_and_async_annotations_without_delta_are_read_to_done() {
        let events = run(&[
            PROMPT,
            ROLE,
            r#"{"choices":[{"content_filter_results":{"hate":{"filtered":false,"severity":"safe"}},"delta":{"content":"Hi"},"finish_reason":null,"index":0}],"obfuscation":"x","usage":null}"#,
            r#"{"choices":[{"content_filter_results":{},"delta":{},"finish_reason":"stop","index":0}],"usage":null}"#,
            r#"{"choices":[{"content_filter_offsets":{"check_offset":0,"start_offset":0,"end_offset":2},"content_filter_results":{"violence":{"filtered":false,"severity":"low"}},"finish_reason":null,"index":0}]}"#,
            r#"{"choices":[],"usage":{"prompt_tokens":9,"completion_tokens":70,"total_tokens":79,"completion_tokens_details":{"reasoning_tokens":64},"prompt_tokens_details":{"cached_tokens":0}}}"#,
            "[DONE]",
        ]);
        assert!(
            matches!(&events[0], ChatEvent::PromptFilter { prompt_index: 0, verdicts } if verdicts.categories.len() == 1)
        );
        assert!(events.contains(&ChatEvent::Model { model: "o3-mini-2025-01-31".into() }));
        assert_eq!(text_of(&events, 0), "Hi");
        let done = events
            .iter()
            .position(|e| matches!(e, ChatEvent::Done { finish_reason: FinishReason::Stop, .. }));
        let annotation = events.iter().position(|e| matches!(e, ChatEvent::Filter { offsets: Some(_), .. }));
        assert!(done.unwrap() < annotation.unwrap(), "the annotation after the finish is kept: {events:?}");
        let usage = events.iter().find_map(|e| match e {
            ChatEvent::Usage { usage } => Some(usage.clone()),
            _ => None,
        });
        assert_eq!(usage.unwrap().reasoning_tokens, Some(64));
        assert!(!events.iter().any(|e| matches!(e, ChatEvent::Error { .. })));
    }

    #[test]
    fn a_clean_end_after_a_finish_is_complete_but_an_end_before_it_is_cut_with_the_text_so_far() {
        let finish =
            r#"{"choices":[{"content_filter_results":{},"delta":{},"finish_reason":"length","index":0}]}"#;
        let words = r#"{"choices":[{"delta":{"content":"Half an"},"index":0}]}"#;
        let complete = run(&[PROMPT, ROLE, words, finish]);
        assert!(!complete.iter().any(|e| matches!(e, ChatEvent::Error { .. })));
        let cut = run(&[PROMPT, ROLE, words]);
        match cut.last().unwrap() {
            ChatEvent::Error { error, partial } => {
                assert_eq!(error.kind, ErrorKind::StreamCut);
                assert_eq!(partial, &["Half an".to_string()]);
            }
            other => panic!("expected a cut, got {other:?}"),
        }
        let done_but_unfinished = run(&[PROMPT, words, "[DONE]"]);
        assert!(
            matches!(done_but_unfinished.last(), Some(ChatEvent::Error { error, .. }) if error.kind == ErrorKind::StreamCut)
        );
    }

    #[test]
    fn a_choice_that_began_but_never_finished_makes_the_answer_cut() {
        let events = run(&[
            r#"{"choices":[{"delta":{"role":"assistant","content":""},"index":0},{"delta":{"role":"assistant","content":""},"index":1}]}"#,
            r#"{"choices":[{"delta":{"content":"A"},"index":0}]}"#,
            r#"{"choices":[{"delta":{},"finish_reason":"stop","index":0}]}"#,
            "[DONE]",
        ]);
        assert!(
            matches!(events.last(), Some(ChatEvent::Error { error, partial }) if error.kind == ErrorKind::StreamCut && partial == &["A".to_string(), String::new()]),
            "{events:?}"
        );
    }

    #[test]
    fn a_steady_low_severity_is_reported_once_and_again_when_it_changes() {
        let chunk = |severity: &str| {
            format!(
                r#"{{"choices":[{{"content_filter_results":{{"violence":{{"filtered":false,"severity":"{severity}"}}}},"delta":{{"content":"x"}},"index":0}}]}}"#
            )
        };
        let (low, medium) = (chunk("low"), chunk("medium"));
        let events = run(&[
            &low,
            &low,
            &low,
            &medium,
            r#"{"choices":[{"delta":{},"finish_reason":"stop","index":0}]}"#,
        ]);
        let filters = events.iter().filter(|e| matches!(e, ChatEvent::Filter { .. })).count();
        assert_eq!(filters, 2, "{events:?}");
    }

    #[test]
    fn choices_are_kept_apart() {
        let events = run(&[
            r#"{"choices":[{"delta":{"content":"A1"},"index":0},{"delta":{"content":"B1"},"index":1}]}"#,
            r#"{"choices":[{"delta":{"content":" A2"},"index":0}]}"#,
            r#"{"choices":[{"delta":{"content":" B2"},"index":1}]}"#,
            r#"{"choices":[{"delta":{},"finish_reason":"stop","index":1}]}"#,
            r#"{"choices":[{"delta":{},"finish_reason":"stop","index":0}]}"#,
            "[DONE]",
        ]);
        assert_eq!((text_of(&events, 0), text_of(&events, 1)), ("A1 A2".to_string(), "B1 B2".to_string()));
    }

    #[test]
    fn a_filter_stop_mid_answer_names_the_category() {
        let mut assembler = StreamAssembler::new();
        assembler.on_data(r#"{"choices":[{"delta":{"content":"Once"},"index":0}]}"#);
        let events = assembler.on_data(
            r#"{"choices":[{"content_filter_results":{"violence":{"filtered":true,"severity":"medium"}},"delta":{},"finish_reason":"content_filter","index":0}]}"#,
        );
        assert!(
            matches!(&events[0], ChatEvent::Filter { verdicts, .. } if verdicts.blocked() == ["violence"])
        );
        assert!(matches!(&events[1], ChatEvent::Done { finish_reason: FinishReason::ContentFilter, .. }));
        assert_eq!(assembler.completion_block().unwrap().verdicts.blocked(), ["violence"]);
        assert!(assembler.on_end().is_empty());
    }

    #[test]
    fn a_malformed_chunk_ends_the_answer_keeping_the_text() {
        let events = run(&[r#"{"choices":[{"delta":{"content":"ok"},"index":0}]}"#, r#"{"choices":[{"del"#]);
        assert!(
            matches!(events.last(), Some(ChatEvent::Error { error, partial }) if error.kind == ErrorKind::Decode && partial == &["ok".to_string()])
        );
    }
}
