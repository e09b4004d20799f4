//! Microsoft Graph's error shape, which is neither ARM's nor the data plane's:
//! `{"error": {"code", "message", "innerError": {"date", "request-id", "client-request-id"}}}`, with the same
//! ids in the `request-id` and `client-request-id` headers of every answer.

use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

/// The ids of one Graph request: Graph's own, and the client's (echoed, or made up when it sent none).
pub struct RequestIds {
    request_id: String,
    client_request_id: String,
}

impl RequestIds {
    /// Fresh ids for a request with these headers.
    pub fn new(headers: &HeaderMap) -> Self {
        let client = headers.get("client-request-id").and_then(|v| v.to_str().ok()).map(str::to_string);
        Self { request_id: crate::ids::guid(), client_request_id: client.unwrap_or_else(crate::ids::guid) }
    }

    /// Puts them on an answer.
    pub fn stamp(&self, response: &mut Response) {
        let headers = response.headers_mut();
        for (name, value) in
            [("request-id", &self.request_id), ("client-request-id", &self.client_request_id)]
        {
            if let Ok(value) = HeaderValue::from_str(value) {
                headers.insert(name, value);
            }
        }
    }
}

/// A Graph error not yet answered.
#[derive(Debug)]
pub struct GraphError {
    status: StatusCode,
    code: &'static str,
    message: String,
    retry_after: Option<u64>,
}

impl GraphError {
    /// An error with Graph's `code` and `message`.
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        Self { status, code, message: message.into(), retry_after: None }
    }

    /// Announces a wait, in seconds (`Retry-After`).
    pub fn with_retry_after(mut self, secs: u64) -> Self {
        self.retry_after = Some(secs);
        self
    }

    /// The answer, carrying the request's ids.
    pub fn respond(self, ids: &RequestIds) -> Response {
        let date = crate::ids::utc_timestamp(0).trim_end_matches('Z').to_string();
        let body = json!({"error": {
            "code": self.code,
            "message": self.message,
            "innerError": {"date": date, "request-id": ids.request_id, "client-request-id": ids.client_request_id},
        }});
        let mut response = (self.status, Json(body)).into_response();
        if let Some(secs) = self.retry_after {
            response.headers_mut().insert("retry-after", HeaderValue::from(secs));
        }
        response
    }
}

/// 401 InvalidAuthenticationToken with Graph's reason.
pub fn invalid_token(reason: &str) -> GraphError {
    GraphError::new(StatusCode::UNAUTHORIZED, "InvalidAuthenticationToken", reason)
}

/// 403 Authorization_RequestDenied: the app or user lacks the directory permission.
pub fn request_denied() -> GraphError {
    GraphError::new(
        StatusCode::FORBIDDEN,
        "Authorization_RequestDenied",
        "Insufficient privileges to complete the operation.",
    )
}

/// 404 Request_ResourceNotFound for an object that is not in the directory.
pub fn not_found(what: &str) -> GraphError {
    GraphError::new(
        StatusCode::NOT_FOUND,
        "Request_ResourceNotFound",
        format!("Resource '{what}' does not exist or one of its queried reference-property objects are not present."),
    )
}

/// 400 Request_UnsupportedQuery for a `$filter` (or `$search`) Graph would not run.
pub fn unsupported_query() -> GraphError {
    GraphError::new(StatusCode::BAD_REQUEST, "Request_UnsupportedQuery", "Unsupported Query.")
}

/// 400 Request_BadRequest.
pub fn bad_request(message: impl Into<String>) -> GraphError {
    GraphError::new(StatusCode::BAD_REQUEST, "Request_BadRequest", message)
}
