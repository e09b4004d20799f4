//! Helpers shared by the simulator's integration tests: an authenticated client and ARM paths.
#![allow(dead_code)]

use foundry_sim::sandbox::{ACCOUNT_OPENAI, GROUP_EAST, SUBSCRIPTION_ID};
use reqwest::{Method, Response};
use serde_json::Value;

/// The api-version the app pins for Cognitive Services.
pub const API: &str = "api-version=2026-09-01";

/// A started simulator plus a client that signs every request with a bearer token.
pub struct Sim {
    pub sim: foundry_sim::RunningSim,
    pub client: reqwest::Client,
}

impl Sim {
    pub async fn start(config: foundry_sim::SimConfig) -> Self {
        let sim = foundry_sim::RunningSim::start_with(config).await.expect("start simulator");
        Self { sim, client: reqwest::Client::new() }
    }

    pub async fn fast() -> Self {
        Self::start(foundry_sim::SimConfig::fast()).await
    }

    /// `base_url + path_and_query`.
    pub fn url(&self, path_and_query: &str) -> String {
        format!("{}{path_and_query}", self.sim.base_url())
    }

    pub async fn send(&self, method: Method, path: &str, body: Option<Value>) -> Response {
        self.send_with(method, path, body, &[]).await
    }

    pub async fn send_with(
        &self,
        method: Method,
        path: &str,
        body: Option<Value>,
        headers: &[(&str, &str)],
    ) -> Response {
        let url = if path.starts_with("http") { path.to_string() } else { self.url(path) };
        let mut request = self.client.request(method, url).bearer_auth("test-token");
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        request = match body {
            Some(body) => request.json(&body),
            None => request.header("content-length", "0"),
        };
        request.send().await.expect("request")
    }

    pub async fn get_json(&self, path: &str) -> Value {
        let response = self.send(Method::GET, path, None).await;
        assert_eq!(response.status(), 200, "GET {path}");
        response.json().await.expect("json")
    }
}

/// `A` of the Sandbox's OpenAI account.
pub fn account_path() -> String {
    format!(
        "/subscriptions/{SUBSCRIPTION_ID}/resourceGroups/{GROUP_EAST}/providers/Microsoft.CognitiveServices/accounts/{ACCOUNT_OPENAI}"
    )
}

/// `A/deployments/{name}?api-version=…`.
pub fn deployment_path(name: &str) -> String {
    format!("{}/deployments/{name}?{API}", account_path())
}

/// A deployment PUT body.
pub fn deployment_body(model: &str, version: &str, sku: &str, capacity: u64) -> Value {
    serde_json::json!({
        "sku": {"name": sku, "capacity": capacity},
        "properties": {"model": {"format": "OpenAI", "name": model, "version": version},
                       "versionUpgradeOption": "OnceNewDefaultVersionAvailable",
                       "raiPolicyName": "Microsoft.DefaultV2"}
    })
}

/// The usage item named `usage_name` in the East US usages.
pub async fn usage(sim: &Sim, usage_name: &str) -> (u64, u64) {
    let body = sim
        .get_json(&format!(
            "/subscriptions/{SUBSCRIPTION_ID}/providers/Microsoft.CognitiveServices/locations/eastus/usages?{API}"
        ))
        .await;
    let item = body["value"]
        .as_array()
        .expect("value")
        .iter()
        .find(|u| u["name"]["value"] == usage_name)
        .unwrap_or_else(|| panic!("no usage {usage_name}"))
        .clone();
    (item["currentValue"].as_u64().expect("currentValue"), item["limit"].as_u64().expect("limit"))
}

/// Polls an Azure-AsyncOperation URL until it is terminal (bounded), returning the final body.
pub async fn poll_until_terminal(sim: &Sim, url: &str) -> Value {
    for _ in 0..50 {
        let body: Value = sim.send(Method::GET, url, None).await.json().await.expect("json");
        match body["status"].as_str() {
            Some("Succeeded" | "Failed" | "Canceled") => return body,
            _ => continue,
        }
    }
    panic!("operation {url} did not finish within 50 polls");
}

/// Waits (bounded) until `check` holds, re-reading with `read` — no fixed pauses.
pub async fn wait_until<F, Fut, T>(mut read: F, check: impl Fn(&T) -> bool) -> T
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = T>,
{
    let result = tokio::time::timeout(std::time::Duration::from_secs(10), async {
        loop {
            let value = read().await;
            if check(&value) {
                return value;
            }
            tokio::task::yield_now().await;
        }
    })
    .await;
    result.expect("condition within 10 s")
}
