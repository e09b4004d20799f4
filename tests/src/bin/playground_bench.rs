//! `make bench`: the Playground in the release app against its own Sandbox.
//!
//! - `playground_ttft_ratio_vs_curl`: time to first token as the window paints it (Send → the frame
//!   with the first text, a User Timing measure the UI records) against `curl -N` asking the very same
//!   simulator for the same answer; medians of interleaved rounds (1.0 = no overhead).
//! - `playground_event_p99_ms`: from the simulator writing a content chunk to the window receiving its
//!   event, p99 over a 10,000-chunk answer (the simulator logs its writes; the window stamps receipts,
//!   both in ms since the epoch on this machine).
//! - `stream_render_longest_task_ms`: a 4,000-token answer at 200 chunks/s (the Sandbox's pace): the
//!   longest the main thread went without painting a frame while it streamed.
//! - `conversation_open_ms`: opening a saved conversation of 500 messages, click → painted.

use std::process::Stdio;
use std::time::{Duration, Instant};

use foundry_desk_core::conversations::{
    AnswerFacts, Conversation, ConversationMessage, ConversationStore, ConversationTarget, MessageRole,
    PlaygroundParameters,
};
use foundry_desk_e2e::{
    free_port, median, metric, percentile, record_bench, testid, workspace_root, Desktop, Machine,
};
use foundry_sim::sandbox::ACCOUNT_OPENAI;
use tokio::io::{AsyncBufReadExt, BufReader};

const ROUNDS: usize = 9;
const EVENT_CHUNKS: usize = 10_000;
const RENDER_TOKENS: usize = 4_000;
const PROMPT: &str = "Say hello";

#[tokio::main]
async fn main() {
    let app = workspace_root().join("target/release/foundry-desk");
    assert!(app.exists(), "{} is missing: `make bench` builds it", app.display());
    let port = free_port();
    let machine = Machine::new().with_env("FOUNDRY_SANDBOX_PORT", &port.to_string());
    let conversation_id = seed_conversation(&machine);
    let desktop = machine.launch_binary(&app, "playground-bench").await;
    desktop.click("nav-playground").await;
    desktop.select_by_text("target-picker", "gpt-4o ").await;
    let sim = format!("http://127.0.0.1:{port}");

    let (mut app_ttft, mut first_event, mut curl_ttft) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..ROUNDS {
        app_ttft.push(app_ttft_ms(&desktop).await);
        first_event.push(desktop.last_measure("playground_first_event").await);
        curl_ttft.push(curl_ttft_ms(&sim).await);
    }
    let (app_ttft, curl_ttft) = (median(&mut app_ttft), median(&mut curl_ttft));
    let first_event = median(&mut first_event);
    let event_p99 = event_p99_ms(&desktop, &sim).await;
    let longest = longest_frame_gap_ms(&desktop, &sim).await;
    let (open, load) = conversation_open_ms(&desktop, &conversation_id).await;
    desktop.quit().await;

    let mut results = serde_json::Map::new();
    results.insert("playground_ttft_ms".into(), metric(app_ttft, "ms", "lower"));
    results.insert("playground_ttft_curl_ms".into(), metric(curl_ttft, "ms", "lower"));
    // Of the app's wait, the part until the window hears from the answer (the rest is painting it).
    results.insert("playground_ttft_first_event_ms".into(), metric(first_event, "ms", "lower"));
    results.insert("playground_ttft_ratio_vs_curl".into(), metric(app_ttft / curl_ttft, "ratio", "lower"));
    results.insert("playground_event_p99_ms".into(), metric(event_p99, "ms", "lower"));
    results.insert("stream_render_longest_task_ms".into(), metric(longest, "ms", "lower"));
    results.insert("conversation_open_ms".into(), metric(open, "ms", "lower"));
    results.insert("conversation_open_load_ms".into(), metric(load, "ms", "lower"));
    println!("{}", serde_json::to_string_pretty(&results).expect("json"));
    record_bench(results);
}

/// How many answers the window shows numbers for.
async fn answers(desktop: &Desktop) -> usize {
    let script = format!("return document.querySelectorAll('{}').length;", testid("answer-facts"));
    desktop.client.execute(&script, vec![]).await.ok().and_then(|v| v.as_u64()).unwrap_or(0) as usize
}

/// Sends `prompt` in a new conversation and waits (at most `patience`) for its answer to finish.
async fn ask(desktop: &Desktop, prompt: &str, patience: Duration) {
    desktop.click("new-conversation").await;
    desktop.wait_until_js(&format!("document.querySelectorAll('{}').length === 0", testid("message"))).await;
    desktop.type_into("composer-input", prompt).await;
    let clear =
        "performance.clearMeasures('playground_ttft'); performance.clearMeasures('playground_first_event');";
    desktop.client.execute(clear, vec![]).await.ok();
    desktop.click("send-button").await;
    let answered = format!("document.querySelectorAll('{}').length === 1", testid("answer-facts"));
    desktop.wait_until_js_within(&answered, patience).await;
    assert_eq!(answers(desktop).await, 1);
}

async fn app_ttft_ms(desktop: &Desktop) -> f64 {
    ask(desktop, PROMPT, Duration::from_secs(30)).await;
    desktop.last_measure("playground_ttft").await
}

/// `curl -N` to the same simulator, as the app's Sandbox profile authenticates (a bearer token).
async fn curl_ttft_ms(sim: &str) -> f64 {
    let url = format!("{sim}/{ACCOUNT_OPENAI}.openai.azure.com/openai/v1/chat/completions");
    let body = serde_json::json!({
        "model": "gpt-4o",
        "messages": [{"role": "user", "content": PROMPT}],
        "stream": true,
        "stream_options": {"include_usage": true}
    })
    .to_string();
    let started = Instant::now();
    let mut child = tokio::process::Command::new("curl")
        .args(["-sN", "-H", "authorization: Bearer sandbox", "-H", "content-type: application/json"])
        .args(["-d", &body, &url])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn curl");
    let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
    let mut elapsed = None;
    while let Some(line) = lines.next_line().await.expect("read curl") {
        let chunk: serde_json::Value =
            line.strip_prefix("data: ").and_then(|d| serde_json::from_str(d).ok()).unwrap_or_default();
        if chunk.pointer("/choices/0/delta/content").and_then(|c| c.as_str()).is_some_and(|c| !c.is_empty()) {
            elapsed = Some(started.elapsed());
            break;
        }
    }
    let _ = child.kill().await;
    elapsed.expect("curl got no token: is the Sandbox's endpoint and token still these?").as_secs_f64()
        * 1000.0
}

/// Makes the next answer `tokens` long (the simulator's `long-answer` fault, once).
async fn arm_long_answer(sim: &str, tokens: usize) {
    let body = serde_json::json!({"faults": [{"kind": "long-answer", "after": tokens, "count": 1}]});
    let response = reqwest::Client::new()
        .post(format!("{sim}/_sim/faults"))
        .json(&body)
        .send()
        .await
        .expect("arm fault");
    assert!(response.status().is_success(), "the simulator took the fault");
}

async fn event_p99_ms(desktop: &Desktop, sim: &str) -> f64 {
    arm_long_answer(sim, EVENT_CHUNKS).await;
    desktop.client.execute("window.__fdEventTimes = [];", vec![]).await.expect("start stamping");
    // 10,000 chunks at the Sandbox's 5 ms pace: about a minute.
    ask(desktop, "Write the long one", Duration::from_secs(180)).await;
    let received = desktop
        .client
        .execute("const t = window.__fdEventTimes; window.__fdEventTimes = undefined; return t;", vec![])
        .await
        .expect("read the stamps");
    let received: Vec<f64> = serde_json::from_value(received).expect("stamps");
    let written: serde_json::Value = reqwest::get(format!("{sim}/_sim/inference/writes"))
        .await
        .expect("read the simulator's writes")
        .json()
        .await
        .expect("writes json");
    let written: Vec<f64> = serde_json::from_value(written["contentWrites"].clone()).expect("writes");
    assert_eq!(received.len(), EVENT_CHUNKS, "one event per chunk reached the window");
    assert_eq!(written.len(), EVENT_CHUNKS, "the simulator wrote every chunk");
    let mut delays: Vec<f64> = received.iter().zip(&written).map(|(r, w)| r - w).collect();
    percentile(&mut delays, 99)
}

/// The longest gap between two painted frames while a long answer streams at the Sandbox's pace.
async fn longest_frame_gap_ms(desktop: &Desktop, sim: &str) -> f64 {
    arm_long_answer(sim, RENDER_TOKENS).await;
    let watch = "window.__fdGap = 0; window.__fdWatch = true;
        let last = performance.now();
        const tick = (now) => {
          window.__fdGap = Math.max(window.__fdGap, now - last);
          last = now;
          if (window.__fdWatch) requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);";
    desktop.client.execute(watch, vec![]).await.expect("watch frames");
    ask(desktop, "Write the 4,000-token one", Duration::from_secs(90)).await;
    let gap = desktop
        .client
        .execute("window.__fdWatch = false; return window.__fdGap;", vec![])
        .await
        .ok()
        .and_then(|v| v.as_f64())
        .expect("the longest gap");
    gap
}

/// Opening the 500-message conversation: click → painted, and of that, click → read from disk.
async fn conversation_open_ms(desktop: &Desktop, id: &str) -> (f64, f64) {
    let (mut times, mut loads) = (Vec::new(), Vec::new());
    for _ in 0..5 {
        desktop.click("new-conversation").await;
        let clear = "performance.clearMeasures('conversation_open'); performance.clearMeasures('conversation_loaded');";
        desktop.client.execute(clear, vec![]).await.ok();
        let item = desktop.wait_for_css(&format!("{}[data-id=\"{id}\"]", testid("history-item"))).await;
        item.click().await.expect("open the saved conversation");
        times.push(desktop.last_measure("conversation_open").await);
        loads.push(desktop.last_measure("conversation_loaded").await);
    }
    (median(&mut times), median(&mut loads))
}

/// A saved conversation of 500 messages (250 questions and answers with their numbers), written by the
/// app's own store into the data folder the app will use.
fn seed_conversation(machine: &Machine) -> String {
    let store = ConversationStore::new(machine.data_home().join("dev.foundrydesk.app/conversations"));
    // Every answer differs, as in a real conversation: none is drawn from another's rendering.
    let answer = |i: usize| {
        (0..3)
            .map(|part| {
                format!(
                    "Here is **plan {i}.{part}** with a list:\n\n- one\n- two\n\n```rust\nfn main() {{ let step = {i}; }}\n```\n\nDone {part}.\n\n"
                )
            })
            .collect::<String>()
    };
    let messages = (0..500)
        .map(|i| ConversationMessage {
            id: format!("m-{i}"),
            role: if i % 2 == 0 { MessageRole::User } else { MessageRole::Assistant },
            content: if i % 2 == 0 { format!("Question number {i}?") } else { answer(i) },
            incomplete: false,
            stopped: false,
            answer: (i % 2 == 1).then(|| AnswerFacts {
                time_to_first_token_ms: Some(120.0),
                total_ms: Some(900.0),
                completion_tokens: Some(80),
                prompt_tokens: Some(20),
                ..AnswerFacts::default()
            }),
        })
        .collect();
    let conversation = Conversation {
        id: "c-bench-500".into(),
        title: "Five hundred messages".into(),
        target: ConversationTarget {
            profile_id: "sandbox".into(),
            deployment: "gpt-4o".into(),
            endpoint: format!("https://{ACCOUNT_OPENAI}.openai.azure.com/"),
            account: Some(ACCOUNT_OPENAI.into()),
            model: Some("gpt-4o".into()),
            model_version: Some("2024-11-20".into()),
        },
        parameters: PlaygroundParameters::default(),
        messages,
        created_at_ms: 1.0,
        updated_at_ms: 2.0,
    };
    store.save(&conversation).expect("save the 500-message conversation");
    conversation.id
}
