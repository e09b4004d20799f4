//! `fdesk usage show` and `fdesk price`: the real binary against the simulator, whose metrics carry the
//! traffic it was given and whose price list prices the catalog's meters.

#![allow(clippy::unwrap_used)]

mod support;

use std::collections::BTreeMap;

use chrono::{Duration, Utc};
use foundry_sim::sandbox::ACCOUNT_OPENAI;
use foundry_sim::{TrafficHistory, TrafficMinute};
use support::arm::{account, fdesk, sim, with, TOKEN};

fn minute(ago: i64, prompt: u64, completion: u64, requests: &[(u16, u64)]) -> TrafficMinute {
    TrafficMinute {
        at: Utc::now() - Duration::minutes(ago),
        prompt_tokens: prompt,
        completion_tokens: completion,
        requests: requests.iter().copied().collect::<BTreeMap<u16, u64>>(),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn usage_show_totals_each_deployment_and_prices_it() {
    let sim = sim().await;
    let history = TrafficHistory {
        account: ACCOUNT_OPENAI.into(),
        deployment: "gpt-4o".into(),
        minutes: vec![
            minute(20, 300_000, 100_000, &[(200, 3)]),
            minute(5, 100_000, 0, &[(200, 1), (429, 2)]),
        ],
    };
    sim.add_traffic(&history).unwrap();

    let run = fdesk(
        &sim,
        Some(TOKEN),
        &with(vec!["usage", "show"], &with(account(), &["--since", "1h", "-o", "json"])),
    )
    .await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    let report = run.json();
    assert_eq!(report["times"].as_array().unwrap().len(), 60);
    let gpt4o = report["deployments"].as_array().unwrap().iter().find(|d| d["name"] == "gpt-4o").unwrap();
    assert_eq!(gpt4o["totals"]["promptTokens"], 400_000.0);
    assert_eq!(gpt4o["totals"]["completionTokens"], 100_000.0);
    assert_eq!(gpt4o["totals"]["requests"], 6.0);
    assert_eq!(gpt4o["totals"]["throttled"], 2.0);
    // 400,000 × $2.50/1M + 100,000 × $10/1M.
    assert_eq!(gpt4o["cost"]["total"], 2.0);

    let run = fdesk(
        &sim,
        Some(TOKEN),
        &with(vec!["usage", "show"], &with(account(), &["--deployment-name", "gpt-4o", "--since", "1h"])),
    )
    .await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    let row =
        run.stdout.lines().find(|l| l.starts_with("gpt-4o ")).unwrap_or_else(|| panic!("{}", run.stdout));
    let cells: Vec<&str> = row.split_whitespace().collect();
    assert_eq!(
        cells,
        ["gpt-4o", "gpt-4o", "GlobalStandard", "400,000", "100,000", "6", "2", "0", "2.00", "USD"]
    );
    assert!(run.stdout.contains("Estimated cost: 2.00 USD"), "{}", run.stdout);
    assert!(
        run.stdout.contains("Limit 50,000 tokens/min; busiest interval 400,000 tokens"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("Retail prices of "), "{}", run.stdout);

    let run = fdesk(
        &sim,
        Some(TOKEN),
        &with(vec!["usage", "show"], &with(account(), &["--deployment-name", "nope"])),
    )
    .await;
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(run.stderr.contains("no deployment named 'nope'; it has: gpt-4o"), "{}", run.stderr);
    let run =
        fdesk(&sim, Some(TOKEN), &with(vec!["usage", "show"], &with(account(), &["--since", "2h"]))).await;
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("use 1h, 24h, 7d or 30d"), "{}", run.stderr);
}

#[tokio::test(flavor = "multi_thread")]
async fn price_says_what_a_sku_costs_per_token_or_per_hour() {
    let sim = sim().await;
    let model = ["--model-name", "gpt-4o", "--model-version", "2024-11-20", "-l", "eastus"];
    let run = fdesk(&sim, Some(TOKEN), &with(vec!["price", "--sku-name", "GlobalStandard"], &model)).await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("pay per token; nothing until used"), "{}", run.stdout);
    assert!(run.stdout.contains("input         2.50 USD per 1M tokens"), "{}", run.stdout);
    assert!(run.stdout.contains("cached input  1.25 USD per 1M tokens"), "{}", run.stdout);
    assert!(run.stdout.contains("output        10.00 USD per 1M tokens"), "{}", run.stdout);

    let provisioned =
        with(vec!["price", "--sku-name", "ProvisionedManaged", "--capacity", "100", "-o", "json"], &model);
    let run = fdesk(&sim, Some(TOKEN), &provisioned).await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    let quote = run.json();
    assert_eq!(quote["billing"], "hourly");
    assert_eq!(quote["perUnitHour"], 2.0);
    assert_eq!(quote["hourly"], 200.0);

    let run = fdesk(&sim, Some(TOKEN), &with(vec!["price", "--sku-name", "NoSuchSku"], &model)).await;
    assert_eq!(run.code, 1, "no price is a failure a script can see: {}", run.stderr);
    assert!(
        run.stdout.contains("No price: the model catalog does not offer gpt-4o as NoSuchSku here"),
        "{}",
        run.stdout
    );
}
