//! The Python: the openai SDK (OpenAI for v1, AzureOpenAI for classic).

use super::*;

/// The keyword arguments `client.chat.completions.create` takes; anything else goes in `extra_body`,
/// since the SDK rejects unknown keyword arguments.
pub(super) const PYTHON_KWARGS: &[&str] = &[
    "audio",
    "frequency_penalty",
    "function_call",
    "functions",
    "logit_bias",
    "logprobs",
    "max_completion_tokens",
    "max_tokens",
    "metadata",
    "modalities",
    "n",
    "parallel_tool_calls",
    "prediction",
    "presence_penalty",
    "prompt_cache_key",
    "reasoning_effort",
    "response_format",
    "safety_identifier",
    "seed",
    "service_tier",
    "stop",
    "store",
    "stream",
    "stream_options",
    "temperature",
    "tool_choice",
    "tools",
    "top_logprobs",
    "top_p",
    "user",
    "verbosity",
    "web_search_options",
];

pub(super) fn python(target: &Target<'_>, auth: SnippetAuth, body: &Value) -> CodeSnippet {
    let classic = matches!(target.style, ApiStyle::Classic { .. });
    let mut code = String::new();
    if auth == SnippetAuth::ApiKey {
        code.push_str("import os\n\n");
    }
    if auth == SnippetAuth::EntraId {
        code.push_str("from azure.identity import DefaultAzureCredential, get_bearer_token_provider\n");
    }
    code.push_str(if classic {
        "from openai import AzureOpenAI\n\n"
    } else {
        "from openai import OpenAI\n\n"
    });
    if auth == SnippetAuth::EntraId {
        code.push_str(&format!(
            "# Fetches and refreshes Entra ID tokens (az login, a managed identity, environment variables).\n\
             token_provider = get_bearer_token_provider(\n    DefaultAzureCredential(), {}\n)\n\n",
            py_str(SCOPE)
        ));
    }
    let key = format!("os.environ[{}]", py_str(KEY_VAR));
    if classic {
        code.push_str("client = AzureOpenAI(\n");
        code.push_str(&format!("    azure_endpoint={},\n", py_str(&target.base)));
        code.push_str(&format!(
            "    api_version={},\n",
            py_str(api_version(target.style).unwrap_or_default())
        ));
        match auth {
            SnippetAuth::ApiKey => code.push_str(&format!("    api_key={key},\n")),
            SnippetAuth::EntraId => code.push_str("    azure_ad_token_provider=token_provider,\n"),
        }
    } else {
        let base_url = match target.style {
            ApiStyle::FoundryModels { .. } => format!("{}/models", target.base),
            _ => format!("{}/openai/v1/", target.base),
        };
        code.push_str("client = OpenAI(\n");
        code.push_str(&format!("    base_url={},\n", py_str(&base_url)));
        match auth {
            SnippetAuth::ApiKey => code.push_str(&format!("    api_key={key},\n")),
            SnippetAuth::EntraId => code.push_str(
                "    # A callable key is asked for a fresh token on every request (openai >= 1.106).\n    \
                 api_key=token_provider,\n",
            ),
        }
        if let Some(version) = api_version(target.style) {
            code.push_str(&format!("    default_query={{\"api-version\": {}}},\n", py_str(version)));
        }
    }
    code.push_str(")\n\n");

    let result = if target.stream { "stream" } else { "completion" };
    code.push_str(&format!("{result} = client.chat.completions.create(\n"));
    code.push_str(&format!("    model={},\n", py_str(&target.model)));
    let empty = Map::new();
    let fields = body.as_object().unwrap_or(&empty);
    if let Some(messages) = fields.get("messages") {
        code.push_str(&format!("    messages={},\n", py_kwarg_value(messages)));
    }
    let mut extra = Map::new();
    for (name, value) in fields {
        if name == "model" || name == "messages" {
            continue;
        }
        if PYTHON_KWARGS.contains(&name.as_str()) {
            code.push_str(&format!("    {name}={},\n", py_kwarg_value(value)));
        } else {
            extra.insert(name.clone(), value.clone());
        }
    }
    if !extra.is_empty() {
        code.push_str("    # Fields this SDK version has no keyword for, sent as they are.\n");
        code.push_str(&format!("    extra_body={},\n", py_literal(&Value::Object(extra))));
    }
    code.push_str(")\n");
    if target.stream {
        code.push_str(
            "for chunk in stream:\n    \
             # Azure's first chunk (the prompt's filter results) and the usage chunk have no choices,\n    \
             # and the asynchronous filter's annotation chunks have no delta.\n    \
             delta = getattr(chunk.choices[0], \"delta\", None) if chunk.choices else None\n    \
             if delta is not None and delta.content:\n        \
             print(delta.content, end=\"\", flush=True)\n\
             print()\n",
        );
    } else {
        code.push_str("print(completion.choices[0].message.content)\n");
    }
    let setup = match auth {
        SnippetAuth::ApiKey => format!("pip install openai; {KEY_SETUP}"),
        SnippetAuth::EntraId => format!("pip install -U openai azure-identity; {CREDENTIAL_NOTE}"),
    };
    snippet("python", "Python (openai)", code, setup)
}

/// A keyword argument's value: a list of objects or lists (the messages, tools) one element a line so
/// a long conversation stays readable; anything else on one line.
pub(super) fn py_kwarg_value(value: &Value) -> String {
    match value {
        Value::Array(items) if items.iter().any(|item| item.is_object() || item.is_array()) => {
            let mut out = String::from("[\n");
            for item in items {
                out.push_str(&format!("        {},\n", py_literal(item)));
            }
            out.push_str("    ]");
            out
        }
        other => py_literal(other),
    }
}

/// `value` as a Python literal: JSON with Python's `True`, `False` and `None`.
pub(super) fn py_literal(value: &Value) -> String {
    match value {
        Value::Null => "None".into(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        // JSON numbers (`7`, `0.2`, `1e-7`) read the same in Python.
        Value::Number(number) => number.to_string(),
        Value::String(text) => py_str(text),
        Value::Array(items) => format!("[{}]", items.iter().map(py_literal).collect::<Vec<_>>().join(", ")),
        Value::Object(fields) => format!(
            "{{{}}}",
            fields
                .iter()
                .map(|(k, v)| format!("{}: {}", py_str(k), py_literal(v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// A double-quoted Python string literal. Printable text, non-ASCII included, stays as typed so the
/// prompt is readable; control and invisible line-breaking characters are escaped so the literal can
/// neither break across lines nor hide anything.
pub(super) fn py_str(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str(r"\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str(r"\n"),
            '\r' => out.push_str(r"\r"),
            '\t' => out.push_str(r"\t"),
            c if c.is_control() => out.push_str(&format!("\\x{:02x}", u32::from(c))),
            c if is_invisible(c) => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
