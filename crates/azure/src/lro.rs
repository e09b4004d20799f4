//! Long-running operations: the one algorithm of AZURE.md that fits both the spec and real traffic.
//!
//! Done when the status is 204, the body's `provisioningState` is terminal, or a 200 has no body.
//! Otherwise poll `Azure-AsyncOperation` (any case), else `Location`, else GET the resource, waiting
//! `Retry-After` between polls, until terminal; a 404 while polling a delete means done.

use std::sync::Arc;
use std::time::Duration;

use reqwest::header::HeaderMap;
use reqwest::Method;
use serde_json::Value;
use tokio_util::sync::CancellationToken;

use crate::error::{retry_after, AzureError, ErrorKind};
use crate::http::{HttpAnswer, HttpRequest, Pipeline};

/// Where to look for the outcome of an operation that is still running.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PollVia {
    /// `Azure-AsyncOperation`: an operation-status document `{status, error?}`.
    AsyncOperation(String),
    /// `Location`: 202 while running, then the result.
    Location(String),
    /// Neither header: GET the resource and read its `provisioningState`.
    Resource,
}

/// What the first answer to a mutation says.
#[derive(Debug, Clone, PartialEq)]
pub enum FirstStep {
    /// Finished; the resource as returned, if any.
    Done(Option<Value>),
    /// Still running: poll there, first after `wait`.
    Poll { via: PollVia, wait: Duration },
}

/// Progress for a status line: the last state Azure reported and how many polls so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LroProgress {
    pub status: String,
    pub polls: u32,
}

/// How to wait for operations: the same for every operation a client runs.
#[derive(Debug, Clone)]
pub struct LroOptions {
    /// Wait between polls when Azure sends no Retry-After.
    pub default_wait: Duration,
    /// Give up (with a timeout error) after this many polls.
    pub max_polls: u32,
}

impl Default for LroOptions {
    fn default() -> Self {
        Self { default_wait: Duration::from_secs(5), max_polls: 720 }
    }
}

/// The caller's hold on one operation: where its progress goes, and the token that stops waiting for
/// it. Each operation has its own, so cancelling one create leaves the others running.
#[derive(Clone, Default)]
pub struct LroHandle {
    cancel: CancellationToken,
    progress: Option<Arc<dyn Fn(LroProgress) + Send + Sync>>,
}

impl LroHandle {
    /// A handle that reports progress to `progress`.
    pub fn with_progress(progress: impl Fn(LroProgress) + Send + Sync + 'static) -> Self {
        Self { cancel: CancellationToken::new(), progress: Some(Arc::new(progress)) }
    }

    /// Stops waiting: a queued mutation is never sent; a running one goes on in Azure.
    pub fn cancel(&self) {
        self.cancel.cancel();
    }

    /// The token behind [`LroHandle::cancel`], to tie the operation to a wider cancellation.
    pub fn cancel_token(&self) -> &CancellationToken {
        &self.cancel
    }

    fn report(&self, progress: LroProgress) {
        if let Some(report) = &self.progress {
            report(progress);
        }
    }
}

/// Decides from the first answer whether the operation is done. Pure, so it can be fuzzed.
pub fn first_step(answer: &HttpAnswer, default_wait: Duration) -> Result<FirstStep, AzureError> {
    if answer.status == 204 {
        return Ok(FirstStep::Done(None));
    }
    let body = answer.json()?;
    if let Some(state) = body.as_ref().and_then(provisioning_state) {
        if is_terminal(&state) {
            check_succeeded(&state, body.as_ref(), &answer.headers)?;
            return Ok(FirstStep::Done(body));
        }
    }
    if answer.status == 200 && body.is_none() {
        return Ok(FirstStep::Done(None));
    }
    let wait = retry_after(&answer.headers).unwrap_or(default_wait);
    let header = |name: &str| answer.headers.get(name).and_then(|v| v.to_str().ok()).map(str::to_string);
    // HeaderMap lookups are case-insensitive: `azure-asyncoperation` and `Azure-AsyncOperation` both match.
    let via = match (header("azure-asyncoperation"), header("location")) {
        (Some(url), _) => PollVia::AsyncOperation(url),
        (None, Some(url)) => PollVia::Location(url),
        (None, None) => PollVia::Resource,
    };
    Ok(FirstStep::Poll { via, wait })
}

/// The state in an operation-status document (`{"status": "Creating"}`); pure, so it can be fuzzed.
pub fn operation_status(body: &[u8]) -> Result<(String, Option<AzureError>), AzureError> {
    let value: Value = serde_json::from_slice(body).map_err(|e| {
        AzureError::local(ErrorKind::Decode, format!("the operation status was not valid JSON: {e}"))
    })?;
    let status = value
        .get("status")
        .and_then(Value::as_str)
        .ok_or_else(|| AzureError::local(ErrorKind::Decode, "the operation status has no `status` field"))?
        .to_string();
    let error = value.get("error").map(|e| {
        let body = serde_json::json!({ "error": e }).to_string();
        AzureError::from_response(200, &HeaderMap::new(), body.as_bytes())
    });
    Ok((status, error))
}

/// Runs the operation to its end: returns the final resource (PUT/PATCH) or `None` (DELETE, POST).
pub async fn wait_for_completion(
    pipeline: &Pipeline,
    method: &Method,
    resource: &HttpRequest,
    first: FirstStep,
    options: &LroOptions,
    handle: &LroHandle,
) -> Result<Option<Value>, AzureError> {
    let (via, mut wait) = match first {
        FirstStep::Done(body) => return Ok(body),
        FirstStep::Poll { via, wait } => (via, wait),
    };
    let is_delete = method == Method::DELETE;
    for polls in 1..=options.max_polls {
        tokio::select! {
            _ = handle.cancel.cancelled() => return Err(cancelled()),
            _ = tokio::time::sleep(wait) => {}
        }
        let url = match &via {
            PollVia::AsyncOperation(url) | PollVia::Location(url) => url.clone(),
            PollVia::Resource => resource.url.clone(),
        };
        let poll = HttpRequest { method: Method::GET, url, body: None, scope: resource.scope.clone() };
        // A poll can sit in the pipeline's retry wait (a throttled poll); a cancel must not wait for it.
        let sent = tokio::select! {
            biased;
            _ = handle.cancel.cancelled() => return Err(cancelled()),
            sent = pipeline.send(&poll) => sent,
        };
        let answer = match sent {
            Err(e) if is_delete && e.kind == ErrorKind::NotFound => {
                handle.report(LroProgress { status: "Succeeded".into(), polls });
                return Ok(None);
            }
            // A throttled poll says nothing about the operation, which goes on in Azure: wait as long
            // as Azure asks (the pipeline hands back waits longer than it sits through) and poll again.
            Err(e) if e.kind == ErrorKind::Throttled => {
                wait = e.retry_after.unwrap_or(options.default_wait);
                handle.report(LroProgress { status: "Throttled".into(), polls });
                continue;
            }
            other => other?,
        };
        wait = retry_after(&answer.headers).unwrap_or(options.default_wait);
        let status = match &via {
            PollVia::AsyncOperation(_) => {
                let (status, error) = operation_status(&answer.body)?;
                if is_terminal(&status) {
                    if !status.eq_ignore_ascii_case("Succeeded") {
                        return Err(failed(&status, error, &answer.headers));
                    }
                    handle.report(LroProgress { status, polls });
                    return final_resource(pipeline, method, resource).await;
                }
                status
            }
            PollVia::Location(_) if answer.status == 202 => "Running".to_string(),
            // The Location answers with the result itself once the operation is over.
            PollVia::Location(_) => {
                let body = answer.json()?;
                let status = body.as_ref().and_then(provisioning_state).unwrap_or_else(|| "Succeeded".into());
                check_succeeded(&status, body.as_ref(), &answer.headers)?;
                handle.report(LroProgress { status, polls });
                return Ok(body);
            }
            PollVia::Resource => {
                let body = answer.json()?;
                let status = body.as_ref().and_then(provisioning_state).unwrap_or_else(|| "Succeeded".into());
                if is_terminal(&status) {
                    check_succeeded(&status, body.as_ref(), &answer.headers)?;
                    handle.report(LroProgress { status, polls });
                    return Ok(body);
                }
                status
            }
        };
        handle.report(LroProgress { status, polls });
    }
    Err(AzureError::local(
        ErrorKind::Timeout,
        "the operation was still running after the longest wait we allow",
    ))
}

fn cancelled() -> AzureError {
    AzureError::local(ErrorKind::Cancelled, "stopped waiting; the operation goes on in Azure")
}

async fn final_resource(
    pipeline: &Pipeline,
    method: &Method,
    resource: &HttpRequest,
) -> Result<Option<Value>, AzureError> {
    if method == Method::DELETE || method == Method::POST {
        return Ok(None);
    }
    let get = HttpRequest {
        method: Method::GET,
        url: resource.url.clone(),
        body: None,
        scope: resource.scope.clone(),
    };
    pipeline.send(&get).await?.json()
}

fn provisioning_state(body: &Value) -> Option<String> {
    body.pointer("/properties/provisioningState").and_then(Value::as_str).map(str::to_string)
}

/// Succeeded, Failed and Canceled end an operation, in any casing.
pub fn is_terminal(state: &str) -> bool {
    ["Succeeded", "Failed", "Canceled", "Cancelled"].iter().any(|t| t.eq_ignore_ascii_case(state))
}

fn check_succeeded(state: &str, body: Option<&Value>, headers: &HeaderMap) -> Result<(), AzureError> {
    if state.eq_ignore_ascii_case("Succeeded") {
        return Ok(());
    }
    let error = body.and_then(|b| b.pointer("/properties/error").or_else(|| b.get("error"))).map(|e| {
        let body = serde_json::json!({ "error": e }).to_string();
        AzureError::from_response(200, headers, body.as_bytes())
    });
    Err(failed(state, error, headers))
}

fn failed(state: &str, error: Option<AzureError>, headers: &HeaderMap) -> AzureError {
    let mut err = error.unwrap_or_else(|| AzureError::local(ErrorKind::Server, ""));
    err.kind = ErrorKind::Server;
    err.status = None;
    if err.message.is_empty() || err.message.starts_with("Azure answered HTTP") {
        err.message = format!("the operation ended {state}");
    } else {
        err.message = format!("the operation ended {state}: {}", err.message);
    }
    err.request_id = err.request_id.or_else(|| crate::error::request_id(headers));
    err
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    fn answer(status: u16, headers: &[(&'static str, &str)], body: &str) -> HttpAnswer {
        let mut map = HeaderMap::new();
        for (k, v) in headers {
            map.insert(*k, HeaderValue::from_str(v).unwrap());
        }
        HttpAnswer { status, headers: map, body: body.as_bytes().to_vec() }
    }
    const WAIT: Duration = Duration::from_secs(5);

    #[test]
    fn real_put_201_already_succeeded_is_done() {
        let a = answer(201, &[], r#"{"name":"d","properties":{"provisioningState":"Succeeded"}}"#);
        assert!(matches!(first_step(&a, WAIT).unwrap(), FirstStep::Done(Some(_))));
    }

    #[test]
    fn spec_put_201_with_async_header_polls_it_after_retry_after() {
        let a = answer(
            201,
            &[("Azure-AsyncOperation", "https://x/op/1?api-version=1"), ("Retry-After", "2")],
            r#"{"properties":{"provisioningState":"Creating"}}"#,
        );
        assert_eq!(
            first_step(&a, WAIT).unwrap(),
            FirstStep::Poll {
                via: PollVia::AsyncOperation("https://x/op/1?api-version=1".into()),
                wait: Duration::from_secs(2)
            }
        );
    }

    #[test]
    fn lower_case_async_header_on_202_patch_is_found() {
        let a = answer(202, &[("azure-asyncoperation", "https://x/op/2")], "");
        assert_eq!(
            first_step(&a, WAIT).unwrap(),
            FirstStep::Poll { via: PollVia::AsyncOperation("https://x/op/2".into()), wait: WAIT }
        );
    }

    #[test]
    fn delete_200_with_empty_body_and_204_are_done() {
        assert_eq!(first_step(&answer(200, &[], ""), WAIT).unwrap(), FirstStep::Done(None));
        assert_eq!(first_step(&answer(204, &[], ""), WAIT).unwrap(), FirstStep::Done(None));
    }

    #[test]
    fn location_is_used_when_there_is_no_async_header() {
        let a = answer(202, &[("Location", "https://x/loc/3")], "");
        assert!(
            matches!(first_step(&a, WAIT).unwrap(), FirstStep::Poll { via: PollVia::Location(u), .. } if u == "https://x/loc/3")
        );
    }

    #[test]
    fn failed_provisioning_state_in_the_first_answer_is_an_error() {
        let a = answer(
            200,
            &[("x-ms-request-id", "r9")],
            r#"{"properties":{"provisioningState":"Failed","error":{"code":"InternalError","message":"boom"}}}"#,
        );
        let err = first_step(&a, WAIT).unwrap_err();
        assert_eq!(err.code.as_deref(), Some("InternalError"));
        assert_eq!(err.message, "the operation ended Failed: boom");
        assert_eq!(err.request_id.as_deref(), Some("r9"));
    }

    #[test]
    fn operation_status_reads_status_and_error() {
        let (status, error) = operation_status(br#"{"status":"Creating"}"#).unwrap();
        assert_eq!((status.as_str(), error.is_none()), ("Creating", true));
        let (status, error) = operation_status(
            br#"{"status":"Failed","error":{"code":"ResourceOperationFailure","message":"no"}}"#,
        )
        .unwrap();
        assert_eq!(status, "Failed");
        assert_eq!(error.unwrap().code.as_deref(), Some("ResourceOperationFailure"));
        assert_eq!(operation_status(b"[]").unwrap_err().kind, ErrorKind::Decode);
    }

    #[test]
    fn terminal_states_ignore_case() {
        assert!(is_terminal("succeeded") && is_terminal("FAILED") && is_terminal("Canceled"));
        assert!(!is_terminal("Creating") && !is_terminal("Accepted"));
    }
}
