//! The one HTTP pipeline: auth header, timeouts, request ids, and the retry rules of DESIGN.md —
//! reads retry on 429/503/504 and connection failures; writes only when Azure says so (429, or 409
//! RequestConflict); bounded, jittered, honouring Retry-After.

use std::sync::Arc;
use std::time::Duration;

use reqwest::header::{HeaderMap, AUTHORIZATION, CONTENT_LENGTH, CONTENT_TYPE};
use reqwest::{Client, Method};
use serde_json::Value;

use crate::error::{AzureError, ErrorKind};
use crate::network::{causes, NetworkOptions};
use crate::token::TokenSource;

/// How hard to try before giving up.
#[derive(Debug, Clone)]
pub struct RetryPolicy {
    /// Attempts in all, the first included.
    pub max_attempts: u32,
    /// First backoff when Azure gives no Retry-After; doubles each time, with jitter.
    pub base_delay: Duration,
    /// No single wait is longer than this; a longer Retry-After is returned to the caller instead.
    pub max_delay: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self { max_attempts: 4, base_delay: Duration::from_millis(800), max_delay: Duration::from_secs(60) }
    }
}

/// An answer Azure gave with a success status.
#[derive(Debug, Clone)]
pub struct HttpAnswer {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl HttpAnswer {
    /// The body as JSON, or `None` when empty.
    pub fn json(&self) -> Result<Option<Value>, AzureError> {
        if self.body.iter().all(u8::is_ascii_whitespace) {
            return Ok(None);
        }
        serde_json::from_slice(&self.body).map(Some).map_err(|e| {
            AzureError::local(ErrorKind::Decode, format!("Azure's answer was not valid JSON: {e}"))
        })
    }
}

/// One request to send (and perhaps resend).
#[derive(Debug, Clone)]
pub struct HttpRequest {
    pub method: Method,
    pub url: String,
    pub body: Option<Value>,
    /// The token scope to authenticate with.
    pub scope: String,
}

/// Sends requests with auth, timeouts and retries.
#[derive(Clone)]
pub struct Pipeline {
    client: Client,
    /// `None` for public, unauthenticated APIs (Retail Prices): no token is ever sent there.
    tokens: Option<Arc<dyn TokenSource>>,
    retry: RetryPolicy,
}

impl Pipeline {
    /// A pipeline over `client` (one per app: it pools connections) authenticating with `tokens`.
    pub fn new(client: Client, tokens: Arc<dyn TokenSource>, retry: RetryPolicy) -> Self {
        Self { client, tokens: Some(tokens), retry }
    }

    /// A pipeline that sends no `Authorization` header (public APIs), with the same timeouts and retries.
    pub fn anonymous(client: Client, retry: RetryPolicy) -> Self {
        Self { client, tokens: None, retry }
    }

    /// The same pipeline with another retry policy.
    pub fn with_retry(mut self, retry: RetryPolicy) -> Self {
        self.retry = retry;
        self
    }

    /// The Resource Manager client of default [`NetworkOptions`]: the environment's proxy, the platform's
    /// roots, timeouts set. Callers with network settings use [`NetworkOptions::arm_client`].
    pub fn default_client() -> Result<Client, AzureError> {
        NetworkOptions::default().arm_client()
    }

    /// Sends `request`, retrying what may be retried, and returns a success answer or the error.
    pub async fn send(&self, request: &HttpRequest) -> Result<HttpAnswer, AzureError> {
        let is_read = request.method == Method::GET || request.method == Method::HEAD;
        let mut attempt = 1;
        loop {
            let result = self.send_once(request).await;
            let wait = match &result {
                Ok(_) => return result,
                Err(error) => self.retry_wait(error, is_read, attempt),
            };
            match wait {
                Some(wait) if attempt < self.retry.max_attempts => {
                    tracing::info!(
                        method = %request.method, attempt, wait_ms = wait.as_millis() as u64,
                        "retrying after a transient Azure error"
                    );
                    tokio::time::sleep(wait).await;
                    attempt += 1;
                }
                _ => return result,
            }
        }
    }

    async fn send_once(&self, request: &HttpRequest) -> Result<HttpAnswer, AzureError> {
        let mut builder = self.client.request(request.method.clone(), &request.url);
        if let Some(tokens) = &self.tokens {
            let token = tokens.token(&request.scope).await?;
            builder = builder.header(AUTHORIZATION, format!("Bearer {}", token.secret()));
        }
        builder = match &request.body {
            Some(body) => builder.header(CONTENT_TYPE, "application/json").json(body),
            // ARM wants an explicit zero length on bodiless POSTs (listKeys, pause).
            None if request.method == Method::POST => builder.header(CONTENT_LENGTH, "0"),
            None => builder,
        };
        let response = builder.send().await.map_err(transport_error)?;
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let body = response.bytes().await.map_err(transport_error)?.to_vec();
        if (200..300).contains(&status) {
            Ok(HttpAnswer { status, headers, body })
        } else {
            Err(AzureError::from_response(status, &headers, &body))
        }
    }

    /// How long to wait before the next attempt, or `None` when this error is final.
    fn retry_wait(&self, error: &AzureError, is_read: bool, attempt: u32) -> Option<Duration> {
        let azure_says_retry = match error.kind {
            ErrorKind::Throttled => true,
            ErrorKind::Conflict => error.code.as_deref() == Some("RequestConflict"),
            _ => false,
        };
        let transient = match error.kind {
            ErrorKind::Network | ErrorKind::Timeout => true,
            ErrorKind::Server => matches!(error.status, Some(503) | Some(504)),
            _ => false,
        };
        if !(azure_says_retry || (is_read && transient)) {
            return None;
        }
        match error.retry_after {
            // A wait longer than we would sit through goes back to the user, who decides.
            Some(wait) if wait > self.retry.max_delay => None,
            Some(wait) => Some(wait),
            None => Some(self.backoff(attempt)),
        }
    }

    /// Exponential backoff with full jitter, capped.
    fn backoff(&self, attempt: u32) -> Duration {
        let exp = self.retry.base_delay.saturating_mul(1u32 << attempt.saturating_sub(1).min(10));
        let capped = exp.min(self.retry.max_delay);
        capped.mul_f64(0.5 + fastrand::f64() * 0.5)
    }
}

fn transport_error(error: reqwest::Error) -> AzureError {
    let kind = if error.is_timeout() { ErrorKind::Timeout } else { ErrorKind::Network };
    // reqwest's message names the URL; ours carry no secrets (keys go in headers, never in URLs).
    AzureError::local(kind, format!("could not reach Azure: {}", causes(&error)))
}
