//! The report's arithmetic: sums, limits, what provisioned throughput bills, and costs left unknown
//! rather than too low.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use foundry_azure::arm::models::Deployment;
use serde_json::json;

use super::*;

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text).unwrap().with_timezone(&Utc)
}

fn deployment(name: &str, sku: &str, capacity: u32, created: &str, token_limit: Option<u32>) -> Deployment {
    let mut properties = json!({"model": {"format": "OpenAI", "name": "gpt-4o", "version": "2024-11-20"}});
    if let Some(count) = token_limit {
        properties["rateLimits"] = json!([{"key": "token", "renewalPeriod": 60, "count": count}]);
    }
    serde_json::from_value(json!({
        "id": format!("/subscriptions/s/resourceGroups/g/providers/Microsoft.CognitiveServices/accounts/a/deployments/{name}"),
        "name": name,
        "sku": {"name": sku, "capacity": capacity},
        "systemData": {"createdAt": created},
        "properties": properties,
    }))
    .unwrap()
}

fn quote(billing: Billing, input: Option<f64>, output: Option<f64>, hourly: Option<f64>) -> PriceQuote {
    PriceQuote {
        billing,
        input_per_million: input,
        output_per_million: output,
        hourly,
        ..PriceQuote::unavailable("USD", "")
    }
}

fn priced(quotes: BTreeMap<String, PriceQuote>) -> Priced {
    Priced { quotes, currency: "USD".into(), status: PriceStatus::default() }
}

/// The last hour, per minute, ending 10:00 (now is 09:59:30, inside the last interval).
fn hour() -> (UsageWindow, DateTime<Utc>) {
    let now = at("2026-11-29T09:59:30Z");
    (UsageRange::Hour.window(now), now)
}

#[test]
fn an_idle_deployment_totals_plain_zeros() {
    let (window, now) = hour();
    let deployments = [deployment("quiet", "GlobalStandard", 10, "2026-01-01T00:00:00Z", None)];
    let quotes = BTreeMap::from([("quiet".to_string(), quote(Billing::Tokens, Some(2.5), Some(10.0), None))]);
    let report =
        build_report(UsageRange::Hour, &window, now, &deployments, &MetricGrids::default(), priced(quotes));
    let row = &report.deployments[0];
    for value in [row.totals.prompt_tokens, row.totals.requests, row.cost.as_ref().unwrap().total] {
        assert!(value == 0.0 && value.is_sign_positive(), "{value} would print as -0");
    }
    assert_eq!(row.prompt_tokens.len(), 60);
    assert_eq!(row.tokens_per_minute, Some(10_000.0));
}

#[test]
fn provisioned_bills_the_hours_it_existed_up_to_now_and_has_no_token_rate() {
    let now = at("2026-11-29T09:30:00Z");
    let window = UsageRange::Day.window(now);
    // Created 90 minutes ago, inside the day's window; the window runs 15 minutes past now.
    let ptu = deployment("ptu", "ProvisionedManaged", 100, "2026-11-29T08:00:00Z", Some(100_000));
    let quotes = BTreeMap::from([("ptu".to_string(), quote(Billing::Hourly, None, None, Some(200.0)))]);
    let report = build_report(UsageRange::Day, &window, now, &[ptu], &MetricGrids::default(), priced(quotes));
    let row = &report.deployments[0];
    let cost = row.cost.as_ref().unwrap();
    assert_eq!(cost.hours, 1.5);
    assert_eq!(cost.total, 300.0);
    assert_eq!(cost.per_hour, Some(200.0));
    assert_eq!(row.tokens_per_minute, None, "PTUs are not tokens per minute, whatever rateLimits say");
}

#[test]
fn tokens_without_a_price_leave_the_cost_unknown_not_too_low() {
    let (window, now) = hour();
    let deployments = [deployment("d", "GlobalStandard", 10, "2026-01-01T00:00:00Z", None)];
    let mut grids = MetricGrids::default();
    let mut completion = vec![None; 60];
    completion[59] = Some(1_000.0);
    grids.completion_tokens.insert("d".into(), completion);
    let input_only = BTreeMap::from([("d".to_string(), quote(Billing::Tokens, Some(2.5), None, None))]);
    let report = build_report(UsageRange::Hour, &window, now, &deployments, &grids, priced(input_only));
    assert_eq!(report.deployments[0].cost, None);

    let both = BTreeMap::from([("d".to_string(), quote(Billing::Tokens, Some(2.5), Some(10.0), None))]);
    let report = build_report(UsageRange::Hour, &window, now, &deployments, &grids, priced(both));
    assert_eq!(report.deployments[0].cost.as_ref().unwrap().total, 0.01);
}

#[test]
fn requests_split_by_status_and_deployments_gone_since_are_kept() {
    let (window, now) = hour();
    let deployments = [deployment("GPT-4o", "Standard", 5, "2026-01-01T00:00:00Z", None)];
    let mut grids = MetricGrids::default();
    let points = |n: f64| {
        let mut v = vec![None; 60];
        v[10] = Some(n);
        v
    };
    grids.requests.insert(
        "gpt-4o".into(),
        BTreeMap::from([
            ("200".into(), points(3.0)),
            ("429".into(), points(2.0)),
            ("500".into(), points(1.0)),
        ]),
    );
    grids.prompt_tokens.insert("old-one".into(), points(40.0));
    let report = build_report(UsageRange::Hour, &window, now, &deployments, &grids, priced(BTreeMap::new()));
    let live = &report.deployments[0];
    assert_eq!(live.name, "GPT-4o", "Monitor's lower-case name finds ARM's deployment");
    assert_eq!((live.totals.requests, live.totals.throttled, live.totals.failed), (6.0, 2.0, 1.0));
    assert_eq!(
        (live.requests_ok[10], live.requests_throttled[10], live.requests_failed[10]),
        (3.0, 2.0, 1.0)
    );
    let gone = &report.deployments[1];
    assert_eq!((gone.name.as_str(), gone.model.as_deref()), ("old-one", None));
    assert_eq!(gone.totals.prompt_tokens, 40.0);
    assert_eq!(report.times[0], at("2026-11-29T09:00:00Z").timestamp_millis() as f64);
}
