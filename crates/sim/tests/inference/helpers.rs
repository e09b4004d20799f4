//! Helpers for the inference tests: a started simulator, account keys read through ARM, URLs in the three
//! forms under any of the three host names, and a reader for server-sent events.
#![allow(clippy::unwrap_used, dead_code)]

use foundry_sim::sandbox::{ACCOUNT_AISERVICES, ACCOUNT_OPENAI, GROUP_EAST, GROUP_SWEDEN, SUBSCRIPTION_ID};
use foundry_sim::{RunningSim, SimConfig};
use reqwest::{RequestBuilder, Response};
use serde_json::{json, Value};

pub use crate::common::wait_until;

/// The api-version ARM calls use.
pub const ARM_API: &str = "api-version=2026-09-01";

/// The three host names of an account.
pub const HOSTS: [&str; 3] = ["openai.azure.com", "cognitiveservices.azure.com", "services.ai.azure.com"];

/// The three URL forms.
#[derive(Clone, Copy, Debug)]
pub enum Form {
    V1,
    Classic,
    Models,
}

pub struct Sim {
    pub sim: RunningSim,
    pub client: reqwest::Client,
}

impl Sim {
    pub async fn start(config: SimConfig) -> Self {
        Self { sim: RunningSim::start_with(config).await.unwrap(), client: reqwest::Client::new() }
    }

    pub async fn fast() -> Self {
        Self::start(SimConfig::fast()).await
    }

    pub fn base(&self) -> String {
        self.sim.base_url()
    }

    /// The chat-completions URL of `deployment` on `account` in `form`, under host suffix `host`.
    pub fn chat_url(&self, account: &str, host: &str, form: Form, deployment: &str) -> String {
        let endpoint = self.sim.endpoint_for(&format!("https://{account}.{host}/"));
        match form {
            Form::V1 => format!("{endpoint}openai/v1/chat/completions"),
            Form::Classic => {
                format!("{endpoint}openai/deployments/{deployment}/chat/completions?api-version=2024-10-21")
            }
            Form::Models => format!("{endpoint}models/chat/completions?api-version=2024-05-01-preview"),
        }
    }

    /// The v1 URL of the Sandbox's OpenAI account.
    pub fn v1(&self) -> String {
        self.chat_url(ACCOUNT_OPENAI, HOSTS[0], Form::V1, "")
    }

    /// The v1 URL of the Sandbox's AIServices account.
    pub fn v1_sweden(&self) -> String {
        self.chat_url(ACCOUNT_AISERVICES, HOSTS[0], Form::V1, "")
    }

    /// An ARM request with a bearer token.
    pub fn arm(&self, method: reqwest::Method, path: &str) -> RequestBuilder {
        self.client.request(method, format!("{}{path}", self.base())).bearer_auth("t")
    }

    /// key1 of an account, read through ARM's listKeys.
    pub async fn key(&self, group: &str, account: &str) -> String {
        let path = format!("{}/listKeys?{ARM_API}", account_path(group, account));
        let keys: Value = self.arm(reqwest::Method::POST, &path).send().await.unwrap().json().await.unwrap();
        keys["key1"].as_str().unwrap().to_string()
    }

    pub async fn openai_key(&self) -> String {
        self.key(GROUP_EAST, ACCOUNT_OPENAI).await
    }

    pub async fn sweden_key(&self) -> String {
        self.key(GROUP_SWEDEN, ACCOUNT_AISERVICES).await
    }

    /// POST `body` to `url` with `api-key: key` and extra headers.
    pub async fn post(&self, url: &str, key: &str, body: &Value, headers: &[(&str, &str)]) -> Response {
        let mut request = self.client.post(url).header("api-key", key).json(body);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        request.send().await.unwrap()
    }

    /// POST expecting 200; returns the JSON body.
    pub async fn chat(&self, url: &str, key: &str, body: &Value) -> Value {
        let response = self.post(url, key, body, &[]).await;
        assert_eq!(response.status(), 200, "POST {url}");
        response.json().await.unwrap()
    }

    /// A v1 POST to the OpenAI account with an `x-sim-fault`, expecting 200; returns the JSON body.
    pub async fn chat_with_fault(&self, key: &str, body: &Value, fault: &str) -> Value {
        let response = self.post(&self.v1(), key, body, &[("x-sim-fault", fault)]).await;
        assert_eq!(response.status(), 200, "with fault {fault}");
        response.json().await.unwrap()
    }

    /// PUTs a deployment through ARM with the `real` LRO shape (Succeeded at once).
    pub async fn create_deployment(&self, name: &str, model: &str, version: &str, sku: &str, capacity: u64) {
        let path = format!("{}/deployments/{name}?{ARM_API}", account_path(GROUP_EAST, ACCOUNT_OPENAI));
        let body = json!({"sku": {"name": sku, "capacity": capacity},
                          "properties": {"model": {"format": "OpenAI", "name": model, "version": version}}});
        let response = self
            .arm(reqwest::Method::PUT, &path)
            .header("x-sim-lro", "real")
            .json(&body)
            .send()
            .await
            .unwrap();
        assert!(response.status().is_success(), "PUT {name}: {}", response.text().await.unwrap());
    }

    /// `GET /_sim/inference/requests`.
    pub async fn requests(&self) -> Value {
        self.client
            .get(format!("{}/_sim/inference/requests", self.base()))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    }

    /// `POST /_sim/faults`.
    pub async fn add_faults(&self, faults: Value) {
        let response = self
            .client
            .post(format!("{}/_sim/faults", self.base()))
            .json(&json!({"faults": faults}))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
    }
}

/// `/subscriptions/…/accounts/{account}` of the Sandbox.
pub fn account_path(group: &str, account: &str) -> String {
    format!(
        "/subscriptions/{SUBSCRIPTION_ID}/resourceGroups/{group}/providers/Microsoft.CognitiveServices/accounts/{account}"
    )
}

/// A chat body for deployment `model` asking `question`, plus `extra` fields.
pub fn ask(model: &str, question: &str, extra: Value) -> Value {
    let mut body = json!({"model": model, "messages": [
        {"role": "system", "content": "You are a helpful assistant."},
        {"role": "user", "content": question},
    ]});
    if let (Some(body), Some(extra)) = (body.as_object_mut(), extra.as_object()) {
        body.extend(extra.clone());
    }
    body
}

/// The `data:` payloads of a whole event stream, in order (`[DONE]` kept as the text `[DONE]`).
pub async fn events(response: Response) -> Vec<String> {
    let text = response.text().await.unwrap();
    assert!(text.ends_with("\n\n") || text.is_empty(), "events end with a blank line: {text:?}");
    text.split("\n\n")
        .filter(|e| !e.is_empty())
        .map(|e| e.strip_prefix("data: ").unwrap_or_else(|| panic!("not a data line: {e:?}")).to_string())
        .collect()
}

/// The payloads parsed as JSON (`[DONE]` and broken lines skipped).
pub fn chunks(events: &[String]) -> Vec<Value> {
    events.iter().filter_map(|e| serde_json::from_str(e).ok()).collect()
}

/// Concatenated `delta.content` of choice `index`.
pub fn content_of(chunks: &[Value], index: u64) -> String {
    chunks
        .iter()
        .flat_map(|c| c["choices"].as_array().cloned().unwrap_or_default())
        .filter(|choice| choice["index"] == index)
        .filter_map(|choice| choice["delta"]["content"].as_str().map(str::to_string))
        .collect()
}

/// The error code of an Azure error body.
pub async fn code(response: Response) -> (u16, Value) {
    let status = response.status().as_u16();
    (status, response.json().await.unwrap())
}
