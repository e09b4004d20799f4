//! Reading usage and prices from Azure: the account's deployments and models, two metrics queries
//! (tokens by deployment; requests by deployment and status), and the retail prices of the meters.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};
use foundry_azure::arm::models::{Deployment, Model};
use foundry_azure::arm::{AccountRef, ArmClient};
use foundry_azure::monitor::{MetricGrid, MetricsQuery};
use foundry_azure::prices::PriceBook;
use foundry_azure::AzureError;

use super::pricing::{quote_from_lookup, PriceQuote, SkuMeters};
use super::range::{UsageRange, UsageWindow};
use super::report::{build_report, MetricGrids, PriceStatus, UsageReport};

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
    let tokens_query =
        split_query(&["ProcessedPromptTokens", "GeneratedTokens"], &window, &["ModelDeploymentName"]);
    let requests_query =
        split_query(&["AzureOpenAIRequests"], &window, &["ModelDeploymentName", "StatusCode"]);
    let (deployments, models, tokens, requests) = futures_util::join!(
        arm.list_deployments(account),
        arm.list_account_models(account),
        arm.account_metrics(account, &tokens_query),
        arm.account_metrics(account, &requests_query),
    );
    let (deployments, tokens, requests) = (deployments?, tokens?, requests?);
    let grid = |metrics: &foundry_azure::monitor::Metrics, name: &str, query: &MetricsQuery| {
        metrics.metric(name).map(|metric| metric.grid(query))
    };
    let grids = MetricGrids {
        prompt_tokens: by_deployment(grid(&tokens, "ProcessedPromptTokens", &tokens_query)),
        completion_tokens: by_deployment(grid(&tokens, "GeneratedTokens", &tokens_query)),
        requests: by_deployment_and_status(grid(&requests, "AzureOpenAIRequests", &requests_query)),
    };
    // Without the models the usage still shows; only the costs are missing.
    let models = models.unwrap_or_default();
    // A meter id names one price in practice; no region preference is needed to pick it.
    let (quotes, status) = quotes(prices, &deployments, &models, currency).await;
    Ok(build_report(range, &window, &deployments, &grids, &quotes, currency, status))
}

fn split_query(names: &[&str], window: &UsageWindow, split_by: &[&str]) -> MetricsQuery {
    let mut query = MetricsQuery::new(names, window.from, window.to, window.interval);
    query.split_by = split_by.iter().map(|d| d.to_string()).collect();
    query.top = Some(TOP_SERIES);
    query
}

fn by_deployment(grid: Option<MetricGrid>) -> BTreeMap<String, Vec<Option<f64>>> {
    grid.into_iter()
        .flat_map(|grid| grid.rows)
        .filter_map(|row| Some((row.key.first()?.clone(), row.points)))
        .filter(|(name, _)| !name.is_empty())
        .collect()
}

fn by_deployment_and_status(
    grid: Option<MetricGrid>,
) -> BTreeMap<String, BTreeMap<String, Vec<Option<f64>>>> {
    let mut out: BTreeMap<String, BTreeMap<String, Vec<Option<f64>>>> = BTreeMap::new();
    for row in grid.into_iter().flat_map(|grid| grid.rows) {
        if let [deployment, status] = row.key.as_slice() {
            if !deployment.is_empty() {
                out.entry(deployment.clone()).or_default().insert(status.clone(), row.points);
            }
        }
    }
    out
}

/// Each deployment's quote, from one price lookup for all their meters.
async fn quotes(
    prices: &PriceBook,
    deployments: &[Deployment],
    models: &[Model],
    currency: &str,
) -> (BTreeMap<String, PriceQuote>, PriceStatus) {
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
        return (BTreeMap::new(), PriceStatus::default());
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
                as_of: lookup.as_of.map(|at| at.format("%Y-%m-%d").to_string()),
                offline: lookup.offline.clone(),
                unavailable: None,
            };
            (quotes, status)
        }
        Err(error) => (
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
