//! The client against what Azure really sent: each captured stream parses to exactly the text it
//! carries, with its finish reason, verdicts and model; each captured error decodes to the right kind
//! with Azure's code, message and request id.
#![allow(clippy::unwrap_used)] // test steps: a failed call should fail the test loudly

use std::path::PathBuf;

use foundry_azure::inference::errors::inference_error;
use foundry_azure::inference::stream::assemble_recorded;
use foundry_azure::inference::{ChatEvent, FilterSource, FinishReason};
use foundry_azure::ErrorKind;
use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use serde_json::Value;

fn captured(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../contract/azure/inference").join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The text, finish reasons, prompt verdict count and model a stream's events carry.
fn summary(events: &[ChatEvent]) -> (String, Vec<FinishReason>, usize, Option<String>) {
    let mut text = String::new();
    let mut finishes = Vec::new();
    let mut prompt_categories = 0;
    let mut model = None;
    for event in events {
        match event {
            ChatEvent::Delta { choice: 0, text: t } => text.push_str(t),
            ChatEvent::Done { finish_reason, .. } => finishes.push(finish_reason.clone()),
            ChatEvent::PromptFilter { verdicts, .. } => prompt_categories = verdicts.categories.len(),
            ChatEvent::Model { model: m } => model = Some(m.clone()),
            ChatEvent::Error { error, .. } => panic!("a captured stream failed: {error}"),
            _ => {}
        }
    }
    (text, finishes, prompt_categories, model)
}

#[test]
fn every_captured_stream_is_complete_with_text_and_a_finish() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../contract/azure/inference");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "sse") {
            continue;
        }
        let (text, finishes, prompt_categories, model) =
            summary(&assemble_recorded(&std::fs::read(&path).unwrap()));
        assert!(!text.is_empty() && finishes.len() == 1, "{}", path.display());
        assert!(prompt_categories > 0 && model.is_some(), "{}", path.display());
        seen += 1;
    }
    assert!(seen >= 2, "the captures are there");
}

#[test]
fn the_2026_gpt_4_1_mini_stream_with_obfuscation_and_jailbreak_verdicts() {
    let events = assemble_recorded(&captured("stream_gpt-4.1-mini_2026.sse"));
    let (text, finishes, prompt_categories, model) = summary(&events);
    assert_eq!(
        text,
        "Why did the developer bring a map to the OpenTelemetry conference? \n\nBecause they wanted to trace every step!"
    );
    assert_eq!(finishes, [FinishReason::Stop]);
    assert_eq!(prompt_categories, 5, "hate, jailbreak, self_harm, sexual, violence");
    assert_eq!(model.as_deref(), Some("gpt-4.1-mini-2025-04-14"));
    assert!(!events.iter().any(|e| matches!(e, ChatEvent::Filter { .. })), "every verdict was safe");
}

#[test]
fn the_2024_gpt_35_turbo_stream() {
    let events = assemble_recorded(&captured("stream_gpt-35-turbo_2024.sse"));
    let (text, finishes, prompt_categories, model) = summary(&events);
    assert_eq!(
        text,
        "Why did the Opentelemetry developer bring a ladder to the coding competition? \n\nBecause they wanted to reach new traces!"
    );
    assert_eq!(finishes, [FinishReason::Stop]);
    assert_eq!(prompt_categories, 4);
    assert_eq!(model.as_deref(), Some("gpt-35-turbo"));
    match events.iter().find(|e| matches!(e, ChatEvent::Done { .. })) {
        Some(ChatEvent::Done { verdicts, .. }) => {
            assert_eq!(verdicts.categories.len(), 4, "the last full verdicts")
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_capture_cut_anywhere_before_its_finish_is_reported_cut_with_the_text_so_far() {
    let full = captured("stream_gpt-4.1-mini_2026.sse");
    let finish = String::from_utf8_lossy(&full).find("\"finish_reason\":\"stop\"").unwrap();
    // Cut just before the finish chunk's `data:` line: every chunk before it arrived whole.
    let cut_at = String::from_utf8_lossy(&full[..finish]).rfind("data: ").unwrap();
    let events = assemble_recorded(&full[..cut_at]);
    match events.last() {
        Some(ChatEvent::Error { error, partial }) => {
            assert_eq!(error.kind, ErrorKind::StreamCut);
            assert!(partial[0].ends_with("trace every step!"), "{partial:?}");
        }
        other => panic!("expected a cut, got {other:?}"),
    }
}

/// A captured error: its status, headers and body. Some captures keep the whole answer
/// (`{"response": {status, headers}, "result": body}`), others only the body (status in the file name).
fn captured_error(name: &str) -> (u16, HeaderMap, Vec<u8>) {
    let value: Value = serde_json::from_slice(&captured(name)).unwrap();
    if value.get("response").is_none() {
        let status = name.split('_').nth(1).and_then(|s| s.parse().ok()).unwrap();
        return (status, HeaderMap::new(), serde_json::to_vec(&value).unwrap());
    }
    let status = value.pointer("/response/status/http/code").and_then(Value::as_u64).unwrap() as u16;
    let mut headers = HeaderMap::new();
    for (k, v) in value.pointer("/response/headers").and_then(Value::as_object).unwrap() {
        headers.insert(
            HeaderName::try_from(k.as_str()).unwrap(),
            HeaderValue::from_str(v.as_str().unwrap()).unwrap(),
        );
    }
    (status, headers, serde_json::to_vec(&value["result"]).unwrap())
}

#[test]
fn the_captured_jailbreak_block_is_a_content_filter_error_on_the_prompt() {
    let (status, headers, body) = captured_error("error_400_content_filter_jailbreak.json");
    let err = inference_error(status, &headers, &body);
    assert_eq!(err.kind, ErrorKind::ContentFilter);
    assert_eq!(err.code.as_deref(), Some("content_filter"));
    assert!(
        err.message.starts_with("The response was filtered due to the prompt triggering"),
        "{}",
        err.message
    );
    assert_eq!(err.request_id.as_deref(), Some("1f7a2ab4-b10e-4609-b422-47dcd1221642"));
    let block = err.content_filter().unwrap();
    assert_eq!(block.source, FilterSource::Prompt);
    assert_eq!(block.verdicts.blocked(), ["jailbreak"]);
}

#[test]
fn the_captured_deployment_not_found() {
    let (status, headers, body) = captured_error("error_404_DeploymentNotFound.json");
    let err = inference_error(status, &headers, &body);
    assert_eq!(err.kind, ErrorKind::NotFound);
    assert_eq!(err.code.as_deref(), Some("DeploymentNotFound"));
    assert!(
        err.message.contains("If you created the deployment within the last 5 minutes"),
        "{}",
        err.message
    );
}
