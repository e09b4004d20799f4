//! What Azure checks of the deployment: that it exists and serves, is not paused, its model version is not
//! retired, and its model can chat.

use foundry_sim::sandbox::{ACCOUNT_OPENAI, GROUP_EAST, SUBSCRIPTION_ID};
use foundry_sim::seed::DeploymentSeed;
use foundry_sim::{Seed, SimConfig};
use reqwest::Method;
use serde_json::json;

use crate::helpers::{account_path, ask, code, Form, Sim, ARM_API, HOSTS};

#[tokio::test]
async fn an_unknown_deployment_is_deployment_not_found() {
    let sim = Sim::fast().await;
    let key = sim.openai_key().await;
    let (status, error) = code(sim.post(&sim.v1(), &key, &ask("gpt-9", "hi", json!({})), &[]).await).await;
    assert_eq!(status, 404);
    assert_eq!(error["error"]["code"], "DeploymentNotFound");
    assert_eq!(
        error["error"]["message"],
        "The API deployment for this resource does not exist. If you created the deployment within the last 5 \
         minutes, please wait a moment and try again."
    );
    let classic = sim.chat_url(ACCOUNT_OPENAI, HOSTS[1], Form::Classic, "gpt-9");
    assert_eq!(sim.post(&classic, &key, &ask("ignored", "hi", json!({})), &[]).await.status(), 404);
}

#[tokio::test]
async fn a_deployment_still_being_created_is_not_found_until_it_succeeds() {
    let sim = Sim::start(SimConfig { polls_to_finish: 1, ..SimConfig::fast() }).await;
    let key = sim.openai_key().await;
    let path = format!("{}/deployments/fresh?{ARM_API}", account_path(GROUP_EAST, ACCOUNT_OPENAI));
    let body = json!({"sku": {"name": "Standard", "capacity": 1},
                      "properties": {"model": {"format": "OpenAI", "name": "gpt-4o-mini", "version": "2024-07-18"}}});
    assert_eq!(sim.arm(Method::PUT, &path).json(&body).send().await.unwrap().status(), 201);
    let chat = ask("fresh", "hi", json!({}));
    assert_eq!(sim.post(&sim.v1(), &key, &chat, &[]).await.status(), 404);
    // One poll (a GET of the deployment) finishes the operation.
    let state: serde_json::Value = sim.arm(Method::GET, &path).send().await.unwrap().json().await.unwrap();
    assert_eq!(state["properties"]["provisioningState"], "Succeeded");
    assert_eq!(sim.post(&sim.v1(), &key, &chat, &[]).await.status(), 200);
}

#[tokio::test]
async fn a_paused_deployment_is_locked_until_resumed() {
    let sim = Sim::fast().await;
    let key = sim.openai_key().await;
    let deployment = format!("{}/deployments/gpt-4o-mini", account_path(GROUP_EAST, ACCOUNT_OPENAI));
    let paused = sim.arm(Method::POST, &format!("{deployment}/pause?{ARM_API}")).send().await.unwrap();
    assert_eq!(paused.status(), 200);
    let (status, error) =
        code(sim.post(&sim.v1(), &key, &ask("gpt-4o-mini", "hi", json!({})), &[]).await).await;
    assert_eq!(status, 423);
    assert_eq!(error["error"]["code"], "DeploymentPaused");
    assert!(error["error"]["message"].as_str().unwrap().contains("'gpt-4o-mini'"));
    let resumed = sim.arm(Method::POST, &format!("{deployment}/resume?{ARM_API}")).send().await.unwrap();
    assert_eq!(resumed.status(), 200);
    assert_eq!(sim.post(&sim.v1(), &key, &ask("gpt-4o-mini", "hi", json!({})), &[]).await.status(), 200);
}

#[tokio::test]
async fn a_retired_model_version_is_gone() {
    // Retired versions take no new deployments, so this one comes with the seed.
    let mut seed = Seed::sandbox();
    seed.deployments.push(DeploymentSeed {
        subscription_id: SUBSCRIPTION_ID.into(),
        resource_group: GROUP_EAST.into(),
        account: ACCOUNT_OPENAI.into(),
        name: "old-turbo".into(),
        sku_name: "Standard".into(),
        capacity: 10,
        model_format: "OpenAI".into(),
        model_name: "gpt-35-turbo".into(),
        model_version: "0613".into(),
        rai_policy_name: None,
        deployment_state: None,
    });
    let sim = Sim::start(SimConfig { seed, ..SimConfig::fast() }).await;
    let key = sim.openai_key().await;
    let (status, error) =
        code(sim.post(&sim.v1(), &key, &ask("old-turbo", "hi", json!({})), &[]).await).await;
    assert_eq!(status, 410);
    assert_eq!(error["error"]["code"], "ModelDeprecated");
    let message = error["error"]["message"].as_str().unwrap();
    assert!(message.starts_with("The model 'gpt-35-turbo' version '0613' has been retired"), "{message}");
}

#[tokio::test]
async fn an_embedding_deployment_does_not_chat() {
    let sim = Sim::fast().await;
    let key = sim.openai_key().await;
    let (status, error) =
        code(sim.post(&sim.v1(), &key, &ask("embeddings", "hi", json!({})), &[]).await).await;
    assert_eq!(status, 400);
    assert_eq!(error["error"]["code"], "OperationNotSupported");
    let message = error["error"]["message"].as_str().unwrap();
    assert!(
        message.starts_with(
            "The chatCompletion operation does not work with the specified model, text-embedding-3-small. Please \
             choose different model and try again."
        ),
        "{message}"
    );
}
