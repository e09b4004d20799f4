//! Shared setup for the client ↔ simulator tests: a simulator on a loopback port, an `ArmClient` pointed at
//! it, the Sandbox's coordinates, and raw access to the simulator's control endpoint (faults).

#![allow(clippy::unwrap_used)] // test support: a broken setup should fail the test loudly
#![allow(dead_code)] // each test file uses its own part of this module

use std::sync::{Arc, Mutex};
use std::time::Duration;

use foundry_azure::arm::models::{
    DeploymentCreate, DeploymentCreateProperties, DeploymentModel, DeploymentSku, SkuName, Usage,
};
use foundry_azure::arm::{AccountRef, ArmClient};
use foundry_azure::cloud::Cloud;
use foundry_azure::http::{Pipeline, RetryPolicy};
use foundry_azure::lro::{LroHandle, LroProgress};
use foundry_azure::token::StaticToken;
use foundry_sim::sandbox::{ACCOUNT_AISERVICES, ACCOUNT_OPENAI, GROUP_EAST, GROUP_SWEDEN, SUBSCRIPTION_ID};
use foundry_sim::{RunningSim, SimConfig};
use serde_json::{json, Value};
use url::Url;

/// A running simulator and a client talking to it.
pub struct Sandbox {
    pub sim: RunningSim,
    pub client: ArmClient,
}

/// Fast retries, so a retried call costs milliseconds.
pub fn retry(max_attempts: u32) -> RetryPolicy {
    RetryPolicy { max_attempts, base_delay: Duration::from_millis(1), max_delay: Duration::from_secs(2) }
}

/// A client for `base_url` over `http` with `retry`, polling every 10 ms when Azure sends no Retry-After.
pub fn client_for(base_url: &str, http: reqwest::Client, retry: RetryPolicy) -> ArmClient {
    let cloud = Cloud::at("Sandbox", &Url::parse(base_url).unwrap());
    let pipeline = Pipeline::new(http, Arc::new(StaticToken::new("t")), retry);
    let mut client = ArmClient::with_pipeline(&cloud, pipeline);
    client.lro.default_wait = Duration::from_millis(10);
    client
}

impl Sandbox {
    /// The Sandbox world with `config`, and a client with 4 fast attempts.
    pub async fn start(config: SimConfig) -> Self {
        Self::start_with(config, Pipeline::default_client().unwrap(), retry(4)).await
    }

    /// The Sandbox world with `config`, `Retry-After: 0` unless the config says otherwise.
    pub async fn fast() -> Self {
        Self::start(SimConfig::fast()).await
    }

    /// Full control over the client's HTTP client and retry policy.
    pub async fn start_with(config: SimConfig, http: reqwest::Client, retry: RetryPolicy) -> Self {
        let sim = RunningSim::start_with(config).await.unwrap();
        let client = client_for(&sim.base_url(), http, retry);
        Self { sim, client }
    }

    /// `http://127.0.0.1:<port>`.
    pub fn base(&self) -> String {
        self.sim.base_url()
    }

    /// Adds fault rules through `POST /_sim/faults`.
    pub async fn add_faults(&self, faults: Value) {
        let answer = reqwest::Client::new()
            .post(format!("{}/_sim/faults", self.base()))
            .json(&json!({ "faults": faults }))
            .send()
            .await
            .unwrap();
        assert_eq!(answer.status(), 200, "the simulator refused the faults");
    }

    /// The active fault rules (`GET /_sim/faults`): a counted rule shows how many hits it has left.
    pub async fn faults(&self) -> Vec<Value> {
        let body: Value = reqwest::Client::new()
            .get(format!("{}/_sim/faults", self.base()))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        body["faults"].as_array().cloned().unwrap_or_default()
    }

    /// How many hits the only active fault rule has left (0 once it has switched itself off).
    pub async fn hits_left(&self) -> u64 {
        let faults = self.faults().await;
        assert!(faults.len() <= 1, "expected at most one fault rule, got {faults:?}");
        faults.first().and_then(|f| f["count"].as_u64()).unwrap_or(0)
    }
}

/// The OpenAI account in East US.
pub fn openai() -> AccountRef {
    AccountRef {
        subscription: SUBSCRIPTION_ID.into(),
        resource_group: GROUP_EAST.into(),
        name: ACCOUNT_OPENAI.into(),
    }
}

/// The AIServices account in Sweden Central.
pub fn aiservices() -> AccountRef {
    AccountRef {
        subscription: SUBSCRIPTION_ID.into(),
        resource_group: GROUP_SWEDEN.into(),
        name: ACCOUNT_AISERVICES.into(),
    }
}

/// A create body: an OpenAI model at `version` on `sku` with `capacity`.
pub fn create_body(model: &str, version: Option<&str>, sku: SkuName, capacity: u32) -> DeploymentCreate {
    DeploymentCreate {
        sku: DeploymentSku::new(sku, capacity),
        properties: DeploymentCreateProperties {
            model: DeploymentModel {
                format: "OpenAI".into(),
                name: model.into(),
                version: version.map(str::to_string),
                ..DeploymentModel::default()
            },
            rai_policy_name: Some("Microsoft.DefaultV2".into()),
            ..DeploymentCreateProperties::default()
        },
        tags: None,
    }
}

/// Records the progress a long-running operation reports.
#[derive(Clone, Default)]
pub struct Progress(Arc<Mutex<Vec<String>>>);

impl Progress {
    /// A handle on one operation that records its progress here.
    pub fn handle(&self) -> LroHandle {
        let seen = self.0.clone();
        LroHandle::with_progress(move |p: LroProgress| seen.lock().unwrap().push(p.status))
    }

    /// The statuses seen, in order.
    pub fn statuses(&self) -> Vec<String> {
        self.0.lock().unwrap().clone()
    }
}

/// A handle on one operation, no progress wanted.
pub fn quiet() -> LroHandle {
    LroHandle::default()
}

/// The usage named `name` (e.g. `OpenAI.Standard.gpt-4o`) in `usages`.
pub fn usage<'a>(usages: &'a [Usage], name: &str) -> &'a Usage {
    usages.iter().find(|u| u.name.value == name).unwrap_or_else(|| {
        panic!("no usage {name} in {:?}", usages.iter().map(|u| &u.name.value).collect::<Vec<_>>())
    })
}

/// Free quota of `name` in East US, as the app would show it.
pub async fn free_in_east(client: &ArmClient, name: &str) -> f64 {
    let usages = client.list_region_usages(SUBSCRIPTION_ID, "eastus").await.unwrap();
    usage(&usages, name).free()
}
