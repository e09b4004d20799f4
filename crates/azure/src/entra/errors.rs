//! Entra's error answers (`{"error", "error_description": "AADSTS70016: …", "error_codes": […]}`) as typed
//! errors: the AADSTS code and Entra's description verbatim, and a kind the UI can act on ("sign in
//! again" for a revoked or expired refresh token).

use oauth2::{ErrorResponseType, HttpClientError, RequestTokenError, StandardErrorResponse};

use crate::error::{AzureError, ErrorKind};

/// An OAuth failure of any grant (token errors and device-code errors have their own code types).
type OAuthError<T> = RequestTokenError<HttpClientError<reqwest::Error>, StandardErrorResponse<T>>;

/// Reads an OAuth failure into our error.
pub fn entra_error<T: ErrorResponseType + AsRef<str> + std::fmt::Display + Send + Sync + 'static>(
    error: OAuthError<T>,
) -> AzureError {
    match error {
        RequestTokenError::ServerResponse(response) => {
            let code = response.error().as_ref().to_string();
            let description = response.error_description().cloned().unwrap_or_default();
            // The description starts with the AADSTS code, the part support needs.
            let aadsts =
                description.split(':').next().filter(|c| c.starts_with("AADSTS")).map(str::to_string);
            let kind = match code.as_str() {
                "authorization_declined" | "access_denied" => ErrorKind::Cancelled,
                "expired_token" => ErrorKind::Timeout,
                "invalid_grant" | "interaction_required" | "invalid_client" | "unauthorized_client" => {
                    ErrorKind::Auth
                }
                "slow_down" | "temporarily_unavailable" => ErrorKind::Throttled,
                _ => ErrorKind::InvalidRequest,
            };
            let mut error =
                AzureError::local(kind, if description.is_empty() { code.clone() } else { description });
            error.code = aadsts.or(Some(code));
            error
        }
        RequestTokenError::Request(e) => {
            let kind = match &e {
                HttpClientError::Reqwest(e) if e.is_timeout() => ErrorKind::Timeout,
                _ => ErrorKind::Network,
            };
            AzureError::local(
                kind,
                format!("could not reach the sign-in service: {}", crate::network::causes(&e)),
            )
        }
        RequestTokenError::Parse(e, _) => AzureError::local(
            ErrorKind::Decode,
            format!("the sign-in service's answer could not be read: {e}"),
        ),
        RequestTokenError::Other(e) => AzureError::local(ErrorKind::Server, format!("sign-in failed: {e}")),
    }
}

/// Whether the error means the person must sign in again (revoked, expired or consent needed).
pub fn needs_sign_in(error: &AzureError) -> bool {
    error.kind == ErrorKind::Auth
}
