//! Error answers in Azure's own shape: `{"error": {"code", "message"}}` plus a request id header.

use axum::http::{HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

/// An ARM-shaped error answer.
pub fn arm_error(status: StatusCode, code: &str, message: &str) -> Response {
    let mut response = (status, Json(json!({"error": {"code": code, "message": message}}))).into_response();
    let request_id = next_request_id();
    if let Ok(value) = HeaderValue::from_str(&request_id) {
        response.headers_mut().insert("x-ms-request-id", value.clone());
        response.headers_mut().insert("x-ms-correlation-request-id", value);
    }
    response
}

/// 401 ExpiredAuthenticationToken with ARM's wording and `WWW-Authenticate`, for a token that expired
/// `expired_secs_ago` seconds ago.
pub fn expired_authentication_token(expired_secs_ago: i64) -> Response {
    let mut response = arm_error(
        StatusCode::UNAUTHORIZED,
        "ExpiredAuthenticationToken",
        &format!(
            "The access token expiry UTC time '{}' is earlier than current UTC time '{}'.",
            crate::ids::utc_timestamp(-expired_secs_ago),
            crate::ids::utc_timestamp(0)
        ),
    );
    www_authenticate(&mut response, "The access token has expired.");
    response
}

/// ARM's `WWW-Authenticate` on a 401: where to get a token, and why this one was refused.
pub fn www_authenticate(response: &mut Response, reason: &str) {
    let value = format!(
        "Bearer authorization_uri=\"https://login.microsoftonline.com/common\", error=\"invalid_token\", \
         error_description=\"{reason}\""
    );
    if let Ok(value) = HeaderValue::from_str(&value) {
        response.headers_mut().insert("www-authenticate", value);
    }
}

/// The catch-all: a request the simulator does not model yet is a test bug, so say exactly which.
pub async fn no_such_route(method: Method, uri: Uri) -> Response {
    arm_error(
        StatusCode::NOT_FOUND,
        "SimulatorRouteNotFound",
        &format!("The simulator does not model {method} {uri}."),
    )
}

/// Request ids shaped like Azure's (a GUID), unique within the process.
fn next_request_id() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    format!("00000000-0000-4000-8000-{n:012x}")
}

/// An ARM error not yet turned into a response: small, so `Result<_, ArmError>` stays cheap to pass around.
#[derive(Debug)]
pub struct ArmError {
    status: StatusCode,
    code: String,
    message: String,
}

impl ArmError {
    /// An error with `status`, Azure's `code` and `message`.
    pub fn new(status: StatusCode, code: &str, message: &str) -> Self {
        Self { status, code: code.to_string(), message: message.to_string() }
    }
}

impl IntoResponse for ArmError {
    fn into_response(self) -> Response {
        arm_error(self.status, &self.code, &self.message)
    }
}
