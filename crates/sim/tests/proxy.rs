//! The recording proxy, the tests' company proxy: absolute-form requests forwarded and remembered,
//! answers streamed through as they arrive, tunnels refused.
#![allow(clippy::unwrap_used)]

use std::time::Duration;

use foundry_sim::sandbox::{ACCOUNT_OPENAI, GROUP_EAST, SUBSCRIPTION_ID};
use foundry_sim::{RecordingProxy, RunningSim, SimConfig};
use futures_util::StreamExt;
use serde_json::{json, Value};

fn through(proxy: &RecordingProxy) -> reqwest::Client {
    reqwest::Client::builder().proxy(reqwest::Proxy::all(proxy.url()).unwrap()).build().unwrap()
}

fn list_keys_url(sim: &RunningSim) -> String {
    format!(
        "{}/subscriptions/{SUBSCRIPTION_ID}/resourceGroups/{GROUP_EAST}/providers/Microsoft.CognitiveServices/accounts/{ACCOUNT_OPENAI}/listKeys?api-version=2026-09-01",
        sim.base_url()
    )
}

/// The OpenAI account's keys, asked through `client`.
async fn list_keys(client: &reqwest::Client, sim: &RunningSim) -> Value {
    let answer = client.post(list_keys_url(sim)).bearer_auth("t").header("content-length", "0").send().await;
    answer.unwrap().json().await.unwrap()
}

#[tokio::test]
async fn requests_are_forwarded_in_full_and_remembered() {
    let sim = RunningSim::start_with(SimConfig::fast()).await.unwrap();
    let proxy = RecordingProxy::start().await.unwrap();
    let keys = list_keys(&through(&proxy), &sim).await;
    assert!(keys["key1"].is_string(), "{keys}");
    assert_eq!(proxy.seen(), [format!("POST {}", list_keys_url(&sim))]);
    // It notes that a token went with it (so a test can prove when none does), never the token.
    assert_eq!(proxy.seen_with_credentials(), proxy.seen());
}

#[tokio::test]
async fn a_streamed_answer_streams_through() {
    let sim = RunningSim::start_with(SimConfig::fast()).await.unwrap();
    let proxy = RecordingProxy::start().await.unwrap();
    let client = through(&proxy);
    let keys = list_keys(&client, &sim).await;
    let chat = format!(
        "{}openai/v1/chat/completions",
        sim.endpoint_for(&format!("https://{ACCOUNT_OPENAI}.openai.azure.com/"))
    );
    // Ten minutes between events: only a proxy that passes each piece on at once lets the first through.
    let response = client
        .post(&chat)
        .header("api-key", keys["key1"].as_str().unwrap())
        .header("x-sim-fault", "slow-stream;delayMs=600000")
        .json(&json!({"model": "gpt-4o", "stream": true, "messages": [{"role": "user", "content": "hi"}]}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "text/event-stream; charset=utf-8");
    let mut body = response.bytes_stream();
    let first = tokio::time::timeout(Duration::from_secs(10), body.next()).await;
    let first = first.expect("the first event arrives before the answer ends").unwrap().unwrap();
    assert!(String::from_utf8_lossy(&first).starts_with("data: "), "{first:?}");
    assert!(proxy.seen().contains(&format!("POST {chat}")), "{:?}", proxy.seen());
}

#[tokio::test]
async fn tunnels_are_refused() {
    let proxy = RecordingProxy::start().await.unwrap();
    let error = through(&proxy).get("https://management.azure.com/").send().await.unwrap_err();
    assert!(error.is_connect(), "{error:?}");
    assert_eq!(proxy.seen(), ["CONNECT management.azure.com:443"]);
}
