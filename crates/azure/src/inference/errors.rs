//! Inference error answers: Azure's code and message verbatim (both 401 shapes), the content filter's
//! verdicts, the 429 wait by AZURE.md's rule (a day-long one is "no quota", not a wait), and the
//! rate-limit headroom the answer carried.

use reqwest::header::HeaderMap;
use serde_json::Value;

use super::rate_limits::{throttle_wait, RateLimits, NO_QUOTA_WAIT};
use super::verdicts::ContentFilterBlock;
use crate::error::{AzureError, ErrorKind, InferenceDetails};

/// Reads an inference error answer. Never fails.
pub fn inference_error(status: u16, headers: &HeaderMap, body: &[u8]) -> AzureError {
    let mut error = AzureError::from_response(status, headers, body);
    let mut details = InferenceDetails::default();
    let json: Option<Value> = serde_json::from_slice(body).ok();
    if let Some(block) = json.as_ref().and_then(ContentFilterBlock::from_error_body) {
        error.kind = ErrorKind::ContentFilter;
        details.content_filter = Some(block);
    }
    if status == 429 {
        error.retry_after = throttle_wait(headers, &error.message);
        if error.retry_after.is_some_and(|wait| wait >= NO_QUOTA_WAIT) {
            error.kind = ErrorKind::Quota;
        }
    }
    let limits = RateLimits::from_headers(headers);
    if !limits.is_empty() {
        details.rate_limits = Some(limits);
    }
    if details != InferenceDetails::default() {
        error.inference = Some(Box::new(details));
    }
    error
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::test_headers as headers;
    use std::time::Duration;

    #[test]
    fn a_day_long_wait_is_no_quota() {
        let body = br#"{"error":{"code":"429","message":"Requests to the ChatCompletions_Create Operation have exceeded call rate limit of your current AIServices S0 pricing tier. Please retry after 86400 seconds."}}"#;
        let err = inference_error(429, &headers(&[("apim-request-id", "a1")]), body);
        assert_eq!(err.kind, ErrorKind::Quota);
        assert_eq!(err.retry_after, Some(Duration::from_secs(86_400)));
        assert_eq!(err.request_id.as_deref(), Some("a1"));
        let err =
            inference_error(429, &headers(&[("retry-after", "-1"), ("retry-after-ms", "-1")]), &body[..0]);
        assert_eq!((err.kind, err.retry_after), (ErrorKind::Throttled, None));
    }

    #[test]
    fn paused_and_retired_and_rate_limits_on_errors() {
        let err = inference_error(423, &headers(&[("x-ratelimit-remaining-requests", "5")]), b"{}");
        assert_eq!(err.kind, ErrorKind::Paused);
        assert_eq!(err.rate_limits().unwrap().remaining_requests, Some(5));
        assert_eq!(inference_error(410, &HeaderMap::new(), b"").kind, ErrorKind::Retired);
    }
}
