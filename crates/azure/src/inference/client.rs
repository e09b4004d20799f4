//! Sends chat requests: non-streamed, or streamed as typed events pulled one at a time (so a slow
//! reader slows the read: back-pressure), stopped by dropping the stream (which closes the connection).
//!
//! Retries: only what cannot have been billed — a connection that never opened, or a 429 answered
//! before any byte of an answer. Never a content-filter 400, a 5xx, a timeout or a cut stream.

use std::sync::Arc;
use std::time::Duration;

use reqwest::header::{HeaderMap, HeaderValue, AUTHORIZATION, CONTENT_TYPE};
use serde_json::Value;

use super::answer::{AnswerMeta, ChatAnswer};
use super::chat_stream::ChatStream;
use super::endpoint::{ApiStyle, InferenceEndpoint};
use super::errors::inference_error;
use super::model_rules::ModelRules;
use super::rate_limits::{RateLimits, NO_QUOTA_WAIT};
use super::request::{build, ChatParams};
use super::stream::ChatEvent;
use crate::error::{request_id, AzureError, ErrorKind};
use crate::token::TokenSource;

/// The token scope of Azure OpenAI / AI Services inference.
pub const INFERENCE_SCOPE: &str = "https://cognitiveservices.azure.com/.default";

/// An account key. `Debug` never shows it and there is no `Display`.
#[derive(Clone)]
pub struct ApiKey(String);

impl ApiKey {
    /// Wraps a key.
    pub fn new(key: impl Into<String>) -> Self {
        Self(key.into())
    }
}

impl std::fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ApiKey(<redacted>)")
    }
}

/// How requests authenticate.
#[derive(Clone)]
pub enum InferenceAuth {
    /// `api-key: <key>`.
    ApiKey(ApiKey),
    /// `Authorization: Bearer <token>` for the Cognitive Services scope.
    Token(Arc<dyn TokenSource>),
}

/// The real model behind a deployment, as ARM reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelId {
    pub name: String,
    pub version: Option<String>,
}

/// Which deployment to ask, and how to reach it.
#[derive(Debug, Clone)]
pub struct ChatTarget {
    pub endpoint: InferenceEndpoint,
    pub style: ApiStyle,
    pub deployment: String,
    /// The real model when known (from ARM); decides the parameters sent.
    pub model: Option<ModelId>,
}

impl ChatTarget {
    fn rules(&self) -> (ModelRules, String) {
        match &self.model {
            Some(model) => (ModelRules::for_model(&model.name, model.version.as_deref()), model.name.clone()),
            None => (ModelRules::unknown(), self.deployment.clone()),
        }
    }
}

/// Limits on waiting and retrying.
#[derive(Debug, Clone)]
pub struct InferenceOptions {
    /// Longest wait for the answer to start (headers).
    pub first_byte_timeout: Duration,
    /// Longest silence between two pieces of a streamed answer.
    pub idle_timeout: Duration,
    /// Attempts in all for what may be retried (connect failures, 429 before any byte).
    pub max_attempts: u32,
    /// A 429 asking for longer than this goes back to the user instead of being waited out.
    pub max_wait: Duration,
}

impl Default for InferenceOptions {
    fn default() -> Self {
        Self {
            first_byte_timeout: Duration::from_secs(120),
            idle_timeout: Duration::from_secs(120),
            max_attempts: 3,
            max_wait: Duration::from_secs(20),
        }
    }
}

/// Talks to inference endpoints.
#[derive(Clone)]
pub struct InferenceClient {
    http: reqwest::Client,
    auth: InferenceAuth,
    pub options: InferenceOptions,
}

impl InferenceClient {
    /// A client over `http` (no overall timeout on it: streams run long; ours are per phase).
    pub fn new(http: reqwest::Client, auth: InferenceAuth) -> Self {
        Self { http, auth, options: InferenceOptions::default() }
    }

    /// The inference HTTP client of default [`crate::network::NetworkOptions`]: the environment's proxy,
    /// the platform's roots, a connect timeout. Callers with network settings use
    /// [`crate::network::NetworkOptions::inference_client`] and its `inference_options`.
    pub fn default_http() -> Result<reqwest::Client, AzureError> {
        crate::network::NetworkOptions::default().inference_client()
    }

    /// Asks once and waits for the whole answer.
    pub async fn chat(&self, target: &ChatTarget, params: &ChatParams) -> Result<ChatAnswer, AzureError> {
        let (rules, label) = target.rules();
        let in_body = target.style.names_deployment_in_body().then_some(target.deployment.as_str());
        let built = build(params, &rules, &label, in_body, false);
        let (meta, response) = self.send(target, &built.body).await?;
        // The answer is being generated and billed: a stall or a break now is reported, never re-sent.
        let body = match tokio::time::timeout(self.options.idle_timeout, response.bytes()).await {
            Err(_) => return Err(stalled(self.options.idle_timeout)),
            Ok(Err(e)) => {
                return Err(AzureError::local(
                    ErrorKind::StreamCut,
                    format!("the answer broke off while arriving (it may have been billed): {e}"),
                ))
            }
            Ok(Ok(body)) => body,
        };
        let mut answer = ChatAnswer::parse(&body, meta)?;
        answer.adjustments = built.adjustments;
        Ok(answer)
    }

    /// Asks for a streamed answer. The stream opens with [`ChatEvent::Opened`], then carries the
    /// answer's events as they arrive; an error ends it. Drop it to stop (the connection closes).
    pub async fn chat_stream(
        &self,
        target: &ChatTarget,
        params: &ChatParams,
    ) -> Result<ChatStream, AzureError> {
        let (rules, label) = target.rules();
        let in_body = target.style.names_deployment_in_body().then_some(target.deployment.as_str());
        let built = build(params, &rules, &label, in_body, true);
        let (meta, response) = self.send(target, &built.body).await?;
        let opened = ChatEvent::Opened {
            request_id: meta.request_id.clone(),
            rate_limits: meta.rate_limits.clone(),
            adjustments: built.adjustments,
        };
        Ok(ChatStream::new(response, opened, self.options.idle_timeout, meta.request_id))
    }

    /// Sends the request, retrying only what cannot have been billed; returns a success answer.
    async fn send(
        &self,
        target: &ChatTarget,
        body: &Value,
    ) -> Result<(AnswerMeta, reqwest::Response), AzureError> {
        let url = target.endpoint.chat_url(&target.style, &target.deployment)?;
        let mut attempt = 1;
        loop {
            let mut request = self.http.post(url.clone()).header(CONTENT_TYPE, "application/json").json(body);
            request = match &self.auth {
                InferenceAuth::ApiKey(key) => request.header("api-key", sensitive(&key.0)?),
                InferenceAuth::Token(tokens) => {
                    let token = tokens.token(INFERENCE_SCOPE).await?;
                    request.header(AUTHORIZATION, sensitive(&format!("Bearer {}", token.secret()))?)
                }
            };
            let sent = tokio::time::timeout(self.options.first_byte_timeout, request.send()).await;
            let retry = match sent {
                Err(_) => {
                    return Err(AzureError::local(
                        ErrorKind::Timeout,
                        format!(
                            "no answer within {} s; the request may still be processed (and billed) by Azure",
                            self.options.first_byte_timeout.as_secs()
                        ),
                    ))
                }
                // A connection that never opened sent nothing: safe to try again.
                Ok(Err(e)) if e.is_connect() => (transport_error(&e), None),
                Ok(Err(e)) => return Err(transport_error(&e)),
                Ok(Ok(response)) if response.status().is_success() => {
                    let meta = meta_of(response.headers());
                    return Ok((meta, response));
                }
                Ok(Ok(response)) => {
                    let status = response.status().as_u16();
                    let headers = response.headers().clone();
                    let bytes = response.bytes().await.unwrap_or_default();
                    let mut error = inference_error(status, &headers, &bytes);
                    if error.request_id.is_none() {
                        error.request_id = request_id(&headers);
                    }
                    // A 429 is refused before any work: nothing was billed, waiting is safe.
                    let wait = match (error.kind, error.retry_after) {
                        (ErrorKind::Throttled, Some(wait))
                            if wait <= self.options.max_wait && wait < NO_QUOTA_WAIT =>
                        {
                            Some(wait)
                        }
                        _ => return Err(error),
                    };
                    (error, wait)
                }
            };
            let (error, wait) = retry;
            if attempt >= self.options.max_attempts {
                return Err(error);
            }
            let wait = wait.unwrap_or_else(|| Duration::from_millis(250 * u64::from(attempt)));
            tracing::info!(
                attempt,
                wait_ms = wait.as_millis() as u64,
                "retrying a chat request that was not answered"
            );
            tokio::time::sleep(wait).await;
            attempt += 1;
        }
    }
}

/// A credential header, marked sensitive so no HTTP-level log ever prints it.
fn sensitive(value: &str) -> Result<HeaderValue, AzureError> {
    let mut header = HeaderValue::from_str(value).map_err(|_| {
        AzureError::local(ErrorKind::InvalidRequest, "the key or token has characters a header cannot carry")
    })?;
    header.set_sensitive(true);
    Ok(header)
}

/// The error for an answer that stopped arriving.
pub(crate) fn stalled(idle: Duration) -> AzureError {
    AzureError::local(
        ErrorKind::Timeout,
        format!(
            "the answer stalled: nothing arrived for {} s; it was not re-sent (it may have been billed)",
            idle.as_secs()
        ),
    )
}

fn meta_of(headers: &HeaderMap) -> AnswerMeta {
    AnswerMeta { request_id: request_id(headers), rate_limits: RateLimits::from_headers(headers) }
}

fn transport_error(error: &reqwest::Error) -> AzureError {
    let kind = if error.is_timeout() { ErrorKind::Timeout } else { ErrorKind::Network };
    // reqwest's message names the URL; keys travel in headers, never in URLs.
    AzureError::local(kind, format!("could not reach the endpoint: {}", crate::network::causes(error)))
}
