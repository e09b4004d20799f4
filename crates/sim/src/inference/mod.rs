//! The inference data plane: chat completions on an account's endpoint, addressed as
//! `/{host}/openai/v1/chat/completions`, `/{host}/openai/deployments/{dep}/chat/completions?api-version=` or
//! `/{host}/models/chat/completions?api-version=`, where `{host}` is one of the account's Azure host names.
//! It checks what Azure checks, in Azure's order and words (resource, URL, key or token, deployment, model,
//! request, rate limit), then answers deterministically, streamed or not, with Azure's headers.

mod answer;
mod errors;
mod filters;
mod limits;
mod request;
mod route;
mod stream;

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::Query;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

use self::errors::InferenceError;
use self::limits::{Limit, RateBook, Remaining};
use self::route::{Form, Lock};
use self::stream::{Pacing, Shape};
use crate::faults::{Fault, FaultKind};
use crate::state::SimState;

pub use route::account_of_host;

/// Inference bookkeeping of one run.
#[derive(Default)]
pub struct InferenceState {
    /// Rate-limit windows and remembered prompts.
    pub rates: RateBook,
    /// Requests received.
    pub log: RequestLog,
}

/// Counts of inference requests, so tests can prove what was (not) re-sent.
#[derive(Default)]
pub struct RequestLog {
    book: Mutex<LogBook>,
}

#[derive(Default)]
struct LogBook {
    requests: u64,
    by_deployment: BTreeMap<String, u64>,
    cancelled_streams: u64,
    /// When each content chunk of the latest stream was written (ms since the Unix epoch), so a
    /// benchmark can tell how long a chunk takes from the wire to a window.
    content_writes: Vec<f64>,
}

impl RequestLog {
    fn book(&self) -> MutexGuard<'_, LogBook> {
        self.book.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Counts one POST, under its deployment when the request names one.
    pub fn count(&self, deployment: Option<&str>) {
        let mut book = self.book();
        book.requests += 1;
        if let Some(deployment) = deployment {
            *book.by_deployment.entry(deployment.to_string()).or_default() += 1;
        }
    }

    /// Counts a streamed body whose client went away before its end.
    pub fn stream_cancelled(&self) {
        self.book().cancelled_streams += 1;
    }

    /// A new stream starts: its content writes replace the previous stream's.
    pub fn stream_started(&self) {
        self.book().content_writes.clear();
    }

    /// A content chunk was handed to the connection now.
    pub fn content_written(&self) {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0.0, |d| d.as_secs_f64() * 1000.0);
        self.book().content_writes.push(now);
    }

    /// `{"contentWrites": [ms since the epoch, …]}` of the latest stream.
    pub fn writes(&self) -> Value {
        json!({"contentWrites": self.book().content_writes})
    }

    /// `{"requests", "byDeployment", "cancelledStreams"}`.
    pub fn snapshot(&self) -> Value {
        let book = self.book();
        json!({"requests": book.requests, "byDeployment": book.by_deployment,
               "cancelledStreams": book.cancelled_streams})
    }

    /// Back to zero.
    pub fn reset(&self) {
        *self.book() = LogBook::default();
    }
}

/// Where the simulator serves an Azure endpoint: `https://contoso.openai.azure.com/` becomes
/// `{sim_base_url}/contoso.openai.azure.com/` (any path after the host is kept).
pub fn sandbox_endpoint(sim_base_url: &str, azure_endpoint: &str) -> String {
    let rest = azure_endpoint.split_once("://").map_or(azure_endpoint, |(_, rest)| rest);
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    format!("{}/{host}/{path}", sim_base_url.trim_end_matches('/'))
}

/// Whether a request path is under an account host (and so is inference, not ARM).
pub fn is_inference_path(path: &str) -> bool {
    let first = path.trim_start_matches('/').split('/').next().unwrap_or_default();
    account_of_host(first).is_some()
}

/// Headers every inference answer carries, filled in as the request is understood, and what it is
/// recorded as in the traffic book.
#[derive(Default)]
struct Stamp {
    region: Option<String>,
    /// The account's name, once the deployment is known.
    account: Option<String>,
    deployment: Option<String>,
    limits: Option<(Limit, Remaining)>,
    /// `(prompt, completion)` tokens billed: set for an answer, and for a prompt the filter refused.
    billed: Option<(u64, u64)>,
}

impl Stamp {
    /// Counts a request that reached an existing deployment, with the status it got and what it billed,
    /// so the Azure Monitor metrics show it.
    fn record(&self, state: &SimState, status: StatusCode) {
        if let (Some(account), Some(deployment)) = (&self.account, &self.deployment) {
            let (prompt, completion) = self.billed.unwrap_or_default();
            state.traffic.record(account, deployment, status.as_u16(), prompt, completion);
        }
    }

    fn apply(self, response: &mut Response, request_headers: &HeaderMap) {
        let headers = response.headers_mut();
        let mut set = |name: &'static str, value: &str| {
            if let Ok(value) = HeaderValue::from_str(value) {
                headers.insert(name, value);
            }
        };
        set("apim-request-id", &crate::ids::guid());
        set("x-request-id", &crate::ids::guid());
        if let Some(client_id) = request_headers.get("x-ms-client-request-id").and_then(|v| v.to_str().ok()) {
            set("x-ms-client-request-id", client_id);
        }
        if let Some(region) = &self.region {
            set("x-ms-region", region);
        }
        if let Some(deployment) = &self.deployment {
            set("x-ms-deployment-name", deployment);
            set("x-ms-rai-invoked", "true");
        }
        if let Some((limit, remaining)) = self.limits {
            set("x-ratelimit-limit-requests", &limit.requests.to_string());
            set("x-ratelimit-limit-tokens", &limit.tokens.to_string());
            set("x-ratelimit-remaining-requests", &remaining.requests.to_string());
            set("x-ratelimit-remaining-tokens", &remaining.tokens.to_string());
        }
    }
}

/// Every request under an account host comes here.
pub async fn handle(
    state: Arc<SimState>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let mut stamp = Stamp::default();
    let mut response = answer(&state, &method, &uri, &headers, &body, &mut stamp)
        .await
        .unwrap_or_else(IntoResponse::into_response);
    stamp.record(&state, response.status());
    stamp.apply(&mut response, &headers);
    response
}

/// The faults of one request: its `x-sim-fault` header's, then the run's board.
struct RequestFaults<'a> {
    state: &'a SimState,
    method: &'a str,
    path: &'a str,
    header: Vec<Fault>,
}

impl RequestFaults<'_> {
    fn take(&self, accept: impl Fn(FaultKind) -> bool) -> Option<Fault> {
        self.header
            .iter()
            .find(|f| accept(f.kind))
            .cloned()
            .or_else(|| self.state.faults.take(self.method, self.path, accept))
    }
}

/// What a request needs of its account, copied out so the world is not held.
struct AccountView {
    name: String,
    /// Its Resource Manager id: the scope role assignments are checked at.
    id: String,
    location: String,
    keys: [String; 2],
    disable_local_auth: bool,
}

/// What a request needs of its deployment.
struct DeploymentView {
    name: String,
    model: String,
    version: String,
    paused: bool,
    chats: bool,
    /// When the model version retired, if it has.
    retired_since: Option<String>,
    /// Its per-minute limits; None for a provisioned or batch deployment, which is not rate limited.
    limit: Option<Limit>,
}

fn find_account(state: &SimState, name: &str) -> Option<AccountView> {
    let world = state.world();
    world.accounts.iter().find(|a| a.name.eq_ignore_ascii_case(name)).map(|a| AccountView {
        name: a.name.clone(),
        id: crate::arm::render::account_id(a),
        location: a.location.clone(),
        keys: a.keys.clone(),
        disable_local_auth: a.disable_local_auth,
    })
}

/// The deployment, if it exists and serves: one still being created, failed or being deleted does not.
fn find_deployment(state: &SimState, account: &str, name: &str) -> Option<DeploymentView> {
    let world = state.world();
    let account = world.accounts.iter().find(|a| a.name.eq_ignore_ascii_case(account))?;
    let d = account
        .deployments
        .iter()
        .find(|d| d.name.eq_ignore_ascii_case(name))
        .filter(|d| matches!(d.provisioning_state.as_str(), "Succeeded" | "Updating"))?;
    let (format, model, version) = &d.model;
    let entry = world.catalog_for(&account.location, None).find(|e| {
        e.model.format.eq_ignore_ascii_case(format)
            && e.model.name.eq_ignore_ascii_case(model)
            && e.model.version == *version
    });
    let retired_since = entry.and_then(|e| {
        let retires =
            e.model.extra.get("deprecation").and_then(|d| d.get("inference")).and_then(Value::as_str);
        let deprecated = e.model.lifecycle_status.as_deref() == Some("Deprecated");
        // ISO 8601 UTC timestamps of one shape compare as text.
        let past = retires.is_some_and(|date| date < crate::ids::utc_timestamp(0).as_str());
        (deprecated || past).then(|| retires.unwrap_or("an earlier date").to_string())
    });
    let chats = d.capabilities.get("chatCompletion").is_some_and(|v| v == "true")
        || (d.capabilities.is_empty() && !model.to_ascii_lowercase().contains("embedding"));
    Some(DeploymentView {
        name: d.name.clone(),
        model: model.clone(),
        version: version.clone(),
        paused: d.deployment_state.eq_ignore_ascii_case("Paused"),
        chats,
        retired_since,
        limit: d.per_minute_limits().map(|(requests, tokens)| Limit { requests, tokens }),
    })
}

async fn answer(
    state: &Arc<SimState>,
    method: &Method,
    uri: &Uri,
    headers: &HeaderMap,
    body: &Bytes,
    stamp: &mut Stamp,
) -> Result<Response, InferenceError> {
    let path = uri.path();
    let segments: Vec<String> = path.split('/').filter(|s| !s.is_empty()).map(str::to_string).collect();
    let account_name = segments.first().and_then(|host| account_of_host(host)).unwrap_or_default();
    let query: HashMap<String, String> = Query::<HashMap<String, String>>::try_from_uri(uri)
        .map(|q| q.0.into_iter().map(|(k, v)| (k.to_ascii_lowercase(), v)).collect())
        .unwrap_or_default();
    let parsed: Option<Value> = serde_json::from_slice(body).ok();
    let target = route::target(method, segments.get(1..).unwrap_or_default(), &query);
    let named_deployment = match &target {
        Ok(t) => match &t.form {
            Form::Classic(deployment) => Some(deployment.clone()),
            Form::V1 | Form::Models => {
                parsed.as_ref().and_then(|b| b.get("model")).and_then(Value::as_str).map(str::to_string)
            }
        },
        Err(_) => None,
    };
    if *method == Method::POST {
        state.inference.log.count(named_deployment.as_deref());
    }

    let account = find_account(state, &account_name).ok_or_else(errors::resource_not_found)?;
    stamp.region = Some(route::region_display_name(&account.location));
    let header_faults = match headers.get("x-sim-fault").and_then(|v| v.to_str().ok()) {
        Some(spec) => crate::faults::parse_spec(spec).map_err(|e| errors::bad_fault(&e))?,
        None => Vec::new(),
    };
    let faults = RequestFaults { state, method: method.as_str(), path, header: header_faults };
    if let Some(delay) = faults.take(|k| k == FaultKind::Slow).and_then(|f| f.delay_ms) {
        tokio::time::sleep(Duration::from_millis(delay)).await;
    }
    let target = target?;
    let lock = Lock { keys: &account.keys, disable_local_auth: account.disable_local_auth };
    let principal = route::authenticate(headers, &lock, &target.form, |kind| faults.take(|k| k == kind))?;
    if let Some(oid) = principal {
        route::authorize(state, &oid, &account.id, &target.form)?;
    }

    let body = parsed.ok_or_else(errors::unparsable_body)?;
    let deployment_name = named_deployment.ok_or_else(|| {
        InferenceError::invalid_request(
            "Missing required parameter: 'model'.",
            Some("model"),
            Some("missing_required_parameter"),
        )
    })?;
    let deployment =
        find_deployment(state, &account.name, &deployment_name).ok_or_else(errors::deployment_not_found)?;
    let rate_key = format!("{}/{}", account.name, deployment.name).to_ascii_lowercase();
    stamp.account = Some(account.name.clone());
    stamp.deployment = Some(deployment.name.clone());
    stamp.limits = deployment.limit.map(|limit| (limit, state.inference.rates.peek(&rate_key, limit)));
    if deployment.paused {
        return Err(errors::deployment_paused(&deployment.name));
    }
    if let Some(since) = &deployment.retired_since {
        return Err(errors::model_retired(&deployment.model, &deployment.version, since));
    }
    if !deployment.chats {
        return Err(errors::operation_not_supported(&deployment.model));
    }
    let request = request::parse(&body, &deployment.model)?;
    let prompt_tokens = answer::prompt_tokens(&request.messages);

    let answering = |k: FaultKind| {
        matches!(
            k,
            FaultKind::Throttle
                | FaultKind::ServerError
                | FaultKind::Unavailable
                | FaultKind::ContentFilterPrompt
        )
    };
    if let Some(fault) = faults.take(answering) {
        let retry_after = fault.retry_after.unwrap_or(state.retry_after_secs);
        return Err(match fault.kind {
            FaultKind::Throttle => {
                errors::rate_limited(target.api_version_label(), limits::Exceeded::Tokens, retry_after * 1000)
            }
            FaultKind::Unavailable => errors::unavailable(retry_after),
            FaultKind::ContentFilterPrompt => {
                // The prompt was read, so it is billed.
                state.inference.rates.charge(&rate_key, prompt_tokens);
                stamp.billed = Some((prompt_tokens, 0));
                stamp.limits =
                    deployment.limit.map(|limit| (limit, state.inference.rates.peek(&rate_key, limit)));
                errors::prompt_filtered(fault.category.as_deref().unwrap_or("jailbreak"))
            }
            _ => errors::server_error(),
        });
    }

    let mut choices = answer::compose(&request, &deployment.model);
    if let Some(fault) = faults.take(|k| k == FaultKind::LongAnswer) {
        let tokens = fault.after.map_or(4000, |n| n as usize);
        choices.iter_mut().for_each(|choice| choice.lengthen(tokens));
    }
    let mut completion = answer::Completion { choices, prompt_tokens, cached_tokens: 0 };
    // Azure estimates a request's tokens up front from max_tokens when given.
    let estimate = prompt_tokens.saturating_add(
        request
            .max_tokens
            .map_or_else(|| completion.completion_tokens(), |max| max.saturating_mul(request.n as u64)),
    );
    // A deployment without per-minute limits (provisioned, batch) is never refused for rate, and sends no
    // x-ratelimit-* headers, as there is no count to report.
    if let Some(limit) = deployment.limit {
        match state.inference.rates.spend(&rate_key, limit, estimate) {
            Ok(remaining) => stamp.limits = Some((limit, remaining)),
            Err(refusal) => {
                stamp.limits = Some((limit, refusal.remaining));
                return Err(errors::rate_limited(
                    target.api_version_label(),
                    refusal.exceeded,
                    refusal.retry_after_ms,
                ));
            }
        }
    }
    completion.cached_tokens = state.inference.rates.cached_tokens(
        &rate_key,
        &answer::prompt_text(&request.messages),
        prompt_tokens,
    );

    let meta = answer::Meta::new(&deployment.model, &deployment.version);
    let shaping = faults.take(|k| {
        matches!(
            k,
            FaultKind::CutStream
                | FaultKind::MalformedChunk
                | FaultKind::ContentFilterCompletion
                | FaultKind::AsyncFilter
        )
    });
    // The first byte of an answer is its status line: a slow model delays the headers too.
    if let Some(fault) = faults.take(|k| k == FaultKind::SlowFirstByte) {
        tokio::time::sleep(Duration::from_millis(fault.delay_ms.unwrap_or(1000))).await;
    }
    let shape = Shape::from_fault(shaping.as_ref());
    if request.stream {
        let parts = stream::events(&meta, &completion, request.include_usage, &shape)
            .into_iter()
            .map(Bytes::from)
            .collect();
        let gap = faults
            .take(|k| k == FaultKind::SlowStream)
            .map_or(state.chunk_delay_ms, |fault| fault.delay_ms.unwrap_or(200));
        let pacing = Pacing { gap: Duration::from_millis(gap), abort: false };
        stamp.billed = Some((prompt_tokens, completion.completion_tokens()));
        let body = stream::paced_body(Arc::clone(state), parts, pacing);
        return Ok(respond(body, "text/event-stream; charset=utf-8"));
    }
    let filtered = match &shape {
        Shape::Filtered { after, category } => Some((category.as_str(), *after)),
        _ => None,
    };
    let answered = answer::body(&meta, &completion, filtered);
    let billed = answered["usage"]["completion_tokens"].as_u64().unwrap_or_default();
    stamp.billed = Some((prompt_tokens, billed));
    let text = Bytes::from(answered.to_string());
    let body = match shape {
        // A non-streamed body cannot lose a chunk; it breaks off or is truncated instead.
        Shape::Cut(_) => {
            let head = text.slice(..text.len() / 2);
            stream::paced_body(Arc::clone(state), vec![head], Pacing { gap: Duration::ZERO, abort: true })
        }
        Shape::Malformed(_) => Body::from(text.slice(..text.len() - text.len() / 3)),
        _ => Body::from(text),
    };
    Ok(respond(body, "application/json"))
}

fn respond(body: Body, content_type: &'static str) -> Response {
    let mut response = Response::new(body);
    *response.status_mut() = StatusCode::OK;
    response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    response
}

#[cfg(test)]
mod tests {
    #[test]
    fn sandbox_endpoints_keep_the_host_as_a_path_segment() {
        let base = "http://127.0.0.1:4000";
        assert_eq!(
            super::sandbox_endpoint(base, "https://contoso-openai-eastus.openai.azure.com/"),
            "http://127.0.0.1:4000/contoso-openai-eastus.openai.azure.com/"
        );
        assert_eq!(
            super::sandbox_endpoint("http://127.0.0.1:4000/", "https://x.services.ai.azure.com"),
            "http://127.0.0.1:4000/x.services.ai.azure.com/"
        );
        assert_eq!(
            super::sandbox_endpoint(base, "https://x.openai.azure.com/openai/v1/"),
            "http://127.0.0.1:4000/x.openai.azure.com/openai/v1/"
        );
        assert!(super::is_inference_path("/x.cognitiveservices.azure.com/openai/v1/chat/completions"));
        assert!(!super::is_inference_path("/subscriptions"));
    }
}
