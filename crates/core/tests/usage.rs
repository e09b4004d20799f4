//! Usage and prices over the Sandbox, end to end on loopback: what the playground sent shows in the usage
//! report as exactly those requests and tokens, priced at the simulator's retail prices; the wizard's
//! quote for pay-as-you-go and provisioned SKUs; the currency setting; a caller without Monitoring Reader;
//! a price list that cannot be reached (last known prices, labelled, or none and why).

#![allow(clippy::unwrap_used)]

use std::sync::{Arc, Mutex};

use foundry_azure::arm::AccountRef;
use foundry_desk_core::connections::{ConnectionError, Connections};
use foundry_desk_core::conversations::{
    ConversationMessage, ConversationTarget, MessageRole, PlaygroundParameters,
};
use foundry_desk_core::playground::{new_message_id, Runs, SendRequest};
use foundry_desk_core::secrets::MemoryStore;
use foundry_desk_core::settings::Settings;
use foundry_desk_core::usage::{Billing, UsageRange};
use foundry_sim::sandbox::{ACCOUNT_OPENAI, GROUP_EAST, SUBSCRIPTION_ID};
use foundry_sim::{Fault, FaultKind};

fn connections(dir: &tempfile::TempDir) -> Connections {
    Connections::new(dir.path().to_path_buf(), Arc::new(MemoryStore::new()))
}

fn east() -> AccountRef {
    AccountRef {
        subscription: SUBSCRIPTION_ID.into(),
        resource_group: GROUP_EAST.into(),
        name: ACCOUNT_OPENAI.into(),
    }
}

async fn target(connections: &Connections, deployment: &str) -> ConversationTarget {
    let profiles = connections.playground_targets().await.unwrap();
    let sandbox = profiles.iter().find(|p| p.profile_id == "sandbox").unwrap();
    sandbox.targets.iter().find(|t| t.target.deployment == deployment).unwrap().target.clone()
}

/// Asks once; the prompt and completion tokens the answer's usage reported.
async fn ask(connections: &Connections, target: &ConversationTarget, text: &str) -> (u32, u32) {
    let request = SendRequest {
        run_id: new_message_id(),
        target: target.clone(),
        parameters: PlaygroundParameters { max_tokens: Some(8), ..PlaygroundParameters::default() },
        messages: vec![ConversationMessage {
            id: new_message_id(),
            role: MessageRole::User,
            content: text.into(),
            incomplete: false,
            stopped: false,
            answer: None,
        }],
    };
    let events = Mutex::new(Vec::new());
    let outcome = connections.send_chat(&Runs::default(), request, |e| events.lock().unwrap().push(e)).await;
    assert!(outcome.problem.is_none(), "{:?}", outcome.problem);
    let facts = outcome.message.unwrap().answer.unwrap();
    (facts.prompt_tokens.unwrap(), facts.completion_tokens.unwrap())
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-12
}

#[tokio::test]
async fn what_the_playground_sent_is_in_the_usage_report_with_its_cost() {
    let dir = tempfile::tempdir().unwrap();
    let connections = connections(&dir);
    let gpt4o = target(&connections, "gpt-4o").await;
    let first = ask(&connections, &gpt4o, "How many tokens is this?").await;
    let second = ask(&connections, &gpt4o, "And this slightly longer question, how many?").await;

    let report = connections.usage_report("sandbox", &east(), UsageRange::Hour).await.unwrap();
    assert_eq!(report.times.len(), 60);
    assert_eq!(report.interval_secs, 60);
    assert_eq!(report.currency, "USD");
    let row = report.deployments.iter().find(|d| d.name == "gpt-4o").unwrap();
    assert_eq!(row.totals.requests, 2.0);
    assert_eq!(row.totals.throttled, 0.0);
    assert_eq!(row.totals.prompt_tokens, f64::from(first.0 + second.0));
    assert_eq!(row.totals.completion_tokens, f64::from(first.1 + second.1));
    assert_eq!(row.requests_ok.iter().sum::<f64>(), 2.0);
    // GlobalStandard, capacity 50: 50,000 tokens per minute.
    assert_eq!(row.tokens_per_minute, Some(50_000.0));
    let quote = row.quote.as_ref().unwrap();
    assert_eq!(quote.billing, Billing::Tokens);
    assert_eq!((quote.input_per_million, quote.output_per_million), (Some(2.5), Some(10.0)));
    assert_eq!(quote.cached_input_per_million, Some(1.25));
    let cost = row.cost.as_ref().unwrap();
    let expected = row.totals.prompt_tokens * 2.5 / 1e6 + row.totals.completion_tokens * 10.0 / 1e6;
    assert!(close(cost.total, expected), "{} vs {expected}", cost.total);
    assert!(report.prices.as_of.is_some() && report.prices.offline.is_none(), "{:?}", report.prices);

    let quiet = report.deployments.iter().find(|d| d.name == "gpt-4o-mini").unwrap();
    assert_eq!(quiet.totals.requests, 0.0);
    assert_eq!(quiet.cost.as_ref().unwrap().total, 0.0);

    let month = connections.usage_report("sandbox", &east(), UsageRange::Month).await.unwrap();
    assert_eq!(month.times.len(), 720);
    let row = month.deployments.iter().find(|d| d.name == "gpt-4o").unwrap();
    assert_eq!(row.totals.requests, 2.0);
    assert_eq!(row.tokens_per_minute, Some(50_000.0));
}

#[tokio::test]
async fn the_wizard_and_the_playground_get_prices_in_the_settings_currency() {
    let dir = tempfile::tempdir().unwrap();
    let connections = connections(&dir);
    let standard = connections
        .deployment_price("sandbox", &east(), ("gpt-4o", Some("2024-11-20")), "Standard", 10)
        .await
        .unwrap();
    assert_eq!(standard.billing, Billing::Tokens);
    // Regional Standard costs 1.1 times Global.
    assert!(close(standard.input_per_million.unwrap(), 2.75), "{standard:?}");
    assert!(close(standard.output_per_million.unwrap(), 11.0), "{standard:?}");
    assert_eq!(standard.hourly, None);

    let provisioned = connections
        .deployment_price("sandbox", &east(), ("gpt-4o", Some("2024-11-20")), "ProvisionedManaged", 100)
        .await
        .unwrap();
    assert_eq!(provisioned.billing, Billing::Hourly);
    assert_eq!(provisioned.per_unit_hour, Some(2.0));
    assert_eq!(provisioned.hourly, Some(200.0));

    let mut settings = Settings::default();
    settings.azure.currency = "EUR".into();
    connections.apply_settings(&settings).unwrap();
    let gpt4o = target(&connections, "gpt-4o").await;
    let quote = connections.answer_price(&gpt4o).await.unwrap();
    assert_eq!(quote.currency, "EUR");
    assert!(close(quote.input_per_million.unwrap(), 2.5 * 0.92), "{quote:?}");
}

#[tokio::test]
async fn without_monitoring_reader_the_report_says_which_role_reads_metrics() {
    let dir = tempfile::tempdir().unwrap();
    let connections = connections(&dir);
    let mut forbidden = Fault::new(FaultKind::Forbidden);
    forbidden.path_prefix = Some(format!("{}/providers/Microsoft.Insights/metrics", east().path()));
    connections.add_sandbox_faults(vec![forbidden]).await.unwrap();
    let Err(ConnectionError::Azure(error)) =
        connections.usage_report("sandbox", &east(), UsageRange::Day).await
    else {
        panic!("the metrics read should be refused");
    };
    assert_eq!(error.status, Some(403));
    assert_eq!(error.code.as_deref(), Some("AuthorizationFailed"));
    assert_eq!(error.missing_role, Some("Monitoring Reader"));
    assert!(error.message.contains("Microsoft.Insights/metrics/read"), "{}", error.message);
    assert!(error.request_id.is_some());
    // Prices need no role: the wizard's still work.
    let quote = connections
        .deployment_price("sandbox", &east(), ("gpt-4o", None), "GlobalStandard", 10)
        .await
        .unwrap();
    assert_eq!(quote.billing, Billing::Tokens);
}

#[tokio::test]
async fn an_unreachable_price_list_gives_the_last_known_prices_labelled_or_says_why_there_are_none() {
    let dir = tempfile::tempdir().unwrap();
    let connections = connections(&dir);
    let down = || {
        let mut fault = Fault::new(FaultKind::Unavailable);
        fault.path_prefix = Some("/api/retail/prices".into());
        fault.retry_after = Some(0);
        fault
    };
    connections.add_sandbox_faults(vec![down()]).await.unwrap();
    let report = connections.usage_report("sandbox", &east(), UsageRange::Hour).await.unwrap();
    let why = report.prices.unavailable.as_deref().unwrap();
    assert!(why.contains("prices could not be read"), "{why}");
    assert!(report.deployments.iter().all(|d| d.cost.is_none()));
    assert!(report.deployments.iter().any(|d| d.name == "gpt-4o"), "the usage itself still shows");

    connections.clear_sandbox_faults().await.unwrap();
    let fresh = connections.usage_report("sandbox", &east(), UsageRange::Hour).await.unwrap();
    assert!(fresh.prices.offline.is_none() && fresh.prices.as_of.is_some(), "{:?}", fresh.prices);

    // Saved prices older than a day are asked for again; the list is down, so the saved ones are used.
    let cache = dir.path().join(foundry_desk_core::connections::PRICES_FILE);
    let aged = std::fs::read_to_string(&cache)
        .unwrap()
        .replace(&chrono::Utc::now().format("%Y-").to_string(), "2025-");
    std::fs::write(&cache, aged).unwrap();
    connections.add_sandbox_faults(vec![down()]).await.unwrap();
    let offline = connections.usage_report("sandbox", &east(), UsageRange::Hour).await.unwrap();
    assert!(offline.prices.offline.is_some(), "{:?}", offline.prices);
    assert!(offline.prices.as_of.as_deref().unwrap().starts_with("2025-"), "{:?}", offline.prices);
    let row = offline.deployments.iter().find(|d| d.name == "gpt-4o").unwrap();
    assert!(row.cost.is_some(), "the last known prices still price the usage");
}
