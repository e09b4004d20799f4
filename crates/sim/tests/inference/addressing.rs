//! Every URL form under every host form reaches the same account; Azure's 404s for what it does not serve.

use foundry_sim::sandbox::ACCOUNT_OPENAI;
use serde_json::json;

use crate::helpers::{ask, code, Form, Sim, HOSTS};

#[tokio::test]
async fn three_url_forms_under_three_host_names_answer() {
    let sim = Sim::fast().await;
    let key = sim.openai_key().await;
    let mut answers = Vec::new();
    for host in HOSTS {
        for form in [Form::V1, Form::Classic, Form::Models] {
            let url = sim.chat_url(ACCOUNT_OPENAI, host, form, "gpt-4o-mini");
            let body = sim.chat(&url, &key, &ask("gpt-4o-mini", "Same question?", json!({"seed": 1}))).await;
            assert_eq!(body["model"], "gpt-4o-mini-2024-07-18", "{form:?} on {host}");
            answers.push(body["choices"][0]["message"]["content"].as_str().unwrap().to_string());
        }
    }
    assert!(answers.windows(2).all(|w| w[0] == w[1]), "one account, one deterministic answer");
    let requests = sim.requests().await;
    assert_eq!(requests["byDeployment"]["gpt-4o-mini"], 9);
}

#[tokio::test]
async fn azure_404s_for_an_unknown_resource_and_a_classic_url_without_api_version() {
    let sim = Sim::fast().await;
    let key = sim.openai_key().await;
    let body = ask("gpt-4o", "hi", json!({}));
    let unknown = sim.chat_url("nobody-here", HOSTS[0], Form::V1, "");
    let (status, error) = code(sim.post(&unknown, &key, &body, &[]).await).await;
    assert_eq!((status, error), (404, json!({"error": {"code": "404", "message": "Resource not found"}})));

    let classic = format!(
        "{}/{ACCOUNT_OPENAI}.openai.azure.com/openai/deployments/gpt-4o/chat/completions",
        sim.base()
    );
    let (status, error) = code(sim.post(&classic, &key, &body, &[]).await).await;
    assert_eq!((status, &error["error"]["code"]), (404, &json!("404")));

    let unmodelled = format!("{}/{ACCOUNT_OPENAI}.openai.azure.com/openai/v1/embeddings", sim.base());
    let (status, error) = code(sim.post(&unmodelled, &key, &body, &[]).await).await;
    assert_eq!((status, &error["error"]["code"]), (404, &json!("SimulatorRouteNotFound")));
}

#[tokio::test]
async fn every_answer_carries_azure_headers() {
    let sim = Sim::fast().await;
    let key = sim.openai_key().await;
    let response = sim
        .post(&sim.v1(), &key, &ask("gpt-4o", "hi", json!({})), &[("x-ms-client-request-id", "abc")])
        .await;
    assert_eq!(response.status(), 200);
    let h = response.headers();
    assert_eq!(h["apim-request-id"].to_str().unwrap().len(), 36);
    assert!(h.contains_key("x-request-id"));
    assert_eq!(h["x-ms-region"], "East US");
    assert_eq!(h["x-ms-deployment-name"], "gpt-4o");
    assert_eq!(h["x-ms-client-request-id"], "abc");
    // gpt-4o: GlobalStandard, capacity 50 → 50K TPM, 300 RPM.
    assert_eq!(h["x-ratelimit-limit-tokens"], "50000");
    assert_eq!(h["x-ratelimit-limit-requests"], "300");
    assert_eq!(h["x-ratelimit-remaining-requests"], "299");
    let remaining: u64 = h["x-ratelimit-remaining-tokens"].to_str().unwrap().parse().unwrap();
    assert!(remaining < 50_000);

    let refused = sim.post(&sim.v1(), "wrong", &ask("gpt-4o", "hi", json!({})), &[]).await;
    assert_eq!(refused.status(), 401);
    assert!(refused.headers().contains_key("apim-request-id"));
    let sweden =
        sim.post(&sim.v1_sweden(), &sim.sweden_key().await, &ask("nope", "hi", json!({})), &[]).await;
    assert_eq!(sweden.headers()["x-ms-region"], "Sweden Central");
}
