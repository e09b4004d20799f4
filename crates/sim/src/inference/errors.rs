//! Inference error answers in the shapes Azure's data plane really sends, which are not ARM's and not
//! even one shape: the gateway's `{"error":{"code","message"}}` (numeric-string codes for 401/404/429), the
//! token check's unwrapped `{"statusCode","message"}`, and the model service's OpenAI-style
//! `{"error":{"message","type","param","code"}}` for request validation.

use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};

use super::filters;
use super::limits::Exceeded;

/// An inference error not yet turned into a response.
#[derive(Debug)]
pub struct InferenceError {
    status: StatusCode,
    body: Value,
    /// The wait to announce in `retry-after` / `retry-after-ms`, in milliseconds.
    retry_after_ms: Option<u64>,
}

impl InferenceError {
    fn new(status: StatusCode, body: Value) -> Self {
        Self { status, body, retry_after_ms: None }
    }

    /// The gateway's shape: `{"error": {"code", "message"}}`.
    fn coded(status: StatusCode, code: &str, message: &str) -> Self {
        Self::new(status, json!({"error": {"code": code, "message": message}}))
    }

    /// The model service's shape for a refused request: `{"error": {"message", "type", "param", "code"}}`.
    pub fn invalid_request(message: &str, param: Option<&str>, code: Option<&str>) -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            json!({"error": {"message": message, "type": "invalid_request_error", "param": param, "code": code}}),
        )
    }

    /// Announces a wait of `ms` milliseconds (`retry-after` in whole seconds, rounded up).
    fn with_retry_after_ms(mut self, ms: u64) -> Self {
        self.retry_after_ms = Some(ms);
        self
    }

    /// The HTTP status.
    #[cfg(test)]
    pub fn status(&self) -> StatusCode {
        self.status
    }
}

impl IntoResponse for InferenceError {
    fn into_response(self) -> Response {
        let mut response = (self.status, Json(self.body)).into_response();
        if let Some(ms) = self.retry_after_ms {
            let headers = response.headers_mut();
            headers.insert("retry-after", HeaderValue::from(ms.div_ceil(1000)));
            headers.insert("retry-after-ms", HeaderValue::from(ms));
        }
        response
    }
}

/// 404 for an unknown resource, or a URL the resource does not serve (e.g. classic without api-version).
pub fn resource_not_found() -> InferenceError {
    InferenceError::coded(StatusCode::NOT_FOUND, "404", "Resource not found")
}

/// 401 for a missing or wrong key.
pub fn invalid_key() -> InferenceError {
    InferenceError::coded(
        StatusCode::UNAUTHORIZED,
        "401",
        "Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key \
         for an active subscription and use a correct regional API endpoint for your resource.",
    )
}

/// 401 for a bad or expired Entra token: no `error` wrapper.
pub fn invalid_token() -> InferenceError {
    InferenceError::new(
        StatusCode::UNAUTHORIZED,
        json!({"statusCode": 401, "message": "Unauthorized. Access token is missing, invalid, audience is incorrect \
               (https://cognitiveservices.azure.com), or have expired."}),
    )
}

/// 401 for a key sent to a resource with `disableLocalAuth`.
pub fn key_auth_disabled() -> InferenceError {
    InferenceError::coded(
        StatusCode::UNAUTHORIZED,
        "AuthenticationTypeDisabled",
        "Key based authentication is disabled for this resource.",
    )
}

/// 403 of the `forbidden` fault: access refused by something other than the caller's roles (a network rule,
/// a deny assignment).
pub fn permission_denied() -> InferenceError {
    InferenceError::coded(
        StatusCode::FORBIDDEN,
        "PermissionDenied",
        "Principal does not have access to API/Operation.",
    )
}

/// 401 PermissionDenied, as Azure answers a signed-in principal whose roles lack the data action.
pub fn lacks_data_action(oid: &str, action: &str, operation: &str) -> InferenceError {
    InferenceError::coded(
        StatusCode::UNAUTHORIZED,
        "PermissionDenied",
        &format!("The principal `{oid}` lacks the required data action `{action}` to perform `{operation}` operation."),
    )
}

/// 404 DeploymentNotFound, as captured (it carries `type` as well).
pub fn deployment_not_found() -> InferenceError {
    InferenceError::new(
        StatusCode::NOT_FOUND,
        json!({"error": {"type": "invalid_request_error", "code": "DeploymentNotFound",
               "message": "The API deployment for this resource does not exist. If you created the deployment \
                           within the last 5 minutes, please wait a moment and try again."}}),
    )
}

/// 423 for a paused deployment.
pub fn deployment_paused(name: &str) -> InferenceError {
    InferenceError::coded(
        StatusCode::LOCKED,
        "DeploymentPaused",
        &format!("The deployment '{name}' is paused. Resume it to send requests."),
    )
}

/// 410 for a deployment whose model version is retired.
pub fn model_retired(model: &str, version: &str, since: &str) -> InferenceError {
    InferenceError::coded(
        StatusCode::GONE,
        "ModelDeprecated",
        &format!(
            "The model '{model}' version '{version}' has been retired since {since} and can no longer be used \
             for inference. Update the deployment to a newer model version."
        ),
    )
}

/// 400 for a chat request to a model that cannot chat (an embedding model).
pub fn operation_not_supported(model: &str) -> InferenceError {
    InferenceError::coded(
        StatusCode::BAD_REQUEST,
        "OperationNotSupported",
        &format!(
            "The chatCompletion operation does not work with the specified model, {model}. Please choose \
             different model and try again. You can learn more about which models can be used with each \
             operation here: https://go.microsoft.com/fwlink/?linkid=2197993."
        ),
    )
}

/// 400 for a body that is not JSON.
pub fn unparsable_body() -> InferenceError {
    InferenceError::invalid_request(
        "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP \
         library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON. If you \
         have trouble figuring out how to fix this, please contact us through our help center at \
         help.openai.com.)",
        None,
        None,
    )
}

/// 429 in Azure's words, naming which per-minute limit was hit and how long to wait.
pub fn rate_limited(api_version: &str, exceeded: Exceeded, retry_after_ms: u64) -> InferenceError {
    let which = match exceeded {
        Exceeded::Requests => "call rate limit",
        Exceeded::Tokens => "token rate limit",
    };
    InferenceError::coded(
        StatusCode::TOO_MANY_REQUESTS,
        "429",
        &format!(
            "Requests to the ChatCompletions_Create Operation under Azure OpenAI API version {api_version} have \
             exceeded {which} of your current OpenAI S0 pricing tier. Please retry after {} seconds. Please go \
             here: https://aka.ms/oai/quotaincrease if you would like to further increase the default rate limit.",
            retry_after_ms.div_ceil(1000)
        ),
    )
    .with_retry_after_ms(retry_after_ms)
}

/// 500 from the model service.
pub fn server_error() -> InferenceError {
    InferenceError::new(
        StatusCode::INTERNAL_SERVER_ERROR,
        json!({"error": {"message": "The server had an error while processing your request. Sorry about that!",
               "type": "server_error", "param": null, "code": null}}),
    )
}

/// 503 with a wait.
pub fn unavailable(retry_after_secs: u64) -> InferenceError {
    InferenceError::coded(
        StatusCode::SERVICE_UNAVAILABLE,
        "ServiceUnavailable",
        "The service is temporarily unable to process your request. Please try again later.",
    )
    .with_retry_after_ms(retry_after_secs * 1000)
}

/// 400 `content_filter` for a blocked prompt, exactly as captured: `innererror` + singular
/// `content_filter_result`.
pub fn prompt_filtered(category: &str) -> InferenceError {
    InferenceError::new(
        StatusCode::BAD_REQUEST,
        json!({"error": {
            "message": "The response was filtered due to the prompt triggering Azure OpenAI's content management \
                        policy. Please modify your prompt and retry. To learn more about our content filtering \
                        policies please read our documentation: https://go.microsoft.com/fwlink/?linkid=2198766",
            "type": null,
            "param": "prompt",
            "code": "content_filter",
            "status": 400,
            "innererror": {
                "code": "ResponsibleAIPolicyViolation",
                "content_filter_result": filters::prompt(Some(category)),
            },
        }}),
    )
}

/// A request under an account host that the simulator does not model: loud, naming the request.
pub fn not_modelled(method: &str, path: &str) -> InferenceError {
    InferenceError::coded(
        StatusCode::NOT_FOUND,
        "SimulatorRouteNotFound",
        &format!("The simulator does not model {method} {path}."),
    )
}

/// 400 for an `x-sim-fault` header that does not parse.
pub fn bad_fault(problem: &str) -> InferenceError {
    InferenceError::coded(StatusCode::BAD_REQUEST, "SimulatorBadFault", &format!("x-sim-fault: {problem}"))
}
