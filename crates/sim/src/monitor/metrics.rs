//! `GET {account}/providers/Microsoft.Insights/metrics`: Azure Monitor's platform metrics of an account,
//! worked out from the traffic book, in the shape of `contract/azure/monitor/Metrics_List.shape.json`.

use std::collections::BTreeMap;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use serde_json::{json, Value};

use super::query::{self, Aggregation, Metric, Split};
use super::timespan::{self, stamp};
use super::traffic::DeploymentTraffic;
use crate::arm::tenancy::require_account;
use crate::arm::{bad_request, Call};

/// The api-versions of Microsoft.Insights/metrics the simulator answers.
const API_VERSIONS: [&str; 4] = ["2024-02-01", "2023-10-01", "2021-05-01", "2018-01-01"];

/// The only namespace an account's metrics live in.
const NAMESPACE: &str = "Microsoft.CognitiveServices/accounts";

/// Timeseries of one metric: dimension values (in split order) → minute → value.
type Series = BTreeMap<Vec<String>, BTreeMap<i64, u64>>;

/// Answers a metrics request for account `name` of `sub`/`rg`.
pub fn metrics(call: &Call, sub: &str, rg: &str, name: &str) -> Response {
    let (account_id, account_name, location) = {
        let world = call.state.world();
        match require_account(&world, sub, rg, name) {
            Ok(index) => {
                let account = &world.accounts[index];
                let id = crate::arm::render::account_id(account);
                (id, account.name.clone(), crate::world::normalize_location(&account.location))
            }
            Err(missing) => return missing.into_response(),
        }
    };
    let version = call.query.get("api-version").map(String::as_str).unwrap_or_default();
    if !API_VERSIONS.contains(&version) {
        return crate::arm::unsupported_api_version(&location, version, "metrics", &API_VERSIONS);
    }
    match answer(call, &account_id, &account_name, &location) {
        Ok(body) => crate::arm::json(StatusCode::OK, body),
        Err(message) => bad_request("BadRequest", &message),
    }
}

/// Split series answered when the request does not say `top`.
const DEFAULT_TOP: usize = 10;

fn answer(call: &Call, account_id: &str, account_name: &str, location: &str) -> Result<Value, String> {
    let param = |name: &str| call.query.get(name).map(String::as_str);
    if let Some(namespace) = param("metricnamespace").filter(|n| !n.eq_ignore_ascii_case(NAMESPACE)) {
        return Err(format!(
            "Metric namespace '{namespace}' is not valid for this resource; use '{NAMESPACE}'."
        ));
    }
    let metrics = query::parse_metrics(param("metricnames"))?;
    let aggregations = query::parse_aggregations(param("aggregation"))?;
    let span = timespan::parse_timespan(param("timespan"), Utc::now())?;
    let (interval, interval_minutes) = timespan::parse_interval(param("interval"))?;
    let split = query::parse_split(param("$filter"), &metrics)?;
    // Azure answers at most `top` split series, 10 unless told: an account with more deployments is cut.
    let top =
        match param("top") {
            None => DEFAULT_TOP,
            Some(text) => text.trim().parse::<usize>().ok().filter(|n| *n > 0).ok_or_else(|| {
                format!("'{text}' is not a valid value for top: give a positive whole number.")
            })?,
        };
    let (from, to) = span.minutes();
    let traffic = call.state.traffic.between(account_name, from, to);
    let points = span.points(interval_minutes);
    let mut cost = 0;
    let value: Vec<Value> = metrics
        .iter()
        .map(|metric| {
            let series = busiest(series(*metric, &split, &traffic), top);
            cost += series.len() * points.len();
            let timeseries: Vec<Value> = series
                .iter()
                .map(|(key, minutes)| {
                    let data: Vec<Value> = points
                        .iter()
                        .map(|(at, lo, hi)| point(*metric, &aggregations, stamp(*at), minutes, *lo, *hi))
                        .collect();
                    json!({"metadatavalues": metadata(&split, key), "data": data})
                })
                .collect();
            json!({
                "id": format!("{account_id}/providers/Microsoft.Insights/metrics/{}", metric.name()),
                "type": "Microsoft.Insights/metrics",
                "name": {"value": metric.name(), "localizedValue": metric.localized()},
                "displayDescription": metric.description(),
                "unit": "Count",
                "errorCode": "Success",
                "timeseries": timeseries,
            })
        })
        .collect();
    Ok(json!({
        "cost": cost,
        "timespan": span.render(),
        "interval": interval,
        "namespace": NAMESPACE,
        "resourceregion": location,
        "value": value,
    }))
}

/// Split series Azure keeps when there are more than `top`: the largest totals (one unsplit series is
/// never cut).
fn busiest(series: Series, top: usize) -> Series {
    if series.len() <= top {
        return series;
    }
    let mut ranked: Vec<(Vec<String>, BTreeMap<i64, u64>)> = series.into_iter().collect();
    ranked.sort_by_key(|(_, minutes)| std::cmp::Reverse(minutes.values().sum::<u64>()));
    ranked.into_iter().take(top).collect()
}

/// One metric's values per minute, per combination of the split dimensions' values. Unsplit, there is
/// always exactly one (empty-keyed) series; split, only combinations that saw traffic appear.
fn series(metric: Metric, split: &Split, traffic: &[DeploymentTraffic]) -> Series {
    let mut out = Series::new();
    if !split.deployment.splits() && !split.status.splits() {
        out.insert(Vec::new(), BTreeMap::new());
    }
    for deployment in traffic.iter().filter(|d| split.deployment.keeps(&d.name)) {
        for (minute, seen) in &deployment.minutes {
            let mut add = |status: Option<String>, value: u64| {
                let mut key = Vec::new();
                if split.deployment.splits() {
                    key.push(deployment.name.clone());
                }
                key.extend(status);
                *out.entry(key).or_default().entry(*minute).or_default() += value;
            };
            match metric {
                Metric::PromptTokens => add(None, seen.prompt_tokens),
                Metric::GeneratedTokens => add(None, seen.completion_tokens),
                Metric::TokenTransaction => add(None, seen.prompt_tokens + seen.completion_tokens),
                Metric::Requests if split.status.splits() => {
                    for (status, count) in &seen.requests {
                        let status = status.to_string();
                        if split.status.keeps(&status) {
                            add(Some(status), *count);
                        }
                    }
                }
                Metric::Requests => add(None, seen.requests.values().sum()),
            }
        }
    }
    out
}

/// One point: the aggregations of the minutes `[lo, hi)` that have data, each minute one sample. With no
/// traffic in them a token metric has no value at all (`{"timeStamp"}` only) while requests read 0 in every
/// aggregation — the two shapes Azure really sends.
fn point(
    metric: Metric,
    aggregations: &[Aggregation],
    at: String,
    minutes: &BTreeMap<i64, u64>,
    lo: i64,
    hi: i64,
) -> Value {
    let mut point = json!({"timeStamp": at});
    let values: Vec<u64> = minutes.range(lo..hi).map(|(_, v)| *v).collect();
    if values.is_empty() && !metric.zero_when_idle() {
        return point;
    }
    let total: u64 = values.iter().sum();
    let samples = values.len() as u64;
    for aggregation in aggregations {
        let value = match aggregation {
            Aggregation::Total => json!(total),
            // Azure sends the mean as a floating-point number, even when it is whole.
            Aggregation::Average if samples == 0 => json!(0.0),
            Aggregation::Average => json!(total as f64 / samples as f64),
            Aggregation::Minimum => json!(values.iter().copied().min().unwrap_or(0)),
            Aggregation::Maximum => json!(values.iter().copied().max().unwrap_or(0)),
            Aggregation::Count => json!(samples),
        };
        point[aggregation.field()] = value;
    }
    point
}

fn metadata(split: &Split, key: &[String]) -> Vec<Value> {
    let names = [("modeldeploymentname", split.deployment.splits()), ("statuscode", split.status.splits())];
    names
        .iter()
        .filter(|(_, splits)| *splits)
        .zip(key)
        .map(|((name, _), value)| json!({"name": {"value": name, "localizedValue": name}, "value": value}))
        .collect()
}
