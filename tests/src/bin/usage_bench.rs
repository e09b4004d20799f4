//! `make bench`: the Usage tab's charts at a month's scale, in the release app against its own Sandbox.
//!
//! - `usage_chart_render_ms`: a month of hourly points for 20 deployments (720 points × 20 = 14,400 per
//!   metric) from the usage report's response arriving from Rust to both charts drawn with it; median of
//!   5 runs. The first run switches the range to the month, the others press Refresh after one more
//!   minute of traffic (a report that did not change is not drawn again: there is nothing new to draw).
//!
//! The figure is the User Timing measure the UI records (`usage_chart_render`, from the mark
//! `fd:usage-response`), so WebDriver round trips are not part of it. The history goes into the app's
//! simulator over HTTP (`POST /_sim/traffic`), on the port `FOUNDRY_SANDBOX_PORT` pins.

use std::time::Instant;

use chrono::{DateTime, Duration, DurationRound, SecondsFormat, Timelike, Utc};
use foundry_desk_e2e::{free_port, median, metric, record_bench, testid, workspace_root, Desktop, Machine};
use foundry_sim::sandbox::ACCOUNT_OPENAI;

const RUNS: usize = 5;
/// The month range: 30 days of hours.
const POINTS: usize = 720;
/// The Sandbox account's own deployments; the other 17 are made up (they show as deleted ones).
const SANDBOX_DEPLOYMENTS: [&str; 3] = ["gpt-4o", "gpt-4o-mini", "embeddings"];
const DEPLOYMENTS: usize = 20;
const MEASURE: &str = "usage_chart_render";
const CHARTS: [&str; 2] = ["usage-chart-tokens", "usage-chart-requests"];

#[tokio::main]
async fn main() {
    let app = workspace_root().join("target/release/foundry-desk");
    assert!(app.exists(), "{} is missing: `make bench` builds it", app.display());
    let port = free_port();
    let machine = Machine::new().with_env("FOUNDRY_SANDBOX_PORT", &port.to_string());
    let desktop = machine.launch_binary(&app, "usage-bench").await;
    let sim = format!("http://127.0.0.1:{port}");

    // The resource list answering means the Sandbox is serving: the history can go in.
    desktop.click("nav-deployments").await;
    let east = format!("{}[data-account-name=\"{ACCOUNT_OPENAI}\"]", testid("resource-row"));
    let row = desktop.wait_for_css(&east).await;
    let now = Utc::now();
    let started = Instant::now();
    seed_month(&sim, now).await;
    eprintln!("seeded {} points per metric in {:?}", DEPLOYMENTS * POINTS, started.elapsed());

    row.click().await.expect("select the East US resource");
    desktop.click("tab-usage").await;
    desktop.wait_for("usage-view").await;
    // The default range first, so that the month is a switch like a person makes.
    drawn(&desktop).await;

    let mut times = Vec::new();
    for run in 1..=RUNS {
        clear_and_watch(&desktop).await;
        if run == 1 {
            desktop.click("usage-range-month").await;
        } else {
            add_minute(&sim, now, run).await;
            let refresh = format!("{}:not([disabled])", testid("usage-refresh"));
            desktop.wait_for_css(&refresh).await.click().await.expect("press Refresh");
        }
        desktop.wait_until_js("window.__fdUsageWatch.drawn !== null").await;
        let value = desktop.last_measure(MEASURE).await;
        check_measure(&desktop, value).await;
        eprintln!("run {run}/{RUNS}: {value:.1} ms");
        times.push(value);
    }
    desktop.quit().await;

    let mut results = serde_json::Map::new();
    results.insert("usage_chart_render_ms".into(), metric(median(&mut times), "ms", "lower"));
    println!("{}", serde_json::to_string_pretty(&results).expect("json"));
    record_bench(results);
}

/// The 20 deployments' names.
fn deployment_names() -> Vec<String> {
    let made_up = (SANDBOX_DEPLOYMENTS.len() + 1..=DEPLOYMENTS).map(|n| format!("d{n:02}"));
    SANDBOX_DEPLOYMENTS.iter().map(|name| name.to_string()).chain(made_up).collect()
}

/// A small deterministic noise source in [0, 1) (xorshift), so every run draws the same month.
fn noise(state: &mut u64) -> f64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    (*state >> 11) as f64 / (1u64 << 53) as f64
}

/// One entry per whole hour (UTC) of the month window ending with the current hour, per deployment:
/// busier by day than by night, each deployment at its own scale, with the odd throttled or failed request.
async fn seed_month(sim: &str, now: DateTime<Utc>) {
    let this_hour = now.duration_trunc(Duration::hours(1)).expect("the current hour");
    let histories: Vec<serde_json::Value> = deployment_names()
        .iter()
        .enumerate()
        .map(|(d, name)| {
            let mut state = 0x9e37_79b9_7f4a_7c15 ^ (d as u64 + 1).wrapping_mul(0x2545_f491_4f6c_dd1d);
            let scale = 300.0 + 250.0 * d as f64;
            let minutes: Vec<serde_json::Value> = (0..POINTS)
                .map(|i| {
                    let at = this_hour - Duration::hours((POINTS - 1 - i) as i64);
                    let hour = f64::from(at.hour());
                    let daylight =
                        0.25 + 0.75 * (1.0 + ((hour - 9.0) / 24.0 * std::f64::consts::TAU).sin()) / 2.0;
                    let roll = noise(&mut state);
                    let prompt = (scale * daylight * (0.5 + roll)) as u64 + 1;
                    let completion = prompt / (2 + d as u64 % 3) + (noise(&mut state) * 50.0) as u64;
                    let mut requests = serde_json::Map::new();
                    requests.insert("200".into(), (prompt / 120 + 1).into());
                    if roll > 0.9 {
                        requests.insert("429".into(), (((roll - 0.9) * 100.0).ceil() as u64).into());
                    }
                    if roll < 0.02 {
                        requests.insert("500".into(), 1.into());
                    }
                    serde_json::json!({
                        "at": at.to_rfc3339_opts(SecondsFormat::Secs, true),
                        "promptTokens": prompt,
                        "completionTokens": completion,
                        "requests": requests,
                    })
                })
                .collect();
            serde_json::json!({ "account": ACCOUNT_OPENAI, "deployment": name, "minutes": minutes })
        })
        .collect();
    let recorded = post_traffic(sim, &serde_json::Value::Array(histories)).await;
    assert_eq!(recorded, DEPLOYMENTS * POINTS, "the simulator took every hour of every deployment");
}

/// One more minute of gpt-4o traffic in the current hour, so a refresh brings a report that differs.
async fn add_minute(sim: &str, now: DateTime<Utc>, run: usize) {
    let this_hour = now.duration_trunc(Duration::hours(1)).expect("the current hour");
    let body = serde_json::json!([{
        "account": ACCOUNT_OPENAI,
        "deployment": SANDBOX_DEPLOYMENTS[0],
        "minutes": [{
            "at": this_hour.to_rfc3339_opts(SecondsFormat::Secs, true),
            "promptTokens": 100 * run,
            "completionTokens": 40 * run,
            "requests": {"200": run},
        }],
    }]);
    assert_eq!(post_traffic(sim, &body).await, 1, "the simulator took the extra minute");
}

/// `POST /_sim/traffic`; returns how many minutes the simulator recorded.
async fn post_traffic(sim: &str, body: &serde_json::Value) -> usize {
    let response = reqwest::Client::new()
        .post(format!("{sim}/_sim/traffic"))
        .json(body)
        .send()
        .await
        .expect("post traffic to the app's simulator");
    let status = response.status();
    let answer: serde_json::Value = response.json().await.expect("the simulator's answer");
    assert!(status.is_success(), "the simulator refused the traffic: {status} {answer}");
    answer["recorded"].as_u64().expect("a count of recorded minutes") as usize
}

/// Waits until both charts have drawn (the default range, before the benchmark starts).
async fn drawn(desktop: &Desktop) {
    desktop
        .wait_until_js(&format!(
            "{CHARTS:?}.every(id => document.querySelector(`[data-testid=\"${{id}}\"]`)?.dataset.drawn === 'true')"
        ))
        .await;
}

/// Clears the measures, and watches the charts' boxes: when the first of them is reset for new data
/// (`data-drawn="false"`) and when both, having been reset, have drawn again with a month's points. A
/// draw without a reset (a resize) is not a draw of new data.
async fn clear_and_watch(desktop: &Desktop) {
    let script = format!(
        "performance.clearMeasures('{MEASURE}');
         const boxes = {CHARTS:?}.map(id => document.querySelector(`[data-testid=\"${{id}}\"]`));
         const watch = {{ reset: null, drawn: null }};
         const cleared = new Set();
         window.__fdUsageWatch = watch;
         const observer = new MutationObserver((records) => {{
           const now = performance.now();
           for (const r of records) {{
             if (r.attributeName !== 'data-drawn') continue;
             if (r.oldValue === 'false') cleared.add(r.target);
           }}
           boxes.forEach(b => {{ if (b.dataset.drawn === 'false') cleared.add(b); }});
           if (watch.reset === null && cleared.size > 0) watch.reset = now;
           if (cleared.size === boxes.length
               && boxes.every(b => b.dataset.drawn === 'true' && b.dataset.points === '{POINTS}')) {{
             watch.drawn = now;
             observer.disconnect();
           }}
         }});
         boxes.forEach(b => observer.observe(b, {{ attributes: true, attributeOldValue: true,
           attributeFilter: ['data-drawn', 'data-points'] }}));"
    );
    desktop.client.execute(&script, vec![]).await.expect("watch the charts");
}

/// The measure must end after this run's data went into the charts (not at a draw of the old data).
async fn check_measure(desktop: &Desktop, duration: f64) {
    let script = format!(
        "const all = performance.getEntriesByName('{MEASURE}'); const m = all[all.length - 1];
         return {{ end: m.startTime + m.duration, watch: window.__fdUsageWatch }};"
    );
    let seen = desktop.client.execute(&script, vec![]).await.expect("read the measure and the watch");
    let end = seen["end"].as_f64().expect("the measure's end");
    let reset = seen["watch"]["reset"].as_f64().expect("the charts were reset for new data");
    let drawn = seen["watch"]["drawn"].as_f64().expect("the charts drew the new data");
    eprintln!(
        "  measure {duration:.1} ms: its last {:.1} ms after the data went into the charts, {:.1} ms before both had drawn",
        end - reset,
        drawn - end
    );
    assert!(end >= reset, "the measure ended before the new data went in: a stale draw was measured");
}
