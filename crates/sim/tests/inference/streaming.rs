//! Streamed answers, event for event as `contract/azure/inference/stream_gpt-4.1-mini_2026.sse` shows them,
//! paced and really streamed, and stopped when the client goes away.

use futures_util::StreamExt;
use serde_json::{json, Value};

use crate::helpers::{ask, chunks, content_of, events, wait_until, Sim};
use foundry_sim::SimConfig;

#[tokio::test]
async fn the_stream_follows_azures_sequence() {
    let sim = Sim::fast().await;
    let key = sim.openai_key().await;
    let body = ask("gpt-4o-mini", "Why did the developer bring a map?", json!({"stream": true}));
    let response = sim.post(&sim.v1(), &key, &body, &[]).await;
    assert_eq!(response.status(), 200);
    assert!(response.headers()["content-type"].to_str().unwrap().starts_with("text/event-stream"));
    let events = events(response).await;
    assert_eq!(events.last().map(String::as_str), Some("[DONE]"));
    let chunks = chunks(&events);
    assert_eq!(chunks.len(), events.len() - 1, "every other event is JSON");

    let first = &chunks[0];
    assert_eq!(
        (&first["choices"], &first["id"], &first["model"], &first["object"], &first["created"]),
        (&json!([]), &json!(""), &json!(""), &json!(""), &json!(0))
    );
    assert!(first["prompt_filter_results"][0]["content_filter_results"]["hate"].is_object());
    assert!(first.get("usage").is_none(), "no usage field unless asked");

    let role = &chunks[1]["choices"][0];
    assert_eq!(role["delta"], json!({"content": "", "refusal": null, "role": "assistant"}));
    assert_eq!(role["content_filter_results"], json!({}));
    assert_eq!(chunks[1]["object"], "chat.completion.chunk");
    assert_eq!(chunks[1]["model"], "gpt-4o-mini-2024-07-18");

    let content = &chunks[2..chunks.len() - 1];
    assert!(content.len() > 20);
    for chunk in content {
        let choice = &chunk["choices"][0];
        let piece = choice["delta"]["content"].as_str().unwrap();
        assert!(!piece.is_empty() && piece.chars().count() <= 16, "{piece:?}");
        assert_eq!(choice["content_filter_results"]["protected_material_code"]["detected"], false);
        assert!(!chunk["obfuscation"].as_str().unwrap().is_empty());
        assert_eq!(chunk["id"], chunks[1]["id"]);
    }
    let finish = &chunks[chunks.len() - 1];
    assert_eq!(finish["choices"][0]["delta"], json!({}));
    assert_eq!(finish["choices"][0]["finish_reason"], "stop");
    assert!(finish["obfuscation"].is_string());
}

#[tokio::test]
async fn usage_comes_last_when_asked_and_other_chunks_say_null() {
    let sim = Sim::fast().await;
    let key = sim.openai_key().await;
    let body = ask("gpt-4o", "hi", json!({"stream": true, "stream_options": {"include_usage": true}}));
    let chunks = chunks(&events(sim.post(&sim.v1(), &key, &body, &[]).await).await);
    let usage = chunks.last().unwrap();
    assert_eq!(usage["choices"], json!([]));
    assert!(usage["usage"]["completion_tokens"].as_u64().unwrap() > 20);
    assert!(chunks[..chunks.len() - 1].iter().all(|c| c["usage"] == Value::Null && c.get("usage").is_some()));
    let finish = &chunks[chunks.len() - 2];
    assert_eq!(finish["choices"][0]["finish_reason"], "stop");
}

#[tokio::test]
async fn concatenated_deltas_are_the_non_streamed_content() {
    let sim = Sim::fast().await;
    let key = sim.openai_key().await;
    for extra in
        [json!({"seed": 5}), json!({"max_tokens": 12}), json!({"stop": "simulator"}), json!({"n": 2})]
    {
        let plain = sim.chat(&sim.v1(), &key, &ask("gpt-4o", "Explain lifetimes", extra.clone())).await;
        let mut streamed = ask("gpt-4o", "Explain lifetimes", extra.clone());
        streamed["stream"] = json!(true);
        streamed["stream_options"] = json!({"include_usage": true});
        let chunks = chunks(&events(sim.post(&sim.v1(), &key, &streamed, &[]).await).await);
        for (i, choice) in plain["choices"].as_array().unwrap().iter().enumerate() {
            assert_eq!(
                content_of(&chunks, i as u64),
                choice["message"]["content"].as_str().unwrap(),
                "{extra}"
            );
            let finish = chunks
                .iter()
                .flat_map(|c| c["choices"].as_array().cloned().unwrap_or_default())
                .find(|c| c["index"] == i as u64 && c["finish_reason"].is_string())
                .unwrap();
            assert_eq!(finish["finish_reason"], choice["finish_reason"], "{extra}");
        }
        assert_eq!(chunks.last().unwrap()["usage"]["completion_tokens"], plain["usage"]["completion_tokens"]);
    }
}

#[tokio::test]
async fn n_streamed_choices_interleave_by_index() {
    let sim = Sim::fast().await;
    let key = sim.openai_key().await;
    let body = ask("gpt-4o", "Pick a number", json!({"stream": true, "n": 2}));
    let chunks = chunks(&events(sim.post(&sim.v1(), &key, &body, &[]).await).await);
    let indexes: Vec<u64> =
        chunks[1..].iter().map(|c| c["choices"][0]["index"].as_u64().unwrap()).take(6).collect();
    assert_eq!(indexes, [0, 1, 0, 1, 0, 1], "role chunks, then content alternating");
    assert_ne!(content_of(&chunks, 0), content_of(&chunks, 1));
}

#[tokio::test]
async fn the_body_is_paced_and_stops_when_the_client_leaves() {
    let sim = Sim::start(SimConfig { chunk_delay_ms: 20, ..SimConfig::fast() }).await;
    let key = sim.openai_key().await;
    let body = ask("gpt-4o", "A long story please", json!({"stream": true}));
    let response = sim.post(&sim.v1(), &key, &body, &[]).await;
    let mut stream = response.bytes_stream();
    let mut seen = String::new();
    while seen.matches("\n\n").count() < 3 {
        seen.push_str(&String::from_utf8_lossy(&stream.next().await.unwrap().unwrap()));
    }
    assert!(!seen.contains("[DONE]"), "three events arrive before the rest is sent");
    drop(stream);
    let requests = wait_until(|| sim.requests(), |r| r["cancelledStreams"] == 1).await;
    assert_eq!(requests["requests"], 1);
}
