//! Per-deployment rate limits and prompt caching. A pay-as-you-go deployment of capacity C allows C × 1000
//! tokens and C × `rpm_per_unit` requests per minute (provisioned and batch ones have no such limits, see
//! [`crate::world::Deployment::per_minute_limits`]); each deployment counts in fixed one-minute windows that
//! open with their first request. Prompts are remembered per deployment so a repeated long prefix is
//! reported as cached, in Azure's 128-token steps from 1024 tokens up.

use std::collections::{HashMap, VecDeque};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// How long one rate-limit window lasts.
const WINDOW: Duration = Duration::from_secs(60);
/// Prompts remembered per deployment for caching.
const PROMPTS_KEPT: usize = 32;
/// The shortest prefix (tokens) Azure caches, and the step cached counts come in.
const CACHE_MINIMUM: u64 = 1024;
const CACHE_STEP: u64 = 128;

/// A deployment's per-minute limits.
#[derive(Clone, Copy, Debug)]
pub struct Limit {
    /// Requests per minute.
    pub requests: u64,
    /// Tokens per minute.
    pub tokens: u64,
}

/// What is left of a deployment's current window.
#[derive(Clone, Copy, Debug)]
pub struct Remaining {
    /// Requests left.
    pub requests: u64,
    /// Tokens left.
    pub tokens: u64,
}

/// Which limit a refused request hit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exceeded {
    /// Requests per minute.
    Requests,
    /// Tokens per minute.
    Tokens,
}

/// A request refused by the rate limiter.
#[derive(Debug)]
pub struct Refusal {
    /// The limit it hit.
    pub exceeded: Exceeded,
    /// Until the window closes, in milliseconds.
    pub retry_after_ms: u64,
    /// What is left (unchanged by the refused request).
    pub remaining: Remaining,
}

struct Window {
    opened: Instant,
    requests: u64,
    tokens: u64,
}

#[derive(Default)]
struct Books {
    windows: HashMap<String, Window>,
    prompts: HashMap<String, VecDeque<String>>,
}

/// Rate windows and remembered prompts of every deployment, keyed `account/deployment` (lower case).
#[derive(Default)]
pub struct RateBook {
    books: Mutex<Books>,
}

impl RateBook {
    fn books(&self) -> MutexGuard<'_, Books> {
        self.books.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// What is left of `key`'s window, without spending anything.
    pub fn peek(&self, key: &str, limit: Limit) -> Remaining {
        let mut books = self.books();
        let window = current(&mut books, key);
        remaining(window, limit)
    }

    /// Spends one request and `tokens` of `key`'s window, or refuses when either limit would be passed.
    pub fn spend(&self, key: &str, limit: Limit, tokens: u64) -> Result<Remaining, Refusal> {
        let mut books = self.books();
        let window = current(&mut books, key);
        let exceeded = if window.requests + 1 > limit.requests {
            Some(Exceeded::Requests)
        } else if window.tokens + tokens > limit.tokens {
            Some(Exceeded::Tokens)
        } else {
            None
        };
        if let Some(exceeded) = exceeded {
            let left = WINDOW.saturating_sub(window.opened.elapsed());
            let retry_after_ms = u64::try_from(left.as_millis()).unwrap_or(u64::MAX).max(1);
            return Err(Refusal { exceeded, retry_after_ms, remaining: remaining(window, limit) });
        }
        window.requests += 1;
        window.tokens += tokens;
        Ok(remaining(window, limit))
    }

    /// Bills a request without checking the limits: a prompt the content filter blocked is still paid for.
    pub fn charge(&self, key: &str, tokens: u64) {
        let mut books = self.books();
        let window = current(&mut books, key);
        window.requests += 1;
        window.tokens += tokens;
    }

    /// The cached tokens of `prompt` on `key` (its longest prefix shared with an earlier prompt, from 1024
    /// tokens up, rounded down to 128s and at most `prompt_tokens`), then remembers it.
    pub fn cached_tokens(&self, key: &str, prompt: &str, prompt_tokens: u64) -> u64 {
        let mut books = self.books();
        let seen = books.prompts.entry(key.to_string()).or_default();
        let shared_chars = seen.iter().map(|earlier| common_prefix_chars(earlier, prompt)).max().unwrap_or(0);
        let shared_tokens = (shared_chars / 4).min(prompt_tokens);
        if !seen.iter().any(|earlier| earlier == prompt) {
            if seen.len() == PROMPTS_KEPT {
                seen.pop_front();
            }
            seen.push_back(prompt.to_string());
        }
        if shared_tokens < CACHE_MINIMUM {
            0
        } else {
            shared_tokens / CACHE_STEP * CACHE_STEP
        }
    }
}

/// `key`'s window, reopened if the last one is over.
fn current<'a>(books: &'a mut Books, key: &str) -> &'a mut Window {
    let window = books.windows.entry(key.to_string()).or_insert_with(|| Window {
        opened: Instant::now(),
        requests: 0,
        tokens: 0,
    });
    if window.opened.elapsed() >= WINDOW {
        *window = Window { opened: Instant::now(), requests: 0, tokens: 0 };
    }
    window
}

fn remaining(window: &Window, limit: Limit) -> Remaining {
    Remaining {
        requests: limit.requests.saturating_sub(window.requests),
        tokens: limit.tokens.saturating_sub(window.tokens),
    }
}

fn common_prefix_chars(a: &str, b: &str) -> u64 {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count() as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spends_until_a_limit_and_says_which() {
        let book = RateBook::default();
        let limit = Limit { requests: 2, tokens: 100 };
        assert_eq!(book.spend("a/d", limit, 60).unwrap().tokens, 40);
        let refusal = book.spend("a/d", limit, 60).unwrap_err();
        assert_eq!(refusal.exceeded, Exceeded::Tokens);
        assert!(refusal.retry_after_ms > 0 && refusal.retry_after_ms <= 60_000);
        assert_eq!(book.spend("a/d", limit, 10).unwrap().requests, 0);
        assert_eq!(book.spend("a/d", limit, 0).unwrap_err().exceeded, Exceeded::Requests);
        assert_eq!(book.peek("a/other", limit).tokens, 100, "windows are per deployment");
    }

    #[test]
    fn a_long_repeated_prefix_is_cached_in_steps() {
        let book = RateBook::default();
        let long = "x".repeat(4 * 1500);
        assert_eq!(book.cached_tokens("a/d", &format!("{long}first"), 1600), 0);
        assert_eq!(book.cached_tokens("a/d", &format!("{long}second"), 1600), 1408);
        assert_eq!(book.cached_tokens("a/other", &format!("{long}second"), 1600), 0);
        assert_eq!(book.cached_tokens("a/d", "short", 2), 0);
    }
}
