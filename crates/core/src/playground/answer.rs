//! One answer as it streams: the text, the numbers behind it (time to first token, total time,
//! tokens per second, token counts, rate-limit headroom, request id, filter verdicts), and how it
//! ended. Pure: fed the client's events and the time each arrived, so it is tested without a clock.

use std::time::{Duration, Instant};

use foundry_azure::inference::{ChatEvent, FilterVerdicts, FinishReason};
use foundry_azure::AzureError;

use super::problems::{completion_filtered, explain, ProblemContext};
use super::{new_message_id, PlaygroundEvent, SendOutcome};
use crate::conversations::{AnswerFacts, ConversationMessage, MessageRole};

/// How the stream ended.
pub enum Ending {
    /// The stream finished (every event read).
    Finished,
    /// The person pressed Stop.
    Stopped,
    /// The request or the stream failed.
    Failed(AzureError),
}

/// Collects one answer.
pub struct AnswerRecorder {
    started: Instant,
    text: String,
    facts: AnswerFacts,
    first_token: Option<Duration>,
    finish: Option<FinishReason>,
    filtered: Option<FilterVerdicts>,
}

impl AnswerRecorder {
    /// An answer asked for at `started`.
    pub fn new(started: Instant) -> Self {
        Self {
            started,
            text: String::new(),
            facts: AnswerFacts::default(),
            first_token: None,
            finish: None,
            filtered: None,
        }
    }

    /// Takes the next event, arrived at `now`; returns what the person should see of it.
    pub fn on_event(&mut self, event: ChatEvent, now: Instant) -> Option<PlaygroundEvent> {
        match event {
            ChatEvent::Opened { request_id, rate_limits, adjustments } => {
                let adjustments: Vec<String> =
                    adjustments.into_iter().map(|a| format!("{}: {}", a.parameter, a.note)).collect();
                self.facts.request_id.clone_from(&request_id);
                self.facts.remaining_requests = rate_limits.remaining_requests.map(saturate);
                self.facts.remaining_tokens = rate_limits.remaining_tokens.map(saturate);
                self.facts.adjustments.clone_from(&adjustments);
                Some(PlaygroundEvent::Opened {
                    request_id,
                    remaining_requests: self.facts.remaining_requests,
                    remaining_tokens: self.facts.remaining_tokens,
                    adjustments,
                })
            }
            // The playground asks for one choice.
            ChatEvent::Delta { choice: 0, text } => {
                if text.is_empty() {
                    return None;
                }
                self.first_token.get_or_insert_with(|| now.duration_since(self.started));
                self.text.push_str(&text);
                Some(PlaygroundEvent::Delta { text })
            }
            ChatEvent::PromptFilter { verdicts, .. } => self.note_verdicts("prompt", &verdicts),
            ChatEvent::Filter { choice: 0, verdicts, .. } => self.note_verdicts("answer", &verdicts),
            ChatEvent::Done { choice: 0, finish_reason, verdicts } => {
                if finish_reason == FinishReason::ContentFilter {
                    self.filtered = Some(verdicts.clone());
                }
                self.finish = Some(finish_reason);
                self.note_verdicts("answer", &verdicts)
            }
            ChatEvent::Usage { usage } => {
                self.facts.prompt_tokens = Some(saturate(usage.prompt_tokens));
                self.facts.completion_tokens = Some(saturate(usage.completion_tokens));
                self.facts.reasoning_tokens = usage.reasoning_tokens.map(saturate);
                self.facts.cached_tokens = usage.cached_tokens.map(saturate);
                None
            }
            ChatEvent::Model { model } => {
                self.facts.served_model = Some(model);
                None
            }
            _ => None,
        }
    }

    /// Records the flagged categories of a verdict once each; returns them when any is new.
    fn note_verdicts(&mut self, whose: &str, verdicts: &FilterVerdicts) -> Option<PlaygroundEvent> {
        let mut new = Vec::new();
        for verdict in verdicts.flagged() {
            let level = match (&verdict.severity, verdict.filtered) {
                (_, true) => "filtered".to_string(),
                (Some(severity), false) => severity.clone(),
                (None, false) => "detected".to_string(),
            };
            let note = format!("{whose}: {} {level}", verdict.category);
            if !self.facts.filter_notes.contains(&note) {
                self.facts.filter_notes.push(note.clone());
                new.push(note);
            }
        }
        (!new.is_empty()).then_some(PlaygroundEvent::Filter { notes: new })
    }

    /// The text so far.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// How it ended, at `now`: the message to keep (if anything was answered) and the problem to show.
    pub fn finish(mut self, ending: Ending, now: Instant, context: &ProblemContext) -> SendOutcome {
        let total = now.duration_since(self.started);
        self.facts.total_ms = Some(millis(total));
        self.facts.time_to_first_token_ms = self.first_token.map(millis);
        self.facts.finish_reason = self.finish.as_ref().map(finish_word);
        // The visible answer's pace: reasoning tokens were spent before the first visible one.
        if let (Some(first), Some(tokens)) = (self.first_token, self.facts.completion_tokens) {
            let visible = tokens.saturating_sub(self.facts.reasoning_tokens.unwrap_or(0));
            let generating = total.saturating_sub(first).as_secs_f64();
            if generating > 0.0 && visible > 0 {
                self.facts.tokens_per_second = Some(f64::from(visible) / generating);
            }
        }
        let (stopped, mut problem) = match ending {
            Ending::Finished => (false, None),
            Ending::Stopped => (true, None),
            Ending::Failed(error) => {
                if self.facts.request_id.is_none() {
                    self.facts.request_id.clone_from(&error.request_id);
                }
                (false, Some(explain(&error, context)))
            }
        };
        if let Some(verdicts) = &self.filtered {
            problem = Some(completion_filtered(verdicts, self.facts.request_id.clone()));
        }
        // A stream that ends without a finish is cut, even when nothing failed loudly.
        let incomplete = stopped || problem.is_some() || self.finish.is_none();
        // Nothing answered and nothing to keep: the request failed before the answer started.
        let answered = !self.text.is_empty() || self.finish.is_some();
        let message = answered.then(|| ConversationMessage {
            id: new_message_id(),
            role: MessageRole::Assistant,
            content: self.text,
            incomplete,
            stopped,
            answer: Some(self.facts),
        });
        SendOutcome { message, problem, stopped }
    }
}

fn finish_word(reason: &FinishReason) -> String {
    match reason {
        FinishReason::Stop => "stop".into(),
        FinishReason::Length => "length".into(),
        FinishReason::ContentFilter => "content_filter".into(),
        FinishReason::ToolCalls => "tool_calls".into(),
        FinishReason::Other(other) => other.clone(),
    }
}

fn saturate(n: u64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn millis(duration: Duration) -> f64 {
    (duration.as_secs_f64() * 10_000.0).round() / 10.0
}
