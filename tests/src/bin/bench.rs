//! `make bench`: startup time and idle memory of the release app against a bare Tauri window built from
//! the same workspace (measured in one run, interleaved, so the ratios hold on a noisy machine), and the
//! size of the .deb. Writes `target/bench/results.json`.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use foundry_desk_e2e::{metric, record_bench, workspace_root, Machine};

const RUNS: usize = 5;
/// How long after the first interactive paint memory is read ("idle").
const IDLE_AFTER: Duration = Duration::from_secs(5);

struct Sample {
    startup_ms: f64,
    /// Of which: process start → the web page's navigation start (Rust setup, window and WebView).
    webview_ms: f64,
    idle_pss_mib: f64,
}

#[tokio::main]
async fn main() {
    let root = workspace_root();
    let app = root.join("target/release/foundry-desk");
    let bare = root.join("target/release/bare-tauri");
    for binary in [&app, &bare] {
        assert!(binary.exists(), "{} is missing: `make bench` builds it", binary.display());
    }

    let (mut app_samples, mut bare_samples) = (Vec::new(), Vec::new());
    for run in 1..=RUNS {
        app_samples.push(measure(&app, &format!("bench-app-{run}")).await);
        bare_samples.push(measure(&bare, &format!("bench-bare-{run}")).await);
        eprintln!("run {run}/{RUNS} done");
    }

    let startup = median(app_samples.iter().map(|s| s.startup_ms));
    let startup_bare = median(bare_samples.iter().map(|s| s.startup_ms));
    let pss = median(app_samples.iter().map(|s| s.idle_pss_mib));
    let pss_bare = median(bare_samples.iter().map(|s| s.idle_pss_mib));

    let mut results = serde_json::Map::new();
    let mut put = |name: &str, value: f64, unit: &str, better: &str| {
        results.insert(name.to_string(), metric(value, unit, better));
    };
    put("startup_ms", startup, "ms", "lower");
    put("startup_ms_bare_tauri", startup_bare, "ms", "lower");
    put("startup_ratio_vs_bare_tauri", startup / startup_bare, "ratio", "lower");
    // Where the startup time goes: before the page starts loading (Rust, window, WebView) or in it.
    put("startup_webview_ms", median(app_samples.iter().map(|s| s.webview_ms)), "ms", "lower");
    put("startup_webview_ms_bare_tauri", median(bare_samples.iter().map(|s| s.webview_ms)), "ms", "lower");
    put("idle_pss_mib", pss, "MiB", "lower");
    put("idle_pss_mib_bare_tauri", pss_bare, "MiB", "lower");
    put("idle_pss_ratio_vs_bare_tauri", pss / pss_bare, "ratio", "lower");
    match deb_size_mib(&root.join("target/release/bundle/deb")) {
        Some(size) => put("deb_size_mib", size, "MiB", "lower"),
        None => eprintln!("no .deb in target/release/bundle/deb: run `make deb` first"),
    }

    println!("{}", serde_json::to_string_pretty(&results).expect("json"));
    record_bench(results);
}

/// One cold launch: time from the app process's start to its first contentful (= interactive) paint, then the PSS of
/// the app and every process it started (WebKit's web and network processes) once it has idled.
async fn measure(binary: &Path, label: &str) -> Sample {
    let machine = Machine::new();
    let desktop = machine.launch_binary(binary, label).await;
    let pid = find_process(binary).expect("the launched app's process");
    // The page has no content of its own until the UI renders (the app's index.html is an empty root), so
    // its first contentful paint is the first frame of the interactive UI; the same holds for the bare page.
    desktop.wait_until_js("performance.getEntriesByName('first-contentful-paint').length > 0").await;
    let painted_epoch_ms = desktop
        .client
        .execute(
            "return performance.timeOrigin + performance.getEntriesByName('first-contentful-paint')[0].startTime;",
            vec![],
        )
        .await
        .ok()
        .and_then(|v| v.as_f64())
        .expect("the first contentful paint");
    let origin_epoch_ms =
        desktop.client.execute("return performance.timeOrigin;", vec![]).await.ok().and_then(|v| v.as_f64());
    let started_epoch_ms = process_start_epoch_ms(pid);
    let startup_ms = painted_epoch_ms - started_epoch_ms;
    let webview_ms = origin_epoch_ms.expect("performance.timeOrigin") - started_epoch_ms;

    // A benchmark, not a test: "idle" is a fixed time after start, by definition of the metric.
    tokio::time::sleep(IDLE_AFTER).await;
    let idle_pss_mib = process_tree(pid).iter().filter_map(|p| pss_kib(*p)).sum::<u64>() as f64 / 1024.0;
    desktop.quit().await;
    Sample { startup_ms, webview_ms, idle_pss_mib }
}

/// The pid of the running process whose executable is `binary`.
fn find_process(binary: &Path) -> Option<u32> {
    let wanted = binary.canonicalize().ok()?;
    all_pids()
        .into_iter()
        .find(|pid| std::fs::read_link(format!("/proc/{pid}/exe")).ok() == Some(wanted.clone()))
}

fn all_pids() -> Vec<u32> {
    let Ok(entries) = std::fs::read_dir("/proc") else { return Vec::new() };
    entries.filter_map(|e| e.ok()?.file_name().to_str()?.parse().ok()).collect()
}

/// Fields of /proc/<pid>/stat after the command name (which may contain spaces).
fn stat_fields(pid: u32) -> Option<Vec<String>> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let after_name = stat.rsplit_once(')')?.1;
    Some(after_name.split_whitespace().map(str::to_string).collect())
}

/// `pid` and all its descendants.
fn process_tree(pid: u32) -> Vec<u32> {
    let parents: Vec<(u32, u32)> =
        all_pids().into_iter().filter_map(|p| Some((p, stat_fields(p)?.get(1)?.parse().ok()?))).collect();
    let mut tree = vec![pid];
    let mut i = 0;
    while i < tree.len() {
        let parent = tree[i];
        tree.extend(parents.iter().filter(|(_, pp)| *pp == parent).map(|(p, _)| *p));
        i += 1;
    }
    tree
}

fn pss_kib(pid: u32) -> Option<u64> {
    let rollup = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).ok()?;
    let line = rollup.lines().find(|l| l.starts_with("Pss:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// When the process started, in ms since the epoch: its age (from the uptime clock, which /proc/<pid>/stat
/// counts in) subtracted from now.
fn process_start_epoch_ms(pid: u32) -> f64 {
    let ticks_per_sec =
        nix::unistd::sysconf(nix::unistd::SysconfVar::CLK_TCK).ok().flatten().unwrap_or(100) as f64;
    let started_ticks: f64 =
        stat_fields(pid).and_then(|f| f.get(19)?.parse().ok()).expect("process start time in /proc");
    let uptime_s: f64 = std::fs::read_to_string("/proc/uptime")
        .ok()
        .and_then(|u| u.split_whitespace().next()?.parse().ok())
        .expect("/proc/uptime");
    let now_ms =
        SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs_f64() * 1000.0).unwrap_or(0.0);
    now_ms - (uptime_s - started_ticks / ticks_per_sec) * 1000.0
}

fn deb_size_mib(dir: &Path) -> Option<f64> {
    let debs: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "deb"))
        .collect();
    let newest = debs.iter().max_by_key(|p| p.metadata().and_then(|m| m.modified()).ok())?;
    Some(newest.metadata().ok()?.len() as f64 / (1024.0 * 1024.0))
}

fn median(values: impl Iterator<Item = f64>) -> f64 {
    let mut v: Vec<f64> = values.collect();
    v.sort_by(|a, b| a.total_cmp(b));
    v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
}
