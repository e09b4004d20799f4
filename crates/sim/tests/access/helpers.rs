//! Helpers for the access tests: tokens minted for the Sandbox's people, ARM, inference and Graph calls that
//! return what a client sees (status and JSON), and the Sandbox's scopes.
#![allow(clippy::unwrap_used, dead_code)]

use foundry_sim::sandbox::{ACCOUNT_AISERVICES, ACCOUNT_OPENAI, GROUP_EAST, GROUP_SWEDEN, SUBSCRIPTION_ID};
use foundry_sim::{RunningSim, SimConfig};
use reqwest::Method;
use serde_json::{json, Value};

pub use crate::common::wait_until;

/// Microsoft.Authorization's api-version.
pub const AUTHZ: &str = "api-version=2022-04-01";
/// Cognitive Services' api-version.
pub const ARM_API: &str = "api-version=2026-09-01";
/// Scopes of the three resources.
pub const ARM: &str = "https://management.azure.com/.default";
pub const COGNITIVE: &str = "https://cognitiveservices.azure.com/.default";
pub const GRAPH: &str = "https://graph.microsoft.com/.default";
/// The data action a chat needs.
pub const CHAT_ACTION: &str =
    "Microsoft.CognitiveServices/accounts/OpenAI/deployments/chat/completions/action";

pub struct Sim {
    pub sim: RunningSim,
    pub client: reqwest::Client,
}

/// What a call answered.
pub struct Answer {
    pub status: u16,
    pub body: Value,
    pub headers: reqwest::header::HeaderMap,
}

impl Sim {
    pub async fn start(config: SimConfig) -> Self {
        Self { sim: RunningSim::start_with(config).await.unwrap(), client: reqwest::Client::new() }
    }

    pub async fn fast() -> Self {
        Self::start(SimConfig::fast()).await
    }

    /// A token for `upn` and `scope`, as if they had signed in.
    pub fn token(&self, upn: &str, scope: &str) -> String {
        self.sim.access_token_for(upn, scope)
    }

    /// Any request to the simulator with a bearer token.
    pub async fn call(&self, method: Method, path: &str, token: Option<&str>, body: Option<Value>) -> Answer {
        let mut request = self.client.request(method, format!("{}{path}", self.sim.base_url()));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        request = match body {
            Some(body) => request.json(&body),
            None => request.header("content-length", "0"),
        };
        let response = request.send().await.unwrap();
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let text = response.text().await.unwrap();
        let body = if text.is_empty() { Value::Null } else { serde_json::from_str(&text).unwrap() };
        Answer { status, body, headers }
    }

    /// An ARM call with `token`.
    pub async fn arm(&self, method: Method, path: &str, token: &str, body: Option<Value>) -> Answer {
        self.call(method, path, Some(token), body).await
    }

    /// Grants `role` to `principal` at `scope` under the name `name`, calling as `token`.
    pub async fn grant(&self, token: &str, scope: &str, name: &str, role: &str, principal: &str) -> Answer {
        let body = json!({"properties": {
            "roleDefinitionId": format!("/subscriptions/{SUBSCRIPTION_ID}/providers/Microsoft.Authorization/roleDefinitions/{role}"),
            "principalId": principal,
            "principalType": "User",
        }});
        self.arm(Method::PUT, &assignment_path(scope, name), token, Some(body)).await
    }

    /// A v1 chat on `account` with `auth` as a bearer token (an Entra token, or a key).
    pub async fn chat(&self, account: &str, auth: &str) -> Answer {
        self.chat_at(account, "openai/v1/chat/completions", auth).await
    }

    /// A chat on `account` at `path` under its host, with `auth` as a bearer token.
    pub async fn chat_at(&self, account: &str, path: &str, auth: &str) -> Answer {
        let model = if account == ACCOUNT_OPENAI { "gpt-4o-mini" } else { "o4-mini" };
        let endpoint = self.sim.endpoint_for(&format!("https://{account}.openai.azure.com/"));
        let body = json!({"model": model, "messages": [{"role": "user", "content": "hi"}]});
        let response =
            self.client.post(format!("{endpoint}{path}")).bearer_auth(auth).json(&body).send().await.unwrap();
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        Answer { status, body: response.json().await.unwrap(), headers }
    }

    /// A v1 chat on the East US account with an `api-key`.
    pub async fn chat_with_key(&self, key: &str) -> Answer {
        let endpoint = self.sim.endpoint_for(&format!("https://{ACCOUNT_OPENAI}.openai.azure.com/"));
        let body = json!({"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}]});
        let url = format!("{endpoint}openai/v1/chat/completions");
        let response = self.client.post(url).header("api-key", key).json(&body).send().await.unwrap();
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        Answer { status, body: response.json().await.unwrap(), headers }
    }

    /// `permissions` at `scope` as `token`: the data actions granted, flattened.
    pub async fn data_actions(&self, scope: &str, token: &str) -> Vec<String> {
        let path = format!("{scope}/providers/Microsoft.Authorization/permissions?{AUTHZ}");
        let answer = self.arm(Method::GET, &path, token, None).await;
        assert_eq!(answer.status, 200, "{}", answer.body);
        answer.body["value"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|p| {
                p["dataActions"].as_array().unwrap().iter().map(|a| a.as_str().unwrap().to_string())
            })
            .collect()
    }
}

/// `/subscriptions/{sub}`.
pub fn subscription_scope() -> String {
    format!("/subscriptions/{SUBSCRIPTION_ID}")
}

/// The East US resource group.
pub fn group_scope() -> String {
    format!("/subscriptions/{SUBSCRIPTION_ID}/resourceGroups/{GROUP_EAST}")
}

/// `A` of the East US OpenAI account.
pub fn account_scope() -> String {
    format!("{}/providers/Microsoft.CognitiveServices/accounts/{ACCOUNT_OPENAI}", group_scope())
}

/// `A` of the Sweden Central AIServices account.
pub fn sweden_scope() -> String {
    format!(
        "/subscriptions/{SUBSCRIPTION_ID}/resourceGroups/{GROUP_SWEDEN}/providers/Microsoft.CognitiveServices/accounts/{ACCOUNT_AISERVICES}"
    )
}

/// A role assignment's path (with api-version).
pub fn assignment_path(scope: &str, name: &str) -> String {
    format!("{scope}/providers/Microsoft.Authorization/roleAssignments/{name}?{AUTHZ}")
}

/// A GUID for the `n`th assignment a test makes.
pub fn guid(n: u32) -> String {
    format!("00000000-0000-4000-8000-{n:012}")
}
