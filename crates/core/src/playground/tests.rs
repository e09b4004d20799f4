#![allow(clippy::unwrap_used)]

use std::time::{Duration, Instant};

use foundry_azure::inference::request::build;
use foundry_azure::inference::{ChatEvent, FilterVerdicts, FinishReason, ModelRules, RateLimits, Usage};
use foundry_azure::{AzureError, ErrorKind};
use serde_json::json;

use super::answer::{AnswerRecorder, Ending};
use super::*;
use crate::conversations::{ConversationTarget, MessageRole};

fn message(role: MessageRole, text: &str) -> ConversationMessage {
    ConversationMessage {
        id: new_message_id(),
        role,
        content: text.into(),
        incomplete: false,
        stopped: false,
        answer: None,
    }
}

fn conversation() -> Vec<ConversationMessage> {
    vec![
        message(MessageRole::User, "one"),
        message(MessageRole::Assistant, "1"),
        message(MessageRole::User, "two"),
        message(MessageRole::Assistant, ""),
        message(MessageRole::User, "three"),
        message(MessageRole::Assistant, "3"),
        message(MessageRole::User, "four?"),
    ]
}

fn parameters() -> PlaygroundParameters {
    PlaygroundParameters {
        system_message: "Be brief.".into(),
        temperature: Some(0.5),
        max_tokens: Some(200),
        stop: vec!["END".into(), String::new()],
        seed: Some(42),
        reasoning_effort: Some("high".into()),
        past_messages: 2,
        ..PlaygroundParameters::default()
    }
}

#[test]
fn the_window_keeps_the_last_past_messages_and_the_question_skipping_empty_answers() {
    let texts = |past| window(&conversation(), past).iter().map(|m| m.content.clone()).collect::<Vec<_>>();
    assert_eq!(texts(2), ["three", "3", "four?"]);
    assert_eq!(texts(0), ["four?"]);
    assert_eq!(texts(3), ["two", "three", "3", "four?"], "the empty answer to 'two' is not sent");
    assert_eq!(texts(100).len(), 6);
    assert!(window(&[], 5).is_empty());
}

#[test]
fn a_chat_model_gets_exactly_this_body() {
    let params = chat_params(&parameters(), &conversation());
    let built = build(&params, &ModelRules::for_model("gpt-4o", None), "gpt-4o", Some("gpt-4o"), true);
    assert_eq!(
        built.body.to_string(),
        json!({
            "model": "gpt-4o",
            "messages": [
                {"role": "system", "content": "Be brief."},
                {"role": "user", "content": "three"},
                {"role": "assistant", "content": "3"},
                {"role": "user", "content": "four?"}
            ],
            "temperature": 0.5,
            "max_tokens": 200,
            "stop": ["END"],
            "seed": 42,
            "stream": true,
            "stream_options": {"include_usage": true}
        })
        .to_string()
    );
    assert_eq!(built.adjustments.len(), 1, "{:?}", built.adjustments);
    assert!(built.adjustments[0].note.contains("takes no reasoning effort"));
}

#[test]
fn a_reasoning_model_gets_exactly_this_body() {
    let params = chat_params(&parameters(), &conversation());
    let built = build(&params, &ModelRules::for_model("o4-mini", None), "o4-mini", Some("o4-mini"), false);
    assert_eq!(
        built.body.to_string(),
        json!({
            "model": "o4-mini",
            "messages": [
                {"role": "system", "content": "Be brief."},
                {"role": "user", "content": "three"},
                {"role": "assistant", "content": "3"},
                {"role": "user", "content": "four?"}
            ],
            "max_completion_tokens": 200,
            "stop": ["END"],
            "seed": 42,
            "reasoning_effort": "high"
        })
        .to_string()
    );
}

#[test]
fn o1_mini_and_unknown_models() {
    let params = chat_params(&parameters(), &conversation());
    let built = build(&params, &ModelRules::for_model("o1-mini", None), "o1-mini", None, false);
    assert_eq!(built.body["messages"][0], json!({"role": "user", "content": "Be brief."}));
    assert!(built.body.get("reasoning_effort").is_none());
    let built = build(&params, &ModelRules::unknown(), "my-deployment", None, false);
    assert_eq!(built.body["reasoning_effort"], "high", "only Azure can tell, so it is sent as asked");
    assert_eq!(built.body["temperature"], 0.5);
}

#[test]
fn the_panel_hides_what_reasoning_models_reject_saying_why() {
    let o4 = ParameterRules::for_model(Some("o4-mini"), Some("2025-04-16"));
    assert!(o4.reasoning && !o4.minimal_effort);
    assert_eq!(o4.length_parameter, "max_completion_tokens");
    assert_eq!(o4.system_label, "Developer message");
    let hidden: Vec<&str> = o4.hidden.iter().map(|h| h.parameter.as_str()).collect();
    assert_eq!(hidden, ["temperature", "top_p", "frequency_penalty", "presence_penalty"]);
    assert_eq!(o4.hidden[0].why, "o4-mini is a reasoning model: it rejects sampling parameters");

    let chat = ParameterRules::for_model(Some("gpt-4o"), None);
    assert_eq!(chat.length_parameter, "max_tokens");
    assert_eq!(chat.hidden.len(), 1);
    assert_eq!(chat.hidden[0].why, "gpt-4o is not a reasoning model");
    assert!(ParameterRules::for_model(Some("gpt-5"), None).minimal_effort);
    let o1_mini = ParameterRules::for_model(Some("o1-mini"), None);
    assert!(o1_mini.hidden.iter().any(|h| h.parameter == "system_message"));
    let unknown = ParameterRules::for_model(None, None);
    assert!(!unknown.known_model && unknown.hidden.is_empty());
}

fn context() -> ProblemContext {
    ProblemContext {
        deployment: "gpt-4o".into(),
        endpoint: "https://x.openai.azure.com/".into(),
        uses_key: true,
    }
}

#[test]
fn an_answer_records_its_numbers() {
    let start = Instant::now();
    let at = |ms| start + Duration::from_millis(ms);
    let mut recorder = AnswerRecorder::new(start);
    let limits =
        RateLimits { remaining_requests: Some(99), remaining_tokens: Some(4_000), ..RateLimits::default() };
    let opened =
        ChatEvent::Opened { request_id: Some("req-1".into()), rate_limits: limits, adjustments: vec![] };
    assert!(matches!(recorder.on_event(opened, at(100)), Some(PlaygroundEvent::Opened { .. })));
    let verdicts = FilterVerdicts::from_value(&json!({"violence": {"filtered": false, "severity": "low"}}));
    let shown = recorder.on_event(ChatEvent::PromptFilter { prompt_index: 0, verdicts }, at(110));
    assert_eq!(shown, Some(PlaygroundEvent::Filter { notes: vec!["prompt: violence low".into()] }));
    recorder.on_event(ChatEvent::Delta { choice: 0, text: "Hel".into() }, at(250));
    recorder.on_event(ChatEvent::Delta { choice: 0, text: "lo".into() }, at(1250));
    let done =
        ChatEvent::Done { choice: 0, finish_reason: FinishReason::Stop, verdicts: FilterVerdicts::default() };
    recorder.on_event(done, at(1250));
    let usage = Usage {
        prompt_tokens: 12,
        completion_tokens: 50,
        total_tokens: 62,
        reasoning_tokens: None,
        cached_tokens: Some(0),
    };
    recorder.on_event(ChatEvent::Usage { usage }, at(1250));
    let outcome = recorder.finish(Ending::Finished, at(1250), &context());
    assert!(outcome.problem.is_none() && !outcome.stopped);
    let message = outcome.message.unwrap();
    assert_eq!((message.content.as_str(), message.incomplete), ("Hello", false));
    let facts = message.answer.unwrap();
    assert_eq!(facts.time_to_first_token_ms, Some(250.0));
    assert_eq!(facts.total_ms, Some(1250.0));
    assert_eq!(facts.tokens_per_second, Some(50.0), "50 tokens over the second after the first");
    assert_eq!((facts.prompt_tokens, facts.completion_tokens), (Some(12), Some(50)));
    assert_eq!((facts.remaining_requests, facts.remaining_tokens), (Some(99), Some(4_000)));
    assert_eq!(facts.request_id.as_deref(), Some("req-1"));
    assert_eq!(facts.finish_reason.as_deref(), Some("stop"));
    assert_eq!(facts.filter_notes, ["prompt: violence low"]);
}

#[test]
fn a_cut_answer_keeps_its_text_marked_incomplete() {
    let start = Instant::now();
    let mut recorder = AnswerRecorder::new(start);
    recorder.on_event(ChatEvent::Delta { choice: 0, text: "Half an ans".into() }, start);
    let cut = AzureError::local(ErrorKind::StreamCut, "the connection broke");
    let outcome = recorder.finish(Ending::Failed(cut), start, &context());
    let message = outcome.message.unwrap();
    assert_eq!((message.content.as_str(), message.incomplete), ("Half an ans", true));
    let problem = outcome.problem.unwrap();
    assert_eq!(problem.kind, ProblemKind::Cut);
    assert!(problem.action.contains("not re-sent"), "{}", problem.action);
}

#[test]
fn a_refused_request_keeps_no_message_and_says_what_to_do() {
    let mut throttled = AzureError::local(ErrorKind::Throttled, "Requests … have exceeded token rate limit");
    throttled.status = Some(429);
    throttled.code = Some("429".into());
    throttled.request_id = Some("r-429".into());
    throttled.retry_after = Some(Duration::from_secs(12));
    let outcome =
        AnswerRecorder::new(Instant::now()).finish(Ending::Failed(throttled), Instant::now(), &context());
    assert!(outcome.message.is_none());
    let problem = outcome.problem.unwrap();
    assert_eq!((problem.kind, problem.retry_after_secs), (ProblemKind::Throttled, Some(12.0)));
    assert_eq!(problem.title, "'gpt-4o' has reached its rate limit");
    assert!(problem.action.starts_with("Nothing was billed. Azure asks to wait 12 s"));
    assert_eq!((problem.code.as_deref(), problem.request_id.as_deref()), (Some("429"), Some("r-429")));
    assert_eq!(problem.message, "Requests … have exceeded token rate limit", "Azure's words, verbatim");

    let mut key = AzureError::local(ErrorKind::Auth, "Access denied due to invalid subscription key");
    key.status = Some(401);
    assert!(explain(&key, &context()).action.contains("https://x.openai.azure.com/"));
    let token = ProblemContext { uses_key: false, ..context() };
    assert_eq!(explain(&key, &token).title, "Your sign-in was refused for inference");
    let forbidden = AzureError::local(ErrorKind::Forbidden, "PermissionDenied");
    assert!(explain(&forbidden, &token).action.contains("Cognitive Services OpenAI User"));
    for (kind, expected) in [
        (ErrorKind::NotFound, ProblemKind::NotFound),
        (ErrorKind::Paused, ProblemKind::Paused),
        (ErrorKind::Retired, ProblemKind::Retired),
        (ErrorKind::Quota, ProblemKind::NoQuota),
    ] {
        assert_eq!(explain(&AzureError::local(kind, "x"), &context()).kind, expected);
    }
}

#[test]
fn presets_are_saved_per_deployment_and_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("presets.json");
    let target = ConversationTarget {
        profile_id: "sandbox".into(),
        deployment: "gpt-4o".into(),
        endpoint: "https://e/".into(),
        ..ConversationTarget::default()
    };
    let other = ConversationTarget { deployment: "o4-mini".into(), ..target.clone() };
    let store = PresetStore::new(&path);
    let saved = store.save(&target, " Terse ", parameters(), 1.0).unwrap();
    store.save(&other, "Terse", PlaygroundParameters::default(), 2.0).unwrap();
    let changed = PlaygroundParameters { temperature: Some(0.9), ..parameters() };
    let replaced = store.save(&target, "Terse", changed.clone(), 3.0).unwrap();
    assert_eq!(replaced.id, saved.id, "same name, same deployment: replaced");
    assert!(store.save(&target, "  ", parameters(), 4.0).is_err());

    let reopened = PresetStore::new(&path);
    let mine = reopened.for_target(&target).unwrap();
    assert_eq!(mine.len(), 1);
    assert_eq!((mine[0].name.as_str(), &mine[0].parameters), ("Terse", &changed));
    assert_eq!(reopened.list().unwrap().len(), 2);
    assert!(reopened.delete(&saved.id).unwrap());
    assert!(reopened.for_target(&target).unwrap().is_empty());
    assert_eq!(reopened.for_target(&other).unwrap().len(), 1);
}

#[test]
fn a_reasoning_answer_paces_its_visible_tokens_only() {
    let start = Instant::now();
    let mut recorder = AnswerRecorder::new(start);
    recorder.on_event(ChatEvent::Delta { choice: 0, text: "Hi".into() }, start + Duration::from_secs(3));
    let done =
        ChatEvent::Done { choice: 0, finish_reason: FinishReason::Stop, verdicts: FilterVerdicts::default() };
    recorder.on_event(done, start + Duration::from_secs(4));
    let usage = Usage {
        prompt_tokens: 10,
        completion_tokens: 1_100,
        total_tokens: 1_110,
        reasoning_tokens: Some(1_000),
        cached_tokens: None,
    };
    recorder.on_event(ChatEvent::Usage { usage }, start + Duration::from_secs(4));
    let outcome = recorder.finish(Ending::Finished, start + Duration::from_secs(4), &context());
    let facts = outcome.message.unwrap().answer.unwrap();
    assert_eq!(facts.tokens_per_second, Some(100.0), "100 visible tokens in the second after the first");
    assert_eq!(facts.reasoning_tokens, Some(1_000));
}

#[test]
fn a_stopped_answer_says_so() {
    let start = Instant::now();
    let mut recorder = AnswerRecorder::new(start);
    recorder.on_event(ChatEvent::Delta { choice: 0, text: "Once upon".into() }, start);
    let outcome = recorder.finish(Ending::Stopped, start, &context());
    let message = outcome.message.unwrap();
    assert!(outcome.stopped && message.stopped && message.incomplete);
    assert!(outcome.problem.is_none(), "stopping is not a problem");
}

#[test]
fn a_preset_name_differing_only_in_case_is_the_same_preset() {
    let dir = tempfile::tempdir().unwrap();
    let store = PresetStore::new(dir.path().join("presets.json"));
    let target = ConversationTarget {
        profile_id: "p".into(),
        deployment: "d".into(),
        ..ConversationTarget::default()
    };
    let first = store.save(&target, "Terse", parameters(), 1.0).unwrap();
    let second = store.save(&target, "terse ", PlaygroundParameters::default(), 2.0).unwrap();
    assert_eq!(first.id, second.id);
    let listed = store.for_target(&target).unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].name, "terse", "the name as last typed");
}

#[test]
fn settings_edit_rename_and_duplicate_presets() {
    let dir = tempfile::tempdir().unwrap();
    let store = PresetStore::new(dir.path().join("presets.json"));
    let target = ConversationTarget {
        profile_id: "p".into(),
        deployment: "d".into(),
        ..ConversationTarget::default()
    };
    let terse = store.save(&target, "Terse", parameters(), 1.0).unwrap();
    let wordy = store.save(&target, "Wordy", PlaygroundParameters::default(), 1.0).unwrap();

    let copy = store.duplicate(&terse.id, 2.0).unwrap();
    assert_eq!((copy.name.as_str(), &copy.parameters), ("Terse (copy)", &terse.parameters));
    assert_eq!(store.duplicate(&terse.id, 3.0).unwrap().name, "Terse (copy 2)");

    let changed = PlaygroundParameters { temperature: Some(1.5), ..parameters() };
    let edited = store.update(&copy.id, "Warm", changed.clone(), 4.0).unwrap();
    assert_eq!((edited.name.as_str(), &edited.parameters), ("Warm", &changed));
    assert!(matches!(store.update(&copy.id, "wordy", changed.clone(), 5.0), Err(PresetError::NameTaken(_))));
    assert!(matches!(store.update("p-gone", "X", changed, 5.0), Err(PresetError::NotFound(_))));
    let names: Vec<String> = store.list().unwrap().into_iter().map(|p| p.name).collect();
    assert_eq!(names, ["Terse", "Terse (copy 2)", "Warm", "Wordy"]);
    assert!(store.delete(&wordy.id).unwrap());
}
