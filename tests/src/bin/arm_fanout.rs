//! `arm_fanout_ratio`: listing the accounts of 10 subscriptions whose every answer takes 100 ms, bounded
//! concurrent vs. one after another, measured in one run against the simulator (a ratio, so the machine's
//! noise cancels out). Lower is better; 0.1 would be perfect overlap.

use std::sync::Arc;
use std::time::{Duration, Instant};

use foundry_azure::arm::ArmClient;
use foundry_azure::cloud::Cloud;
use foundry_azure::token::StaticToken;
use foundry_desk_core::inventory::{accounts_in, DEFAULT_IN_FLIGHT};
use foundry_desk_e2e::{metric, record_bench};
use foundry_sim::{Fault, FaultKind, RunningSim, Seed, SimConfig};

const SUBSCRIPTIONS: usize = 10;
const LATENCY: Duration = Duration::from_millis(100);
const ROUNDS: usize = 5;

#[tokio::main]
async fn main() {
    let slow = Fault {
        method: Some("GET".into()),
        path_prefix: Some("/subscriptions".into()),
        delay_ms: Some(LATENCY.as_millis() as u64),
        ..Fault::new(FaultKind::Slow)
    };
    let config = SimConfig {
        seed: Seed::sandbox_with_subscriptions(SUBSCRIPTIONS),
        faults: vec![slow],
        ..SimConfig::fast()
    };
    let sim = RunningSim::start_with(config).await.expect("start the simulator");
    let base = url::Url::parse(&sim.base_url()).expect("simulator URL");
    let client = ArmClient::new(&Cloud::at("Sandbox", &base), Arc::new(StaticToken::new("bench")))
        .expect("ARM client");
    let subscriptions: Vec<String> =
        (0..SUBSCRIPTIONS).map(|i| format!("00000000-0000-4000-9000-{i:012}")).collect();

    let (mut serial, mut concurrent) = (Vec::new(), Vec::new());
    for _ in 0..ROUNDS {
        serial.push(time(&client, &subscriptions, 1).await);
        concurrent.push(time(&client, &subscriptions, DEFAULT_IN_FLIGHT).await);
    }
    let (serial, concurrent) = (median(serial), median(concurrent));
    let mut metrics = serde_json::Map::new();
    metrics.insert("arm_fanout_serial_ms".into(), metric(serial, "ms", "lower"));
    metrics.insert("arm_fanout_concurrent_ms".into(), metric(concurrent, "ms", "lower"));
    metrics.insert("arm_fanout_ratio".into(), metric(concurrent / serial, "ratio", "lower"));
    println!("{}", serde_json::to_string_pretty(&metrics).expect("json"));
    record_bench(metrics);
}

/// Milliseconds to list every subscription's accounts, `in_flight` at a time; all must succeed.
async fn time(client: &ArmClient, subscriptions: &[String], in_flight: usize) -> f64 {
    let started = Instant::now();
    let listed = accounts_in(client, subscriptions, in_flight).await;
    let elapsed = started.elapsed().as_secs_f64() * 1000.0;
    for entry in &listed {
        assert!(entry.accounts.is_ok(), "{}: {:?}", entry.subscription, entry.accounts);
    }
    elapsed
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(|a, b| a.total_cmp(b));
    values.get(values.len() / 2).copied().unwrap_or(f64::NAN)
}
