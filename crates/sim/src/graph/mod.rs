//! Microsoft Graph v1.0, the slice a client needs to put names on role assignments and to find people to
//! grant roles to. Served on the simulator's base URL in place of `https://graph.microsoft.com`, under
//! `/v1.0/`. A simulator-issued token must be for Graph (`https://graph.microsoft.com` or its application
//! id), unexpired and unedited; any other token passes and reads Ada's home tenant. Faults reach Graph only
//! when they name a path under it (`{"kind": "forbidden", "pathPrefix": "/v1.0/"}` → 403
//! `Authorization_RequestDenied`), so a catch-all fault meant for Resource Manager leaves Graph alone.

mod errors;
mod objects;
mod query;

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::Query;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::Value;

use self::errors::{GraphError, RequestIds};
use self::objects::Collection;
use self::query::ListQuery;
use crate::access::Caller;
use crate::entra::bearer::{self, Verdict, GRAPH_AUDIENCES};
use crate::faults::{Fault, FaultKind};
use crate::state::SimState;

/// Whether a request path is Graph's (`/v1.0/…`).
pub fn is_graph_path(path: &str) -> bool {
    path.trim_start_matches('/').split('/').next().is_some_and(|first| first.eq_ignore_ascii_case("v1.0"))
}

/// Every Graph request comes here.
pub async fn handle(
    state: Arc<SimState>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let ids = RequestIds::new(&headers);
    let mut response = match answer(&state, &method, &uri, &headers, &body).await {
        Ok(body) => Json(body).into_response(),
        Err(refused) => refused.respond(&ids),
    };
    ids.stamp(&mut response);
    response
}

async fn answer(
    state: &SimState,
    method: &Method,
    uri: &Uri,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<Value, GraphError> {
    let path = uri.path();
    let caller = authenticate(headers)?;
    apply_faults(state, method.as_str(), path, headers).await?;
    let query: HashMap<String, String> = Query::<HashMap<String, String>>::try_from_uri(uri)
        .map(|q| q.0.into_iter().map(|(k, v)| (k.to_ascii_lowercase(), v)).collect())
        .unwrap_or_default();
    let segments: Vec<String> = path
        .split('/')
        .filter(|s| !s.is_empty())
        .skip(1)
        .map(|s| percent_encoding::percent_decode_str(s).decode_utf8_lossy().into_owned())
        .collect();
    let lower: Vec<String> = segments.iter().map(|s| s.to_ascii_lowercase()).collect();
    let l: Vec<&str> = lower.iter().map(String::as_str).collect();
    let world = state.world();
    let tenant = caller.tenant.clone().or_else(|| world.tenants.first().map(|t| t.tenant_id.clone()));
    let directory =
        tenant.and_then(|t| world.access.directory(&t)).ok_or_else(|| errors::not_found(&caller.oid))?;
    let list = |collection: Collection| -> Result<Value, GraphError> {
        let parsed = ListQuery::parse(&query, collection.fields)?;
        let next = format!("{}{}", state.base_url, strip_skiptoken(uri));
        Ok(collection.page(&parsed, &next))
    };
    let one = |collection: &str, key: &str| -> Result<Value, GraphError> {
        objects::one(directory, collection, key, &ListQuery::parse(&query, &[])?)
    };
    match (method.as_str(), l.as_slice()) {
        ("GET", ["me"]) => one("users", &caller.oid),
        ("GET", ["users"]) => list(Collection::users(directory)),
        ("GET", ["users", _]) => one("users", &segments[1]),
        ("GET", ["groups"]) => list(Collection::groups(directory)),
        ("GET", ["groups", _]) => one("groups", &segments[1]),
        ("GET", ["serviceprincipals"]) => list(Collection::service_principals(directory)),
        ("GET", ["serviceprincipals", _]) => one("servicePrincipals", &segments[1]),
        ("POST", ["directoryobjects", "getbyids"]) => objects::get_by_ids(directory, body),
        _ => Err(GraphError::new(
            StatusCode::NOT_FOUND,
            "SimulatorRouteNotFound",
            format!("The simulator does not model {method} {uri}."),
        )),
    }
}

/// The caller: a simulator-issued token must be Graph's and valid; any other token reads as Ada.
fn authenticate(headers: &HeaderMap) -> Result<Caller, GraphError> {
    let token = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer ").or_else(|| v.strip_prefix("bearer ")))
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .ok_or_else(|| errors::invalid_token("Access token is empty."))?;
    match bearer::inspect(token, &GRAPH_AUDIENCES) {
        Verdict::Foreign => Ok(Caller::foreign()),
        Verdict::Valid { tenant_id, oid, upn } => Ok(Caller::issued(&oid, &upn, &tenant_id)),
        Verdict::Expired { .. } => {
            Err(errors::invalid_token("Lifetime validation failed, the token is expired."))
        }
        Verdict::WrongAudience { .. } => {
            Err(errors::invalid_token("Access token validation failure. Invalid audience."))
        }
        Verdict::Invalid => Err(errors::invalid_token("Access token validation failure.")),
    }
}

/// The kinds of fault Graph answers with (others stay on the board for the surfaces they are meant for).
fn answers_graph(kind: FaultKind) -> bool {
    matches!(
        kind,
        FaultKind::Forbidden
            | FaultKind::Throttle
            | FaultKind::ServerError
            | FaultKind::Unavailable
            | FaultKind::ExpiredToken
    )
}

/// Slowness, then a fault that replaces the answer: from the `x-sim-fault` header, or a board rule naming a
/// path prefix this request is under.
async fn apply_faults(
    state: &SimState,
    method: &str,
    path: &str,
    headers: &HeaderMap,
) -> Result<(), GraphError> {
    let header: Vec<Fault> = match headers.get("x-sim-fault").and_then(|v| v.to_str().ok()) {
        Some(spec) => crate::faults::parse_spec(spec).map_err(|e| {
            GraphError::new(StatusCode::BAD_REQUEST, "SimulatorBadFault", format!("x-sim-fault: {e}"))
        })?,
        None => Vec::new(),
    };
    let take = |accept: &dyn Fn(FaultKind) -> bool| {
        header
            .iter()
            .find(|f| accept(f.kind))
            .cloned()
            .or_else(|| state.faults.take_aimed(method, path, accept))
    };
    if let Some(delay) = take(&|k| k == FaultKind::Slow).and_then(|f| f.delay_ms) {
        tokio::time::sleep(Duration::from_millis(delay)).await;
    }
    let Some(fault) = take(&answers_graph) else { return Ok(()) };
    let wait = fault.retry_after.unwrap_or(state.retry_after_secs);
    Err(match fault.kind {
        FaultKind::Forbidden => errors::request_denied(),
        FaultKind::Throttle => GraphError::new(
            StatusCode::TOO_MANY_REQUESTS,
            "TooManyRequests",
            "Too many requests are being made to this resource. Please retry after some time.",
        )
        .with_retry_after(wait),
        FaultKind::Unavailable => GraphError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "serviceNotAvailable",
            "The service is temporarily unavailable. Please try again later.",
        )
        .with_retry_after(wait),
        FaultKind::ExpiredToken => errors::invalid_token("Lifetime validation failed, the token is expired."),
        _ => GraphError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "generalException",
            "An internal server error occurred.",
        ),
    })
}

/// The request's path and query without `$skiptoken`, for the next page's link.
fn strip_skiptoken(uri: &Uri) -> String {
    let kept: Vec<&str> = uri
        .query()
        .unwrap_or_default()
        .split('&')
        .filter(|p| !p.is_empty())
        .filter(|p| {
            let name = p.split('=').next().unwrap_or_default().to_ascii_lowercase();
            !matches!(name.as_str(), "$skiptoken" | "%24skiptoken" | "skiptoken")
        })
        .collect();
    if kept.is_empty() {
        uri.path().to_string()
    } else {
        format!("{}?{}", uri.path(), kept.join("&"))
    }
}
