//! `make bench`: how the Deployments screen copes with a real region's size — a resource with 300
//! deployments and a catalog of 700 models (the Sandbox's `region-scale` seed) — in the release app.
//!
//! - `deployments_table_render_ms`: the rows command answered → the table of 300 rows painted.
//! - `catalog_search_ms`: a keystroke in the wizard's model search → the filtered list painted.
//!
//! Both are read from User Timing entries the UI records (`deployments_table_render`, `catalog_search`),
//! so the WebDriver round trips are not part of the figures.

use std::time::Duration;

use fantoccini::Locator;
use foundry_desk_e2e::{metric, record_bench, testid, workspace_root, Desktop, Machine};
use foundry_sim::region_scale::{ACCOUNT_LARGE, DEPLOYMENT_COUNT};

const RUNS: usize = 5;
/// Typed one key at a time; every prefix narrows the list differently.
const QUERY: &str = "llama-3.3-ft-1";
const PATIENCE: Duration = Duration::from_secs(30);

#[tokio::main]
async fn main() {
    let app = workspace_root().join("target/release/foundry-desk");
    assert!(app.exists(), "{} is missing: `make bench` builds it", app.display());
    let (mut table, mut search) = (Vec::new(), Vec::new());
    for run in 1..=RUNS {
        let machine = Machine::new().with_env("FOUNDRY_SIM_SEED", "region-scale");
        let desktop = machine.launch_binary(&app, &format!("ui-bench-{run}")).await;
        table.push(table_render_ms(&desktop).await);
        search.extend(search_ms(&desktop).await);
        desktop.quit().await;
        eprintln!("run {run}/{RUNS} done");
    }
    search.sort_by(f64::total_cmp);
    let p95 = search[(search.len() * 95 / 100).min(search.len() - 1)];

    let mut results = serde_json::Map::new();
    results.insert("deployments_table_render_ms".into(), metric(median(&mut table), "ms", "lower"));
    results.insert("catalog_search_ms".into(), metric(median(&mut search), "ms", "lower"));
    results.insert("catalog_search_ms_p95".into(), metric(p95, "ms", "lower"));
    println!("{}", serde_json::to_string_pretty(&results).expect("json"));
    record_bench(results);
}

/// Opens the large resource's table (the Sandbox's other resource is selected first) and reads how long
/// its 300 rows took from the answer to the paint.
async fn table_render_ms(desktop: &Desktop) -> f64 {
    desktop.click("nav-deployments").await;
    desktop.wait_for("deployment-row").await;
    desktop.client.execute("performance.clearMeasures('deployments_table_render');", vec![]).await.ok();
    let large = format!("{}[data-account-name=\"{ACCOUNT_LARGE}\"]", testid("resource-row"));
    desktop.wait_for_css(&large).await.click().await.expect("select the large resource");
    desktop
        .wait_until_js(&format!(
            "document.querySelectorAll('[data-testid=\"deployment-row\"]').length === {DEPLOYMENT_COUNT} \
             && performance.getEntriesByName('deployments_table_render').length > 0"
        ))
        .await;
    last_measure(desktop, "deployments_table_render").await
}

/// Opens the wizard on the 700-model catalog and types the query one key at a time, reading each
/// keystroke's time to the painted list.
async fn search_ms(desktop: &Desktop) -> Vec<f64> {
    desktop.click("new-deployment").await;
    desktop.wait_until_js("document.querySelectorAll('[data-testid=\"model-option\"]').length > 0").await;
    let search = desktop
        .client
        .wait()
        .at_most(PATIENCE)
        .for_element(Locator::Css(&testid("model-search")))
        .await
        .expect("the model search box");
    let mut times = Vec::new();
    for key in QUERY.chars() {
        desktop.client.execute("performance.clearMeasures('catalog_search');", vec![]).await.ok();
        search.send_keys(&key.to_string()).await.expect("type into the model search");
        desktop.wait_until_js("performance.getEntriesByName('catalog_search').length > 0").await;
        times.push(last_measure(desktop, "catalog_search").await);
    }
    times
}

async fn last_measure(desktop: &Desktop, name: &str) -> f64 {
    let script =
        format!("const all = performance.getEntriesByName('{name}'); return all[all.length - 1].duration;");
    desktop.client.execute(&script, vec![]).await.ok().and_then(|v| v.as_f64()).expect("the measure")
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}
