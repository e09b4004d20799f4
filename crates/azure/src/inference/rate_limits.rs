//! Rate-limit headroom from an answer's headers, and how long a 429 asks us to wait.

use std::time::Duration;

use reqwest::header::HeaderMap;
use serde::Serialize;

use crate::error::wait_header;

/// A wait of a day or more means the subscription has no quota for this model at all.
pub const NO_QUOTA_WAIT: Duration = Duration::from_secs(86_400);

/// What the deployment has left this minute, as its headers said (missing or `-1` → unknown).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RateLimits {
    pub remaining_requests: Option<u64>,
    pub remaining_tokens: Option<u64>,
    pub limit_requests: Option<u64>,
    pub limit_tokens: Option<u64>,
    /// The region that answered (`x-ms-region`).
    pub region: Option<String>,
}

impl RateLimits {
    /// Reads the `x-ratelimit-*` headers.
    pub fn from_headers(headers: &HeaderMap) -> Self {
        let number = |name: &str| headers.get(name)?.to_str().ok()?.trim().parse::<u64>().ok();
        Self {
            remaining_requests: number("x-ratelimit-remaining-requests"),
            remaining_tokens: number("x-ratelimit-remaining-tokens"),
            limit_requests: number("x-ratelimit-limit-requests"),
            limit_tokens: number("x-ratelimit-limit-tokens"),
            region: headers.get("x-ms-region").and_then(|v| v.to_str().ok()).map(str::to_string),
        }
    }

    /// No header said anything.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// The wait a 429 asks for, by AZURE.md's rule: `retry-after-ms`, else `retry-after`, else
/// `x-ratelimit-reset-tokens`, else "retry after N seconds" in the message. Missing or `-1` headers
/// fall through to the next source.
pub fn throttle_wait(headers: &HeaderMap, message: &str) -> Option<Duration> {
    wait_header(headers, "retry-after-ms", 0.001)
        .or_else(|| wait_header(headers, "retry-after", 1.0))
        .or_else(|| wait_header(headers, "x-ratelimit-reset-tokens", 1.0))
        .or_else(|| wait_in_message(message))
}

/// "… Please retry after 6 seconds. …" → 6 s.
fn wait_in_message(message: &str) -> Option<Duration> {
    let lower = message.to_ascii_lowercase();
    let after = lower.find("retry after ")? + "retry after ".len();
    let digits: String = lower[after..].chars().take_while(char::is_ascii_digit).collect();
    let value: u64 = digits.parse::<u64>().ok()?.min(365 * 86_400);
    let unit = lower[after + digits.len()..].trim_start();
    if unit.starts_with("ms") || unit.starts_with("millisecond") {
        Some(Duration::from_millis(value))
    } else {
        Some(Duration::from_secs(value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::test_headers as headers;

    #[test]
    fn the_wait_comes_from_the_first_source_that_has_one() {
        let text = "Requests … have exceeded token rate limit. Please retry after 6 seconds. Please go here";
        assert_eq!(
            throttle_wait(&headers(&[("retry-after-ms", "1500"), ("retry-after", "2")]), text),
            Some(Duration::from_millis(1500))
        );
        assert_eq!(
            throttle_wait(&headers(&[("retry-after-ms", "-1"), ("retry-after", "2")]), text),
            Some(Duration::from_secs(2))
        );
        assert_eq!(
            throttle_wait(&headers(&[("x-ratelimit-reset-tokens", "9")]), text),
            Some(Duration::from_secs(9))
        );
        assert_eq!(throttle_wait(&headers(&[("retry-after", "-1")]), text), Some(Duration::from_secs(6)));
        assert_eq!(throttle_wait(&HeaderMap::new(), "slow down"), None);
        assert_eq!(throttle_wait(&headers(&[("retry-after-ms", "inf")]), "x"), None);
        assert_eq!(throttle_wait(&HeaderMap::new(), "retry after 99999999999999999999 seconds"), None);
        assert_eq!(
            throttle_wait(&HeaderMap::new(), "Please retry after 86400 seconds."),
            Some(NO_QUOTA_WAIT)
        );
    }

    #[test]
    fn headroom_reads_numbers_and_skips_minus_one() {
        let limits = RateLimits::from_headers(&headers(&[
            ("x-ratelimit-remaining-requests", "99"),
            ("x-ratelimit-remaining-tokens", "-1"),
            ("x-ratelimit-limit-tokens", "100000"),
            ("x-ms-region", "East US"),
        ]));
        assert_eq!(limits.remaining_requests, Some(99));
        assert_eq!(limits.remaining_tokens, None);
        assert_eq!(limits.limit_tokens, Some(100_000));
        assert_eq!(limits.region.as_deref(), Some("East US"));
        assert!(RateLimits::from_headers(&HeaderMap::new()).is_empty());
    }
}
