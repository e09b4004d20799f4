//! Non-streamed answers: Azure's body shape, deterministic Markdown, token counts, max_tokens, stop, n, and
//! prompt caching.

use serde_json::json;

use crate::helpers::{ask, Sim};

#[tokio::test]
async fn a_non_streamed_answer_has_azures_shape() {
    let sim = Sim::fast().await;
    let key = sim.openai_key().await;
    let body =
        sim.chat(&sim.v1(), &key, &ask("gpt-4o-mini", "How do I read a file in Rust?", json!({}))).await;
    assert_eq!(body["object"], "chat.completion");
    assert_eq!(body["model"], "gpt-4o-mini-2024-07-18", "the model version, not the deployment");
    assert!(body["id"].as_str().unwrap().starts_with("chatcmpl-"));
    assert!(body["system_fingerprint"].as_str().unwrap().starts_with("fp_"));
    assert!(body["created"].as_u64().unwrap() > 1_700_000_000);
    assert_eq!(body["prompt_filter_results"][0]["prompt_index"], 0);
    assert_eq!(body["prompt_filter_results"][0]["content_filter_results"]["jailbreak"]["detected"], false);
    let choice = &body["choices"][0];
    assert_eq!(choice["finish_reason"], "stop");
    assert_eq!(choice["logprobs"], json!(null));
    assert_eq!(choice["content_filter_results"]["violence"], json!({"filtered": false, "severity": "safe"}));
    assert_eq!(choice["message"]["role"], "assistant");
    assert_eq!(choice["message"]["refusal"], json!(null));
    assert_eq!(choice["message"]["annotations"], json!([]));
    let content = choice["message"]["content"].as_str().unwrap();
    for markdown in ["## How do I read a file", "\n- **", "```rust\n", "`cargo run`"] {
        assert!(content.contains(markdown), "{markdown:?} in {content}");
    }
    let usage = &body["usage"];
    let (prompt, completion) =
        (usage["prompt_tokens"].as_u64().unwrap(), usage["completion_tokens"].as_u64().unwrap());
    // "You are a helpful assistant." (28 chars → 7) + 3, "How do I read a file in Rust?" (29 → 8) + 3.
    assert_eq!(prompt, 21);
    let chars = content.chars().count() as u64;
    assert!(completion > chars / 8 && completion < chars / 2, "{completion} tokens for {chars} chars");
    assert_eq!(usage["total_tokens"].as_u64().unwrap(), prompt + completion);
    assert_eq!(usage["prompt_tokens_details"]["cached_tokens"], 0);
    assert_eq!(usage["completion_tokens_details"]["reasoning_tokens"], 0);
}

#[tokio::test]
async fn answers_are_deterministic_per_question_and_seed() {
    let sim = Sim::fast().await;
    let key = sim.openai_key().await;
    let text =
        |body: serde_json::Value| body["choices"][0]["message"]["content"].as_str().unwrap().to_string();
    let a = text(sim.chat(&sim.v1(), &key, &ask("gpt-4o", "Tell me about maps", json!({"seed": 1}))).await);
    let again =
        text(sim.chat(&sim.v1(), &key, &ask("gpt-4o", "Tell me about maps", json!({"seed": 1}))).await);
    let other_seed =
        text(sim.chat(&sim.v1(), &key, &ask("gpt-4o", "Tell me about maps", json!({"seed": 2}))).await);
    let other_question =
        text(sim.chat(&sim.v1(), &key, &ask("gpt-4o", "Tell me about sets", json!({"seed": 1}))).await);
    assert_eq!(a, again);
    assert_ne!(a, other_seed);
    assert_ne!(a, other_question);
}

#[tokio::test]
async fn max_tokens_cuts_with_length_and_stop_cuts_before_the_stop_text() {
    let sim = Sim::fast().await;
    let key = sim.openai_key().await;
    let cut = sim.chat(&sim.v1(), &key, &ask("gpt-4o", "Explain traits", json!({"max_tokens": 7}))).await;
    assert_eq!(cut["choices"][0]["finish_reason"], "length");
    assert_eq!(cut["usage"]["completion_tokens"], 7);
    let full = sim.chat(&sim.v1(), &key, &ask("gpt-4o", "Explain traits", json!({}))).await;
    let full_text = full["choices"][0]["message"]["content"].as_str().unwrap();
    let cut_text = cut["choices"][0]["message"]["content"].as_str().unwrap();
    assert!(full_text.starts_with(cut_text) && cut_text.len() < full_text.len());

    let stopped =
        sim.chat(&sim.v1(), &key, &ask("gpt-4o", "Explain traits", json!({"stop": ["```", "zzz"]}))).await;
    let stopped_text = stopped["choices"][0]["message"]["content"].as_str().unwrap();
    assert_eq!(stopped["choices"][0]["finish_reason"], "stop");
    assert_eq!(stopped_text, &full_text[..full_text.find("```").unwrap()]);
}

#[tokio::test]
async fn n_choices_are_kept_apart() {
    let sim = Sim::fast().await;
    let key = sim.openai_key().await;
    let body = sim.chat(&sim.v1(), &key, &ask("gpt-4o", "Name a color", json!({"n": 2}))).await;
    let choices = body["choices"].as_array().unwrap();
    assert_eq!(choices.len(), 2);
    assert_eq!((choices[0]["index"].as_u64(), choices[1]["index"].as_u64()), (Some(0), Some(1)));
    assert_ne!(choices[0]["message"]["content"], choices[1]["message"]["content"]);
    let single = sim.chat(&sim.v1(), &key, &ask("gpt-4o", "Name a color", json!({}))).await;
    assert_eq!(choices[0]["message"]["content"], single["choices"][0]["message"]["content"]);
}

#[tokio::test]
async fn a_repeated_long_prompt_prefix_is_cached_per_deployment() {
    let sim = Sim::fast().await;
    let key = sim.openai_key().await;
    let manual = "The manual says: keep every answer short and precise. ".repeat(100);
    let body = |question: &str| json!({"model": "gpt-4o", "messages": [{"role": "system", "content": manual}, {"role": "user", "content": question}]});
    let first = sim.chat(&sim.v1(), &key, &body("first question")).await;
    assert_eq!(first["usage"]["prompt_tokens_details"]["cached_tokens"], 0);
    let second = sim.chat(&sim.v1(), &key, &body("second question")).await;
    let cached = second["usage"]["prompt_tokens_details"]["cached_tokens"].as_u64().unwrap();
    let prompt = second["usage"]["prompt_tokens"].as_u64().unwrap();
    assert!(cached >= 1024 && cached % 128 == 0 && cached <= prompt, "{cached} of {prompt}");
    let mut elsewhere = body("second question");
    elsewhere["model"] = json!("gpt-4o-mini");
    let other = sim.chat(&sim.v1(), &key, &elsewhere).await;
    assert_eq!(other["usage"]["prompt_tokens_details"]["cached_tokens"], 0, "caches are per deployment");
}
