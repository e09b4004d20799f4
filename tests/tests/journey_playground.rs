//! The Playground in the real window against the in-app Sandbox: a prompt streams with its numbers,
//! Stop keeps what arrived, regenerate answers again, a reasoning deployment changes the parameters
//! panel, a 429 counts down without re-sending by itself, the content filter's block is explained,
//! View code shows the request with the key as an environment variable, the conversation is back after
//! a restart, and two deployments answer side by side.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use foundry_desk_e2e::{testid, Desktop, Machine};

const QUESTION: &str = "Plan a weekend in Lisbon";

async fn count(app: &Desktop, css: &str) -> u64 {
    let script = format!("return document.querySelectorAll('{css}').length;");
    app.client.execute(&script, vec![]).await.unwrap().as_u64().unwrap()
}

async fn wait_count(app: &Desktop, css: &str, n: usize) {
    app.wait_until_js(&format!("document.querySelectorAll('{css}').length === {n}")).await;
}

async fn send(app: &Desktop, text: &str) {
    app.type_into("composer-input", text).await;
    app.wait_for_css(&format!("{}:not([disabled])", testid("send-button"))).await.click().await.unwrap();
}

async fn simulate(app: &Desktop, what: &str) {
    app.select_by_text("simulate-select", what).await;
    app.wait_for_text("simulate-armed", |t| t.contains(what)).await;
}

#[tokio::test]
async fn a_conversation_streams_stops_regenerates_explains_errors_and_survives_a_restart() {
    let machine = Machine::new();
    let app = machine.launch("playground").await;
    app.click("nav-playground").await;
    app.select_by_text("target-picker", "gpt-4o ").await;
    app.screenshot("empty").await;

    // A prompt streams into a Markdown answer, then shows the numbers behind it.
    send(&app, QUESTION).await;
    let answer = format!("{}[data-role=\"assistant\"]", testid("message"));
    app.wait_for_text_css(&answer, |t| t.contains("Lisbon")).await;
    let facts = app.wait_for_text("answer-facts", |t| t.contains("first token")).await;
    assert!(facts.contains("completion"), "token counts: {facts}");
    assert!(facts.contains("left"), "rate-limit headroom: {facts}");
    assert_eq!(count(&app, &format!("{answer} pre code")).await, 1, "the code block is rendered");
    app.screenshot("answer").await;

    // Stop mid-answer (a slow answer gives time): what arrived stays, marked.
    simulate(&app, "Slow answer").await;
    send(&app, "Tell me more about the trams").await;
    app.wait_for("stop-button").await;
    app.wait_until_js(&format!(
        "document.querySelectorAll('{answer}')[1]?.textContent.includes('You asked')"
    ))
    .await;
    app.screenshot("streaming").await;
    app.click("stop-button").await;
    app.wait_for("message-incomplete").await;
    app.screenshot("stopped").await;

    // Regenerate answers the same question again, whole this time.
    app.click("regenerate-button").await;
    app.wait_until_js(&format!(
        "document.querySelectorAll('{answer}').length === 2 && !document.querySelector('{}')",
        testid("message-incomplete")
    ))
    .await;
    wait_count(&app, &testid("answer-facts"), 2).await;

    // A reasoning deployment: sampling parameters give way to reasoning effort, saying why.
    app.wait_for("param-temperature").await;
    app.select_by_text("target-picker", "o4-mini ").await;
    app.wait_for_text("params-hidden", |t| t.contains("reasoning model")).await;
    app.wait_for("param-reasoning-effort").await;
    assert_eq!(count(&app, &testid("param-temperature")).await, 0, "temperature is hidden");
    let panel = app.wait_for("params-panel").await.text().await.unwrap();
    assert!(panel.contains("max_completion_tokens"), "{panel}");
    app.screenshot("reasoning-parameters").await;

    // A 429 counts down; nothing is re-sent by itself; Retry works when the wait is over.
    simulate(&app, "Rate limit").await;
    send(&app, "One more question").await;
    let throttled = format!("{}[data-kind=\"throttled\"]", testid("problem"));
    app.wait_for_text_css(&throttled, |t| t.contains("rate limit")).await;
    app.wait_for_text("retry-countdown", |t| t.contains("Retry in")).await;
    assert!(app.wait_for("retry-button").await.attr("disabled").await.unwrap().is_some());
    app.screenshot("rate-limited").await;
    app.wait_for_css(&format!("{}:not([disabled])", testid("retry-button"))).await.click().await.unwrap();
    wait_count(&app, &testid("answer-facts"), 3).await;

    // The content filter refuses a prompt: which category, and that it was not re-sent.
    simulate(&app, "Prompt blocked").await;
    send(&app, "Something the filter dislikes").await;
    let filtered = format!("{}[data-kind=\"promptFiltered\"]", testid("problem"));
    let text = app.wait_for_text_css(&filtered, |t| t.contains("violence")).await;
    assert!(text.contains("content_filter"), "Azure's code is shown: {text}");
    app.screenshot("content-filter").await;

    // View code: the request as Python with the key read from the environment; copy it.
    app.click("view-code-button").await;
    app.wait_for("code-dialog").await;
    app.click("code-tab-python").await;
    let code = app.wait_for_text("code-dialog", |t| t.contains("chat.completions.create")).await;
    assert!(code.contains("AZURE_OPENAI_API_KEY") && code.contains(QUESTION), "{code}");
    let copy = format!("{} {}", testid("code-dialog"), testid("code-copy"));
    app.wait_for_css(&copy).await.click().await.unwrap();
    app.wait_for_text("code-dialog", |t| t.contains("Copied") || t.contains("clipboard")).await;
    app.screenshot("view-code").await;
    app.click("code-close").await;

    // A restart: the conversation is in History, and opens with its messages and numbers.
    app.quit().await;
    let app = machine.launch("playground-restart").await;
    app.click("nav-playground").await;
    // (textContent: WebKit's WebDriver leaves an ellipsised title out of an element's visible text.)
    app.wait_until_js(&format!(
        "document.querySelector('{}')?.textContent.includes('{QUESTION}')",
        testid("history-item")
    ))
    .await;
    app.wait_for_text("history-item", |t| t.contains("o4-mini") && t.contains("7 messages")).await;
    app.screenshot("restarted").await;
    app.click("history-item").await;
    app.wait_for_text_css(&format!("{}[data-role=\"user\"]", testid("message")), |t| t.contains(QUESTION))
        .await;
    wait_count(&app, &testid("answer-facts"), 3).await;
    app.screenshot("reopened").await;

    // Compare: the same prompt to two deployments, each streaming its own answer and numbers.
    app.click("compare-button").await;
    app.wait_for("compare-view").await;
    app.select_by_text("compare-target-0", "gpt-4o ").await;
    app.select_by_text("compare-target-1", "o4-mini ").await;
    app.type_into("compare-input", "Name three Lisbon viewpoints").await;
    app.click("compare-send").await;
    let column = testid("compare-column");
    app.wait_until_js(&format!(
        "[...document.querySelectorAll('{column}')].filter((c) => c.querySelector('{}')).length === 2",
        testid("answer-facts")
    ))
    .await;
    app.screenshot("compare").await;
}
