//! Azure Monitor metrics: the contract's example answer decodes and lays on a dense grid, the query URL is
//! exactly what Azure documents, and over loopback to a stub the request line and a 403 are as expected.
#![allow(clippy::unwrap_used)] // test steps: a failed call should fail the test loudly

mod stub;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use foundry_azure::arm::{AccountRef, ArmClient};
use foundry_azure::cloud::Cloud;
use foundry_azure::http::{Pipeline, RetryPolicy};
use foundry_azure::monitor::{DimensionValue, MetricInterval, Metrics, MetricsQuery};
use foundry_azure::token::StaticToken;
use foundry_azure::ErrorKind;
use serde_json::Value;
use stub::{answer, Stub};
use url::Url;

/// The contract's example: request line and answer.
fn example() -> (String, Value) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../contract/azure/monitor/Metrics_List.shape.json");
    let example: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    (example["request"].as_str().unwrap().to_string(), example["response"].clone())
}

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text).unwrap().with_timezone(&Utc)
}

/// The example's query: prompt and generated tokens per hour over 3 hours, split by deployment.
fn tokens_per_deployment() -> MetricsQuery {
    let mut query = MetricsQuery::new(
        &["ProcessedPromptTokens", "GeneratedTokens"],
        at("2026-11-27T00:00:00Z"),
        at("2026-11-27T03:00:00Z"),
        MetricInterval::OneHour,
    );
    query.split_by = vec!["ModelDeploymentName".into()];
    query
}

fn account() -> AccountRef {
    AccountRef { subscription: "{sub}".into(), resource_group: "{rg}".into(), name: "{account}".into() }
}

fn client(base: &str) -> ArmClient {
    let retry = RetryPolicy {
        max_attempts: 1,
        base_delay: Duration::from_millis(1),
        max_delay: Duration::from_secs(1),
    };
    let pipeline = Pipeline::new(Pipeline::default_client().unwrap(), Arc::new(StaticToken::new("t")), retry);
    ArmClient::with_pipeline(&Cloud::at("stub", &Url::parse(base).unwrap()), pipeline)
}

#[test]
fn the_contract_example_decodes() {
    let metrics: Metrics = serde_json::from_value(example().1).unwrap();
    assert_eq!(metrics.timespan, "2026-11-27T00:00:00Z/2026-11-27T03:00:00Z");
    assert_eq!(metrics.answered_interval(), Some(MetricInterval::OneHour));
    assert_eq!(metrics.namespace.as_deref(), Some("Microsoft.CognitiveServices/accounts"));
    assert_eq!(metrics.resourceregion.as_deref(), Some("swedencentral"));
    assert_eq!(metrics.cost, Some(359.0));
    let prompt = metrics.metric("processedprompttokens").unwrap();
    assert!(prompt.is_success());
    assert_eq!(prompt.unit.as_deref(), Some("Count"));
    assert_eq!(prompt.name.localized_value.as_deref(), Some("Processed Prompt Tokens"));
    assert_eq!(prompt.timeseries.len(), 2);
    assert_eq!(prompt.timeseries[0].dimension("ModelDeploymentName"), Some("gpt-4o"));
    assert_eq!(prompt.timeseries[0].data[1].total, None);
    assert_eq!(prompt.timeseries[0].data[2].time_stamp, at("2026-11-27T02:00:00Z"));
    assert_eq!(metrics.metric("GeneratedTokens").unwrap().timeseries.len(), 1);
}

#[test]
fn the_contract_example_lays_on_a_dense_grid() {
    let metrics: Metrics = serde_json::from_value(example().1).unwrap();
    let query = tokens_per_deployment();
    let prompt = metrics.metric("ProcessedPromptTokens").unwrap().grid(&query);
    assert_eq!(
        prompt.timestamps,
        vec![at("2026-11-27T00:00:00Z"), at("2026-11-27T01:00:00Z"), at("2026-11-27T02:00:00Z")]
    );
    assert_eq!(prompt.rows.len(), 2);
    assert_eq!(prompt.row(&["gpt-4o"]).unwrap(), &[Some(15230.0), None, Some(4410.0)]);
    assert_eq!(prompt.row(&["o4-mini"]).unwrap(), &[Some(0.0), Some(880.0), Some(0.0)]);
    assert_eq!(prompt.column_totals(), vec![Some(15230.0), Some(880.0), Some(4410.0)]);
    let generated = metrics.metric("GeneratedTokens").unwrap().grid(&query);
    assert_eq!(generated.row(&["GPT-4o"]).unwrap(), &[Some(3120.0), None, Some(977.0)]);
    assert_eq!(generated.row(&["o4-mini"]), None);
}

#[test]
fn the_query_url_is_the_documented_one() {
    let url = client("https://management.azure.com")
        .account_metrics_url(&account(), &tokens_per_deployment())
        .unwrap();
    assert_eq!(
        url,
        "https://management.azure.com/subscriptions/%7Bsub%7D/resourceGroups/%7Brg%7D/providers/Microsoft.CognitiveServices/accounts/%7Baccount%7D\
         /providers/Microsoft.Insights/metrics?api-version=2024-02-01&metricnames=ProcessedPromptTokens,GeneratedTokens\
         &timespan=2026-11-27T00:00:00Z/2026-11-27T03:00:00Z&interval=PT1H&aggregation=Total\
         &$filter=ModelDeploymentName%20eq%20%27*%27"
    );
    // The contract's request line, once percent-decoded, is the same request.
    let (request, _) = example();
    let decoded = url.replace("%7B", "{").replace("%7D", "}").replace("%20", " ").replace("%27", "'");
    assert_eq!(format!("GET {}", decoded.trim_start_matches("https://management.azure.com")), request);
}

#[tokio::test]
async fn the_client_sends_the_query_and_decodes_the_answer() {
    let (_, response) = example();
    let stub = Stub::start(vec![answer(200, &[], &response.to_string())]).await;
    let mut query = tokens_per_deployment();
    query.only = Some(DimensionValue { dimension: "ModelDeploymentName".into(), value: "gpt-4o".into() });
    query.top = Some(100);
    let account = AccountRef { subscription: "s1".into(), resource_group: "rg".into(), name: "acct".into() };
    let metrics = client(&stub.base).account_metrics(&account, &query).await.unwrap();
    assert_eq!(metrics.value.len(), 2);
    let seen = stub.seen();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].method, "GET");
    assert_eq!(
        seen[0].uri,
        "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/acct/providers/Microsoft.Insights/metrics\
         ?api-version=2024-02-01&metricnames=ProcessedPromptTokens,GeneratedTokens\
         &timespan=2026-11-27T00:00:00Z/2026-11-27T03:00:00Z&interval=PT1H&aggregation=Total\
         &$filter=ModelDeploymentName%20eq%20%27gpt-4o%27&top=100"
    );
    assert_eq!(seen[0].headers["authorization"], "Bearer t");
}

#[tokio::test]
async fn a_refused_metrics_read_names_monitoring_reader_and_keeps_azures_words() {
    let body = r#"{"error":{"code":"AuthorizationFailed","message":"The client 'u@contoso.com' with object id 'o1' does not have authorization to perform action 'microsoft.insights/metrics/read' over scope '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/acct/providers/Microsoft.Insights' or the scope is invalid."}}"#;
    let stub = Stub::start(vec![answer(403, &[("x-ms-request-id", "req-403")], body)]).await;
    let account = AccountRef { subscription: "s1".into(), resource_group: "rg".into(), name: "acct".into() };
    let error = client(&stub.base).account_metrics(&account, &tokens_per_deployment()).await.unwrap_err();
    assert_eq!(error.kind, ErrorKind::Forbidden);
    assert_eq!(error.code.as_deref(), Some("AuthorizationFailed"));
    assert_eq!(error.request_id.as_deref(), Some("req-403"));
    assert_eq!(error.missing_role, Some("Monitoring Reader"));
    assert!(error.message.starts_with("The client 'u@contoso.com' with object id 'o1'"));
    let shown = error.to_string();
    assert!(
        shown.contains("needs the 'Monitoring Reader' role") && shown.contains("request id req-403"),
        "{shown}"
    );
    assert_eq!(stub.seen().len(), 1);
}
