//! The traffic book: what each deployment of each account served, per UTC minute (prompt and generated
//! tokens, requests by final HTTP status), the raw material of the Azure Monitor metrics. Inference records
//! into it as it answers; `POST /_sim/traffic` and [`crate::RunningSim::add_traffic`] add history.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Mutex, MutexGuard};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer};

/// What one deployment served in one minute.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MinuteTraffic {
    /// Prompt tokens processed (billed).
    pub prompt_tokens: u64,
    /// Completion tokens generated.
    pub completion_tokens: u64,
    /// Requests by the HTTP status they were answered with.
    pub requests: BTreeMap<u16, u64>,
}

/// History to add for one deployment: the body of `POST /_sim/traffic`.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TrafficHistory {
    /// The account's name (any case).
    pub account: String,
    /// The deployment's name, as its metrics should show it.
    pub deployment: String,
    /// Minutes of traffic, in any order; two entries for one minute add up.
    pub minutes: Vec<TrafficMinute>,
}

/// One minute of history.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TrafficMinute {
    /// When (ISO 8601; seconds are dropped to the minute).
    #[serde(deserialize_with = "utc")]
    pub at: DateTime<Utc>,
    /// Prompt tokens processed.
    #[serde(default)]
    pub prompt_tokens: u64,
    /// Completion tokens generated.
    #[serde(default)]
    pub completion_tokens: u64,
    /// Requests by HTTP status (`{"200": 3, "429": 1}`).
    #[serde(default)]
    pub requests: BTreeMap<u16, u64>,
}

fn utc<'de, D: Deserializer<'de>>(deserializer: D) -> Result<DateTime<Utc>, D::Error> {
    let text = String::deserialize(deserializer)?;
    super::timespan::parse_instant(&text).map_err(serde::de::Error::custom)
}

/// One deployment's minutes, under the name it was first recorded with.
#[derive(Clone, Debug, Default)]
pub struct DeploymentTraffic {
    /// The deployment's name as recorded.
    pub name: String,
    /// Minutes since the Unix epoch → traffic.
    pub minutes: BTreeMap<i64, MinuteTraffic>,
}

/// Every account's traffic, keyed by lower-cased account and deployment names.
#[derive(Default)]
pub struct TrafficBook {
    accounts: Mutex<HashMap<String, BTreeMap<String, DeploymentTraffic>>>,
}

/// The current UTC minute, in minutes since the Unix epoch.
pub fn now_minute() -> i64 {
    Utc::now().timestamp().div_euclid(60)
}

impl TrafficBook {
    fn book(&self) -> MutexGuard<'_, HashMap<String, BTreeMap<String, DeploymentTraffic>>> {
        self.accounts.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Records one answered inference request now: its status, and the tokens it billed.
    pub fn record(&self, account: &str, deployment: &str, status: u16, prompt: u64, completion: u64) {
        let mut book = self.book();
        let minute = entry(&mut book, account, deployment).minutes.entry(now_minute()).or_default();
        minute.prompt_tokens += prompt;
        minute.completion_tokens += completion;
        *minute.requests.entry(status).or_default() += 1;
    }

    /// Adds history; returns how many minutes it held.
    pub fn add(&self, history: &TrafficHistory) -> usize {
        let mut book = self.book();
        let deployment = entry(&mut book, &history.account, &history.deployment);
        for added in &history.minutes {
            let minute = deployment.minutes.entry(added.at.timestamp().div_euclid(60)).or_default();
            minute.prompt_tokens += added.prompt_tokens;
            minute.completion_tokens += added.completion_tokens;
            for (status, count) in &added.requests {
                *minute.requests.entry(*status).or_default() += count;
            }
        }
        history.minutes.len()
    }

    /// Each deployment of `account` with its minutes in `[from, to)` (minutes since the epoch), by name;
    /// a copy, so the book is not held while metrics are worked out.
    pub fn between(&self, account: &str, from: i64, to: i64) -> Vec<DeploymentTraffic> {
        let book = self.book();
        let Some(deployments) = book.get(&account.to_ascii_lowercase()) else { return Vec::new() };
        deployments
            .values()
            .map(|d| DeploymentTraffic {
                name: d.name.clone(),
                minutes: if from < to {
                    d.minutes.range(from..to).map(|(m, t)| (*m, t.clone())).collect()
                } else {
                    BTreeMap::new()
                },
            })
            .filter(|d| !d.minutes.is_empty())
            .collect()
    }
}

fn entry<'a>(
    book: &'a mut HashMap<String, BTreeMap<String, DeploymentTraffic>>,
    account: &str,
    deployment: &str,
) -> &'a mut DeploymentTraffic {
    book.entry(account.to_ascii_lowercase())
        .or_default()
        .entry(deployment.to_ascii_lowercase())
        .or_insert_with(|| DeploymentTraffic { name: deployment.to_string(), minutes: BTreeMap::new() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn history_adds_up_per_minute_and_reads_back_by_range() {
        let book = TrafficBook::default();
        let history: TrafficHistory = serde_json::from_value(serde_json::json!({
            "account": "Contoso", "deployment": "gpt-4o",
            "minutes": [
                {"at": "2026-11-27T03:00:10Z", "promptTokens": 120, "completionTokens": 40, "requests": {"200": 3, "429": 1}},
                {"at": "2026-11-27T03:00:50Z", "promptTokens": 5, "requests": {"200": 1}},
                {"at": "2026-11-27T04:00:00Z", "promptTokens": 1}
            ]
        }))
        .unwrap();
        assert_eq!(book.add(&history), 3);
        let three = DateTime::parse_from_rfc3339("2026-11-27T03:00:00Z").unwrap().timestamp() / 60;
        let found = book.between("contoso", three, three + 60);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].name, "gpt-4o");
        let minute = &found[0].minutes[&three];
        assert_eq!((minute.prompt_tokens, minute.completion_tokens), (125, 40));
        assert_eq!(minute.requests, BTreeMap::from([(200, 4), (429, 1)]));
        assert!(book.between("contoso", three + 61, three + 120).is_empty());
        assert!(book.between("other", three, three + 60).is_empty());
    }
}
