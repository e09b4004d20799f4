//! A conversation and its parameters as the chat request the Azure client builds: the system
//! message, the last "past messages" of the conversation, and the question.

use foundry_azure::inference::{ChatParams, Message, ReasoningEffort, Role};

use crate::conversations::{ConversationMessage, MessageRole, PlaygroundParameters};

/// The messages that go with a request: the last `past` messages before the question, then the
/// question (the last message). Empty answers (a failed or stopped-at-once reply) are left out.
pub fn window(messages: &[ConversationMessage], past: u32) -> Vec<&ConversationMessage> {
    let Some((question, earlier)) = messages.split_last() else { return Vec::new() };
    let earlier: Vec<&ConversationMessage> =
        earlier.iter().filter(|m| !m.content.trim().is_empty()).collect();
    let keep = earlier.len().min(usize::try_from(past).unwrap_or(usize::MAX));
    let mut sent = earlier[earlier.len() - keep..].to_vec();
    sent.push(question);
    sent
}

/// The request for `messages` (ending with the question) with `parameters`.
pub fn chat_params(parameters: &PlaygroundParameters, messages: &[ConversationMessage]) -> ChatParams {
    let mut sent = Vec::new();
    let system = parameters.system_message.trim();
    if !system.is_empty() {
        sent.push(Message::new(Role::System, system));
    }
    for message in window(messages, parameters.past_messages) {
        let role = match message.role {
            MessageRole::User => Role::User,
            MessageRole::Assistant => Role::Assistant,
        };
        sent.push(Message::new(role, message.content.clone()));
    }
    ChatParams {
        messages: sent,
        temperature: parameters.temperature,
        top_p: parameters.top_p,
        max_tokens: parameters.max_tokens,
        stop: parameters.stop.iter().map(|s| s.to_string()).filter(|s| !s.is_empty()).collect(),
        presence_penalty: parameters.presence_penalty,
        frequency_penalty: parameters.frequency_penalty,
        seed: parameters.seed.map(i64::from),
        n: None,
        reasoning_effort: parameters.reasoning_effort.as_deref().and_then(effort),
        json_response: parameters.json_response,
    }
}

fn effort(text: &str) -> Option<ReasoningEffort> {
    match text.trim().to_ascii_lowercase().as_str() {
        "minimal" => Some(ReasoningEffort::Minimal),
        "low" => Some(ReasoningEffort::Low),
        "medium" => Some(ReasoningEffort::Medium),
        "high" => Some(ReasoningEffort::High),
        _ => None,
    }
}
