//! Entra's error answers: always JSON, `{error, error_description, error_codes, timestamp, trace_id,
//! correlation_id, error_uri}`, where the description starts `AADSTS<code>: ` and ends with the trace id,
//! correlation id and timestamp on lines of their own, as the real service writes them.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};

/// An Entra error not yet turned into a response.
#[derive(Debug, Clone)]
pub struct EntraError {
    /// The OAuth error (`invalid_grant`, `authorization_pending`…).
    pub error: &'static str,
    /// The AADSTS number.
    pub code: u32,
    /// The text after `AADSTS<code>: `.
    pub message: String,
}

impl EntraError {
    /// An error with OAuth `error`, AADSTS `code` and `message`.
    pub fn new(error: &'static str, code: u32, message: impl Into<String>) -> Self {
        Self { error, code, message: message.into() }
    }

    /// 401 for a bad client (RFC 6749 §5.2), 400 for everything else.
    pub fn status(&self) -> StatusCode {
        if self.error == "invalid_client" {
            StatusCode::UNAUTHORIZED
        } else {
            StatusCode::BAD_REQUEST
        }
    }

    /// The JSON body, with fresh trace and correlation ids.
    pub fn body(&self) -> Value {
        let (trace_id, correlation_id) = (crate::ids::guid(), crate::ids::guid());
        let timestamp = timestamp();
        json!({
            "error": self.error,
            "error_description": self.description(&trace_id, &correlation_id, &timestamp),
            "error_codes": [self.code],
            "timestamp": timestamp,
            "trace_id": trace_id,
            "correlation_id": correlation_id,
            "error_uri": format!("https://login.microsoftonline.com/error?code={}", self.code),
        })
    }

    /// The `error_description` Entra writes: code and message, then ids and time, CRLF-separated.
    pub fn description(&self, trace_id: &str, correlation_id: &str, timestamp: &str) -> String {
        format!(
            "AADSTS{}: {}\r\nTrace ID: {trace_id}\r\nCorrelation ID: {correlation_id}\r\nTimestamp: {timestamp}",
            self.code, self.message
        )
    }
}

impl IntoResponse for EntraError {
    fn into_response(self) -> Response {
        let mut response = (self.status(), Json(self.body())).into_response();
        no_store(&mut response);
        response
    }
}

/// Token answers must not be cached (RFC 6749 §5.1); Entra sends these on errors too.
pub fn no_store(response: &mut Response) {
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store, no-cache"));
    headers.insert(header::PRAGMA, HeaderValue::from_static("no-cache"));
    if let Ok(id) = HeaderValue::from_str(&crate::ids::guid()) {
        headers.insert("x-ms-request-id", id);
    }
}

/// Now as Entra writes it in errors: `2026-01-31 12:34:56Z`.
pub fn timestamp() -> String {
    crate::ids::utc_timestamp(0).replacen('T', " ", 1)
}

/// AADSTS900144: a required parameter is missing.
pub fn missing(name: &str) -> EntraError {
    EntraError::new(
        "invalid_request",
        900_144,
        format!("The request body must contain the following parameter: '{name}'."),
    )
}

/// AADSTS90002: the tenant in the path is not one the simulator knows.
pub fn tenant_not_found(tenant: &str) -> EntraError {
    EntraError::new(
        "invalid_request",
        90_002,
        format!(
            "Tenant '{tenant}' not found. Check to make sure you have the correct tenant ID and are signing \
             into the correct cloud. Check with your subscription administrator, this may happen if there are \
             no active subscriptions for the tenant."
        ),
    )
}

/// AADSTS700016: a client id that is not an application id (not GUID-shaped).
pub fn unknown_client(client_id: &str, tenant: &str) -> EntraError {
    EntraError::new(
        "unauthorized_client",
        700_016,
        format!(
            "Application with identifier '{client_id}' was not found in the directory '{tenant}'. This can \
             happen if the application has not been installed by the administrator of the tenant or consented \
             to by any user in the tenant. You may have sent your authentication request to the wrong tenant."
        ),
    )
}

/// AADSTS700025: a public client sent a secret or an assertion.
pub fn public_client_with_secret() -> EntraError {
    EntraError::new(
        "invalid_client",
        700_025,
        "Client is public so neither 'client_assertion' nor 'client_secret' should be presented.",
    )
}

/// AADSTS70003: a grant type the token endpoint does not know.
pub fn unsupported_grant(grant_type: &str) -> EntraError {
    EntraError::new(
        "unsupported_grant_type",
        70_003,
        format!("The app requested an unsupported grant type '{grant_type}'."),
    )
}

/// AADSTS900561: the token and device-code endpoints take POST only.
pub fn post_only(method: &axum::http::Method) -> EntraError {
    EntraError::new(
        "invalid_request",
        900_561,
        format!("The endpoint only accepts POST requests. Received a {method} request."),
    )
}

/// AADSTS9002313: a code or grant the simulator never issued.
pub fn malformed_grant() -> EntraError {
    EntraError::new("invalid_grant", 9_002_313, "Invalid request. Request is malformed or invalid.")
}

/// AADSTS70000: a grant presented by another client than the one it was issued to.
pub fn grant_of_other_client() -> EntraError {
    EntraError::new("invalid_grant", 70_000, "Provided grant is invalid or malformed.")
}

/// AADSTS70008: an authorization code or refresh token past its lifetime (`issued`: when, if known).
pub fn grant_expired(issued: Option<&str>) -> EntraError {
    let mut message =
        "The provided authorization code or refresh token has expired due to inactivity. Send a new \
                       interactive authorization request for this user and resource."
            .to_string();
    if let Some(issued) = issued {
        message.push_str(&format!(" The refresh token was issued on '{issued}'."));
    }
    EntraError::new("invalid_grant", 70_008, message)
}

/// AADSTS700005: a code issued for one tenant, redeemed at another's authority.
pub fn other_tenant() -> EntraError {
    EntraError::new(
        "invalid_grant",
        700_005,
        "Provided Authorization Code is intended to use against other tenant, thus rejected.",
    )
}
