//! The playground's "View code": the current conversation and parameters as copy-paste snippets (curl,
//! Python, JavaScript, Rust) for the connection's URL form. Credentials are only ever referenced through
//! environment variables or Entra ID credential chains, never written into a snippet: a snippet gets
//! pasted into chats, tickets and repositories.

use foundry_azure::inference::{ApiStyle, InferenceEndpoint};
use serde_json::{Map, Value};

/// One snippet.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CodeSnippet {
    /// "curl", "python", "javascript", "rust"
    pub language: String,
    /// What the tab says: "curl", "Python (openai)", "JavaScript (openai)", "Rust (reqwest)".
    pub label: String,
    pub code: String,
    /// One line: what to set before running it, e.g.
    /// "export AZURE_OPENAI_API_KEY=… (one of the resource's keys)".
    pub setup: String,
}

/// How the snippet authenticates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SnippetAuth {
    /// One of the resource's keys, read from `AZURE_OPENAI_API_KEY`.
    ApiKey,
    /// A Microsoft Entra ID token: from `AZURE_OPENAI_TOKEN` (curl, Rust) or `DefaultAzureCredential`
    /// (Python, JavaScript).
    EntraId,
}

/// Where the key is read from.
const KEY_VAR: &str = "AZURE_OPENAI_API_KEY";
/// Where a ready-made Entra token is read from (curl and Rust have no credential chain of their own).
const TOKEN_VAR: &str = "AZURE_OPENAI_TOKEN";
/// The Entra scope Azure OpenAI accepts tokens for.
const SCOPE: &str = "https://cognitiveservices.azure.com/.default";

const KEY_SETUP: &str =
    "export AZURE_OPENAI_API_KEY=…  # one of the resource's two keys (Azure portal: Keys and Endpoint)";
const TOKEN_SETUP: &str = "export AZURE_OPENAI_TOKEN=$(az account get-access-token --resource \
     https://cognitiveservices.azure.com --query accessToken -o tsv)  # valid for about an hour; \
     needs the Cognitive Services OpenAI User role";
const CREDENTIAL_NOTE: &str = "az login  # DefaultAzureCredential uses it (or a managed identity); \
     needs the Cognitive Services OpenAI User role";

/// The snippets for one request: `endpoint` is the resource's base URL as the user knows it
/// (e.g. "https://contoso.openai.azure.com/"), `deployment` its deployment name, `style` the URL form,
/// `body` the exact JSON body the app would send (already built; for V1/FoundryModels it contains "model").
pub fn snippets(
    endpoint: &str,
    deployment: &str,
    style: &ApiStyle,
    auth: SnippetAuth,
    body: &Value,
) -> Vec<CodeSnippet> {
    let target = Target::new(endpoint, deployment, style, body);
    vec![
        curl(&target, auth),
        python(&target, auth, body),
        javascript(&target, auth, body),
        rust(&target, auth),
    ]
}

/// What every snippet needs to know about the request.
struct Target<'a> {
    /// The full chat-completions URL, query included.
    url: String,
    /// The endpoint without a trailing `/`, scrubbed of any query or user info.
    base: String,
    deployment: &'a str,
    style: &'a ApiStyle,
    /// The body's `model` (the deployment for V1 and Foundry models), else the deployment.
    model: String,
    stream: bool,
    /// The body pretty-printed: the exact JSON the app would send, readable.
    pretty: String,
}

impl<'a> Target<'a> {
    fn new(endpoint: &str, deployment: &'a str, style: &'a ApiStyle, body: &Value) -> Self {
        let parsed = InferenceEndpoint::parse(endpoint).ok();
        let base = match &parsed {
            Some(parsed) => parsed.as_str().trim_end_matches('/').to_string(),
            None => scrubbed_base(endpoint),
        };
        let url = parsed
            .and_then(|parsed| parsed.chat_url(style, deployment).ok())
            .map_or_else(|| joined_url(&base, style, deployment), |url| url.to_string());
        let model = body.get("model").and_then(Value::as_str).unwrap_or(deployment).to_string();
        Self {
            url,
            base,
            deployment,
            style,
            model,
            stream: body.get("stream") == Some(&Value::Bool(true)),
            pretty: pretty_json(body),
        }
    }
}

/// An endpoint `InferenceEndpoint` refused, made presentable without ever carrying what a paste can
/// hide in it: a `?api-key=…` query or `user:password@` credentials stay out of the snippet. As the
/// parser does, a pasted API path (`/openai/v1`, `/models`) is dropped: the snippet adds its own.
fn scrubbed_base(endpoint: &str) -> String {
    let trimmed = endpoint.trim();
    let end = trimmed.find(['?', '#']).unwrap_or(trimmed.len());
    let without_query = &trimmed[..end];
    let (prefix, authority, path) = match without_query.split_once("://") {
        Some((scheme, rest)) => {
            let authority_end = rest.find('/').unwrap_or(rest.len());
            let (authority, path) = rest.split_at(authority_end);
            (format!("{scheme}://"), authority, path)
        }
        None => (String::new(), without_query, ""),
    };
    let host = authority.rsplit_once('@').map_or(authority, |(_, host)| host);
    let kept: Vec<&str> = path
        .split('/')
        .filter(|segment| !segment.is_empty())
        .take_while(|s| !s.eq_ignore_ascii_case("openai") && !s.eq_ignore_ascii_case("models"))
        .collect();
    let path = kept.iter().map(|segment| format!("/{segment}")).collect::<String>();
    format!("{prefix}{host}{path}")
}

/// The chat URL by string joining, for an endpoint or deployment name `chat_url` would not take: the
/// snippet still shows where the request goes, and the server's answer then says what is wrong.
fn joined_url(base: &str, style: &ApiStyle, deployment: &str) -> String {
    let (path, version) = match style {
        ApiStyle::V1 { api_version } => ("openai/v1/chat/completions".to_string(), api_version.as_deref()),
        ApiStyle::Classic { api_version } => (
            format!("openai/deployments/{}/chat/completions", percent_encode(deployment)),
            Some(api_version.as_str()),
        ),
        ApiStyle::FoundryModels { api_version } => {
            ("models/chat/completions".to_string(), Some(api_version.as_str()))
        }
    };
    match version.map(str::trim).filter(|v| !v.is_empty()) {
        Some(version) => format!("{base}/{path}?api-version={}", percent_encode(version)),
        None => format!("{base}/{path}"),
    }
}

/// Percent-encodes everything but RFC 3986's unreserved characters.
fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// `value` pretty-printed, with the characters serde_json leaves raw but a reader cannot see (DEL, C1
/// controls, line and paragraph separators, BOM) written as `\uXXXX` escapes. They can only occur inside
/// strings, so the JSON means exactly the same; the snippet just shows them.
fn pretty_json(value: &Value) -> String {
    // Serializing a `Value` cannot fail (its keys are strings); the compact form is a safe fallback.
    let json = serde_json::to_string_pretty(value).unwrap_or_else(|_| value.to_string());
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if is_invisible(c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// Characters that would sit unseen in a snippet (or, for U+2028, end a line in some editors). Controls
/// below U+0020 never reach here raw: JSON escapes them, and the Python renderer does too.
fn is_invisible(c: char) -> bool {
    (c.is_control() && c != '\n') || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}')
}

/// The api-version the URL form carries, if any.
fn api_version(style: &ApiStyle) -> Option<&str> {
    let version = match style {
        ApiStyle::V1 { api_version } => api_version.as_deref(),
        ApiStyle::Classic { api_version } | ApiStyle::FoundryModels { api_version } => {
            Some(api_version.as_str())
        }
    };
    version.map(str::trim).filter(|v| !v.is_empty())
}

fn snippet(language: &str, label: &str, code: String, setup: String) -> CodeSnippet {
    CodeSnippet { language: language.into(), label: label.into(), code, setup }
}

// ---------------------------------------------------------------------------------------------------
// curl

fn curl(target: &Target<'_>, auth: SnippetAuth) -> CodeSnippet {
    // -N: print the stream as it arrives instead of when curl's buffer fills.
    let no_buffer = if target.stream { " -N" } else { "" };
    // Double quotes so the shell expands the variable; the value itself never appears.
    let auth_header = match auth {
        SnippetAuth::ApiKey => format!("-H \"api-key: ${KEY_VAR}\""),
        SnippetAuth::EntraId => format!("-H \"Authorization: Bearer ${TOKEN_VAR}\""),
    };
    // The body goes through a quoted heredoc: the shell expands nothing in it, so quotes, `$` and
    // backticks in a prompt arrive as typed. Pretty JSON never has a line reading just `JSON`.
    let code = format!(
        "curl -sS{no_buffer} {url} \\\n  -H 'Content-Type: application/json' \\\n  {auth_header} \\\n  \
         -d @- <<'JSON'\n{body}\nJSON\n",
        url = shell_quote(&target.url),
        body = target.pretty,
    );
    let setup = match auth {
        SnippetAuth::ApiKey => KEY_SETUP,
        SnippetAuth::EntraId => TOKEN_SETUP,
    };
    snippet("curl", "curl", code, setup.to_string())
}

/// Single-quotes `text` for a POSIX shell (a `?` in an unquoted URL is a glob to zsh).
fn shell_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

// ---------------------------------------------------------------------------------------------------
// Python

/// The keyword arguments `client.chat.completions.create` takes; anything else goes in `extra_body`,
/// since the SDK rejects unknown keyword arguments.
const PYTHON_KWARGS: &[&str] = &[
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

fn python(target: &Target<'_>, auth: SnippetAuth, body: &Value) -> CodeSnippet {
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
fn py_kwarg_value(value: &Value) -> String {
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
fn py_literal(value: &Value) -> String {
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
fn py_str(text: &str) -> String {
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

// ---------------------------------------------------------------------------------------------------
// JavaScript

fn javascript(target: &Target<'_>, auth: SnippetAuth, body: &Value) -> CodeSnippet {
    let classic = matches!(target.style, ApiStyle::Classic { .. });
    let mut code = String::new();
    if auth == SnippetAuth::EntraId {
        code.push_str(
            "import { DefaultAzureCredential, getBearerTokenProvider } from \"@azure/identity\";\n",
        );
    }
    code.push_str(if classic {
        "import { AzureOpenAI } from \"openai\";\n\n"
    } else {
        "import OpenAI from \"openai\";\n\n"
    });
    if auth == SnippetAuth::EntraId {
        code.push_str(&format!(
            "// Fetches and refreshes Entra ID tokens (az login, a managed identity, environment vars).\n\
             const tokenProvider = getBearerTokenProvider(\n  new DefaultAzureCredential(),\n  {},\n);\n\n",
            js_str(SCOPE)
        ));
    }
    let key = format!("process.env.{KEY_VAR}");
    if classic {
        code.push_str("const client = new AzureOpenAI({\n");
        code.push_str(&format!("  endpoint: {},\n", js_str(&target.base)));
        code.push_str(&format!("  apiVersion: {},\n", js_str(api_version(target.style).unwrap_or_default())));
        match auth {
            SnippetAuth::ApiKey => code.push_str(&format!("  apiKey: {key},\n")),
            SnippetAuth::EntraId => code.push_str("  azureADTokenProvider: tokenProvider,\n"),
        }
        code.push_str(&format!("  deployment: {},\n", js_str(target.deployment)));
    } else {
        let base_url = match target.style {
            ApiStyle::FoundryModels { .. } => format!("{}/models", target.base),
            _ => format!("{}/openai/v1/", target.base),
        };
        code.push_str("const client = new OpenAI({\n");
        code.push_str(&format!("  baseURL: {},\n", js_str(&base_url)));
        match auth {
            SnippetAuth::ApiKey => code.push_str(&format!("  apiKey: {key},\n")),
            SnippetAuth::EntraId => code.push_str(
                "  // A key function is asked for a fresh token on every request (a recent openai: older\n  \
                 // versions take only a string).\n  apiKey: tokenProvider,\n",
            ),
        }
        if let Some(version) = api_version(target.style) {
            code.push_str(&format!("  defaultQuery: {{ \"api-version\": {} }},\n", js_str(version)));
        }
    }
    code.push_str("});\n\n");

    // The SDK's types want `model` even where the URL names the deployment (classic).
    let mut request = body.clone();
    if let Value::Object(fields) = &mut request {
        fields.entry("model").or_insert_with(|| Value::String(target.model.clone()));
    }
    // JSON is a valid JavaScript object literal, so the body is shown exactly as it is sent.
    let request = pretty_json(&request);
    if target.stream {
        code.push_str(&format!("const stream = await client.chat.completions.create({request});\n"));
        code.push_str(
            "for await (const chunk of stream) {\n  \
             // Azure's first chunk (the prompt's filter results) and the usage chunk have no choices,\n  \
             // and the asynchronous filter's annotation chunks have no delta.\n  \
             process.stdout.write(chunk.choices[0]?.delta?.content ?? \"\");\n\
             }\n\
             process.stdout.write(\"\\n\");\n",
        );
    } else {
        code.push_str(&format!("const completion = await client.chat.completions.create({request});\n"));
        code.push_str("console.log(completion.choices[0]?.message?.content);\n");
    }
    // Top-level await needs an ES module.
    let setup = match auth {
        SnippetAuth::ApiKey => format!("npm install openai; save as chat.mjs; {KEY_SETUP}"),
        SnippetAuth::EntraId => {
            format!("npm install openai@latest @azure/identity; save as chat.mjs; {CREDENTIAL_NOTE}")
        }
    };
    snippet("javascript", "JavaScript (openai)", code, setup)
}

/// A JavaScript string literal (JSON's, which JavaScript reads the same way).
fn js_str(text: &str) -> String {
    Value::String(text.to_string()).to_string()
}

// ---------------------------------------------------------------------------------------------------
// Rust

fn rust(target: &Target<'_>, auth: SnippetAuth) -> CodeSnippet {
    let mut code = String::from(
        "// Cargo.toml: reqwest = { version = \"0.12\", features = [\"json\"] }, \
         tokio = { version = \"1\", features = [\"full\"] }, serde_json = \"1\"\n",
    );
    if target.stream {
        code.push_str("use std::io::Write;\n\n");
    }
    // `{:?}` of a str is a valid Rust string literal, escapes included.
    code.push_str(&format!("const URL: &str = {:?};\n\n", target.url));
    code.push_str(
        "// The body exactly as sent. A raw string keeps the prompt's quotes and escapes as they are;\n\
         // serde_json::json! would need the body rewritten as Rust tokens.\n",
    );
    code.push_str(&format!("const BODY: &str = {};\n\n", raw_string(&target.pretty)));
    code.push_str("#[tokio::main]\nasync fn main() -> Result<(), Box<dyn std::error::Error>> {\n");
    let (var, header) = match auth {
        SnippetAuth::ApiKey => ("key", ".header(\"api-key\", key)"),
        SnippetAuth::EntraId => ("token", ".bearer_auth(token)"),
    };
    let env = match auth {
        SnippetAuth::ApiKey => KEY_VAR,
        SnippetAuth::EntraId => TOKEN_VAR,
    };
    code.push_str(&format!(
        "    // Read from the environment so the secret never lands in source control.\n    \
         let {var} = std::env::var(\"{env}\").map_err(|_| \"set {env} first\")?;\n"
    ));
    let binding = if target.stream { "let mut response" } else { "let response" };
    code.push_str(&format!(
        "    let body: serde_json::Value = serde_json::from_str(BODY)?;\n    \
         {binding} = reqwest::Client::new()\n        \
         .post(URL)\n        \
         {header}\n        \
         .json(&body)\n        \
         .send()\n        \
         .await?;\n    \
         let status = response.status();\n    \
         if !status.is_success() {{\n        \
         // Azure says why in the body: content filter, unknown deployment, rate limit…\n        \
         return Err(format!(\"{{status}}: {{}}\", response.text().await?).into());\n    \
         }}\n"
    ));
    if target.stream {
        code.push_str(
            "    // Server-sent events: `data: {json}` lines, then `data: [DONE]`. A real client\n    \
             // should use an SSE parser such as eventsource-stream; split lines are enough to watch.\n    \
             let mut pending: Vec<u8> = Vec::new();\n    \
             while let Some(bytes) = response.chunk().await? {\n        \
             pending.extend_from_slice(&bytes);\n        \
             // Whole lines only: a chunk can end mid-line, even mid-character.\n        \
             while let Some(end) = pending.iter().position(|b| *b == b'\\n') {\n            \
             let line: Vec<u8> = pending.drain(..=end).collect();\n            \
             let line = String::from_utf8_lossy(&line);\n            \
             let Some(data) = line.trim_end().strip_prefix(\"data:\") else { continue };\n            \
             let data = data.trim_start();\n            \
             if data == \"[DONE]\" {\n                \
             println!();\n                \
             return Ok(());\n            \
             }\n            \
             let chunk: serde_json::Value = serde_json::from_str(data)?;\n            \
             // The first and the usage chunk have no choices; filter annotations no delta.\n            \
             if let Some(text) = chunk[\"choices\"][0][\"delta\"][\"content\"].as_str() {\n                \
             print!(\"{text}\");\n                \
             std::io::stdout().flush()?;\n            \
             }\n        \
             }\n    \
             }\n    \
             println!();\n    \
             Ok(())\n\
             }\n",
        );
    } else {
        code.push_str(
            "    let answer: serde_json::Value = response.json().await?;\n    \
             // A filtered answer has finish_reason \"content_filter\" and no message: show all.\n    \
             match answer[\"choices\"][0][\"message\"][\"content\"].as_str() {\n        \
             Some(text) => println!(\"{text}\"),\n        \
             None => println!(\"{answer:#}\"),\n    \
             }\n    \
             Ok(())\n\
             }\n",
        );
    }
    let setup = match auth {
        SnippetAuth::ApiKey => KEY_SETUP,
        SnippetAuth::EntraId => TOKEN_SETUP,
    };
    snippet("rust", "Rust (reqwest)", code, setup.to_string())
}

/// `text` as a Rust raw string literal with enough `#`s that nothing inside can close it: one more than
/// the longest run of `#` following a `"`.
fn raw_string(text: &str) -> String {
    let mut longest = 0;
    let mut run: Option<usize> = None;
    for c in text.chars() {
        run = match (c, run) {
            ('"', _) => Some(0),
            ('#', Some(n)) => Some(n + 1),
            _ => None,
        };
        longest = longest.max(run.unwrap_or(0));
    }
    let hashes = "#".repeat(longest + 1);
    format!("r{hashes}\"{text}\"{hashes}")
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use serde_json::json;

    use super::*;

    const EP: &str = "https://contoso.openai.azure.com/";

    fn v1() -> ApiStyle {
        ApiStyle::V1 { api_version: None }
    }

    fn classic() -> ApiStyle {
        ApiStyle::Classic { api_version: "2024-10-21".into() }
    }

    fn foundry() -> ApiStyle {
        ApiStyle::FoundryModels { api_version: "2024-05-01-preview".into() }
    }

    /// Keys in alphabetical order so the expected text holds whatever order serde_json keeps.
    fn body_with(prompt: &str) -> Value {
        json!({"messages": [{"content": prompt, "role": "user"}], "model": "gpt-4o-mini"})
    }

    fn code_for(language: &str, all: &[CodeSnippet]) -> String {
        all.iter().find(|s| s.language == language).unwrap().code.clone()
    }

    #[test]
    fn curl_for_a_v1_key_request_is_exact_and_shell_safe() {
        let body = body_with("It's a \"test\"\nsecond line");
        let all = snippets(EP, "gpt-4o-mini", &v1(), SnippetAuth::ApiKey, &body);
        let expected = r#"curl -sS 'https://contoso.openai.azure.com/openai/v1/chat/completions' \
  -H 'Content-Type: application/json' \
  -H "api-key: $AZURE_OPENAI_API_KEY" \
  -d @- <<'JSON'
{
  "messages": [
    {
      "content": "It's a \"test\"\nsecond line",
      "role": "user"
    }
  ],
  "model": "gpt-4o-mini"
}
JSON
"#;
        assert_eq!(code_for("curl", &all), expected);
        let curl = all.iter().find(|s| s.language == "curl").unwrap();
        assert_eq!(curl.label, "curl");
        assert!(curl.setup.starts_with("export AZURE_OPENAI_API_KEY="), "{}", curl.setup);
    }

    #[test]
    fn v1_api_version_and_streaming_show_in_curl() {
        let mut body = body_with("hi");
        body["stream"] = json!(true);
        body["stream_options"] = json!({"include_usage": true});
        let style = ApiStyle::V1 { api_version: Some("preview".into()) };
        let curl = code_for("curl", &snippets(EP, "d", &style, SnippetAuth::ApiKey, &body));
        assert!(
            curl.starts_with(concat!(
                "curl -sS -N ",
                "'https://contoso.openai.azure.com/openai/v1/chat/completions?api-version=preview'"
            )),
            "{curl}"
        );
        assert!(curl.contains("\"stream\": true") && curl.contains("\"include_usage\": true"), "{curl}");
    }

    #[test]
    fn classic_url_carries_the_deployment_in_the_path_and_the_api_version() {
        let body = json!({"messages": [{"content": "hi", "role": "user"}]});
        let all = snippets(EP, "gpt-4o", &classic(), SnippetAuth::ApiKey, &body);
        let url = concat!(
            "https://contoso.openai.azure.com/openai/deployments/gpt-4o/chat/completions",
            "?api-version=2024-10-21"
        );
        assert!(code_for("curl", &all).contains(&format!("'{url}'")));
        let python = code_for("python", &all);
        assert!(python.contains("from openai import AzureOpenAI"), "{python}");
        assert!(python.contains("    azure_endpoint=\"https://contoso.openai.azure.com\",\n"), "{python}");
        assert!(python.contains("    api_version=\"2024-10-21\",\n"), "{python}");
        assert!(python.contains("    model=\"gpt-4o\",\n"), "{python}");
        let js = code_for("javascript", &all);
        assert!(js.contains("import { AzureOpenAI } from \"openai\";"), "{js}");
        assert!(js.contains("  apiVersion: \"2024-10-21\",\n  apiKey: process.env.AZURE_OPENAI_API_KEY,\n"));
        assert!(js.contains("  deployment: \"gpt-4o\",\n"), "{js}");
        assert!(js.contains("\"model\": \"gpt-4o\""), "the SDK's types want a model: {js}");
        assert!(code_for("rust", &all).contains(&format!("const URL: &str = \"{url}\";")));
    }

    #[test]
    fn foundry_models_use_the_models_route_with_its_api_version() {
        let all = snippets(EP, "Mistral-Large", &foundry(), SnippetAuth::ApiKey, &body_with("hi"));
        assert!(code_for("curl", &all).contains(
            "'https://contoso.openai.azure.com/models/chat/completions?api-version=2024-05-01-preview'"
        ));
        let python = code_for("python", &all);
        assert!(python.contains("    base_url=\"https://contoso.openai.azure.com/models\",\n"), "{python}");
        assert!(
            python.contains("    default_query={\"api-version\": \"2024-05-01-preview\"},\n"),
            "{python}"
        );
        let js = code_for("javascript", &all);
        assert!(js.contains("  baseURL: \"https://contoso.openai.azure.com/models\",\n"), "{js}");
        assert!(js.contains("  defaultQuery: { \"api-version\": \"2024-05-01-preview\" },\n"), "{js}");
    }

    #[test]
    fn python_renders_json_values_as_python_literals() {
        let body = json!({
            "messages": [{"content": "Say \"héllo\" — it's 日本\u{2028}ok\\", "role": "user"}],
            "model": "gpt-4o",
            "parallel_tool_calls": false,
            "store": true,
            "temperature": 0.2,
            "user": null,
            "x_nested": [[1, [true, false, null]], {"k": null}],
        });
        let python = code_for("python", &snippets(EP, "gpt-4o", &v1(), SnippetAuth::ApiKey, &body));
        let expected_call = r#"completion = client.chat.completions.create(
    model="gpt-4o",
    messages=[
        {"content": "Say \"héllo\" — it's 日本\u2028ok\\", "role": "user"},
    ],
    parallel_tool_calls=False,
    store=True,
    temperature=0.2,
    user=None,
    # Fields this SDK version has no keyword for, sent as they are.
    extra_body={"x_nested": [[1, [True, False, None]], {"k": None}]},
)
print(completion.choices[0].message.content)
"#;
        assert!(python.ends_with(expected_call), "{python}");
        assert!(
            python.contains("    base_url=\"https://contoso.openai.azure.com/openai/v1/\",\n"),
            "{python}"
        );
        assert!(!python.contains("default_query"), "v1 without an api-version sends none: {python}");
    }

    #[test]
    fn streaming_python_and_javascript_skip_chunks_without_choices() {
        let mut body = body_with("hi");
        body["stream"] = json!(true);
        body["stream_options"] = json!({"include_usage": true});
        let all = snippets(EP, "gpt-4o-mini", &v1(), SnippetAuth::ApiKey, &body);
        let python = code_for("python", &all);
        assert!(python.contains("stream = client.chat.completions.create(\n"), "{python}");
        assert!(
            python.contains("    stream=True,\n    stream_options={\"include_usage\": True},\n"),
            "{python}"
        );
        let python_loop = r#"for chunk in stream:
    # Azure's first chunk (the prompt's filter results) and the usage chunk have no choices,
    # and the asynchronous filter's annotation chunks have no delta.
    delta = getattr(chunk.choices[0], "delta", None) if chunk.choices else None
    if delta is not None and delta.content:
        print(delta.content, end="", flush=True)
print()
"#;
        assert!(python.ends_with(python_loop), "{python}");
        let js = code_for("javascript", &all);
        assert!(js.contains("for await (const chunk of stream) {"), "{js}");
        assert!(js.contains("process.stdout.write(chunk.choices[0]?.delta?.content ?? \"\");"), "{js}");
        let rust = code_for("rust", &all);
        assert!(rust.contains("response.chunk().await?") && rust.contains("eventsource-stream"), "{rust}");
    }

    #[test]
    fn the_rust_raw_string_survives_quote_hash_runs_in_the_prompt() {
        let body = body_with("a \"# b \"## c\u{2028}d");
        let all = snippets(EP, "gpt-4o-mini", &v1(), SnippetAuth::ApiKey, &body);
        let rust = code_for("rust", &all);
        // The pretty JSON holds `\"##`: two hashes after a quote, so three close the string.
        let start = rust.find("r###\"").unwrap() + "r###\"".len();
        let end = rust.find("\"###;").unwrap();
        let embedded: Value = serde_json::from_str(&rust[start..end]).unwrap();
        assert_eq!(embedded, body);
        assert!(rust.starts_with("// Cargo.toml: reqwest = { version = \"0.12\", features = [\"json\"] }"));
        assert!(rust.contains(".header(\"api-key\", key)"), "{rust}");
        // The unseen line separator is spelled out, in every language.
        for s in &all {
            assert!(s.code.contains(r"c\u2028d") && !s.code.contains('\u{2028}'), "{}", s.code);
        }
    }

    #[test]
    fn no_snippet_carries_a_key_and_every_one_names_the_variable() {
        let fake = "FAKEKEY0123456789abcdef";
        for endpoint in [
            EP.to_string(),
            format!("https://contoso.openai.azure.com/openai/v1?api-key={fake}"),
            format!("https://me:{fake}@contoso.openai.azure.com/"),
        ] {
            for style in [v1(), classic(), foundry()] {
                let all = snippets(&endpoint, "gpt-4o", &style, SnippetAuth::ApiKey, &body_with("hi"));
                assert_eq!(all.len(), 4);
                for s in &all {
                    assert!(!s.code.contains(fake) && !s.setup.contains(fake), "{endpoint}: {}", s.code);
                    assert!(s.code.contains("AZURE_OPENAI_API_KEY"), "{}: {}", s.label, s.code);
                    assert!(s.setup.contains("AZURE_OPENAI_API_KEY"), "{}: {}", s.label, s.setup);
                    assert!(s.code.contains("contoso.openai.azure.com"), "{}", s.code);
                }
            }
        }
    }

    #[test]
    fn entra_snippets_use_a_credential_or_an_az_token() {
        for style in [v1(), classic()] {
            let all = snippets(EP, "gpt-4o", &style, SnippetAuth::EntraId, &body_with("hi"));
            let curl = all.iter().find(|s| s.language == "curl").unwrap();
            assert!(curl.code.contains("-H \"Authorization: Bearer $AZURE_OPENAI_TOKEN\""), "{}", curl.code);
            let az = concat!(
                "export AZURE_OPENAI_TOKEN=$(az account get-access-token ",
                "--resource https://cognitiveservices.azure.com --query accessToken -o tsv)"
            );
            assert!(curl.setup.starts_with(az), "{}", curl.setup);
            for language in ["python", "javascript"] {
                let s = all.iter().find(|s| s.language == language).unwrap();
                assert!(s.code.contains("DefaultAzureCredential()"), "{}", s.code);
                assert!(s.code.contains("https://cognitiveservices.azure.com/.default"), "{}", s.code);
                assert!(!s.code.contains("AZURE_OPENAI_API_KEY"), "{}", s.code);
                assert!(s.setup.contains("az login"), "{}", s.setup);
            }
            let rust = all.iter().find(|s| s.language == "rust").unwrap();
            assert!(rust.code.contains("std::env::var(\"AZURE_OPENAI_TOKEN\")"), "{}", rust.code);
            assert!(rust.code.contains(".bearer_auth(token)"), "{}", rust.code);
            assert!(rust.setup.contains("az account get-access-token"), "{}", rust.setup);
        }
        let classic_py =
            code_for("python", &snippets(EP, "d", &classic(), SnippetAuth::EntraId, &body_with("hi")));
        assert!(classic_py.contains("    azure_ad_token_provider=token_provider,\n"), "{classic_py}");
        let v1_all = snippets(EP, "d", &v1(), SnippetAuth::EntraId, &body_with("hi"));
        assert!(code_for("python", &v1_all).contains("    api_key=token_provider,\n"));
        assert!(code_for("javascript", &v1_all).contains("  apiKey: tokenProvider,\n"));
        let classic_js =
            code_for("javascript", &snippets(EP, "d", &classic(), SnippetAuth::EntraId, &body_with("hi")));
        assert!(classic_js.contains("  azureADTokenProvider: tokenProvider,\n"), "{classic_js}");
    }

    #[test]
    fn an_endpoint_the_parser_refuses_still_gets_a_joined_url() {
        // Plain http to a remote host is refused by the app; the snippet still shows the request.
        let all = snippets(
            "http://proxy.internal:8080/aoai/",
            "my dep",
            &classic(),
            SnippetAuth::ApiKey,
            &body_with("x"),
        );
        let url = "'http://proxy.internal:8080/aoai/openai/deployments/my%20dep/chat/completions";
        assert!(code_for("curl", &all).contains(&format!("{url}?api-version=2024-10-21'")));
        let pasted = "http://me:pw@proxy.internal:8080/aoai/openai/v1/?api-key=x";
        let all = snippets(pasted, "d", &v1(), SnippetAuth::ApiKey, &body_with("x"));
        let curl = code_for("curl", &all);
        assert!(curl.starts_with("curl -sS 'http://proxy.internal:8080/aoai/openai/v1/chat/completions' "));
        assert!(code_for("python", &all).contains("base_url=\"http://proxy.internal:8080/aoai/openai/v1/\""));
    }
}
