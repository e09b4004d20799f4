//! Helpers for the usage tests: a started simulator, chats under an account key, metrics URLs and readers.
#![allow(clippy::unwrap_used, dead_code)]

use chrono::{DateTime, Duration, DurationRound, Utc};
use foundry_sim::sandbox::{ACCOUNT_OPENAI, GROUP_EAST, SUBSCRIPTION_ID};
use foundry_sim::{RunningSim, SimConfig};
use reqwest::Response;
use serde_json::{json, Value};

/// The api-version the app pins for Cognitive Services.
pub const ARM_API: &str = "api-version=2026-09-01";

pub struct Sim {
    pub sim: RunningSim,
    pub client: reqwest::Client,
}

impl Sim {
    pub async fn fast() -> Self {
        Self { sim: RunningSim::start_with(SimConfig::fast()).await.unwrap(), client: reqwest::Client::new() }
    }

    pub fn base(&self) -> String {
        self.sim.base_url()
    }

    /// An ARM GET with a bearer token.
    pub async fn arm_get(&self, path: &str, headers: &[(&str, &str)]) -> Response {
        let mut request = self.client.get(format!("{}{path}", self.base())).bearer_auth("t");
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        request.send().await.unwrap()
    }

    /// key1 of the Sandbox's OpenAI account.
    pub async fn key(&self) -> String {
        let url = format!("{}{}/listKeys?{ARM_API}", self.base(), account_path());
        let response =
            self.client.post(url).bearer_auth("t").header("content-length", "0").send().await.unwrap();
        response.json::<Value>().await.unwrap()["key1"].as_str().unwrap().to_string()
    }

    /// A v1 chat POST to the OpenAI account, with extra headers.
    pub async fn chat(&self, key: &str, body: &Value, headers: &[(&str, &str)]) -> Response {
        let endpoint = self.sim.endpoint_for(&format!("https://{ACCOUNT_OPENAI}.openai.azure.com/"));
        let mut request =
            self.client.post(format!("{endpoint}openai/v1/chat/completions")).header("api-key", key);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        request.json(body).send().await.unwrap()
    }

    /// A chat that must succeed: its `usage` as `(prompt, completion)`, read from the body or, streamed,
    /// from the usage chunk.
    pub async fn chat_usage(&self, key: &str, deployment: &str, question: &str, stream: bool) -> (u64, u64) {
        let mut body = ask(deployment, question);
        if stream {
            body["stream"] = json!(true);
            body["stream_options"] = json!({"include_usage": true});
        }
        let response = self.chat(key, &body, &[]).await;
        assert_eq!(response.status(), 200);
        let usage = if stream {
            let text = response.text().await.unwrap();
            let chunks: Vec<Value> = text
                .split("\n\n")
                .filter_map(|e| serde_json::from_str(e.strip_prefix("data: ")?).ok())
                .collect();
            chunks.iter().rev().find(|c| c["usage"].is_object()).unwrap()["usage"].clone()
        } else {
            response.json::<Value>().await.unwrap()["usage"].clone()
        };
        (usage["prompt_tokens"].as_u64().unwrap(), usage["completion_tokens"].as_u64().unwrap())
    }

    /// GET the account's metrics with these query parameters (api-version added unless given).
    pub async fn metrics(&self, params: &[(&str, &str)]) -> Response {
        self.metrics_with(params, &[]).await
    }

    pub async fn metrics_with(&self, params: &[(&str, &str)], headers: &[(&str, &str)]) -> Response {
        let mut pairs: Vec<(&str, &str)> = params.to_vec();
        if !params.iter().any(|(k, _)| *k == "api-version") {
            pairs.insert(0, ("api-version", "2024-02-01"));
        }
        let query = url::form_urlencoded::Serializer::new(String::new()).extend_pairs(pairs).finish();
        self.arm_get(&format!("{}/providers/Microsoft.Insights/metrics?{query}", account_path()), headers)
            .await
    }

    /// Metrics that must answer 200.
    pub async fn metrics_json(&self, params: &[(&str, &str)]) -> Value {
        let response = self.metrics(params).await;
        let status = response.status();
        let body: Value = response.json().await.unwrap();
        assert_eq!(status, 200, "{body}");
        body
    }

    /// `POST /_sim/traffic`.
    pub async fn add_traffic(&self, body: &Value) -> Response {
        self.client.post(format!("{}/_sim/traffic", self.base())).json(body).send().await.unwrap()
    }
}

/// `A` of the Sandbox's OpenAI account.
pub fn account_path() -> String {
    format!(
        "/subscriptions/{SUBSCRIPTION_ID}/resourceGroups/{GROUP_EAST}/providers/Microsoft.CognitiveServices/accounts/{ACCOUNT_OPENAI}"
    )
}

/// A chat body for deployment `model` asking `question`.
pub fn ask(model: &str, question: &str) -> Value {
    json!({"model": model, "messages": [
        {"role": "system", "content": "You are a helpful assistant."},
        {"role": "user", "content": question},
    ]})
}

/// A timespan of three whole hours around now: from the hour before this one to the hour after.
pub fn hours_around_now() -> String {
    let hour = Utc::now().duration_trunc(Duration::hours(1)).unwrap();
    format!("{}/{}", iso(hour - Duration::hours(1)), iso(hour + Duration::hours(2)))
}

pub fn iso(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// The timeseries of metric `name` in a metrics answer.
pub fn timeseries<'a>(body: &'a Value, name: &str) -> &'a Vec<Value> {
    let metric = body["value"].as_array().unwrap().iter().find(|m| m["name"]["value"] == name).unwrap();
    metric["timeseries"].as_array().unwrap()
}

/// The series whose metadata values are exactly `values` (in order).
pub fn series<'a>(body: &'a Value, name: &str, values: &[&str]) -> Option<&'a Value> {
    timeseries(body, name).iter().find(|s| {
        let found: Vec<&str> =
            s["metadatavalues"].as_array().unwrap().iter().map(|m| m["value"].as_str().unwrap()).collect();
        found == values
    })
}

/// The sum of a series' `total`s (missing totals count as nothing).
pub fn total(series: &Value) -> u64 {
    series["data"].as_array().unwrap().iter().filter_map(|p| p["total"].as_u64()).sum()
}

/// The error status and body of a refused call.
pub async fn refusal(response: Response) -> (u16, Value) {
    let status = response.status().as_u16();
    (status, response.json().await.unwrap())
}
