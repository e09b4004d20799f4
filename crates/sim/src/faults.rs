//! Fault injection: throttling, server errors, slowness, expired tokens, conflicts and failing
//! operations, plus the inference-only ones (cut, malformed and content-filtered streams, slow first byte),
//! switchable per run (SimConfig, `FOUNDRY_SIM_FAULTS`, `POST /_sim/faults`) or per request
//! (`x-sim-fault`), each optionally limited to a method, a path prefix and a number of hits.

use std::sync::Mutex;

use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use crate::errors::arm_error;

/// What goes wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FaultKind {
    /// 429 with Retry-After.
    Throttle,
    /// 500 InternalServerError.
    ServerError,
    /// 503 ServiceUnavailable with Retry-After.
    Unavailable,
    /// The answer comes after `delayMs`.
    Slow,
    /// 401 ExpiredAuthenticationToken.
    ExpiredToken,
    /// 403 AuthorizationFailed: the caller lacks the role for this action.
    Forbidden,
    /// 409 RequestConflict.
    Conflict,
    /// The next long-running operation ends `Failed`.
    AsyncFailed,
    /// Inference: the stream ends, without a finish chunk or `[DONE]`, after `after` content chunks
    /// (a non-streamed answer's connection drops halfway through its body).
    CutStream,
    /// Inference: one `data:` line of broken JSON after `after` content chunks (a non-streamed answer's
    /// body is truncated JSON).
    MalformedChunk,
    /// Inference: HTTP 400 `content_filter` for the prompt (even when streaming); `category` names the
    /// filter (jailbreak by default).
    ContentFilterPrompt,
    /// Inference: the completion is filtered after `after` content chunks: `finish_reason: "content_filter"`
    /// with `category` (violence by default) at severity medium.
    ContentFilterCompletion,
    /// Inference: the asynchronous filter: content chunks carry no filter results; annotation chunks with
    /// `content_filter_offsets` and no `delta` arrive after the finish chunk.
    AsyncFilter,
    /// Inference: an answer that passed every check starts (status line and all) only after `delayMs`
    /// (1000 when absent); a stream is then paced as usual.
    SlowFirstByte,
    /// Inference: a streamed answer is paced at `delayMs` (200 when absent) between its events: a slow
    /// model, so a person has time to stop it.
    SlowStream,
    /// Inference: the answer goes on for `after` tokens (4000 when absent), its text repeated: a long
    /// reply, for benchmarks and for seeing a long answer stream.
    LongAnswer,
}

impl FaultKind {
    /// Kinds only the inference surface acts on; ARM requests leave them for inference requests.
    pub fn is_inference_only(self) -> bool {
        matches!(
            self,
            Self::CutStream
                | Self::MalformedChunk
                | Self::ContentFilterPrompt
                | Self::ContentFilterCompletion
                | Self::AsyncFilter
                | Self::SlowFirstByte
                | Self::SlowStream
                | Self::LongAnswer
        )
    }
}

/// One fault rule.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Fault {
    /// What goes wrong.
    pub kind: FaultKind,
    /// Only this HTTP method (any when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    /// Only paths starting with this, compared without case (any when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path_prefix: Option<String>,
    /// Hits before it switches itself off (forever when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u32>,
    /// Retry-After seconds for throttle/unavailable (the run's default when absent); a conflict sends
    /// Retry-After only when this is set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after: Option<u64>,
    /// Delay for `slow` and `slow-first-byte`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delay_ms: Option<u64>,
    /// Content chunks sent before a stream fault strikes (`cut-stream`, `malformed-chunk`,
    /// `content-filter-completion`; 3 when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<u32>,
    /// The content filter category of `content-filter-prompt` / `content-filter-completion`: hate, sexual,
    /// violence, self_harm, jailbreak, protected_material_text or protected_material_code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
}

impl Fault {
    /// A fault of `kind` on every request, forever.
    pub fn new(kind: FaultKind) -> Self {
        Self {
            kind,
            method: None,
            path_prefix: None,
            count: None,
            retry_after: None,
            delay_ms: None,
            after: None,
            category: None,
        }
    }

    fn matches(&self, method: &str, path: &str) -> bool {
        self.method.as_deref().is_none_or(|m| m.eq_ignore_ascii_case(method))
            && self
                .path_prefix
                .as_deref()
                .is_none_or(|p| path.to_ascii_lowercase().starts_with(&p.to_ascii_lowercase()))
    }
}

/// Parses the text form:
/// `kind[;count=N][;method=M][;path=/prefix][;retryAfter=S][;delayMs=MS][;after=N][;category=C]`, several
/// separated by commas. Kinds: `429`|`throttle`, `500`|`server-error`, `503`|`unavailable`, `slow`,
/// `401`|`expired-token`, `403`|`forbidden`, `409`|`conflict`, `async-failed`, and for inference
/// `cut-stream`, `malformed-chunk`, `content-filter-prompt`, `content-filter-completion`, `async-filter`,
/// `slow-first-byte`, `slow-stream`, `long-answer`.
pub fn parse_spec(text: &str) -> Result<Vec<Fault>, String> {
    text.split(',').map(str::trim).filter(|item| !item.is_empty()).map(parse_one).collect()
}

fn parse_one(item: &str) -> Result<Fault, String> {
    let mut parts = item.split(';').map(str::trim);
    let kind = match parts.next().unwrap_or_default().to_ascii_lowercase().as_str() {
        "429" | "throttle" => FaultKind::Throttle,
        "500" | "server-error" => FaultKind::ServerError,
        "503" | "unavailable" => FaultKind::Unavailable,
        "slow" => FaultKind::Slow,
        "401" | "expired-token" => FaultKind::ExpiredToken,
        "403" | "forbidden" => FaultKind::Forbidden,
        "409" | "conflict" => FaultKind::Conflict,
        "async-failed" => FaultKind::AsyncFailed,
        "cut-stream" => FaultKind::CutStream,
        "malformed-chunk" => FaultKind::MalformedChunk,
        "content-filter-prompt" => FaultKind::ContentFilterPrompt,
        "content-filter-completion" => FaultKind::ContentFilterCompletion,
        "async-filter" => FaultKind::AsyncFilter,
        "slow-first-byte" => FaultKind::SlowFirstByte,
        "slow-stream" => FaultKind::SlowStream,
        "long-answer" => FaultKind::LongAnswer,
        other => return Err(format!("unknown fault kind '{other}'")),
    };
    let mut fault = Fault::new(kind);
    for part in parts {
        let (key, value) = part.split_once('=').ok_or_else(|| format!("expected key=value, got '{part}'"))?;
        let number = || value.parse::<u64>().map_err(|_| format!("'{key}' needs a number, got '{value}'"));
        match key.to_ascii_lowercase().as_str() {
            "count" => fault.count = Some(u32::try_from(number()?).unwrap_or(u32::MAX)),
            "method" => fault.method = Some(value.to_ascii_uppercase()),
            "path" => fault.path_prefix = Some(value.to_string()),
            "retryafter" | "retry-after" => fault.retry_after = Some(number()?),
            "delayms" | "delay-ms" | "ms" => fault.delay_ms = Some(number()?),
            "after" => fault.after = Some(u32::try_from(number()?).unwrap_or(u32::MAX)),
            "category" => fault.category = Some(value.to_ascii_lowercase()),
            other => return Err(format!("unknown fault option '{other}'")),
        }
    }
    Ok(fault)
}

/// The active fault rules of a run.
#[derive(Default)]
pub struct FaultBoard {
    rules: Mutex<Vec<Fault>>,
}

impl FaultBoard {
    /// Replaces every rule.
    pub fn set(&self, faults: Vec<Fault>) {
        *self.rules.lock().unwrap_or_else(|e| e.into_inner()) = faults;
    }

    /// Adds rules.
    pub fn add(&self, faults: Vec<Fault>) {
        self.rules.lock().unwrap_or_else(|e| e.into_inner()).extend(faults);
    }

    /// The active rules.
    pub fn list(&self) -> Vec<Fault> {
        self.rules.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Takes one hit of the first rule of an accepted kind matching the request, spending its count.
    pub fn take(&self, method: &str, path: &str, accept: impl Fn(FaultKind) -> bool) -> Option<Fault> {
        self.take_where(method, path, |f| accept(f.kind))
    }

    /// Like [`take`](Self::take), but only rules that name a path prefix: for surfaces (the price list)
    /// that a catch-all fault meant for Resource Manager should not reach.
    pub fn take_aimed(&self, method: &str, path: &str, accept: impl Fn(FaultKind) -> bool) -> Option<Fault> {
        self.take_where(method, path, |f| f.path_prefix.is_some() && accept(f.kind))
    }

    fn take_where(&self, method: &str, path: &str, accept: impl Fn(&Fault) -> bool) -> Option<Fault> {
        let mut rules = self.rules.lock().unwrap_or_else(|e| e.into_inner());
        let index = rules.iter().position(|f| accept(f) && f.matches(method, path))?;
        let fault = rules[index].clone();
        if let Some(count) = rules[index].count.as_mut() {
            *count = count.saturating_sub(1);
            if *count == 0 {
                rules.remove(index);
            }
        }
        Some(fault)
    }
}

/// The ARM answer a response-replacing fault gives (None for `slow`, `async-failed` and the inference-only
/// kinds, which do not answer ARM requests); a `forbidden` one names `caller`, as Azure names the client.
pub fn fault_response(
    fault: &Fault,
    default_retry_after: u64,
    subscription: &str,
    method: &str,
    path: &str,
    caller: &crate::access::Caller,
) -> Option<Response> {
    let retry_after = fault.retry_after.unwrap_or(default_retry_after);
    let mut response = match fault.kind {
        FaultKind::Throttle => arm_error(
            StatusCode::TOO_MANY_REQUESTS,
            "SubscriptionRequestsThrottled",
            &format!(
                "Number of requests for subscription '{subscription}' exceeded the limit. Please try again \
                 after '{retry_after}' seconds. Refer to https://aka.ms/arm-throttling"
            ),
        ),
        FaultKind::ServerError => arm_error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "InternalServerError",
            "Encountered internal server error. Please try again later.",
        ),
        FaultKind::Unavailable => arm_error(
            StatusCode::SERVICE_UNAVAILABLE,
            "ServiceUnavailable",
            "The service is temporarily unavailable. Please try again later.",
        ),
        FaultKind::ExpiredToken => crate::errors::expired_authentication_token(300),
        FaultKind::Forbidden => {
            let (action, scope) = crate::access::required_action(method, path);
            crate::access::authorization_failed(&caller.upn, &caller.oid, &action, &scope)
        }
        FaultKind::Conflict => {
            crate::arm::request_conflict(&crate::arm::parent_resource(path)).into_response()
        }
        FaultKind::Slow
        | FaultKind::AsyncFailed
        | FaultKind::CutStream
        | FaultKind::MalformedChunk
        | FaultKind::ContentFilterPrompt
        | FaultKind::ContentFilterCompletion
        | FaultKind::AsyncFilter
        | FaultKind::SlowFirstByte
        | FaultKind::SlowStream
        | FaultKind::LongAnswer => return None,
    };
    // A conflict carries Retry-After only when the rule asks for it (Azure sends none by default).
    let with_wait = matches!(fault.kind, FaultKind::Throttle | FaultKind::Unavailable)
        || (fault.kind == FaultKind::Conflict && fault.retry_after.is_some());
    if with_wait {
        response.headers_mut().insert("retry-after", HeaderValue::from(retry_after));
    }
    Some(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_text_form() {
        let faults =
            parse_spec("429;count=2;retryAfter=3, slow;delayMs=50;method=get;path=/subscriptions").unwrap();
        assert_eq!(faults.len(), 2);
        assert_eq!(faults[0].kind, FaultKind::Throttle);
        assert_eq!(faults[0].count, Some(2));
        assert_eq!(faults[1].method.as_deref(), Some("GET"));
        assert!(parse_spec("nonsense").is_err());
    }

    #[test]
    fn parses_the_inference_kinds_and_options() {
        let faults = parse_spec(
            "cut-stream;after=2, content-filter-prompt;category=Hate, slow-first-byte;delayMs=40, \
             malformed-chunk, content-filter-completion, async-filter",
        )
        .unwrap();
        assert_eq!(faults[0].kind, FaultKind::CutStream);
        assert_eq!(faults[0].after, Some(2));
        assert_eq!(faults[1].category.as_deref(), Some("hate"));
        assert_eq!(faults[2].delay_ms, Some(40));
        assert!(faults.iter().all(|f| f.kind.is_inference_only()));
        let json = serde_json::to_value(&faults[0]).unwrap();
        assert_eq!(json, serde_json::json!({"kind": "cut-stream", "after": 2}));
    }

    #[test]
    fn counted_faults_switch_off() {
        let board = FaultBoard::default();
        board.set(parse_spec("500;count=1").unwrap());
        assert!(board.take("GET", "/x", |_| true).is_some());
        assert!(board.take("GET", "/x", |_| true).is_none());
    }
}
