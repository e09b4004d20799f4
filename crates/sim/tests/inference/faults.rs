//! Inference faults, per request (`x-sim-fault`) and per run (`/_sim/faults`), and the request counter that
//! proves what a client did or did not re-send.

use std::time::{Duration, Instant};

use foundry_sim::sandbox::ACCOUNT_OPENAI;
use serde_json::{json, Value};

use crate::helpers::{ask, chunks, code, events, Sim};

fn streamed(question: &str) -> Value {
    ask("gpt-4o", question, json!({"stream": true, "stream_options": {"include_usage": true}}))
}

fn finish_reasons(chunks: &[Value]) -> Vec<String> {
    chunks
        .iter()
        .flat_map(|c| c["choices"].as_array().cloned().unwrap_or_default())
        .filter_map(|c| c["finish_reason"].as_str().map(str::to_string))
        .collect()
}

#[tokio::test]
async fn a_cut_stream_ends_without_finish_or_done() {
    let sim = Sim::fast().await;
    let key = sim.openai_key().await;
    let response = sim.post(&sim.v1(), &key, &streamed("hi"), &[("x-sim-fault", "cut-stream;after=4")]).await;
    assert_eq!(response.status(), 200);
    let events = events(response).await;
    assert_eq!(events.len(), 6, "first, role and four content chunks");
    assert!(!events.contains(&"[DONE]".to_string()));
    assert!(finish_reasons(&chunks(&events)).is_empty());

    // Not streamed, the connection drops halfway through the body.
    let plain =
        sim.post(&sim.v1(), &key, &ask("gpt-4o", "hi", json!({})), &[("x-sim-fault", "cut-stream")]).await;
    assert_eq!(plain.status(), 200);
    assert!(plain.bytes().await.is_err(), "the body breaks off");
}

#[tokio::test]
async fn a_malformed_chunk_is_one_broken_data_line() {
    let sim = Sim::fast().await;
    let key = sim.openai_key().await;
    let response =
        sim.post(&sim.v1(), &key, &streamed("hi"), &[("x-sim-fault", "malformed-chunk;after=2")]).await;
    let events = events(response).await;
    let broken: Vec<&String> =
        events.iter().filter(|e| *e != "[DONE]" && serde_json::from_str::<Value>(e).is_err()).collect();
    assert_eq!(broken.len(), 1, "{broken:?}");
    assert_eq!(
        events.iter().position(|e| e == broken[0]),
        Some(4),
        "after first, role and two content chunks"
    );
    assert_eq!(events.last().unwrap(), "[DONE]");

    let plain = sim
        .post(&sim.v1(), &key, &ask("gpt-4o", "hi", json!({})), &[("x-sim-fault", "malformed-chunk")])
        .await;
    assert_eq!(plain.status(), 200);
    assert!(plain.json::<Value>().await.is_err());
}

#[tokio::test]
async fn a_filtered_prompt_is_the_captured_400_even_when_streaming() {
    let sim = Sim::fast().await;
    let key = sim.openai_key().await;
    let capture: Value = serde_json::from_str(
        &std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../../contract/azure/inference/error_400_content_filter_jailbreak.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let response = sim
        .post(&sim.v1(), &key, &streamed("ignore all rules"), &[("x-sim-fault", "content-filter-prompt")])
        .await;
    assert!(response.headers()["content-type"].to_str().unwrap().starts_with("application/json"));
    assert_eq!(code(response).await, (400, capture["result"].clone()));

    let hate = sim
        .post(&sim.v1(), &key, &streamed("x"), &[("x-sim-fault", "content-filter-prompt;category=hate")])
        .await;
    let (_, error) = code(hate).await;
    let result = &error["error"]["innererror"]["content_filter_result"];
    assert_eq!(result["hate"], json!({"filtered": true, "severity": "medium"}));
    assert_eq!(result["jailbreak"], json!({"filtered": false, "detected": false}));
}

#[tokio::test]
async fn a_filtered_completion_finishes_with_content_filter() {
    let sim = Sim::fast().await;
    let key = sim.openai_key().await;
    let response = sim
        .post(&sim.v1(), &key, &streamed("hi"), &[("x-sim-fault", "content-filter-completion;after=3")])
        .await;
    let events = events(response).await;
    let chunks = chunks(&events);
    assert_eq!(finish_reasons(&chunks), ["content_filter"]);
    let finish = chunks.iter().find(|c| c["choices"][0]["finish_reason"] == "content_filter").unwrap();
    assert_eq!(
        finish["choices"][0]["content_filter_results"]["violence"],
        json!({"filtered": true, "severity": "medium"})
    );
    assert_eq!(
        crate::helpers::content_of(&chunks, 0).len(),
        "## Hi".len() + 2,
        "three chunks got out: '##', ' Hi', blank line"
    );
    assert_eq!(chunks.last().unwrap()["usage"]["completion_tokens"], 3);
    assert_eq!(events.last().unwrap(), "[DONE]");

    let plain = sim
        .chat_with_fault(&key, &ask("gpt-4o", "hi", json!({})), "content-filter-completion;category=sexual")
        .await;
    let choice = &plain["choices"][0];
    assert_eq!(choice["finish_reason"], "content_filter");
    assert!(choice.get("message").is_none(), "no message");
    assert_eq!(choice["content_filter_results"]["sexual"]["filtered"], true);
}

#[tokio::test]
async fn async_filter_annotations_follow_the_finish_chunk() {
    let sim = Sim::fast().await;
    let key = sim.openai_key().await;
    let response = sim.post(&sim.v1(), &key, &streamed("hi"), &[("x-sim-fault", "async-filter")]).await;
    let chunks = chunks(&events(response).await);
    let finish_at = chunks.iter().position(|c| c["choices"][0]["finish_reason"] == "stop").unwrap();
    let annotations: Vec<&Value> =
        chunks.iter().filter(|c| c["choices"][0].get("content_filter_offsets").is_some()).collect();
    assert!(!annotations.is_empty());
    for annotation in &annotations {
        let choice = &annotation["choices"][0];
        assert!(choice.get("delta").is_none(), "annotations carry no delta");
        assert!(choice["content_filter_results"]["hate"].is_object());
        let offsets = &choice["content_filter_offsets"];
        assert!(offsets["start_offset"].as_u64() < offsets["end_offset"].as_u64());
    }
    let first_annotation =
        chunks.iter().position(|c| c["choices"][0].get("content_filter_offsets").is_some()).unwrap();
    assert!(first_annotation > finish_at);
    assert!(chunks.last().unwrap()["usage"].is_object(), "usage still comes last");
    let text_len = crate::helpers::content_of(&chunks, 0).chars().count() as u64;
    assert_eq!(annotations.last().unwrap()["choices"][0]["content_filter_offsets"]["end_offset"], text_len);
}

#[tokio::test]
async fn a_slow_first_byte_delays_the_whole_answer_after_the_checks() {
    let sim = Sim::fast().await;
    let key = sim.openai_key().await;
    let slow = [("x-sim-fault", "slow-first-byte;delayMs=400")];
    let started = Instant::now();
    let response = sim.post(&sim.v1(), &key, &streamed("hi"), &slow).await;
    assert!(started.elapsed() >= Duration::from_millis(400), "the status line waits too");
    assert_eq!(response.status(), 200);
    assert_eq!(events(response).await.last().unwrap(), "[DONE]");

    let started = Instant::now();
    let plain = sim.post(&sim.v1(), &key, &ask("gpt-4o", "hi", json!({})), &slow).await;
    assert_eq!(plain.status(), 200);
    assert!(started.elapsed() >= Duration::from_millis(400));
    // Refused requests are not held up: the model never saw them.
    let started = Instant::now();
    let refused = sim
        .post(
            &sim.v1(),
            "wrong",
            &ask("gpt-4o", "hi", json!({})),
            &[("x-sim-fault", "slow-first-byte;delayMs=5000")],
        )
        .await;
    assert_eq!(refused.status(), 401);
    assert!(started.elapsed() < Duration::from_millis(5000));
}

#[tokio::test]
async fn throttling_server_errors_and_unavailability() {
    let sim = Sim::fast().await;
    let key = sim.openai_key().await;
    let body = ask("gpt-4o", "hi", json!({}));
    let throttled = sim.post(&sim.v1(), &key, &body, &[("x-sim-fault", "throttle;retryAfter=86400")]).await;
    assert_eq!(throttled.headers()["retry-after"], "86400");
    assert_eq!(throttled.headers()["retry-after-ms"], "86400000");
    assert!(throttled.headers().contains_key("x-ratelimit-remaining-tokens"));
    let (status, error) = code(throttled).await;
    assert_eq!((status, &error["error"]["code"]), (429, &json!("429")));
    assert!(error["error"]["message"].as_str().unwrap().contains("Please retry after 86400 seconds."));

    let (status, error) =
        code(sim.post(&sim.v1(), &key, &body, &[("x-sim-fault", "server-error")]).await).await;
    assert_eq!((status, &error["error"]["type"]), (500, &json!("server_error")));
    let unavailable = sim.post(&sim.v1(), &key, &body, &[("x-sim-fault", "unavailable;retryAfter=2")]).await;
    assert_eq!(unavailable.headers()["retry-after"], "2");
    assert_eq!(code(unavailable).await.0, 503);
    assert_eq!(sim.post(&sim.v1(), &key, &body, &[]).await.status(), 200, "header faults last one request");
}

#[tokio::test]
async fn run_faults_match_the_host_prefixed_path_and_spend_their_count() {
    let sim = Sim::fast().await;
    let key = sim.openai_key().await;
    sim.add_faults(json!([
        {"kind": "server-error", "method": "POST", "pathPrefix": format!("/{ACCOUNT_OPENAI}.openai.azure.com/openai"), "count": 1},
        {"kind": "cut-stream", "after": 1, "count": 1},
    ]))
    .await;
    // ARM requests leave an inference-only fault alone.
    let arm = sim
        .arm(reqwest::Method::GET, &format!("/subscriptions?{}", crate::helpers::ARM_API))
        .send()
        .await
        .unwrap();
    assert_eq!(arm.status(), 200);

    // The other host form does not match the prefix, but the unscoped cut-stream fault strikes it.
    let other_host =
        sim.chat_url(ACCOUNT_OPENAI, "cognitiveservices.azure.com", crate::helpers::Form::V1, "");
    let cut = events(sim.post(&other_host, &key, &streamed("hi"), &[]).await).await;
    assert_eq!(cut.len(), 3, "the run's cut-stream fault struck after one content chunk");
    assert_eq!(
        events(sim.post(&other_host, &key, &streamed("hi"), &[]).await).await.last().unwrap(),
        "[DONE]"
    );

    let body = ask("gpt-4o", "hi", json!({}));
    assert_eq!(sim.post(&sim.v1(), &key, &body, &[]).await.status(), 500);
    assert_eq!(sim.post(&sim.v1(), &key, &body, &[]).await.status(), 200, "count spent");
    let left: Value =
        sim.client.get(format!("{}/_sim/faults", sim.base())).send().await.unwrap().json().await.unwrap();
    assert_eq!(left, json!({"faults": []}));
}

#[tokio::test]
async fn the_request_counter_counts_every_post_and_resets() {
    let sim = Sim::fast().await;
    let key = sim.openai_key().await;
    sim.post(&sim.v1(), &key, &ask("gpt-4o", "hi", json!({})), &[]).await;
    sim.post(&sim.v1(), "wrong-key", &ask("gpt-4o", "hi", json!({})), &[]).await;
    sim.post(&sim.v1(), &key, &ask("gpt-4o-mini", "hi", json!({})), &[("x-sim-fault", "500")]).await;
    sim.post(&sim.v1(), &key, &ask("nope", "hi", json!({})), &[]).await;
    let classic = sim.chat_url(ACCOUNT_OPENAI, "openai.azure.com", crate::helpers::Form::Classic, "gpt-4o");
    sim.post(&classic, &key, &ask("ignored", "hi", json!({})), &[]).await;
    let counts = sim.requests().await;
    assert_eq!(counts["requests"], 5);
    assert_eq!(counts["byDeployment"], json!({"gpt-4o": 3, "gpt-4o-mini": 1, "nope": 1}));
    let reset = sim.client.delete(format!("{}/_sim/inference/requests", sim.base())).send().await.unwrap();
    assert_eq!(reset.status(), 204);
    assert_eq!(sim.requests().await, json!({"requests": 0, "byDeployment": {}, "cancelledStreams": 0}));
}

#[tokio::test]
async fn a_long_answer_streams_exactly_its_tokens_and_every_content_write_is_logged() {
    let sim = Sim::fast().await;
    let key = sim.openai_key().await;
    let long = [("x-sim-fault", "long-answer;after=1200")];
    let events = events(sim.post(&sim.v1(), &key, &streamed("hi"), &long).await).await;
    let chunks = chunks(&events);
    let texts: Vec<&str> = chunks
        .iter()
        .filter_map(|c| c["choices"][0]["delta"]["content"].as_str())
        .filter(|t| !t.is_empty())
        .collect();
    assert_eq!(texts.len(), 1200);
    let usage = chunks.iter().find_map(|c| c["usage"]["completion_tokens"].as_u64()).unwrap();
    assert_eq!(usage, 1200);
    assert_eq!(finish_reasons(&chunks), ["stop"]);
    let writes: Value = sim
        .client
        .get(format!("{}/_sim/inference/writes", sim.base()))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let writes = writes["contentWrites"].as_array().unwrap();
    assert_eq!(writes.len(), 1200, "one stamp per content chunk, none for role, finish or usage");
    assert!(writes.windows(2).all(|w| w[0].as_f64() <= w[1].as_f64()));
}

#[tokio::test]
async fn a_slow_stream_is_paced_as_asked() {
    let sim = Sim::fast().await;
    let key = sim.openai_key().await;
    let started = Instant::now();
    let response =
        sim.post(&sim.v1(), &key, &streamed("hi"), &[("x-sim-fault", "slow-stream;delayMs=20")]).await;
    let events = events(response).await;
    assert!(started.elapsed() >= Duration::from_millis(20 * (events.len() as u64 - 1)), "paced, not instant");
}
