//! Listing accounts across subscriptions against the simulator: every subscription answered, in order,
//! and one refused subscription does not hide the others.
#![allow(clippy::unwrap_used)]

use std::sync::Arc;

use foundry_azure::arm::ArmClient;
use foundry_azure::cloud::Cloud;
use foundry_azure::token::StaticToken;
use foundry_azure::ErrorKind;
use foundry_desk_core::inventory::accounts_in;
use foundry_sim::{RunningSim, Seed, SimConfig};

#[tokio::test]
async fn every_subscription_is_listed_in_order_and_failures_stay_apart() {
    let sim =
        RunningSim::start_with(SimConfig { seed: Seed::sandbox_with_subscriptions(5), ..SimConfig::fast() })
            .await
            .unwrap();
    let base = url::Url::parse(&sim.base_url()).unwrap();
    let client = ArmClient::new(&Cloud::at("Sandbox", &base), Arc::new(StaticToken::new("t"))).unwrap();
    let mut subscriptions: Vec<String> = (0..5).map(|i| format!("00000000-0000-4000-9000-{i:012}")).collect();
    subscriptions.insert(2, "ffffffff-0000-0000-0000-000000000000".into());

    let listed = accounts_in(&client, &subscriptions, 3).await;

    let order: Vec<&str> = listed.iter().map(|s| s.subscription.as_str()).collect();
    assert_eq!(order, subscriptions.iter().map(String::as_str).collect::<Vec<_>>());
    let missing = &listed[2].accounts.as_ref().unwrap_err();
    assert_eq!(missing.kind, ErrorKind::NotFound);
    assert_eq!(missing.code.as_deref(), Some("SubscriptionNotFound"));
    for (i, entry) in listed.iter().filter(|s| s.accounts.is_ok()).enumerate() {
        let names: Vec<String> = entry.accounts.as_ref().unwrap().iter().map(|a| a.name.clone()).collect();
        assert_eq!(names.len(), i + 1, "{}: {names:?}", entry.subscription);
        assert!(names.contains(&format!("acct-{i}-0")), "{names:?}");
    }
}
