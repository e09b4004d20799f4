//! The playground's conversations: what was asked of which deployment with which parameters, each
//! answer with the numbers behind it, kept on disk so a restart loses nothing (`store`), and exported as
//! Markdown or JSON (`export`).

mod export;
mod store;

use serde::{Deserialize, Serialize};

pub use export::{to_json, to_markdown, write_export, ExportFormat};
pub use store::{ConversationStore, StoreError};

/// Which deployment a conversation talks to.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase", default)]
pub struct ConversationTarget {
    pub profile_id: String,
    pub deployment: String,
    /// The resource's endpoint as Azure names it (Resource Manager's, or the one the profile typed).
    pub endpoint: String,
    /// The resource's name, when known (shown next to the deployment).
    pub account: Option<String>,
    /// The real model behind the deployment, from Resource Manager when known: decides the parameters.
    pub model: Option<String>,
    pub model_version: Option<String>,
}

/// The parameters of a conversation (and of a per-deployment preset). `None` means the model's default.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase", default)]
pub struct PlaygroundParameters {
    /// Sent as the system message (the developer message for reasoning models); empty sends none.
    pub system_message: String,
    pub temperature: Option<f64>,
    pub top_p: Option<f64>,
    pub max_tokens: Option<u32>,
    /// At most four.
    pub stop: Vec<String>,
    pub frequency_penalty: Option<f64>,
    pub presence_penalty: Option<f64>,
    pub seed: Option<u32>,
    /// minimal, low, medium or high (reasoning models).
    pub reasoning_effort: Option<String>,
    /// How many earlier messages go with each request.
    pub past_messages: u32,
    pub json_response: bool,
}

impl Default for PlaygroundParameters {
    fn default() -> Self {
        Self {
            system_message: String::new(),
            temperature: None,
            top_p: None,
            max_tokens: None,
            stop: Vec::new(),
            frequency_penalty: None,
            presence_penalty: None,
            seed: None,
            reasoning_effort: None,
            past_messages: 10,
            json_response: false,
        }
    }
}

/// Who wrote a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum MessageRole {
    User,
    Assistant,
}

/// The numbers behind one answer.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase", default)]
pub struct AnswerFacts {
    pub time_to_first_token_ms: Option<f64>,
    pub total_ms: Option<f64>,
    pub tokens_per_second: Option<f64>,
    pub prompt_tokens: Option<u32>,
    pub completion_tokens: Option<u32>,
    pub reasoning_tokens: Option<u32>,
    pub cached_tokens: Option<u32>,
    pub finish_reason: Option<String>,
    pub remaining_requests: Option<u32>,
    pub remaining_tokens: Option<u32>,
    pub request_id: Option<String>,
    /// The model version that answered (`gpt-4o-2024-11-20`).
    pub served_model: Option<String>,
    /// What was changed so the model would take the request ("temperature: not sent: …").
    pub adjustments: Vec<String>,
    /// Content-filter verdicts worth showing ("prompt: violence medium"), when any.
    pub filter_notes: Vec<String>,
}

/// One message of a conversation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ConversationMessage {
    pub id: String,
    pub role: MessageRole,
    pub content: String,
    /// The stream was cut or stopped: the text is what arrived.
    #[serde(default)]
    pub incomplete: bool,
    /// The person pressed Stop (rather than the answer being cut off).
    #[serde(default)]
    pub stopped: bool,
    /// An assistant message's numbers.
    #[serde(default)]
    pub answer: Option<AnswerFacts>,
}

/// A saved conversation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Conversation {
    pub id: String,
    pub title: String,
    pub target: ConversationTarget,
    #[serde(default)]
    pub parameters: PlaygroundParameters,
    #[serde(default)]
    pub messages: Vec<ConversationMessage>,
    pub created_at_ms: f64,
    pub updated_at_ms: f64,
}

/// A conversation as the history list shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ConversationSummary {
    pub id: String,
    pub title: String,
    pub deployment: String,
    pub message_count: u32,
    pub created_at_ms: f64,
    pub updated_at_ms: f64,
}

impl Conversation {
    /// The history list's line for it.
    pub fn summary(&self) -> ConversationSummary {
        ConversationSummary {
            id: self.id.clone(),
            title: self.title.clone(),
            deployment: self.target.deployment.clone(),
            message_count: u32::try_from(self.messages.len()).unwrap_or(u32::MAX),
            created_at_ms: self.created_at_ms,
            updated_at_ms: self.updated_at_ms,
        }
    }

    /// A title from the first question, when the person has not named it.
    pub fn default_title(&self) -> String {
        let first = self.messages.iter().find(|m| m.role == MessageRole::User).map(|m| m.content.trim());
        match first {
            Some(text) if !text.is_empty() => {
                let line = text.lines().next().unwrap_or(text);
                let mut title: String = line.chars().take(60).collect();
                if line.chars().count() > 60 {
                    title.push('…');
                }
                title
            }
            _ => "New conversation".into(),
        }
    }
}

#[cfg(test)]
mod tests;
