//! Reasoning models (decided by the deployment's model, not its name) refuse the sampling knobs and
//! `max_tokens`, take `max_completion_tokens` and `reasoning_effort`, and report hidden reasoning tokens.

use serde_json::{json, Value};

use crate::helpers::{ask, code, Sim};

async fn error(sim: &Sim, key: &str, url: &str, body: Value) -> Value {
    let (status, error) = code(sim.post(url, key, &body, &[]).await).await;
    assert_eq!(status, 400, "{body}");
    error["error"].clone()
}

#[tokio::test]
async fn reasoning_models_refuse_max_tokens_and_sampling_parameters() {
    let sim = Sim::fast().await;
    let key = sim.sweden_key().await;
    let url = sim.v1_sweden();
    let e = error(&sim, &key, &url, ask("o4-mini", "hi", json!({"max_tokens": 50}))).await;
    assert_eq!(
        e,
        json!({"message": "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
               "type": "invalid_request_error", "param": "max_tokens", "code": "unsupported_parameter"})
    );
    let e = error(&sim, &key, &url, ask("o4-mini", "hi", json!({"temperature": 0.2}))).await;
    assert_eq!(
        e,
        json!({"message": "Unsupported value: 'temperature' does not support 0.2 with this model. Only the default (1) value is supported.",
               "type": "invalid_request_error", "param": "temperature", "code": "unsupported_value"})
    );
    for (param, value) in [
        ("top_p", json!(0.5)),
        ("presence_penalty", json!(1)),
        ("frequency_penalty", json!(-1)),
        ("logprobs", json!(true)),
    ] {
        let e = error(&sim, &key, &url, ask("o4-mini", "hi", json!({param: value}))).await;
        assert_eq!((e["param"].as_str(), e["code"].as_str()), (Some(param), Some("unsupported_value")));
    }
    // Defaults are accepted.
    let ok = ask("o4-mini", "hi", json!({"temperature": 1, "top_p": 1, "max_completion_tokens": 2000}));
    assert_eq!(sim.post(&url, &key, &ok, &[]).await.status(), 200);
}

#[tokio::test]
async fn the_rule_follows_the_model_not_the_deployment_name() {
    let sim = Sim::fast().await;
    // A reasoning model behind an innocuous name, and a chat model behind a reasoning-looking one.
    sim.create_deployment("chat-helper", "o3-mini", "2025-01-31", "GlobalStandard", 10).await;
    sim.create_deployment("o1-lookalike", "gpt-4o-mini", "2024-07-18", "Standard", 10).await;
    let key = sim.openai_key().await;
    let e = error(&sim, &key, &sim.v1(), ask("chat-helper", "hi", json!({"max_tokens": 9}))).await;
    assert_eq!(e["code"], "unsupported_parameter");
    let ok = ask("o1-lookalike", "hi", json!({"max_tokens": 9, "temperature": 0.2}));
    assert_eq!(sim.post(&sim.v1(), &key, &ok, &[]).await.status(), 200);
}

#[tokio::test]
async fn other_models_do_not_know_reasoning_effort() {
    let sim = Sim::fast().await;
    let key = sim.openai_key().await;
    let e = error(&sim, &key, &sim.v1(), ask("gpt-4o", "hi", json!({"reasoning_effort": "low"}))).await;
    assert_eq!(
        e,
        json!({"message": "Unrecognized request argument supplied: reasoning_effort",
               "type": "invalid_request_error", "param": null, "code": null})
    );
}

#[tokio::test]
async fn reasoning_tokens_are_counted_and_scale_with_effort() {
    let sim = Sim::fast().await;
    let key = sim.sweden_key().await;
    let url = sim.v1_sweden();
    let mut spent = Vec::new();
    for effort in ["low", "medium", "high"] {
        let body = sim
            .chat(&url, &key, &ask("o4-mini", "Plan a trip", json!({"reasoning_effort": effort, "seed": 3})))
            .await;
        let usage = &body["usage"];
        let reasoning = usage["completion_tokens_details"]["reasoning_tokens"].as_u64().unwrap();
        let visible = usage["completion_tokens"].as_u64().unwrap() - reasoning;
        assert!(visible > 50, "the answer itself is counted too");
        assert_eq!(body["model"], "o4-mini-2025-04-16");
        spent.push(reasoning);
    }
    assert!(spent[0] < spent[1] && spent[1] < spent[2], "{spent:?}");
    assert!((64..=256).contains(&spent[1]));

    let starved =
        sim.chat(&url, &key, &ask("o4-mini", "Plan a trip", json!({"max_completion_tokens": 20}))).await;
    assert_eq!(starved["choices"][0]["finish_reason"], "length");
    assert_eq!(starved["choices"][0]["message"]["content"], "", "reasoning used the whole budget");
    assert_eq!(starved["usage"]["completion_tokens"], 20);
}

#[tokio::test]
async fn stop_n_and_messages_are_bounded() {
    let sim = Sim::fast().await;
    let key = sim.openai_key().await;
    let url = sim.v1();
    let e = error(&sim, &key, &url, ask("gpt-4o", "hi", json!({"stop": ["a", "b", "c", "d", "e"]}))).await;
    assert_eq!((e["param"].as_str(), e["code"].as_str()), (Some("stop"), Some("array_above_max_length")));
    let e = error(&sim, &key, &url, ask("gpt-4o", "hi", json!({"n": 0}))).await;
    assert_eq!(e["code"], "integer_below_min_value");
    let e = error(&sim, &key, &url, ask("gpt-4o", "hi", json!({"n": 129}))).await;
    assert_eq!(e["code"], "integer_above_max_value");
    let e = error(&sim, &key, &url, json!({"model": "gpt-4o", "messages": []})).await;
    assert_eq!((e["param"].as_str(), e["code"].as_str()), (Some("messages"), Some("empty_array")));
    let broken = sim.client.post(&url).header("api-key", &key).body("{not json").send().await.unwrap();
    assert_eq!(broken.status(), 400);
}
