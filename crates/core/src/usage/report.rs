//! The usage report: per deployment, its tokens and requests on one time grid, its totals, its limit
//! and its estimated cost.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use foundry_azure::arm::models::Deployment;
use serde::Serialize;

use super::pricing::{Billing, PriceQuote};
use super::range::{UsageRange, UsageWindow};

/// What Azure Monitor said, per deployment, on the window's grid (`None` where it gave no value).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MetricGrids {
    /// `ProcessedPromptTokens` by deployment.
    pub prompt_tokens: BTreeMap<String, Vec<Option<f64>>>,
    /// `GeneratedTokens` by deployment.
    pub completion_tokens: BTreeMap<String, Vec<Option<f64>>>,
    /// `AzureOpenAIRequests` by deployment, then by HTTP status code.
    pub requests: BTreeMap<String, BTreeMap<String, Vec<Option<f64>>>>,
}

/// Each deployment's prices, by name, with the currency and how they were had.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Priced {
    pub quotes: BTreeMap<String, PriceQuote>,
    pub currency: String,
    pub status: PriceStatus,
}

/// Whether prices could be had, and from when.
#[derive(Debug, Clone, Default, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PriceStatus {
    /// The day the oldest price used was read from the Retail Prices API (`YYYY-MM-DD`).
    pub as_of: Option<String>,
    /// Why the prices could not be refreshed (the last known ones are used).
    pub offline: Option<String>,
    /// Why there are no prices at all.
    pub unavailable: Option<String>,
}

/// The report the usage screen draws.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct UsageReport {
    pub range: UsageRange,
    /// Start of the window (RFC 3339, UTC).
    pub from: String,
    /// End of the window, exclusive.
    pub to: String,
    /// Seconds between points.
    pub interval_secs: u32,
    /// The start of each interval, in milliseconds since the Unix epoch.
    pub times: Vec<f64>,
    /// Every deployment the account has, and any that served traffic in the window but is gone.
    pub deployments: Vec<DeploymentUsage>,
    /// The currency costs are in.
    pub currency: String,
    pub prices: PriceStatus,
}

/// One deployment's usage.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct DeploymentUsage {
    pub name: String,
    /// `None` for a deployment that is gone.
    pub model: Option<String>,
    pub model_version: Option<String>,
    pub sku: Option<String>,
    pub capacity: Option<u32>,
    /// The tokens it may use per minute (pay-as-you-go SKUs): drawn as a line on per-minute charts.
    pub tokens_per_minute: Option<f64>,
    pub prompt_tokens: Vec<Option<f64>>,
    pub completion_tokens: Vec<Option<f64>>,
    /// Requests answered 2xx.
    pub requests_ok: Vec<f64>,
    /// Requests refused with 429.
    pub requests_throttled: Vec<f64>,
    /// Requests that failed otherwise (4xx, 5xx).
    pub requests_failed: Vec<f64>,
    pub totals: UsageTotals,
    /// The estimated cost over the window, when its prices are known.
    pub cost: Option<CostEstimate>,
    /// The prices the estimate used.
    pub quote: Option<PriceQuote>,
}

/// Sums over the window.
#[derive(Debug, Clone, Default, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct UsageTotals {
    pub prompt_tokens: f64,
    pub completion_tokens: f64,
    pub requests: f64,
    pub throttled: f64,
    pub failed: f64,
    /// The busiest interval's tokens (prompt + completion).
    pub peak_tokens: f64,
}

/// What a deployment's usage costs at retail prices.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CostEstimate {
    /// Prompt tokens at the input price (cached input counted at the full input price: Monitor does
    /// not say how many were cached).
    pub input: f64,
    pub output: f64,
    /// Provisioned throughput: what it costs per hour, used or not.
    pub per_hour: Option<f64>,
    /// Hours the window covers, for the provisioned cost.
    pub hours: f64,
    pub total: f64,
}

/// Builds the report from the deployments, the metric grids and each deployment's quote.
pub fn build_report(
    range: UsageRange,
    window: &UsageWindow,
    now: DateTime<Utc>,
    deployments: &[Deployment],
    grids: &MetricGrids,
    prices: Priced,
) -> UsageReport {
    let Priced { quotes, currency, status } = prices;
    let step = window.interval.seconds();
    let points = usize::try_from((window.to - window.from).num_seconds() / step.max(1)).unwrap_or(0);
    let start_ms = window.from.timestamp_millis() as f64;
    let times = (0..points).map(|i| start_ms + (i as i64 * step * 1000) as f64).collect();

    let mut names: Vec<String> = deployments.iter().map(|d| d.name.clone()).collect();
    let served =
        grids.prompt_tokens.keys().chain(grids.completion_tokens.keys()).chain(grids.requests.keys());
    for name in served {
        if !names.iter().any(|n| n.eq_ignore_ascii_case(name)) {
            names.push(name.clone());
        }
    }
    let deployments = names
        .iter()
        .map(|name| {
            let found = deployments.iter().find(|d| d.name.eq_ignore_ascii_case(name));
            let quote = quotes.get(name).cloned();
            deployment_usage(name, found, grids, points, billed_hours(window, now, found), quote)
        })
        .collect();
    UsageReport {
        range,
        from: window.from.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        to: window.to.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        interval_secs: u32::try_from(step).unwrap_or(u32::MAX),
        times,
        deployments,
        currency,
        prices: status,
    }
}

fn deployment_usage(
    name: &str,
    deployment: Option<&Deployment>,
    grids: &MetricGrids,
    points: usize,
    hours: f64,
    quote: Option<PriceQuote>,
) -> DeploymentUsage {
    let grid = |map: &BTreeMap<String, Vec<Option<f64>>>| {
        let mut values = lookup(map, name).cloned().unwrap_or_default();
        values.resize(points, None);
        values
    };
    let prompt_tokens = grid(&grids.prompt_tokens);
    let completion_tokens = grid(&grids.completion_tokens);
    let mut requests_ok = vec![0.0; points];
    let mut requests_throttled = vec![0.0; points];
    let mut requests_failed = vec![0.0; points];
    for (status, values) in lookup(&grids.requests, name).into_iter().flatten() {
        let bucket = match status.trim() {
            "429" => &mut requests_throttled,
            s if s.starts_with('2') => &mut requests_ok,
            _ => &mut requests_failed,
        };
        for (slot, value) in bucket.iter_mut().zip(values) {
            *slot += value.unwrap_or(0.0);
        }
    }
    // Folded from +0.0: an empty `sum()` of floats is -0.0, which would show as "-0".
    let sum = |values: &[Option<f64>]| values.iter().flatten().fold(0.0, |a, b| a + b);
    let sum_all = |values: &[f64]| values.iter().fold(0.0, |a, b| a + b);
    let peak_tokens = prompt_tokens
        .iter()
        .zip(&completion_tokens)
        .map(|(p, c)| p.unwrap_or(0.0) + c.unwrap_or(0.0))
        .fold(0.0, f64::max);
    let totals = UsageTotals {
        prompt_tokens: sum(&prompt_tokens),
        completion_tokens: sum(&completion_tokens),
        requests: sum_all(&requests_ok) + sum_all(&requests_throttled) + sum_all(&requests_failed),
        throttled: sum_all(&requests_throttled),
        failed: sum_all(&requests_failed),
        peak_tokens,
    };
    let cost = quote.as_ref().and_then(|q| estimate(q, &totals, hours));
    DeploymentUsage {
        name: name.to_string(),
        model: deployment.map(|d| d.properties.model.name.clone()),
        model_version: deployment.and_then(|d| d.properties.model.version.clone()),
        sku: deployment.and_then(|d| d.sku.as_ref()).map(|s| s.name.to_string()),
        capacity: deployment.and_then(|d| d.sku.as_ref()).and_then(|s| s.capacity),
        tokens_per_minute: deployment.and_then(tokens_per_minute),
        prompt_tokens,
        completion_tokens,
        requests_ok,
        requests_throttled,
        requests_failed,
        totals,
        cost,
        quote,
    }
}

/// The hours of the window a deployment existed in, up to now: what provisioned throughput bills.
fn billed_hours(window: &UsageWindow, now: DateTime<Utc>, deployment: Option<&Deployment>) -> f64 {
    let created = deployment
        .and_then(|d| d.system_data.as_ref())
        .and_then(|s| s.created_at.as_deref())
        .and_then(|at| DateTime::parse_from_rfc3339(at).ok())
        .map(|at| at.with_timezone(&Utc));
    let start = created.map_or(window.from, |created| created.max(window.from));
    let end = now.min(window.to);
    ((end - start).num_seconds().max(0)) as f64 / 3600.0
}

/// Monitor names deployments as they were named; ARM may differ in case.
fn lookup<'a, T>(map: &'a BTreeMap<String, T>, name: &str) -> Option<&'a T> {
    map.get(name).or_else(|| map.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v))
}

/// The deployment's token rate limit: its own `rateLimits` when Azure gives them, else a pay-as-you-go
/// SKU's capacity in thousands of tokens per minute. Provisioned capacity is not a token rate.
fn tokens_per_minute(deployment: &Deployment) -> Option<f64> {
    let sku = deployment.sku.as_ref()?;
    let name = sku.name.as_str().to_ascii_lowercase();
    if name.contains("provisioned") || name.contains("batch") {
        return None;
    }
    let stated = deployment.properties.rate_limits.iter().find(|limit| {
        limit.key.as_deref() == Some("token") && limit.renewal_period.is_none_or(|p| p == 60.0)
    });
    if let Some(count) = stated.and_then(|limit| limit.count) {
        return Some(count);
    }
    sku.capacity.map(|c| f64::from(c) * 1000.0)
}

/// The cost of the totals at the quote's prices; `None` when the quote has no usable price.
pub fn estimate(quote: &PriceQuote, totals: &UsageTotals, hours: f64) -> Option<CostEstimate> {
    match quote.billing {
        Billing::Tokens => {
            // Tokens of a kind without a price leave the cost unknown rather than too low.
            let priced = |tokens: f64, per_million: Option<f64>| match per_million {
                Some(price) => Some(tokens * price / 1e6),
                None if tokens > 0.0 => None,
                None => Some(0.0),
            };
            let input = priced(totals.prompt_tokens, quote.input_per_million)?;
            let output = priced(totals.completion_tokens, quote.output_per_million)?;
            Some(CostEstimate { input, output, per_hour: None, hours, total: input + output })
        }
        Billing::Hourly => quote.hourly.map(|per_hour| CostEstimate {
            input: 0.0,
            output: 0.0,
            per_hour: Some(per_hour),
            hours,
            total: per_hour * hours,
        }),
        Billing::Unknown => None,
    }
}
