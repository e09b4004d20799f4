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

mod curl;
mod javascript;
mod python;
mod rust;

use curl::*;
use javascript::*;
use python::*;
use rust::*;

#[cfg(test)]
mod tests;
