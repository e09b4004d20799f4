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
