//! Deployments in the real window against the in-app Sandbox: browse to a resource, create a deployment
//! through the wizard's five steps (a deprecating model and an over-quota capacity refused with the
//! reason; a failed operation on the first try shown without losing anything), see it succeed in the table,
//! open it in the Playground, change its capacity (over quota refused first), look at the region's quota,
//! and delete it with its name typed.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use foundry_desk_e2e::{testid, Desktop, Machine};
use foundry_sim::sandbox::ACCOUNT_OPENAI;

const NAME: &str = "e2e-chat";

fn css(id: &str, attributes: &[(&str, &str)]) -> String {
    let mut selector = testid(id);
    for (name, value) in attributes {
        selector.push_str(&format!("[{name}=\"{value}\"]"));
    }
    selector
}

async fn click_css(app: &Desktop, selector: &str) {
    app.wait_for_css(selector).await.click().await.unwrap_or_else(|e| panic!("click {selector}: {e}"));
}

async fn next_step(app: &Desktop, step: u32) {
    click_css(app, &format!("{}:not([disabled])", testid("wizard-next"))).await;
    app.wait_for(&format!("wizard-step-{step}")).await;
}

#[tokio::test]
async fn a_deployment_is_created_through_the_wizard_seen_in_the_table_and_deleted() {
    // The Sandbox fails the first deployment create's operation (Azure's InternalServerError). A 409
    // RequestConflict would not do: the client waits it out and retries, as it should.
    let machine = Machine::new().with_env("FOUNDRY_SIM_FAULTS", "async-failed;count=1;method=PUT");
    let app = machine.launch("deployments").await;
    app.click("nav-deployments").await;
    click_css(&app, &css("resource-row", &[("data-account-name", ACCOUNT_OPENAI)])).await;
    app.wait_for_css(&css("deployment-row", &[("data-deployment-name", "gpt-4o")])).await;
    app.screenshot("table").await;

    // Step 1: a deprecating version cannot be picked, and says why.
    app.click("new-deployment").await;
    app.wait_for("wizard-step-1").await;
    app.type_into("model-search", "gpt-4o").await;
    let deprecating = css("model-option", &[("data-model", "gpt-4o"), ("data-version", "2024-05-13")]);
    let reason = app.wait_for_css(&format!("{deprecating} {}", testid("model-blocked-reason"))).await;
    assert!(reason.text().await.unwrap().contains("no new deployments"), "the reason is shown");
    click_css(&app, &css("model-option", &[("data-model", "gpt-4o"), ("data-version", "2024-11-20")])).await;
    app.screenshot("step-1-model").await;
    next_step(&app, 2).await;

    // Step 2: the types this model offers here, with their free quota.
    click_css(&app, &css("sku-option", &[("data-sku", "GlobalStandard")])).await;
    app.screenshot("step-2-type").await;
    next_step(&app, 3).await;

    // Step 3: more than the free quota is refused with the numbers; a fitting capacity goes on.
    app.type_into("capacity-input", "2000").await;
    app.wait_for_text("capacity-problem", |t| t.contains("2000") || t.contains("2,000")).await;
    app.screenshot("step-3-over-quota").await;
    assert!(app.wait_for("wizard-next").await.attr("disabled").await.unwrap().is_some(), "Next is blocked");
    app.type_into("capacity-input", "10").await;
    app.screenshot("step-3-capacity").await;
    next_step(&app, 4).await;

    // Step 4: the name.
    app.type_into("deployment-name", NAME).await;
    app.screenshot("step-4-options").await;
    next_step(&app, 5).await;

    // Step 5: the exact request; the first create fails in Azure, and nothing typed is lost.
    app.wait_for_text("review-request", |t| t.contains(&format!("/deployments/{NAME}?api-version="))).await;
    app.wait_for_text("review-az", |t| t.contains("az ")).await;
    app.screenshot("step-5-review").await;
    click_css(&app, &format!("{}:not([disabled])", testid("wizard-create"))).await;
    app.wait_for_text("deployment-wizard", |t| t.contains("InternalServerError")).await;
    app.screenshot("create-failed").await;
    app.wait_for_text("review-request", |t| t.contains(NAME)).await;
    click_css(&app, &format!("{}:not([disabled])", testid("wizard-create"))).await;

    // Created: in the table, Succeeded.
    let row = css("deployment-row", &[("data-deployment-name", NAME)]);
    let created = app.wait_for_css(&row).await;
    let deadline = std::time::Instant::now() + foundry_desk_e2e::PATIENCE;
    while !created.text().await.unwrap_or_default().contains("Succeeded") {
        assert!(std::time::Instant::now() < deadline, "the new deployment never showed Succeeded");
        app.next_frame().await;
    }
    app.screenshot("created").await;

    // The new deployment opens in the Playground.
    app.click("open-in-playground").await;
    // The Playground opens with the new deployment chosen.
    app.wait_until_js(&format!(
        "document.querySelector('{}')?.selectedOptions[0]?.textContent.startsWith('{NAME} ')",
        testid("target-picker")
    ))
    .await;
    app.screenshot("open-in-playground").await;
    app.click("nav-deployments").await;
    click_css(&app, &css("resource-row", &[("data-account-name", ACCOUNT_OPENAI)])).await;

    // Manage: more than the free quota is refused with the numbers; 20 is reviewed as the exact PATCH,
    // applied, and the table shows it.
    click_css(&app, &format!("{row} {}", testid("manage-deployment"))).await;
    app.wait_for("manage-panel").await;
    app.type_into("manage-capacity", "5000").await;
    app.wait_for_text("manage-capacity-problem", |t| t.contains("5000") || t.contains("5,000")).await;
    app.screenshot("manage-over-quota").await;
    app.type_into("manage-capacity", "20").await;
    click_css(&app, &format!("{}:not([disabled])", testid("manage-review"))).await;
    app.wait_for_text("manage-request", |t| t.starts_with("PATCH ") && t.contains("\"capacity\": 20")).await;
    app.screenshot("manage-review").await;
    click_css(&app, &format!("{}:not([disabled])", testid("manage-apply"))).await;
    app.wait_for_text("deployments-status", |t| t.contains(&format!("Changed {NAME}"))).await;
    app.wait_for_text_css(&format!("{row} {}", testid("deployment-capacity")), |t| t.starts_with("20")).await;
    app.screenshot("manage-changed").await;

    // The region's quota, with this deployment's capacity counted as used.
    app.click("tab-quota").await;
    let usage = css("quota-row", &[("data-usage-name", "OpenAI.GlobalStandard.gpt-4o")]);
    // The Sandbox's gpt-4o (50) and this one (20) draw on the same GlobalStandard quota.
    app.wait_for_text_css(&format!("{usage} {}", testid("quota-numbers")), |t| t.starts_with("70 of")).await;
    app.screenshot("quota").await;
    app.click("tab-deployments").await;

    // Delete, once the name is typed.
    click_css(&app, &format!("{row} {}", testid("delete-deployment"))).await;
    app.wait_for("delete-confirmation").await;
    app.type_into("delete-confirm-name", NAME).await;
    app.screenshot("delete-confirm").await;
    click_css(&app, &format!("{}:not([disabled])", testid("delete-confirm"))).await;
    app.wait_for_text("deployments-status", |t| t.contains(NAME)).await;
    app.wait_until_js(&format!("!document.querySelector('{}')", row.replace('\'', "\\'"))).await;
    app.screenshot("deleted").await;
    app.quit().await;
}
