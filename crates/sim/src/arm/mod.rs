//! Azure Resource Manager: one entry point that checks what ARM checks on every call (bearer token,
//! api-version), applies faults, routes on case-insensitive path segments, and stamps ARM's headers.

mod accounts;
mod auth;
mod authorization;
mod catalog_reads;
mod deployments;
mod enforce;
pub mod lro;
mod mutate;
mod paging;
pub(crate) mod render;
pub(crate) mod tenancy;
mod validate;

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::Value;

use crate::config::LroShape;
use crate::errors::{arm_error, ArmError};
use crate::faults::{fault_response, FaultKind};
use crate::state::{Budget, SimState};

/// One ARM request, parsed.
pub struct Call<'a> {
    /// Shared state.
    pub state: &'a SimState,
    /// HTTP method.
    pub method: Method,
    /// Path segments as sent.
    pub segments: Vec<String>,
    /// The path as sent.
    pub path: String,
    /// Decoded query parameters (names lower-cased).
    pub query: HashMap<String, String>,
    /// Raw query string.
    pub raw_query: String,
    /// Request body.
    pub body: Bytes,
    /// LRO shape for this request.
    pub lro_shape: LroShape,
    /// Whether an `async-failed` fault applies to an operation this request starts.
    pub fail_operation: bool,
    /// Who is calling (Ada, unrestricted, for a token the simulator did not issue).
    pub caller: crate::access::Caller,
}

/// The fallback handler: every ARM-shaped request comes here.
pub async fn handle(
    State(state): State<Arc<SimState>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let budget = match method {
        Method::GET | Method::HEAD => Budget::Reads,
        Method::DELETE => Budget::Deletes,
        _ => Budget::Writes,
    };
    let mut response = answer(&state, method, &uri, &headers, body).await;
    stamp(&mut response, &state, budget);
    response
}

async fn answer(state: &SimState, method: Method, uri: &Uri, headers: &HeaderMap, body: Bytes) -> Response {
    let path = uri.path().to_string();
    let first = path.trim_start_matches('/').split('/').next().unwrap_or_default().to_ascii_lowercase();
    if first != "subscriptions" && first != "tenants" {
        // Not an ARM path: the other surfaces (inference, Entra) get their own routes.
        return crate::errors::no_such_route(method, uri.clone()).await;
    }
    let caller = match auth::check(state, headers, &path) {
        Ok(caller) => caller,
        Err(refused) => return *refused,
    };
    let header_faults = match headers.get("x-sim-fault").and_then(|v| v.to_str().ok()) {
        Some(spec) => match crate::faults::parse_spec(spec) {
            Ok(faults) => faults,
            Err(e) => {
                return arm_error(StatusCode::BAD_REQUEST, "SimulatorBadFault", &format!("x-sim-fault: {e}"))
            }
        },
        None => Vec::new(),
    };
    let segments: Vec<String> = path.split('/').filter(|s| !s.is_empty()).map(percent_decode).collect();
    let subscription = match segments.as_slice() {
        [first, sub, ..] if first.eq_ignore_ascii_case("subscriptions") => sub.clone(),
        _ => String::new(),
    };
    let method_name = method.as_str().to_string();
    // Slowness first (it delays whatever follows), then faults that replace the answer.
    let slow = header_faults
        .iter()
        .find(|f| f.kind == FaultKind::Slow)
        .cloned()
        .or_else(|| state.faults.take(&method_name, &path, |k| k == FaultKind::Slow));
    if let Some(delay) = slow.and_then(|f| f.delay_ms) {
        tokio::time::sleep(Duration::from_millis(delay)).await;
    }
    // Inference-only faults are left on the board for the inference requests they are meant for.
    let answering =
        |k: FaultKind| !matches!(k, FaultKind::Slow | FaultKind::AsyncFailed) && !k.is_inference_only();
    let replacing = header_faults
        .iter()
        .find(|f| answering(f.kind))
        .cloned()
        .or_else(|| state.faults.take(&method_name, &path, answering));
    if let Some(response) = replacing
        .and_then(|f| fault_response(&f, state.retry_after_secs, &subscription, &method_name, &path, &caller))
    {
        return response;
    }
    let query: HashMap<String, String> = Query::<HashMap<String, String>>::try_from_uri(uri)
        .map(|q| q.0.into_iter().map(|(k, v)| (k.to_ascii_lowercase(), v)).collect())
        .unwrap_or_default();
    if query.get("api-version").is_none_or(|v| v.is_empty()) {
        return arm_error(
            StatusCode::BAD_REQUEST,
            "MissingApiVersionParameter",
            "The api-version query parameter (?api-version=) is required for all requests.",
        );
    }
    let lro_shape = headers
        .get("x-sim-lro")
        .and_then(|v| v.to_str().ok())
        .and_then(LroShape::parse)
        .unwrap_or(state.lro_shape);
    let is_mutation = matches!(method, Method::PUT | Method::PATCH | Method::DELETE | Method::POST);
    let fail_operation = is_mutation
        && (header_faults.iter().any(|f| f.kind == FaultKind::AsyncFailed)
            || state.faults.take(&method_name, &path, |k| k == FaultKind::AsyncFailed).is_some());
    let call = Call {
        state,
        method,
        segments,
        raw_query: uri.query().unwrap_or_default().to_string(),
        path,
        query,
        body,
        lro_shape,
        fail_operation,
        caller,
    };
    if let Some(refused) = enforce::refuse(&call) {
        return refused;
    }
    route(&call)
}

fn route(call: &Call) -> Response {
    let lower: Vec<String> = call.segments.iter().map(|s| s.to_ascii_lowercase()).collect();
    let l: Vec<&str> = lower.iter().map(String::as_str).collect();
    let s = &call.segments;
    let method = call.method.as_str();
    // Microsoft.Authorization is an extension of whatever scope comes before it.
    if let Some(at) = l.windows(2).position(|w| w == ["providers", "microsoft.authorization"]) {
        return authorization::route(call, &l[..at], &s[..at], &l[at + 2..], &s[at + 2..]);
    }
    match (method, l.as_slice()) {
        ("GET", ["subscriptions"]) => tenancy::subscriptions(call),
        ("GET", ["tenants"]) => tenancy::tenants(call),
        ("GET", ["subscriptions", _, "resourcegroups"]) => tenancy::groups(call, &s[1]),
        ("GET", ["subscriptions", _, "resourcegroups", _]) => tenancy::group(call, &s[1], &s[3]),
        (_, ["subscriptions", _, "providers", "microsoft.cognitiveservices", rest @ ..]) => {
            provider_route(call, &s[1], rest, &s[4..])
        }
        (
            _,
            ["subscriptions", _, "resourcegroups", _, "providers", "microsoft.cognitiveservices", "accounts", rest @ ..],
        ) => accounts::route(call, &s[1], &s[3], rest, &s[7..]),
        _ => not_modelled(call),
    }
}

fn provider_route(call: &Call, sub: &str, rest: &[&str], raw: &[String]) -> Response {
    match (call.method.as_str(), rest) {
        ("GET", ["accounts"]) => accounts::list_by_subscription(call, sub),
        ("GET", ["modelcapacities"]) => catalog_reads::model_capacities(call, sub, None),
        ("GET", ["locations", _, "modelcapacities"]) => {
            catalog_reads::model_capacities(call, sub, Some(&raw[1]))
        }
        ("GET", ["locations", _, "models"]) => catalog_reads::region_models(call, sub, &raw[1]),
        ("GET", ["locations", _, "usages"]) => catalog_reads::region_usages(call, sub, &raw[1]),
        ("POST", ["locations", _, "checkskuavailability"]) => {
            catalog_reads::check_sku_availability(call, sub)
        }
        ("GET", ["locations", _, "operationstatuses", _]) => lro::status(call, &raw[3]),
        ("GET", ["locations", _, "operationresults", _]) => lro::result(call, &raw[3]),
        _ => not_modelled(call),
    }
}

/// The loud catch-all for ARM paths.
pub fn not_modelled(call: &Call) -> Response {
    arm_error(
        StatusCode::NOT_FOUND,
        "SimulatorRouteNotFound",
        &format!("The simulator does not model {} {}.", call.method, call.path),
    )
}

/// 409 RequestConflict in Azure's wording, naming the account (parent) a mutation hit.
pub fn request_conflict(resource: &str) -> ArmError {
    ArmError::new(
        StatusCode::CONFLICT,
        "RequestConflict",
        &format!(
            "Another operation is being performed on the parent resource '{resource}'. Please try again later."
        ),
    )
}

/// The account a path is under (`.../accounts/{name}`), or the path itself.
pub fn parent_resource(path: &str) -> String {
    let segments: Vec<&str> = path.split('/').collect();
    match segments.iter().position(|s| s.eq_ignore_ascii_case("accounts")) {
        Some(i) if i + 1 < segments.len() => segments[..=i + 1].join("/"),
        _ => path.to_string(),
    }
}

/// A JSON answer.
pub fn json(status: StatusCode, body: Value) -> Response {
    (status, Json(body)).into_response()
}

/// A 400 in ARM's shape, not yet a response.
pub fn rejected(code: &str, message: &str) -> ArmError {
    ArmError::new(StatusCode::BAD_REQUEST, code, message)
}

/// 400 NoRegisteredProviderFound: ARM's answer to an api-version a resource type does not have.
pub fn unsupported_api_version(
    location: &str,
    version: &str,
    resource_type: &str,
    supported: &[&str],
) -> Response {
    bad_request(
        "NoRegisteredProviderFound",
        &format!(
            "No registered resource provider found for location '{location}' and API version '{version}' for type \
             '{resource_type}'. The supported api-versions are '{}'.",
            supported.join(", ")
        ),
    )
}

/// A 400 in ARM's shape.
pub fn bad_request(code: &str, message: &str) -> Response {
    arm_error(StatusCode::BAD_REQUEST, code, message)
}

fn stamp(response: &mut Response, state: &SimState, budget: Budget) {
    let headers = response.headers_mut();
    for name in ["x-ms-request-id", "x-ms-correlation-request-id"] {
        if let Ok(value) = HeaderValue::from_str(&crate::ids::guid()) {
            headers.insert(name, value);
        }
    }
    let name = match budget {
        Budget::Reads => "x-ms-ratelimit-remaining-subscription-reads",
        Budget::Writes => "x-ms-ratelimit-remaining-subscription-writes",
        Budget::Deletes => "x-ms-ratelimit-remaining-subscription-deletes",
    };
    headers.insert(name, HeaderValue::from(state.spend(budget)));
}

fn percent_decode(segment: &str) -> String {
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
