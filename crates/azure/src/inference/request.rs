//! The chat request a person composes, and the body sent for a given model: parameters the model would
//! reject are dropped or renamed, and every change is reported so the UI can say what it did and why.

use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use super::model_rules::ModelRules;

/// Who says a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    System,
    Developer,
    User,
    Assistant,
}

/// One message of the conversation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    pub role: Role,
    pub content: String,
}

impl Message {
    /// A message from `role`.
    pub fn new(role: Role, content: impl Into<String>) -> Self {
        Self { role, content: content.into() }
    }
}

/// How hard a reasoning model thinks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReasoningEffort {
    Minimal,
    Low,
    Medium,
    High,
}

/// Everything a person can set for one request. `None` means "the model's default".
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ChatParams {
    pub messages: Vec<Message>,
    pub temperature: Option<f64>,
    pub top_p: Option<f64>,
    /// The answer's length limit: sent as `max_tokens` to chat models and `max_completion_tokens`
    /// to reasoning models (where it also bounds the hidden reasoning).
    pub max_tokens: Option<u32>,
    pub stop: Vec<String>,
    pub presence_penalty: Option<f64>,
    pub frequency_penalty: Option<f64>,
    pub seed: Option<i64>,
    /// Choices to generate (1 when `None`).
    pub n: Option<u32>,
    pub reasoning_effort: Option<ReasoningEffort>,
    /// Ask for a JSON object answer.
    pub json_response: bool,
}

/// What the builder changed so the model would accept the request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Adjustment {
    /// The parameter, as the wire names it.
    pub parameter: String,
    /// One line saying what was done and why.
    pub note: String,
}

/// A request body ready to send, with the changes made to fit the model.
#[derive(Debug, Clone, PartialEq)]
pub struct BuiltRequest {
    pub body: Value,
    pub adjustments: Vec<Adjustment>,
}

/// Azure accepts at most four stop sequences.
pub const MAX_STOP_SEQUENCES: usize = 4;

/// Builds the body for `model` (`None`: the real model is unknown, sent as given). `deployment` goes in
/// the body's `model` when the URL form names it there; `stream` asks for a stream with usage at the end.
pub fn build(
    params: &ChatParams,
    rules: &ModelRules,
    model_label: &str,
    deployment_in_body: Option<&str>,
    stream: bool,
) -> BuiltRequest {
    let mut body = Map::new();
    let mut adjustments = Vec::new();
    let mut note = |parameter: &str, note: String| {
        adjustments.push(Adjustment { parameter: parameter.to_string(), note });
    };
    if let Some(deployment) = deployment_in_body {
        body.insert("model".into(), json!(deployment));
    }
    let mut messages = Vec::new();
    for message in &params.messages {
        let role = match message.role {
            Role::System | Role::Developer if !rules.system_message => {
                note(
                    "messages",
                    format!("{model_label} takes no system message: it was sent as the first user message"),
                );
                Role::User
            }
            role => role,
        };
        messages.push(json!({"role": role, "content": message.content}));
    }
    body.insert("messages".into(), Value::Array(messages));

    let sampling = [
        ("temperature", params.temperature),
        ("top_p", params.top_p),
        ("presence_penalty", params.presence_penalty),
        ("frequency_penalty", params.frequency_penalty),
    ];
    for (name, value) in sampling {
        let Some(value) = value else { continue };
        if rules.accepts(name) {
            body.insert(name.into(), json!(value));
        } else {
            note(name, format!("not sent: {model_label} is a reasoning model and only takes the default"));
        }
    }
    if let Some(max) = params.max_tokens {
        if rules.reasoning {
            body.insert("max_completion_tokens".into(), json!(max));
            note(
                "max_tokens",
                format!(
                    "sent as max_completion_tokens: {model_label} is a reasoning model; the limit includes its reasoning"
                ),
            );
        } else {
            body.insert("max_tokens".into(), json!(max));
        }
    }
    let stops: Vec<&String> = params.stop.iter().filter(|s| !s.is_empty()).collect();
    if stops.len() > MAX_STOP_SEQUENCES {
        note("stop", format!("only the first {MAX_STOP_SEQUENCES} stop sequences were sent (Azure's limit)"));
    }
    if !stops.is_empty() {
        body.insert("stop".into(), json!(stops.into_iter().take(MAX_STOP_SEQUENCES).collect::<Vec<_>>()));
    }
    if let Some(seed) = params.seed {
        body.insert("seed".into(), json!(seed));
    }
    if let Some(n) = params.n.filter(|n| *n != 1) {
        body.insert("n".into(), json!(n));
    }
    if let Some(effort) = params.reasoning_effort {
        if !rules.reasoning_effort {
            note("reasoning_effort", format!("not sent: {model_label} takes no reasoning effort"));
        } else if effort == ReasoningEffort::Minimal && !rules.minimal_effort {
            body.insert("reasoning_effort".into(), json!(ReasoningEffort::Low));
            note("reasoning_effort", format!("sent as low: {model_label} has no minimal effort"));
        } else {
            body.insert("reasoning_effort".into(), json!(effort));
        }
    }
    if params.json_response {
        body.insert("response_format".into(), json!({"type": "json_object"}));
    }
    if stream {
        body.insert("stream".into(), json!(true));
        body.insert("stream_options".into(), json!({"include_usage": true}));
    }
    BuiltRequest { body: Value::Object(body), adjustments }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params() -> ChatParams {
        ChatParams {
            messages: vec![Message::new(Role::System, "be brief"), Message::new(Role::User, "hi")],
            temperature: Some(0.2),
            top_p: Some(0.9),
            max_tokens: Some(300),
            stop: vec!["a".into(), "".into(), "b".into(), "c".into(), "d".into(), "e".into()],
            seed: Some(7),
            reasoning_effort: Some(ReasoningEffort::Minimal),
            ..ChatParams::default()
        }
    }

    #[test]
    fn a_chat_model_gets_sampling_and_max_tokens_but_no_effort() {
        let built = build(&params(), &ModelRules::for_model("gpt-4o", None), "gpt-4o", Some("dep"), true);
        let body = &built.body;
        assert_eq!(body["model"], "dep");
        assert_eq!(body["temperature"], 0.2);
        assert_eq!(body["max_tokens"], 300);
        assert!(body.get("max_completion_tokens").is_none() && body.get("reasoning_effort").is_none());
        assert_eq!(body["stop"], json!(["a", "b", "c", "d"]));
        assert_eq!(body["stream_options"]["include_usage"], true);
        let changed: Vec<&str> = built.adjustments.iter().map(|a| a.parameter.as_str()).collect();
        assert_eq!(changed, ["stop", "reasoning_effort"]);
    }

    #[test]
    fn a_reasoning_model_gets_max_completion_tokens_and_loses_sampling_saying_why() {
        let built = build(&params(), &ModelRules::for_model("o3-mini", None), "o3-mini", None, false);
        let body = &built.body;
        assert!(body.get("model").is_none() && body.get("stream").is_none());
        assert_eq!(body["max_completion_tokens"], 300);
        assert!(body.get("max_tokens").is_none() && body.get("temperature").is_none());
        assert!(body.get("top_p").is_none());
        assert_eq!(body["reasoning_effort"], "low", "o3-mini has no minimal effort");
        assert_eq!(body["messages"][0]["role"], "system");
        let notes: Vec<String> =
            built.adjustments.iter().map(|a| format!("{}: {}", a.parameter, a.note)).collect();
        assert!(
            notes.iter().any(|n| n.starts_with("temperature: not sent: o3-mini is a reasoning model")),
            "{notes:?}"
        );
        assert!(
            notes.iter().any(|n| n.starts_with("max_tokens: sent as max_completion_tokens")),
            "{notes:?}"
        );
    }

    #[test]
    fn o1_mini_gets_its_system_message_as_a_user_message() {
        let built = build(&params(), &ModelRules::for_model("o1-mini", None), "o1-mini", None, false);
        assert_eq!(built.body["messages"][0]["role"], "user");
        assert!(built.body.get("reasoning_effort").is_none());
    }
}
