//! One error for every Azure call: what kind of failure (so the UI can act on it), Azure's own code and
//! message verbatim, and the request id to quote to support.

use std::time::Duration;

use reqwest::header::HeaderMap;
use reqwest::StatusCode;
use serde_json::Value;

/// What went wrong, as a user (or the UI) needs to tell it apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// 401: the token or key is missing, expired or wrong.
    Auth,
    /// 403: signed in, but a role is missing (see [`AzureError::missing_role`]).
    Forbidden,
    /// 404: no such subscription, group, account or deployment.
    NotFound,
    /// 409: another operation is running, or the resource is in the wrong state.
    Conflict,
    /// 429: too many requests; [`AzureError::retry_after`] says how long to wait.
    Throttled,
    /// Not enough quota for what was asked.
    Quota,
    /// 400 and friends: the request itself was refused (invalid capacity, unsupported SKU, …).
    InvalidRequest,
    /// 5xx, or a long-running operation that ended Failed.
    Server,
    /// The connection failed (DNS, refused, reset, TLS).
    Network,
    /// No answer in time.
    Timeout,
    /// The answer was not in the shape Azure documents.
    Decode,
    /// The user cancelled.
    Cancelled,
    /// The content filter blocked the prompt or cut the answer ([`AzureError::content_filter`] says which
    /// categories). Never retried: the prompt is billed.
    ContentFilter,
    /// 423: the deployment is paused.
    Paused,
    /// 410: the model version was retired.
    Retired,
    /// The answer stream ended before it was finished.
    StreamCut,
}

/// A failed Azure call. `Display` gives Azure's message, code and request id; never a secret.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.describe())]
pub struct AzureError {
    pub kind: ErrorKind,
    /// The HTTP status, when there was an answer.
    pub status: Option<u16>,
    /// Azure's error code, verbatim (`InsufficientQuota`, `RequestConflict`, …).
    pub code: Option<String>,
    /// Azure's message, verbatim; or ours when Azure said nothing (network, timeout).
    pub message: String,
    /// `x-ms-request-id` (or the correlation id) of the answer.
    pub request_id: Option<String>,
    /// How long Azure asked us to wait before trying again.
    pub retry_after: Option<Duration>,
    /// For a 403: the built-in role that would allow this call.
    pub missing_role: Option<&'static str>,
    /// What an inference answer added: the content filter's verdicts, the rate-limit headroom.
    /// Boxed: most errors have none, and every `Result` carries the error's size.
    pub inference: Option<Box<InferenceDetails>>,
}

/// The parts of an inference error answer beyond code and message.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InferenceDetails {
    /// For a content-filter block: where, and which categories fired.
    pub content_filter: Option<crate::inference::ContentFilterBlock>,
    /// The rate-limit headroom the answer carried.
    pub rate_limits: Option<crate::inference::RateLimits>,
}

impl AzureError {
    /// An error that never reached Azure, or whose answer could not be read.
    pub fn local(kind: ErrorKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            status: None,
            code: None,
            message: message.into(),
            request_id: None,
            retry_after: None,
            missing_role: None,
            inference: None,
        }
    }

    /// Reads an error answer: Azure's `{"error": {"code", "message"}}`, the bare `{"code", "message"}`
    /// and `{"statusCode", "message"}` shapes, or no body at all. Never fails: the worst case is a
    /// message built from the status.
    pub fn from_response(status: u16, headers: &HeaderMap, body: &[u8]) -> Self {
        let (code, message) = parse_error_body(body);
        let code = code.filter(|c| !c.is_empty());
        let kind = classify(status, code.as_deref());
        let message = message.filter(|m| !m.is_empty()).unwrap_or_else(|| {
            let reason = StatusCode::from_u16(status).ok().and_then(|s| s.canonical_reason()).unwrap_or("");
            format!("Azure answered HTTP {status} {reason} without a message").trim_end().to_string()
        });
        Self {
            kind,
            status: Some(status),
            code,
            message,
            request_id: request_id(headers),
            retry_after: retry_after(headers),
            missing_role: None,
            inference: None,
        }
    }

    /// The content-filter block, when the filter refused.
    pub fn content_filter(&self) -> Option<&crate::inference::ContentFilterBlock> {
        self.inference.as_ref()?.content_filter.as_ref()
    }

    /// The rate-limit headroom the answer carried, if any.
    pub fn rate_limits(&self) -> Option<&crate::inference::RateLimits> {
        self.inference.as_ref()?.rate_limits.as_ref()
    }

    /// Names the role that would have allowed the refused call.
    pub fn with_missing_role(mut self, role: &'static str) -> Self {
        if self.kind == ErrorKind::Forbidden {
            self.missing_role = Some(role);
        }
        self
    }

    fn describe(&self) -> String {
        let mut text = self.message.clone();
        if let Some(role) = self.missing_role {
            text.push_str(&format!(" (this needs the '{role}' role on the resource)"));
        }
        let mut tags = Vec::new();
        if let Some(code) = &self.code {
            tags.push(format!("code {code}"));
        }
        if let Some(status) = self.status {
            tags.push(format!("HTTP {status}"));
        }
        if let Some(id) = &self.request_id {
            tags.push(format!("request id {id}"));
        }
        if !tags.is_empty() {
            text.push_str(&format!(" [{}]", tags.join(", ")));
        }
        text
    }
}

/// Azure's code and message from any of the error body shapes it uses.
fn parse_error_body(body: &[u8]) -> (Option<String>, Option<String>) {
    let Ok(value) = serde_json::from_slice::<Value>(body) else {
        let text = String::from_utf8_lossy(body).trim().chars().take(500).collect::<String>();
        return (None, (!text.is_empty()).then_some(text));
    };
    let scope = value.get("error").filter(|e| e.is_object()).unwrap_or(&value);
    let text = |v: Option<&Value>| match v {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let code = text(scope.get("code")).or_else(|| text(value.get("statusCode")));
    let message = text(scope.get("message")).or_else(|| text(value.get("message")));
    (code, message)
}

fn classify(status: u16, code: Option<&str>) -> ErrorKind {
    let code = code.unwrap_or("");
    if code.eq_ignore_ascii_case("InsufficientQuota") || code.eq_ignore_ascii_case("QuotaExceeded") {
        return ErrorKind::Quota;
    }
    match status {
        401 => ErrorKind::Auth,
        403 => ErrorKind::Forbidden,
        404 => ErrorKind::NotFound,
        409 => ErrorKind::Conflict,
        410 => ErrorKind::Retired,
        423 => ErrorKind::Paused,
        429 => ErrorKind::Throttled,
        408 | 504 => ErrorKind::Timeout,
        500..=599 => ErrorKind::Server,
        _ => ErrorKind::InvalidRequest,
    }
}

/// The request id Azure stamped on an answer.
pub fn request_id(headers: &HeaderMap) -> Option<String> {
    ["x-ms-request-id", "x-ms-correlation-request-id", "apim-request-id", "x-request-id", "request-id"]
        .iter()
        .find_map(|name| headers.get(*name)?.to_str().ok().map(str::to_string))
}

/// `Retry-After` (or `retry-after-ms`) as a duration; missing, negative or unreadable values are `None`.
pub fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    wait_header(headers, "retry-after-ms", 0.001).or_else(|| wait_header(headers, "retry-after", 1.0))
}

/// A header holding a number of `unit` seconds (`-1`, `inf`, `NaN` and garbage are `None`), capped at
/// a year so no value Azure or a proxy sends can overflow a `Duration`.
pub(crate) fn wait_header(headers: &HeaderMap, name: &str, unit: f64) -> Option<Duration> {
    const YEAR_SECS: f64 = 365.0 * 86_400.0;
    let value = headers.get(name)?.to_str().ok()?.trim().parse::<f64>().ok()?;
    let seconds = value * unit;
    (seconds.is_finite() && seconds >= 0.0).then(|| Duration::from_secs_f64(seconds.min(YEAR_SECS)))
}

/// Headers from `(name, value)` pairs, for unit tests of what Azure's headers say.
#[cfg(test)]
pub(crate) fn test_headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
    let mut map = HeaderMap::new();
    for (name, value) in pairs {
        #[allow(clippy::unwrap_used)] // test input
        map.insert(*name, reqwest::header::HeaderValue::from_str(value).unwrap());
    }
    map
}

#[cfg(test)]
mod tests {
    use super::test_headers as headers;
    use super::*;

    #[test]
    fn arm_error_keeps_code_message_and_request_id_verbatim() {
        let body = br#"{"error":{"code":"InsufficientQuota","message":"This operation require 50 new capacity in quota Tokens Per Minute (thousands) - gpt-4o, which is bigger than the current available capacity 20."}}"#;
        let err = AzureError::from_response(400, &headers(&[("x-ms-request-id", "req-1")]), body);
        assert_eq!(err.kind, ErrorKind::Quota);
        assert_eq!(err.code.as_deref(), Some("InsufficientQuota"));
        assert!(err.message.starts_with("This operation require 50 new capacity"));
        assert_eq!(err.request_id.as_deref(), Some("req-1"));
        let shown = err.to_string();
        assert!(shown.contains("code InsufficientQuota") && shown.contains("request id req-1"), "{shown}");
    }

    #[test]
    fn the_token_shape_without_an_error_wrapper_is_read() {
        let body = br#"{"statusCode":401,"message":"Unauthorized. Access token is missing, invalid, audience is incorrect, or have expired."}"#;
        let err = AzureError::from_response(401, &HeaderMap::new(), body);
        assert_eq!(err.kind, ErrorKind::Auth);
        assert_eq!(err.code.as_deref(), Some("401"));
        assert!(err.message.starts_with("Unauthorized. Access token"));
    }

    #[test]
    fn empty_or_garbage_bodies_still_give_a_message() {
        let err = AzureError::from_response(503, &HeaderMap::new(), b"");
        assert_eq!(err.kind, ErrorKind::Server);
        assert_eq!(err.message, "Azure answered HTTP 503 Service Unavailable without a message");
        let err = AzureError::from_response(502, &HeaderMap::new(), b"<html>Bad gateway</html>");
        assert_eq!(err.message, "<html>Bad gateway</html>");
    }

    #[test]
    fn forbidden_names_the_missing_role() {
        let body = br#"{"error":{"code":"AuthorizationFailed","message":"The client does not have authorization to perform action."}}"#;
        let err = AzureError::from_response(403, &HeaderMap::new(), body)
            .with_missing_role("Cognitive Services Contributor");
        assert_eq!(err.kind, ErrorKind::Forbidden);
        assert!(err.to_string().contains("needs the 'Cognitive Services Contributor' role"));
    }

    #[test]
    fn retry_after_prefers_milliseconds_and_ignores_minus_one() {
        assert_eq!(retry_after(&headers(&[("retry-after", "7")])), Some(Duration::from_secs(7)));
        assert_eq!(
            retry_after(&headers(&[("retry-after", "7"), ("retry-after-ms", "1500")])),
            Some(Duration::from_millis(1500))
        );
        assert_eq!(retry_after(&headers(&[("retry-after", "-1")])), None);
        assert_eq!(retry_after(&headers(&[("retry-after", "soon")])), None);
        assert_eq!(retry_after(&headers(&[("retry-after", "inf")])), None);
        assert_eq!(
            retry_after(&headers(&[("retry-after-ms", "1e30")])),
            Some(Duration::from_secs(365 * 86_400))
        );
    }
}
