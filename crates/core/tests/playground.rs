//! The playground against the Sandbox, end to end over loopback HTTP: the deployments it offers,
//! a streamed answer with its numbers, Stop, and every simulated problem told in plain words.

#![allow(clippy::unwrap_used)]

use std::sync::{Arc, Mutex};

use foundry_desk_core::connections::Connections;
use foundry_desk_core::conversations::{
    ConversationMessage, ConversationTarget, MessageRole, PlaygroundParameters,
};
use foundry_desk_core::playground::{
    new_message_id, PlaygroundEvent, PlaygroundTarget, ProblemKind, Runs, SendOutcome, SendRequest,
    SimulatedProblem,
};
use foundry_desk_core::secrets::MemoryStore;

fn connections(dir: &tempfile::TempDir) -> Connections {
    Connections::new(dir.path().to_path_buf(), Arc::new(MemoryStore::new()))
}

async fn sandbox_target(connections: &Connections, deployment: &str) -> PlaygroundTarget {
    let profiles = connections.playground_targets().await.unwrap();
    let sandbox = profiles.iter().find(|p| p.profile_id == "sandbox").unwrap();
    assert!(sandbox.problem.is_none(), "{:?}", sandbox.problem);
    sandbox.targets.iter().find(|t| t.target.deployment == deployment).unwrap().clone()
}

fn question(target: &ConversationTarget, text: &str) -> SendRequest {
    SendRequest {
        run_id: new_message_id(),
        target: target.clone(),
        parameters: PlaygroundParameters::default(),
        messages: vec![ConversationMessage {
            id: new_message_id(),
            role: MessageRole::User,
            content: text.into(),
            incomplete: false,
            stopped: false,
            answer: None,
        }],
    }
}

/// Sends and collects what streamed.
async fn send(
    connections: &Connections,
    runs: &Runs,
    request: SendRequest,
) -> (SendOutcome, Vec<PlaygroundEvent>) {
    let events = Mutex::new(Vec::new());
    let outcome = connections.send_chat(runs, request, |e| events.lock().unwrap().push(e)).await;
    (outcome, events.into_inner().unwrap())
}

fn streamed_text(events: &[PlaygroundEvent]) -> String {
    events
        .iter()
        .filter_map(|e| match e {
            PlaygroundEvent::Delta { text } => Some(text.as_str()),
            _ => None,
        })
        .collect()
}

#[tokio::test]
async fn the_sandbox_offers_its_chat_deployments_with_their_real_models() {
    let dir = tempfile::tempdir().unwrap();
    let connections = connections(&dir);
    let profiles = connections.playground_targets().await.unwrap();
    let names: Vec<&str> = profiles[0].targets.iter().map(|t| t.target.deployment.as_str()).collect();
    assert!(names.contains(&"gpt-4o") && names.contains(&"o4-mini"), "{names:?}");
    assert!(!names.contains(&"embeddings"), "embedding deployments cannot chat");
    let o4 = sandbox_target(&connections, "o4-mini").await;
    assert_eq!(o4.target.model.as_deref(), Some("o4-mini"));
    assert!(o4.rules.reasoning && o4.simulated);
    assert_eq!(o4.target.account.as_deref(), Some("contoso-ai-swedencentral"), "{:?}", o4.target);
}

#[tokio::test]
async fn an_answer_streams_with_the_numbers_behind_it() {
    let dir = tempfile::tempdir().unwrap();
    let connections = connections(&dir);
    let runs = Runs::default();
    let target = sandbox_target(&connections, "gpt-4o").await.target;
    let (outcome, events) = send(&connections, &runs, question(&target, "Plan a trip to Lisbon")).await;
    assert!(outcome.problem.is_none(), "{:?}", outcome.problem);
    let message = outcome.message.unwrap();
    assert!(!message.incomplete);
    assert!(message.content.contains("Plan a trip to Lisbon"), "{}", message.content);
    assert_eq!(streamed_text(&events), message.content, "what streamed is what was kept");
    assert!(matches!(events[0], PlaygroundEvent::Opened { .. }));
    let facts = message.answer.unwrap();
    assert!(facts.time_to_first_token_ms.unwrap() > 0.0);
    assert!(facts.total_ms.unwrap() >= facts.time_to_first_token_ms.unwrap());
    assert!(facts.completion_tokens.unwrap() > 10 && facts.prompt_tokens.unwrap() > 0);
    assert!(facts.tokens_per_second.unwrap() > 0.0);
    assert!(facts.remaining_tokens.is_some() && facts.remaining_requests.is_some());
    assert!(facts.request_id.is_some());
    assert_eq!(facts.finish_reason.as_deref(), Some("stop"));
    assert!(facts.served_model.unwrap().starts_with("gpt-4o"));
}

#[tokio::test]
async fn a_reasoning_deployment_says_what_it_did_not_send() {
    let dir = tempfile::tempdir().unwrap();
    let connections = connections(&dir);
    let runs = Runs::default();
    let target = sandbox_target(&connections, "o4-mini").await.target;
    let mut request = question(&target, "Why is the sky blue?");
    request.parameters.temperature = Some(0.3);
    request.parameters.reasoning_effort = Some("high".into());
    let (outcome, _) = send(&connections, &runs, request).await;
    let facts = outcome.message.unwrap().answer.unwrap();
    assert!(facts.reasoning_tokens.unwrap() > 0, "the simulator reasons at high effort");
    assert_eq!(facts.adjustments.len(), 1, "{:?}", facts.adjustments);
    assert!(facts.adjustments[0].starts_with("temperature: not sent: o4-mini is a reasoning model"));
}

#[tokio::test]
async fn stop_keeps_what_arrived_and_closes_the_stream() {
    let dir = tempfile::tempdir().unwrap();
    let connections = Arc::new(connections(&dir));
    let runs = Arc::new(Runs::default());
    let target = sandbox_target(&connections, "gpt-4o").await.target;
    connections.simulate(&target, SimulatedProblem::SlowAnswer).await.unwrap();
    let request = question(&target, "Tell me a long story");
    let run_id = request.run_id.clone();
    let (first_text, arrived) = tokio::sync::oneshot::channel::<()>();
    let mut first_text = Some(first_text);
    let sending = {
        let (connections, runs) = (Arc::clone(&connections), Arc::clone(&runs));
        tokio::spawn(async move {
            connections
                .send_chat(&runs, request, move |event| {
                    if matches!(event, PlaygroundEvent::Delta { .. }) {
                        if let Some(tx) = first_text.take() {
                            let _ = tx.send(());
                        }
                    }
                })
                .await
        })
    };
    arrived.await.unwrap();
    assert!(runs.stop(&run_id));
    let outcome = sending.await.unwrap();
    assert!(outcome.stopped && outcome.problem.is_none());
    let message = outcome.message.unwrap();
    assert!(message.incomplete && message.stopped && !message.content.is_empty());
    assert!(!runs.stop(&run_id), "a finished run is no longer stoppable");
}

#[tokio::test]
async fn simulated_problems_are_told_in_plain_words_and_keep_partial_text() {
    let dir = tempfile::tempdir().unwrap();
    let connections = connections(&dir);
    let runs = Runs::default();
    let target = sandbox_target(&connections, "gpt-4o-mini").await.target;

    connections.simulate(&target, SimulatedProblem::RateLimit).await.unwrap();
    let (outcome, _) = send(&connections, &runs, question(&target, "hello")).await;
    assert!(outcome.message.is_none(), "a 429 answers nothing");
    let problem = outcome.problem.unwrap();
    assert_eq!(problem.kind, ProblemKind::Throttled);
    assert_eq!(problem.retry_after_secs, Some(12.0), "not retried behind the person's back");
    assert_eq!(problem.status, Some(429));
    assert!(problem.message.contains("rate limit"), "Azure's message: {}", problem.message);
    assert!(problem.request_id.is_some());

    connections.simulate(&target, SimulatedProblem::PromptFiltered).await.unwrap();
    let problem = send(&connections, &runs, question(&target, "hello")).await.0.problem.unwrap();
    assert_eq!(
        (problem.kind, problem.categories.clone()),
        (ProblemKind::PromptFiltered, vec!["violence".into()])
    );
    assert_eq!(problem.code.as_deref(), Some("content_filter"));

    connections.simulate(&target, SimulatedProblem::AnswerFiltered).await.unwrap();
    let (outcome, events) = send(&connections, &runs, question(&target, "hello there")).await;
    let message = outcome.message.unwrap();
    assert!(message.incomplete && !message.content.is_empty());
    assert_eq!(streamed_text(&events), message.content);
    assert_eq!(outcome.problem.unwrap().kind, ProblemKind::AnswerFiltered);

    connections.simulate(&target, SimulatedProblem::CutStream).await.unwrap();
    let (outcome, _) = send(&connections, &runs, question(&target, "hello again")).await;
    let message = outcome.message.unwrap();
    assert!(message.incomplete && !message.content.is_empty(), "the partial answer is kept");
    assert_eq!(outcome.problem.unwrap().kind, ProblemKind::Cut);

    let (outcome, _) = send(&connections, &runs, question(&target, "and now?")).await;
    assert!(outcome.problem.is_none(), "each simulated problem strikes once");

    let missing = ConversationTarget { deployment: "no-such-deployment".into(), ..target.clone() };
    let problem = send(&connections, &runs, question(&missing, "hi")).await.0.problem.unwrap();
    assert_eq!(problem.kind, ProblemKind::NotFound);
    assert_eq!(problem.code.as_deref(), Some("DeploymentNotFound"));
}
