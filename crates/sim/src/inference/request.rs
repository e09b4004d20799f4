//! A chat-completions request, read and checked the way the model service checks it: reasoning models
//! refuse the sampling knobs and `max_tokens`, other models refuse `reasoning_effort`, and `messages`,
//! `stop` and `n` are bounded.

use serde_json::Value;

use super::errors::InferenceError;

/// One message of the conversation, its text parts joined.
#[derive(Clone, Debug)]
pub struct Message {
    /// system, developer, user, assistant or tool.
    pub role: String,
    /// Its text.
    pub text: String,
}

/// The parts of a request that shape the answer.
#[derive(Clone, Debug)]
pub struct ChatRequest {
    /// The conversation.
    pub messages: Vec<Message>,
    /// Answer as server-sent events.
    pub stream: bool,
    /// `stream_options.include_usage`.
    pub include_usage: bool,
    /// `max_tokens` or `max_completion_tokens` (the smaller when both are given).
    pub max_tokens: Option<u64>,
    /// Stop sequences.
    pub stop: Vec<String>,
    /// Choices wanted.
    pub n: usize,
    /// Sampling seed: the same seed gives the same answer.
    pub seed: Option<i64>,
    /// minimal, low, medium or high (reasoning models only).
    pub reasoning_effort: Option<String>,
}

/// Whether a model reasons (and so takes `max_completion_tokens` and `reasoning_effort` but refuses the
/// sampling parameters). Decided from the deployment's real model name, never the deployment's name.
pub fn is_reasoning_model(model: &str) -> bool {
    let model = model.to_ascii_lowercase();
    let family = |name: &str| {
        model == name || model.starts_with(&format!("{name}-")) || model.starts_with(&format!("{name}."))
    };
    // gpt-5-chat is the gpt-5 family's chat model: it samples like gpt-4o.
    (family("gpt-5") && !model.starts_with("gpt-5-chat")) || ["o1", "o3", "o4"].iter().any(|f| family(f))
}

/// The first reasoning models take no `reasoning_effort`; only the gpt-5 family thinks `minimal`ly.
fn accepts_effort(model: &str, effort: &str) -> bool {
    let model = model.to_ascii_lowercase();
    if model.starts_with("o1-mini") || model.starts_with("o1-preview") {
        return false;
    }
    effort != "minimal" || model.starts_with("gpt-5")
}

/// Parameters reasoning models accept only at their default value.
const DEFAULT_ONLY: [(&str, f64, &str); 4] = [
    ("temperature", 1.0, "1"),
    ("top_p", 1.0, "1"),
    ("presence_penalty", 0.0, "0"),
    ("frequency_penalty", 0.0, "0"),
];

/// Reads `body` for a deployment of `model`.
pub fn parse(body: &Value, model: &str) -> Result<ChatRequest, InferenceError> {
    let given = |name: &str| body.get(name).filter(|v| !v.is_null());
    let messages = messages(given("messages"))?;
    if is_reasoning_model(model) {
        if given("max_tokens").is_some() {
            return Err(InferenceError::invalid_request(
                "Unsupported parameter: 'max_tokens' is not supported with this model. Use \
                 'max_completion_tokens' instead.",
                Some("max_tokens"),
                Some("unsupported_parameter"),
            ));
        }
        for (name, default, shown) in DEFAULT_ONLY {
            if let Some(value) = given(name).filter(|v| v.as_f64() != Some(default)) {
                return Err(unsupported_value(name, &value.to_string(), shown));
            }
        }
        if let Some(value) = given("logprobs").filter(|v| v.as_bool() != Some(false)) {
            return Err(unsupported_value("logprobs", &value.to_string(), "false"));
        }
    } else if given("reasoning_effort").is_some() {
        return Err(InferenceError::invalid_request(
            "Unrecognized request argument supplied: reasoning_effort",
            None,
            None,
        ));
    }
    let reasoning_effort = match given("reasoning_effort") {
        None => None,
        Some(Value::String(effort)) if !accepts_effort(model, effort) => {
            return Err(InferenceError::invalid_request(
                &format!(
                    "Unsupported value: 'reasoning_effort' does not support '{effort}' with this model."
                ),
                Some("reasoning_effort"),
                Some("unsupported_value"),
            ))
        }
        Some(Value::String(effort)) if ["minimal", "low", "medium", "high"].contains(&effort.as_str()) => {
            Some(effort.clone())
        }
        Some(other) => {
            return Err(InferenceError::invalid_request(
                &format!(
                    "Invalid value: {other}. Supported values are: 'minimal', 'low', 'medium', and 'high'."
                ),
                Some("reasoning_effort"),
                Some("invalid_value"),
            ))
        }
    };
    let max_tokens =
        [positive(body, "max_tokens")?, positive(body, "max_completion_tokens")?].into_iter().flatten().min();
    let n = match given("n") {
        None => 1,
        Some(value) => {
            let n = value.as_i64().ok_or_else(|| invalid_type("n", "an integer", value))?;
            if n < 1 {
                return Err(InferenceError::invalid_request(
                    &format!("Invalid 'n': integer below minimum value. Expected a value >= 1, but got {n} instead."),
                    Some("n"),
                    Some("integer_below_min_value"),
                ));
            }
            if n > 128 {
                return Err(InferenceError::invalid_request(
                    &format!(
                        "Invalid 'n': integer above maximum value. Expected a value <= 128, but got {n} instead."
                    ),
                    Some("n"),
                    Some("integer_above_max_value"),
                ));
            }
            n as usize
        }
    };
    let stream = match given("stream") {
        None => false,
        Some(value) => value.as_bool().ok_or_else(|| invalid_type("stream", "a boolean", value))?,
    };
    let include_usage = stream
        && given("stream_options").and_then(|o| o.get("include_usage")).and_then(Value::as_bool)
            == Some(true);
    Ok(ChatRequest {
        messages,
        stream,
        include_usage,
        max_tokens,
        stop: stop(given("stop"))?,
        n,
        seed: given("seed").and_then(Value::as_i64),
        reasoning_effort,
    })
}

fn unsupported_value(name: &str, value: &str, default: &str) -> InferenceError {
    InferenceError::invalid_request(
        &format!(
            "Unsupported value: '{name}' does not support {value} with this model. Only the default ({default}) \
             value is supported."
        ),
        Some(name),
        Some("unsupported_value"),
    )
}

fn invalid_type(name: &str, expected: &str, got: &Value) -> InferenceError {
    let got = match got {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    };
    InferenceError::invalid_request(
        &format!("Invalid type for '{name}': expected {expected}, but got {got} instead."),
        Some(name),
        Some("invalid_type"),
    )
}

fn positive(body: &Value, name: &str) -> Result<Option<u64>, InferenceError> {
    let Some(value) = body.get(name).filter(|v| !v.is_null()) else { return Ok(None) };
    let number = value.as_i64().ok_or_else(|| invalid_type(name, "an integer", value))?;
    if number < 1 {
        return Err(InferenceError::invalid_request(
            &format!(
                "Invalid '{name}': integer below minimum value. Expected a value >= 1, but got {number} instead."
            ),
            Some(name),
            Some("integer_below_min_value"),
        ));
    }
    Ok(Some(number as u64))
}

fn messages(value: Option<&Value>) -> Result<Vec<Message>, InferenceError> {
    let Some(value) = value else {
        return Err(InferenceError::invalid_request(
            "Missing required parameter: 'messages'.",
            Some("messages"),
            Some("missing_required_parameter"),
        ));
    };
    let items = value.as_array().ok_or_else(|| invalid_type("messages", "an array", value))?;
    if items.is_empty() {
        return Err(InferenceError::invalid_request(
            "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array \
             instead.",
            Some("messages"),
            Some("empty_array"),
        ));
    }
    Ok(items
        .iter()
        .map(|m| Message {
            role: m.get("role").and_then(Value::as_str).unwrap_or("user").to_string(),
            text: text_of(m.get("content")),
        })
        .collect())
}

/// A message's text: a string, or the `text` of its parts.
fn text_of(content: Option<&Value>) -> String {
    match content {
        Some(Value::String(text)) => text.clone(),
        Some(Value::Array(parts)) => {
            parts.iter().filter_map(|p| p.get("text").and_then(Value::as_str)).collect::<Vec<_>>().join("\n")
        }
        _ => String::new(),
    }
}

fn stop(value: Option<&Value>) -> Result<Vec<String>, InferenceError> {
    let stops: Vec<String> = match value {
        None => Vec::new(),
        Some(Value::String(one)) => vec![one.clone()],
        Some(Value::Array(items)) => {
            if items.len() > 4 {
                return Err(InferenceError::invalid_request(
                    &format!(
                        "Invalid 'stop': array too long. Expected an array with maximum length 4, but got an \
                         array with length {} instead.",
                        items.len()
                    ),
                    Some("stop"),
                    Some("array_above_max_length"),
                ));
            }
            items.iter().filter_map(Value::as_str).map(str::to_string).collect()
        }
        Some(other) => return Err(invalid_type("stop", "a string or an array of strings", other)),
    };
    Ok(stops.into_iter().filter(|s| !s.is_empty()).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn error_of(body: Value, model: &str) -> Value {
        let refused = parse(&body, model).unwrap_err();
        assert_eq!(refused.status(), 400);
        let response = axum::response::IntoResponse::into_response(refused);
        let bytes = futures_util::FutureExt::now_or_never(axum::body::to_bytes(response.into_body(), 10_000))
            .unwrap()
            .unwrap();
        serde_json::from_slice::<Value>(&bytes).unwrap()["error"].clone()
    }

    #[test]
    fn reasoning_is_decided_by_model_name() {
        for model in ["o1", "o3-mini", "o4-mini", "gpt-5", "GPT-5-mini"] {
            assert!(is_reasoning_model(model), "{model}");
        }
        for model in ["gpt-4o", "gpt-4.1-mini", "Mistral-Large-2411"] {
            assert!(!is_reasoning_model(model), "{model}");
        }
    }

    #[test]
    fn reasoning_models_refuse_sampling_knobs_in_openai_words() {
        let user = json!([{"role": "user", "content": "hi"}]);
        let error = error_of(json!({"messages": user, "temperature": 0.2}), "o4-mini");
        assert_eq!(
            error["message"],
            "Unsupported value: 'temperature' does not support 0.2 with this model. Only the default (1) value is supported."
        );
        assert_eq!(error["code"], "unsupported_value");
        let error = error_of(json!({"messages": user, "max_tokens": 5}), "o3-mini");
        assert_eq!(error["param"], "max_tokens");
        assert_eq!(error["code"], "unsupported_parameter");
        let error = error_of(json!({"messages": user, "presence_penalty": 0.5}), "o1");
        assert!(error["message"].as_str().unwrap().contains("Only the default (0) value"));
        assert!(parse(&json!({"messages": user, "temperature": 1, "top_p": 1.0}), "o1").is_ok());
        let error = error_of(json!({"messages": user, "reasoning_effort": "low"}), "gpt-4o");
        assert_eq!(error["message"], "Unrecognized request argument supplied: reasoning_effort");
        assert!(error["param"].is_null() && error["code"].is_null());
    }

    #[test]
    fn bounds_messages_stop_and_n() {
        let user = json!([{"role": "user", "content": [{"type": "text", "text": "hi"}]}]);
        assert_eq!(error_of(json!({"messages": []}), "gpt-4o")["code"], "empty_array");
        assert_eq!(error_of(json!({}), "gpt-4o")["code"], "missing_required_parameter");
        let five = json!(["a", "b", "c", "d", "e"]);
        assert_eq!(
            error_of(json!({"messages": user, "stop": five}), "gpt-4o")["code"],
            "array_above_max_length"
        );
        assert_eq!(error_of(json!({"messages": user, "n": 0}), "gpt-4o")["code"], "integer_below_min_value");
        assert_eq!(
            error_of(json!({"messages": user, "n": 129}), "gpt-4o")["code"],
            "integer_above_max_value"
        );
        let ok = parse(
            &json!({"messages": user, "stop": "x", "max_tokens": 9, "max_completion_tokens": 7}),
            "gpt-4o",
        )
        .unwrap();
        assert_eq!((ok.stop.len(), ok.max_tokens, ok.messages[0].text.as_str()), (1, Some(7), "hi"));
    }
}
