//! Per-deployment tokens- and requests-per-minute, with Azure's 429 and its waits.

use serde_json::json;

use crate::helpers::{ask, code, Sim};

#[tokio::test]
async fn a_tiny_deployment_runs_out_of_tokens_with_azures_429() {
    let sim = Sim::fast().await;
    // Standard capacity 1: 1000 tokens and 6 requests per minute.
    sim.create_deployment("tiny", "gpt-4o-mini", "2024-07-18", "Standard", 1).await;
    let key = sim.openai_key().await;
    let question = "Please summarise this text. ".repeat(60); // 1680 chars: 420 tokens + 6 for framing.
    let body = ask("tiny", &question, json!({"max_tokens": 100}));

    let first = sim.post(&sim.v1(), &key, &body, &[]).await;
    assert_eq!(first.status(), 200);
    let h = first.headers();
    assert_eq!(h["x-ratelimit-limit-tokens"], "1000");
    assert_eq!(h["x-ratelimit-limit-requests"], "6");
    assert_eq!(h["x-ratelimit-remaining-requests"], "5");
    let remaining: u64 = h["x-ratelimit-remaining-tokens"].to_str().unwrap().parse().unwrap();
    assert!(remaining < 1000 - 400, "prompt and max_tokens are both counted: {remaining} left");

    let second = sim.post(&sim.v1(), &key, &body, &[]).await;
    assert_eq!(second.status(), 429);
    let h = second.headers().clone();
    let retry_after: u64 = h["retry-after"].to_str().unwrap().parse().unwrap();
    let retry_after_ms: u64 = h["retry-after-ms"].to_str().unwrap().parse().unwrap();
    assert!((1..=60).contains(&retry_after), "{retry_after}");
    assert_eq!(retry_after, retry_after_ms.div_ceil(1000));
    assert_eq!(h["x-ratelimit-remaining-tokens"].to_str().unwrap(), remaining.to_string(), "nothing spent");
    assert_eq!(h["x-ms-deployment-name"], "tiny");
    let (_, error) = code(second).await;
    assert_eq!(error["error"]["code"], "429");
    let message = error["error"]["message"].as_str().unwrap();
    assert!(message.starts_with("Requests to the ChatCompletions_Create Operation under Azure OpenAI API version v1 have exceeded token rate limit of your current OpenAI S0 pricing tier."), "{message}");
    assert!(message.contains(&format!("Please retry after {retry_after} seconds.")), "{message}");

    // A small request still fits.
    assert_eq!(
        sim.post(&sim.v1(), &key, &ask("tiny", "hi", json!({"max_tokens": 5})), &[]).await.status(),
        200
    );
}

#[tokio::test]
async fn requests_per_minute_are_limited_too() {
    let sim = Sim::fast().await;
    // Reasoning models get 1 request per minute per unit: capacity 2 allows two.
    sim.create_deployment("slow-thinker", "o4-mini", "2025-04-16", "GlobalStandard", 2).await;
    let key = sim.openai_key().await;
    let body = ask("slow-thinker", "hi", json!({}));
    for left in ["1", "0"] {
        let ok = sim.post(&sim.v1(), &key, &body, &[]).await;
        assert_eq!(ok.status(), 200);
        assert_eq!(ok.headers()["x-ratelimit-remaining-requests"], left);
    }
    let classic = sim.chat_url(
        foundry_sim::sandbox::ACCOUNT_OPENAI,
        "openai.azure.com",
        crate::helpers::Form::Classic,
        "slow-thinker",
    );
    let (status, error) = code(sim.post(&classic, &key, &body, &[]).await).await;
    assert_eq!(status, 429);
    let message = error["error"]["message"].as_str().unwrap();
    assert!(message.contains("API version 2024-10-21 have exceeded call rate limit"), "{message}");
}

#[tokio::test]
async fn a_provisioned_deployment_is_not_limited_per_minute() {
    let sim = Sim::fast().await;
    // 50 PTUs: were they read as thousands of tokens per minute, 50 000 tokens would refuse the third ask.
    sim.create_deployment("ptu", "gpt-4o-mini", "2024-07-18", "ProvisionedManaged", 50).await;
    let key = sim.openai_key().await;
    let body = ask("ptu", "hi", json!({"max_tokens": 20_000}));
    for _ in 0..3 {
        let ok = sim.post(&sim.v1(), &key, &body, &[]).await;
        assert_eq!(ok.status(), 200);
        assert_eq!(ok.headers()["x-ms-deployment-name"], "ptu");
        assert!(
            !ok.headers().keys().any(|name| name.as_str().starts_with("x-ratelimit-")),
            "no per-minute count to report: {:?}",
            ok.headers()
        );
    }
}
