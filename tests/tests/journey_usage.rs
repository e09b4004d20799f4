//! Usage and cost in the real window against the in-app Sandbox: two answers in the Playground each show
//! what they cost and the conversation its total; the resource's Usage tab then shows exactly those two
//! requests and their tokens with the estimated cost, across every range, as charts (light and dark) and as
//! a table; the wizard's review says what a deployment will cost before it is created.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use foundry_desk_e2e::{testid, Desktop, Machine};
use foundry_sim::sandbox::ACCOUNT_OPENAI;

/// The prompt and completion token counts an answer's facts line shows ("25 prompt + 87 completion").
fn tokens_of(facts: &str) -> (u64, u64) {
    let number_before = |word: &str| -> u64 {
        let at = facts.find(&format!(" {word}")).unwrap_or_else(|| panic!("no {word} count in {facts}"));
        let digits: String =
            facts[..at].chars().rev().take_while(|c| c.is_ascii_digit() || *c == ',').collect();
        digits.chars().rev().filter(char::is_ascii_digit).collect::<String>().parse().unwrap()
    };
    (number_before("prompt"), number_before("completion"))
}

fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

async fn send(app: &Desktop, text: &str, answers: usize) {
    app.type_into("composer-input", text).await;
    app.wait_for_css(&format!("{}:not([disabled])", testid("send-button"))).await.click().await.unwrap();
    app.wait_until_js(&format!(
        "document.querySelectorAll('{}').length === {answers}",
        testid("answer-cost")
    ))
    .await;
}

/// The text of each cell of a totals row.
async fn cells(app: &Desktop, row: &str) -> Vec<String> {
    let script = format!(
        "return [...document.querySelector('{}').querySelectorAll('th, td')].map(c => c.textContent.trim());",
        testid(row)
    );
    let value = app.client.execute(&script, vec![]).await.unwrap();
    value.as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_string()).collect()
}

async fn drawn(app: &Desktop, points: usize) {
    app.wait_until_js(&format!(
        "['usage-chart-tokens', 'usage-chart-requests'].every(id => {{ \
           const box = document.querySelector(`[data-testid=\"${{id}}\"]`); \
           return box && box.dataset.drawn === 'true' && box.dataset.points === '{points}'; }})"
    ))
    .await;
}

#[tokio::test]
async fn answers_are_priced_and_the_usage_tab_shows_those_tokens_and_their_cost() {
    let machine = Machine::new();
    let app = machine.launch("usage").await;

    // Two answers in the Playground, each with its cost; the conversation's total under them.
    app.click("nav-playground").await;
    app.select_by_text("target-picker", "gpt-4o ").await;
    send(&app, "What does a token cost?", 1).await;
    send(&app, "And a longer question about what many tokens cost?", 2).await;
    let script = format!(
        "return [...document.querySelectorAll('{}')].map(f => f.textContent);",
        testid("answer-facts")
    );
    let facts = app.client.execute(&script, vec![]).await.unwrap();
    let (mut prompt, mut completion) = (0, 0);
    for line in facts.as_array().unwrap() {
        let line = line.as_str().unwrap();
        assert!(line.contains("≈ $"), "each answer is priced: {line}");
        let (p, c) = tokens_of(line);
        prompt += p;
        completion += c;
    }
    app.wait_for_text("conversation-cost", |t| t.contains("for this conversation")).await;
    app.screenshot("playground-costs").await;

    // The resource's Usage tab: exactly those two requests and their tokens, priced.
    app.click("nav-deployments").await;
    let east = format!("{}[data-account-name=\"{ACCOUNT_OPENAI}\"]", testid("resource-row"));
    app.wait_for_css(&east).await.click().await.unwrap();
    app.click("tab-usage").await;
    app.click("usage-range-hour").await;
    app.wait_for("usage-row-gpt-4o").await;
    drawn(&app, 60).await;
    let row = cells(&app, "usage-row-gpt-4o").await;
    assert_eq!(row[0], "gpt-4o");
    assert_eq!(row[3], grouped(prompt), "prompt tokens: {row:?}");
    assert_eq!(row[4], grouped(completion), "completion tokens: {row:?}");
    assert_eq!(row[5], "2", "requests: {row:?}");
    assert_eq!((row[6].as_str(), row[7].as_str()), ("0", "0"), "none throttled or failed: {row:?}");
    assert!(row[8].starts_with('$'), "an estimated cost: {row:?}");
    app.wait_for_text("usage-prices-note", |t| t.contains("retail prices of")).await;
    app.screenshot("usage-hour-light").await;

    // One deployment: its limit is drawn on the per-minute chart.
    app.select("usage-deployment", "gpt-4o").await;
    drawn(&app, 60).await;
    app.screenshot("usage-deployment-limit").await;

    // Every range draws, the counts staying the same.
    for (range, points) in [("day", 96), ("week", 168), ("month", 720)] {
        app.click(&format!("usage-range-{range}")).await;
        drawn(&app, points).await;
        app.wait_until_js(&format!(
            "document.querySelector('{}')?.querySelectorAll('td')[4]?.textContent.trim() === '2'",
            testid("usage-row-gpt-4o")
        ))
        .await;
    }
    app.wait_for("usage-limit-note").await;
    app.screenshot("usage-month-light").await;

    // The same numbers as a table.
    app.click("usage-range-hour").await;
    drawn(&app, 60).await;
    app.click("usage-table-toggle").await;
    let table = app.wait_for_text("usage-table", |t| t.contains(&grouped(prompt))).await;
    assert!(table.contains("Prompt") || table.contains("prompt"), "{table}");
    app.screenshot("usage-table").await;
    app.click("usage-table-toggle").await;

    // Dark theme: the charts are drawn again in its colours.
    app.click("nav-settings").await;
    app.wait_for("theme-select").await.select_by_value("dark").await.expect("choose Dark");
    app.click("settings-save-appearance").await;
    app.wait_for_text("settings-status-appearance", |t| t.contains("Saved")).await;
    app.click("nav-deployments").await;
    app.wait_for_css(&east).await.click().await.unwrap();
    app.click("tab-usage").await;
    app.click("usage-range-hour").await;
    drawn(&app, 60).await;
    app.screenshot("usage-hour-dark").await;

    // The wizard's review says what the deployment will cost.
    app.click("tab-deployments").await;
    app.click("new-deployment").await;
    app.type_into("model-search", "gpt-4o").await;
    app.wait_for_css(&format!(
        "{}[data-model=\"gpt-4o\"][data-version=\"2024-11-20\"]",
        testid("model-option")
    ))
    .await
    .click()
    .await
    .unwrap();
    let next = |step: u32| {
        let app = &app;
        async move {
            app.wait_for_css(&format!("{}:not([disabled])", testid("wizard-next")))
                .await
                .click()
                .await
                .unwrap();
            app.wait_for(&format!("wizard-step-{step}")).await;
        }
    };
    next(2).await;
    app.wait_for_css(&format!("{}[data-sku=\"GlobalStandard\"]", testid("sku-option")))
        .await
        .click()
        .await
        .unwrap();
    next(3).await;
    app.type_into("capacity-input", "10").await;
    next(4).await;
    app.type_into("deployment-name", "priced").await;
    next(5).await;
    let price = app.wait_for_text("review-price", |t| t.contains("per 1M input tokens")).await;
    assert!(price.contains("2.50 per 1M input") && price.contains("10.00 per 1M output"), "{price}");
    assert!(price.contains("Nothing until it is used"), "{price}");
    app.screenshot("wizard-price").await;
    app.quit().await;
}
