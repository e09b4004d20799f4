//! Reading usage and prices from Azure: the account's deployments and models, two metrics queries
//! (tokens by deployment; requests by deployment and status), and the retail prices of the meters.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};
use foundry_azure::arm::models::{Deployment, Model};
use foundry_azure::arm::{AccountRef, ArmClient};
use foundry_azure::monitor::{Metric, MetricGrid, Metrics, MetricsQuery};
use foundry_azure::prices::PriceBook;
use foundry_azure::{AzureError, ErrorKind};

use super::pricing::day;
use super::pricing::{quote_from_lookup, PriceQuote, SkuMeters};
use super::range::{UsageRange, UsageWindow};
use super::report::{build_report, MetricGrids, PriceStatus, Priced, UsageReport};

/// Prices younger than this are used without asking Azure again (they change monthly at most).
pub fn price_max_age() -> Duration {
    Duration::hours(24)
}

/// Timeseries asked for per metric: Azure sends only 10 split series unless told.
const TOP_SERIES: u32 = 500;

/// The usage report of `account` over `range` ending at `now`, priced in `currency`. Metrics that
/// cannot be read fail the report (with Azure's words, naming Monitoring Reader on a 403); prices that
/// cannot be had only leave the costs out, saying why.
pub async fn usage_report(
    arm: &ArmClient,
    prices: &PriceBook,
    account: &AccountRef,
    range: UsageRange,
    currency: &str,
    now: DateTime<Utc>,
) -> Result<UsageReport, AzureError> {
    let window = range.window(now);
    let tokens_query = split_query(&[PROMPT_TOKENS, GENERATED_TOKENS], &window, &["ModelDeploymentName"]);
    let requests_query = split_query(&[REQUESTS], &window, &["ModelDeploymentName", "StatusCode"]);
    // The deployments and their prices are read while Monitor answers: a slow price list costs
    // no time the metrics would not take anyway.
    let priced = async {
        let (deployments, models) =
            futures_util::join!(arm.list_deployments(account), arm.list_account_models(account));
        let deployments = deployments?;
        // Without the models the usage still shows; only the costs are missing.
        let models = models.unwrap_or_default();
        let priced = quotes(prices, &deployments, &models, currency).await;
        Ok::<_, AzureError>((deployments, priced))
    };
    let (priced, tokens, requests) = futures_util::join!(
        priced,
        arm.account_metrics(account, &tokens_query),
        arm.account_metrics(account, &requests_query),
    );
    let ((deployments, priced), tokens, requests) = (priced?, tokens?, requests?);
    let grids = MetricGrids {
        prompt_tokens: by_deployment(metric(&tokens, PROMPT_TOKENS)?.grid(&tokens_query)),
        completion_tokens: by_deployment(metric(&tokens, GENERATED_TOKENS)?.grid(&tokens_query)),
        requests: by_deployment_and_status(metric(&requests, REQUESTS)?.grid(&requests_query)),
    };
    Ok(build_report(range, &window, now, &deployments, &grids, priced))
}

const PROMPT_TOKENS: &str = "ProcessedPromptTokens";
const GENERATED_TOKENS: &str = "GeneratedTokens";
const REQUESTS: &str = "AzureOpenAIRequests";

/// One metric of the answer; one Monitor could not read is an error, never a row of zeros.
fn metric<'a>(metrics: &'a Metrics, name: &str) -> Result<&'a Metric, AzureError> {
    let Some(found) = metrics.metric(name) else {
        return Err(AzureError::local(
            ErrorKind::Decode,
            format!("Azure Monitor's answer has no {name} metric"),
        ));
    };
    if found.is_success() {
        return Ok(found);
    }
    let mut error = AzureError::local(
        ErrorKind::Server,
        format!(
            "Azure Monitor could not read {name}: {}",
            found.error_message.as_deref().unwrap_or("no reason given")
        ),
    );
    error.code = found.error_code.clone();
    Err(error)
}

fn split_query(names: &[&str], window: &UsageWindow, split_by: &[&str]) -> MetricsQuery {
    let mut query = MetricsQuery::new(names, window.from, window.to, window.interval);
    query.split_by = split_by.iter().map(|d| d.to_string()).collect();
    query.top = Some(TOP_SERIES);
    query
}

/// Rows by deployment. Deployment names are case-insensitive in Azure: rows differing only in case
/// are one deployment, under the first spelling seen.
fn by_deployment(grid: MetricGrid) -> BTreeMap<String, Vec<Option<f64>>> {
    let mut out: BTreeMap<String, Vec<Option<f64>>> = BTreeMap::new();
    for row in grid.rows {
        let Some(name) = row.key.first().filter(|name| !name.is_empty()) else { continue };
        let name = spelling(&out, name);
        add_into(out.entry(name).or_default(), &row.points);
    }
    out
}

/// Rows by deployment, then by status code (deployment names compared as in `by_deployment`).
fn by_deployment_and_status(grid: MetricGrid) -> BTreeMap<String, BTreeMap<String, Vec<Option<f64>>>> {
    let mut out: BTreeMap<String, BTreeMap<String, Vec<Option<f64>>>> = BTreeMap::new();
    for row in grid.rows {
        let [deployment, status] = row.key.as_slice() else { continue };
        if deployment.is_empty() {
            continue;
        }
        let name = spelling(&out, deployment);
        add_into(out.entry(name).or_default().entry(status.clone()).or_default(), &row.points);
    }
    out
}

fn spelling<T>(seen: &BTreeMap<String, T>, name: &str) -> String {
    seen.keys().find(|known| known.eq_ignore_ascii_case(name)).cloned().unwrap_or_else(|| name.to_string())
}

/// Adds `points` into `sum` slot by slot (a slot stays `None` only where both are).
fn add_into(sum: &mut Vec<Option<f64>>, points: &[Option<f64>]) {
    if sum.len() < points.len() {
        sum.resize(points.len(), None);
    }
    for (slot, point) in sum.iter_mut().zip(points) {
        if let Some(value) = point {
            *slot = Some(slot.unwrap_or(0.0) + value);
        }
    }
}

/// Each deployment's quote, from one price lookup for all their meters.
async fn quotes(prices: &PriceBook, deployments: &[Deployment], models: &[Model], currency: &str) -> Priced {
    let priced = |quotes, status| Priced { quotes, currency: currency.to_string(), status };
    let metered: Vec<(&Deployment, SkuMeters)> = deployments
        .iter()
        .filter_map(|d| {
            let sku = d.sku.as_ref()?;
            let model = &d.properties.model;
            Some((d, SkuMeters::find(models, &model.name, model.version.as_deref(), sku.name.as_str())?))
        })
        .collect();
    let ids: Vec<String> = metered.iter().flat_map(|(_, meters)| meters.ids()).collect();
    if ids.is_empty() {
        return priced(BTreeMap::new(), PriceStatus::default());
    }
    match prices.lookup(&ids, currency, None, price_max_age()).await {
        Ok(lookup) => {
            let quotes = metered
                .iter()
                .map(|(d, meters)| {
                    let capacity = d.sku.as_ref().and_then(|s| s.capacity);
                    (d.name.clone(), quote_from_lookup(meters, &lookup, capacity, currency))
                })
                .collect();
            let status = PriceStatus {
                as_of: lookup.as_of.map(day),
                offline: lookup.offline.clone(),
                unavailable: None,
            };
            priced(quotes, status)
        }
        Err(error) => priced(
            BTreeMap::new(),
            PriceStatus {
                unavailable: Some(format!("prices could not be read: {error}")),
                ..Default::default()
            },
        ),
    }
}

/// The quote for a model version's SKU among `models` (an account's, or a region's catalog).
pub async fn quote_for(
    prices: &PriceBook,
    models: &[Model],
    model: (&str, Option<&str>),
    sku: &str,
    capacity: Option<u32>,
    currency: &str,
    region: Option<&str>,
) -> PriceQuote {
    let Some(meters) = SkuMeters::find(models, model.0, model.1, sku) else {
        return PriceQuote::unavailable(
            currency,
            format!("the model catalog does not offer {} as {sku} here", model.0),
        );
    };
    match prices.lookup(&meters.ids(), currency, region, price_max_age()).await {
        Ok(lookup) => quote_from_lookup(&meters, &lookup, capacity, currency),
        Err(error) => PriceQuote::unavailable(currency, format!("prices could not be read: {error}")),
    }
}
