//! The end-to-end harness. Each [`Desktop`] is the real app binary in a real window, started through
//! tauri-driver (which starts WebKitWebDriver, which starts the app), with its own empty data dirs and
//! its own unlocked gnome-keyring on a private D-Bus: nothing is shared between tests or with the user.
//! The X display comes from outside (`xvfb-run`, see the Makefile).

mod keyring;
mod process;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
pub use keyring::PrivateKeyring;
pub use process::free_port;
use process::{wait_for_port, KillOnDrop};

/// How long a condition may take before a test fails. Generous: CI machines are shared and noisy.
pub const PATIENCE: Duration = Duration::from_secs(30);

/// The workspace root (this crate lives in `<root>/tests`).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(Path::to_path_buf).unwrap_or_default()
}

/// The app binary under test: `$FDESK_APP`, else the debug build (built with the production front end
/// by `make e2e`).
pub fn app_binary() -> PathBuf {
    std::env::var_os("FDESK_APP")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("target/debug/foundry-desk"))
}

fn tauri_driver() -> PathBuf {
    std::env::var_os("TAURI_DRIVER")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join(".tools/bin/tauri-driver"))
}

/// Adds `metrics` to `target/bench/results.json` (each `{"value", "unit", "better"}`), keeping the
/// metrics other benchmarks of the same `make bench` run wrote there.
pub fn record_bench(metrics: serde_json::Map<String, serde_json::Value>) -> PathBuf {
    let dir = workspace_root().join("target/bench");
    std::fs::create_dir_all(&dir).expect("create target/bench");
    let path = dir.join("results.json");
    let mut all: serde_json::Map<String, serde_json::Value> = std::fs::read_to_string(&path)
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default();
    all.extend(metrics);
    let text = serde_json::to_string_pretty(&all).expect("json");
    std::fs::write(&path, text).expect("write target/bench/results.json");
    path
}

/// One metric in the shape `record_bench` stores.
pub fn metric(value: f64, unit: &str, better: &str) -> serde_json::Value {
    serde_json::json!({ "value": (value * 100.0).round() / 100.0, "unit": unit, "better": better })
}

/// Where screenshots go for people to look at.
pub fn shots_dir() -> PathBuf {
    workspace_root().join("target/e2e-shots")
}

/// A user's machine in miniature: a home with empty data dirs and a keyring, on which the app can be
/// launched (and relaunched, to check what persists).
pub struct Machine {
    home: tempfile::TempDir,
    keyring: Option<PrivateKeyring>,
    extra_env: Vec<(String, String)>,
}

impl Machine {
    /// Fresh dirs and a fresh unlocked keyring.
    pub fn new() -> Self {
        let home = tempfile::Builder::new().prefix("fdesk-e2e-").tempdir().expect("temp home");
        let keyring = PrivateKeyring::start(home.path()).expect("start a private unlocked gnome-keyring");
        Self { home, keyring: Some(keyring), extra_env: Vec::new() }
    }

    /// Fresh dirs and no keychain at all (no Secret Service on the bus).
    pub fn without_keychain() -> Self {
        let home = tempfile::Builder::new().prefix("fdesk-e2e-").tempdir().expect("temp home");
        Self { home, keyring: None, extra_env: Vec::new() }
    }

    /// Sets an environment variable for every app launched on this machine (e.g. `FOUNDRY_SIM_FAULTS`,
    /// which the in-app Sandbox reads when it starts).
    pub fn with_env(mut self, name: &str, value: &str) -> Self {
        self.extra_env.push((name.into(), value.into()));
        self
    }

    /// Runs `secret-tool` against this machine's keyring.
    pub fn secret_tool(&self, args: &[&str]) -> std::process::Output {
        self.keyring.as_ref().expect("this machine has no keyring").secret_tool(args)
    }

    /// The secret the app keeps under `name`, as `secret-tool` finds it.
    pub fn keychain_entry(&self, name: &str) -> Option<String> {
        let out = self.secret_tool(&["lookup", "service", foundry_desk_core::APP_ID, "username", name]);
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
            .filter(|s| !s.is_empty())
    }

    /// Every file the app may write (data, config, cache and logs; not the keyring's own store) that
    /// contains `needle`.
    pub fn files_containing(&self, needle: &str) -> Vec<PathBuf> {
        fn walk(dir: &Path, needle: &str, skip: &Path, hits: &mut Vec<PathBuf>) {
            for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
                let path = entry.path();
                if path == skip {
                    continue;
                }
                if path.is_dir() {
                    walk(&path, needle, skip, hits);
                } else if std::fs::read(&path).is_ok_and(|b| String::from_utf8_lossy(&b).contains(needle)) {
                    hits.push(path);
                }
            }
        }
        let mut hits = Vec::new();
        let skip = self.data_home().join("keyrings");
        for dir in ["data", "config", "cache"] {
            walk(&self.home.path().join(dir), needle, &skip, &mut hits);
        }
        hits
    }

    /// The Downloads folder, where the app writes exports: inside this machine's home, never the real
    /// one (named in `$XDG_CONFIG_HOME/user-dirs.dirs`, as a desktop session does).
    pub fn downloads(&self) -> PathBuf {
        self.home.path().join("downloads")
    }

    /// `$XDG_DATA_HOME`: the app's data dir is `<this>/dev.foundrydesk.app`.
    pub fn data_home(&self) -> PathBuf {
        self.home.path().join("data")
    }

    fn env(&self) -> Vec<(String, String)> {
        let dir = |name: &str| {
            let path = self.home.path().join(name);
            std::fs::create_dir_all(&path).expect("create XDG dir");
            path.display().to_string()
        };
        let downloads = self.downloads();
        std::fs::create_dir_all(&downloads).expect("create Downloads");
        std::fs::write(
            std::path::Path::new(&dir("config")).join("user-dirs.dirs"),
            format!("XDG_DOWNLOAD_DIR=\"{}\"\n", downloads.display()),
        )
        .expect("name the Downloads folder");
        let bus = match &self.keyring {
            Some(keyring) => keyring.bus_address().to_string(),
            None => format!("unix:path={}/no-bus-here", self.home.path().display()),
        };
        let mut env = vec![
            ("XDG_DATA_HOME".into(), dir("data")),
            ("XDG_CONFIG_HOME".into(), dir("config")),
            ("XDG_CACHE_HOME".into(), dir("cache")),
            ("XDG_RUNTIME_DIR".into(), self.keyring.as_ref().map_or_else(|| dir("run"), |k| k.runtime_dir())),
            ("DBUS_SESSION_BUS_ADDRESS".into(), bus),
            // No accessibility bus to find in a private session; don't wait for one.
            ("NO_AT_BRIDGE".into(), "1".into()),
        ];
        env.extend(self.extra_env.iter().cloned());
        env
    }

    /// Starts the app and waits until its frame is on screen.
    pub async fn launch(&self, test: &str) -> Desktop {
        self.launch_binary(&app_binary(), test).await
    }

    /// Starts any Tauri binary whose page has a `data-testid="app-frame"` (the app, or the bare
    /// baseline the benchmarks compare it with) and waits until that frame is on screen.
    pub async fn launch_binary(&self, app: &Path, test: &str) -> Desktop {
        assert!(
            std::env::var_os("DISPLAY").is_some(),
            "no X display: run end-to-end tests under xvfb-run (make e2e does)"
        );
        assert!(app.exists(), "no app binary at {}: run `make e2e` to build it", app.display());
        let driver_bin = tauri_driver();
        assert!(driver_bin.exists(), "no tauri-driver at {}: `make tools` installs it", driver_bin.display());

        let (port, native_port) = (free_port(), free_port());
        let driver = KillOnDrop::spawn(
            Command::new(&driver_bin)
                .args(["--port", &port.to_string(), "--native-port", &native_port.to_string()])
                .envs(self.env())
                .stdout(Stdio::null())
                .stderr(Stdio::inherit()),
        )
        .expect("start tauri-driver");
        // tauri-driver listens at once but proxies to WebKitWebDriver, which takes a moment to come up:
        // a session request before that fails half-way. Wait for both.
        wait_for_port(port, PATIENCE).await;
        wait_for_port(native_port, PATIENCE).await;

        let mut capabilities = serde_json::Map::new();
        capabilities.insert("browserName".into(), "wry".into());
        capabilities
            .insert("tauri:options".into(), serde_json::json!({ "application": app.display().to_string() }));
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let client = ClientBuilder::new(connector)
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .expect("WebDriver session with the app");
        let desktop = Desktop { client, _driver: driver, test: test.to_string() };
        desktop.wait_for("app-frame").await;
        desktop
    }
}

impl Default for Machine {
    fn default() -> Self {
        Self::new()
    }
}

/// The running app, driven like a user would.
pub struct Desktop {
    pub client: Client,
    _driver: KillOnDrop,
    test: String,
}

/// A CSS locator for a `data-testid`.
pub fn testid(id: &str) -> String {
    format!("[data-testid=\"{id}\"]")
}

impl Desktop {
    /// Waits until an element with this test id exists.
    pub async fn wait_for(&self, id: &str) -> fantoccini::elements::Element {
        let css = testid(id);
        self.client
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::Css(&css))
            .await
            .unwrap_or_else(|e| panic!("{id} did not appear within {PATIENCE:?}: {e}"))
    }

    /// Clicks the element with this test id.
    pub async fn click(&self, id: &str) {
        self.wait_for(id).await.click().await.unwrap_or_else(|e| panic!("click {id}: {e}"));
    }

    /// Waits until the element's text satisfies `accept`, and returns it.
    pub async fn wait_for_text(&self, id: &str, accept: impl Fn(&str) -> bool) -> String {
        self.wait_for_text_css(&testid(id), accept).await
    }

    /// Waits until the element matching `css` shows text that `accept` takes; returns that text.
    pub async fn wait_for_text_css(&self, css: &str, accept: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + PATIENCE;
        let mut last = String::new();
        while Instant::now() < deadline {
            if let Ok(element) = self.client.find(Locator::Css(css)).await {
                if let Ok(text) = element.text().await {
                    if accept(&text) {
                        return text;
                    }
                    last = text;
                }
            }
            self.next_frame().await;
        }
        panic!("{css} never showed the expected text; last seen: {last:?}");
    }

    /// Waits until the element matching `css` exists.
    pub async fn wait_for_css(&self, css: &str) -> fantoccini::elements::Element {
        self.client
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css} did not appear within {PATIENCE:?}: {e}"))
    }

    /// Types `text` into the input with this test id, replacing what was there.
    pub async fn type_into(&self, id: &str, text: &str) {
        let input = self.wait_for(id).await;
        input.clear().await.unwrap_or_else(|e| panic!("clear {id}: {e}"));
        input.send_keys(text).await.unwrap_or_else(|e| panic!("type into {id}: {e}"));
    }

    /// Picks the option with `value` in the select with this test id.
    pub async fn select(&self, id: &str, value: &str) {
        self.wait_for(id)
            .await
            .select_by_value(value)
            .await
            .unwrap_or_else(|e| panic!("select {value} in {id}: {e}"));
    }

    /// Picks, in the select with this test id, the first option whose text starts with `prefix`
    /// (option values are the app's own keys; people choose by what they read).
    pub async fn select_by_text(&self, id: &str, prefix: &str) {
        self.wait_for(id).await;
        let script = "const [id, prefix] = arguments;
            const select = document.querySelector(`[data-testid=\"${id}\"]`);
            const option = [...select.options].find((o) => !o.disabled && o.textContent.startsWith(prefix));
            if (!option) return false;
            const setValue = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value').set;
            setValue.call(select, option.value);
            select.dispatchEvent(new Event('change', { bubbles: true }));
            return true;";
        let deadline = Instant::now() + PATIENCE;
        while Instant::now() < deadline {
            let args = vec![id.into(), prefix.into()];
            if let Ok(serde_json::Value::Bool(true)) = self.client.execute(script, args).await {
                return;
            }
            self.next_frame().await;
        }
        panic!("{id} never offered an option starting with {prefix:?}");
    }

    /// Scrolls the element with this test id into view (before a screenshot of it).
    pub async fn scroll_to(&self, id: &str) {
        let element = self.wait_for(id).await;
        let arg = serde_json::to_value(&element).expect("element as a script argument");
        let _ = self.client.execute("arguments[0].scrollIntoView({block: 'center'});", vec![arg]).await;
    }

    /// Everything the page holds that a script could read: its markup and every field's value.
    pub async fn visible_state(&self) -> String {
        let script = "return document.documentElement.outerHTML + '\\n' + \
                      [...document.querySelectorAll('input, textarea, select')].map(e => e.value).join('\\n');";
        match self.client.execute(script, vec![]).await {
            Ok(serde_json::Value::String(text)) => text,
            other => panic!("could not read the page: {other:?}"),
        }
    }

    /// Evaluates a JavaScript expression in the window until it is truthy.
    pub async fn wait_until_js(&self, expression: &str) {
        self.wait_until_js_within(expression, PATIENCE).await;
    }

    /// Evaluates a JavaScript expression in the window until it is truthy, for at most `patience`
    /// (for what takes long by design, such as a 10,000-token answer).
    pub async fn wait_until_js_within(&self, expression: &str, patience: Duration) {
        let deadline = Instant::now() + patience;
        let script = format!("return Boolean({expression});");
        while Instant::now() < deadline {
            if let Ok(serde_json::Value::Bool(true)) = self.client.execute(&script, vec![]).await {
                return;
            }
            self.next_frame().await;
        }
        panic!("`{expression}` never became true within {patience:?}");
    }

    /// Resolves after the window has painted twice (before a screenshot, or it can show the previous frame).
    pub async fn next_frame(&self) {
        let script = "const done = arguments[arguments.length - 1];
                      requestAnimationFrame(() => requestAnimationFrame(() => done(true)));";
        let _ = self.client.execute_async(script, vec![]).await;
    }

    /// Saves a screenshot as `target/e2e-shots/<test>-<name>.png`.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        self.next_frame().await;
        let png = self.client.screenshot().await.expect("screenshot");
        let dir = shots_dir();
        std::fs::create_dir_all(&dir).expect("create target/e2e-shots");
        let path = dir.join(format!("{}-{name}.png", self.test));
        std::fs::write(&path, png).expect("write screenshot");
        path
    }

    /// The duration of the latest User Timing measure called `name`, once there is one.
    pub async fn last_measure(&self, name: &str) -> f64 {
        self.wait_until_js(&format!("performance.getEntriesByName('{name}').length > 0")).await;
        let script = format!(
            "const all = performance.getEntriesByName('{name}'); return all[all.length - 1].duration;"
        );
        self.client.execute(&script, vec![]).await.ok().and_then(|v| v.as_f64()).expect("the measure")
    }

    /// Closes the window and ends the session.
    pub async fn quit(self) {
        let _ = self.client.close().await;
    }
}

/// The middle value (sorts `values`).
pub fn median(values: &mut [f64]) -> f64 {
    percentile(values, 50)
}

/// The value below which `pct` % of `values` lie (sorts `values`).
pub fn percentile(values: &mut [f64], pct: usize) -> f64 {
    assert!(!values.is_empty(), "no values to take a percentile of");
    values.sort_by(f64::total_cmp);
    values[(values.len() * pct / 100).min(values.len() - 1)]
}
