//! Long-running operations in every shape the simulator speaks (the REST spec's, what real traffic did,
//! poll URLs over 4 KB, only a `Location`, no poll header at all): create, update (a capacity change) and delete each return the finished
//! deployment (or nothing, once gone), report progress, and leave Azure in the state they promised.
#![allow(clippy::unwrap_used)] // shared test steps: a failed call should fail the test loudly

mod sim;

use foundry_azure::arm::models::{DeploymentPatch, DeploymentSku, ProvisioningState, SkuName};
use foundry_azure::error::ErrorKind;
use foundry_sim::{LroShape, SimConfig};
use sim::{create_body, free_in_east, openai, Progress, Sandbox};

/// Three polls before an operation ends, so progress has something to show.
async fn sandbox(shape: LroShape) -> Sandbox {
    Sandbox::start(SimConfig { lro_shape: shape, polls_to_finish: 3, ..SimConfig::fast() }).await
}

/// What the progress callback must have shown: for a polled operation, `running` until the last report,
/// which is Succeeded; an operation that finished in its first answer reports nothing.
fn assert_progress(shape: LroShape, seen: &[String], running: &str) {
    if shape == LroShape::Real && running == "Creating" {
        assert!(seen.is_empty(), "real traffic's PUT is done at once: {seen:?}");
        return;
    }
    // A Location answers 202 with no body while running: all it says is that the operation runs.
    let running = if shape == LroShape::Location { "Running" } else { running };
    let (last, before) = seen.split_last().unwrap_or_else(|| panic!("no progress reported ({shape:?})"));
    assert_eq!(last, "Succeeded", "{shape:?}: {seen:?}");
    assert!(!before.is_empty(), "{shape:?}: the running state is shown first: {seen:?}");
    assert!(before.iter().all(|s| s == running), "{shape:?}: {seen:?}");
}

async fn create_in(shape: LroShape) {
    let sandbox = sandbox(shape).await;
    let client = &sandbox.client;
    let progress = Progress::default();
    let body = create_body("gpt-4.1", Some("2025-04-14"), SkuName::GlobalStandard, 25);
    let created =
        client.create_or_update_deployment(&openai(), "chat-41", &body, &progress.handle()).await.unwrap();
    assert_eq!(created.name, "chat-41");
    assert_eq!(created.properties.provisioning_state, Some(ProvisioningState::Succeeded), "{shape:?}");
    assert_eq!(created.properties.model.name, "gpt-4.1");
    assert_eq!(created.properties.model.version.as_deref(), Some("2025-04-14"));
    assert_eq!(created.sku.as_ref().and_then(|s| s.capacity), Some(25));
    assert_progress(shape, &progress.statuses(), "Creating");
    let read = client.get_deployment(&openai(), "chat-41").await.unwrap();
    assert_eq!(read.properties.provisioning_state, Some(ProvisioningState::Succeeded));
    assert_eq!(read.sku, created.sku);
    assert_eq!(free_in_east(client, "OpenAI.GlobalStandard.gpt-4.1").await, 975.0);
}

async fn update_in(shape: LroShape) {
    let sandbox = sandbox(shape).await;
    let client = &sandbox.client;
    assert_eq!(free_in_east(client, "OpenAI.Standard.gpt-4o-mini").await, 270.0);
    let progress = Progress::default();
    let patch = DeploymentPatch { sku: Some(DeploymentSku::new(SkuName::Standard, 45)), tags: None };
    let updated =
        client.update_deployment(&openai(), "gpt-4o-mini", &patch, &progress.handle()).await.unwrap();
    assert_eq!(updated.sku.as_ref().and_then(|s| s.capacity), Some(45), "{shape:?}");
    assert_eq!(updated.properties.provisioning_state, Some(ProvisioningState::Succeeded), "{shape:?}");
    assert_eq!(updated.properties.current_capacity, Some(45));
    assert_progress(shape, &progress.statuses(), "Updating");
    let read = client.get_deployment(&openai(), "gpt-4o-mini").await.unwrap();
    assert_eq!(read.sku.as_ref().and_then(|s| s.capacity), Some(45));
    assert_eq!(
        free_in_east(client, "OpenAI.Standard.gpt-4o-mini").await,
        255.0,
        "only the 15 more are taken"
    );
}

async fn delete_in(shape: LroShape) {
    let sandbox = sandbox(shape).await;
    let client = &sandbox.client;
    let progress = Progress::default();
    client.delete_deployment(&openai(), "embeddings", &progress.handle()).await.unwrap();
    if shape == LroShape::Real {
        assert!(progress.statuses().is_empty(), "real traffic's DELETE is done at once");
    } else {
        assert_progress(shape, &progress.statuses(), "Deleting");
    }
    let err = client.get_deployment(&openai(), "embeddings").await.unwrap_err();
    assert_eq!(
        (err.kind, err.code.as_deref()),
        (ErrorKind::NotFound, Some("DeploymentNotFound")),
        "{shape:?}"
    );
    assert_eq!(free_in_east(client, "OpenAI.Standard.text-embedding-3-small").await, 300.0);
    let names: Vec<String> =
        client.list_deployments(&openai()).await.unwrap().into_iter().map(|d| d.name).collect();
    assert_eq!(names, ["gpt-4o", "gpt-4o-mini"]);
}

#[tokio::test]
async fn create_spec_shape() {
    create_in(LroShape::Spec).await;
}

#[tokio::test]
async fn create_real_shape() {
    create_in(LroShape::Real).await;
}

#[tokio::test]
async fn create_long_url_shape() {
    create_in(LroShape::LongUrl).await;
}

#[tokio::test]
async fn update_spec_shape() {
    update_in(LroShape::Spec).await;
}

#[tokio::test]
async fn update_real_shape() {
    update_in(LroShape::Real).await;
}

#[tokio::test]
async fn update_long_url_shape() {
    update_in(LroShape::LongUrl).await;
}

#[tokio::test]
async fn delete_spec_shape() {
    delete_in(LroShape::Spec).await;
}

#[tokio::test]
async fn delete_real_shape() {
    delete_in(LroShape::Real).await;
}

#[tokio::test]
async fn delete_long_url_shape() {
    delete_in(LroShape::LongUrl).await;
}

#[tokio::test]
async fn replacing_a_deployment_with_a_put_updates_it_in_place() {
    let sandbox = sandbox(LroShape::Spec).await;
    let client = &sandbox.client;
    let progress = Progress::default();
    let body = create_body("gpt-4o", Some("2024-08-06"), SkuName::GlobalStandard, 60);
    let replaced =
        client.create_or_update_deployment(&openai(), "gpt-4o", &body, &progress.handle()).await.unwrap();
    assert_eq!(replaced.properties.model.version.as_deref(), Some("2024-08-06"));
    assert_eq!(replaced.properties.provisioning_state, Some(ProvisioningState::Succeeded));
    assert_progress(LroShape::Spec, &progress.statuses(), "Updating");
    assert_eq!(free_in_east(client, "OpenAI.GlobalStandard.gpt-4o").await, 940.0, "60 in place of 50");
}

#[tokio::test]
async fn create_location_shape() {
    create_in(LroShape::Location).await;
}

#[tokio::test]
async fn create_resource_shape() {
    create_in(LroShape::Resource).await;
}

#[tokio::test]
async fn update_location_shape() {
    update_in(LroShape::Location).await;
}

#[tokio::test]
async fn update_resource_shape() {
    update_in(LroShape::Resource).await;
}

#[tokio::test]
async fn delete_location_shape() {
    delete_in(LroShape::Location).await;
}

#[tokio::test]
async fn delete_resource_shape() {
    delete_in(LroShape::Resource).await;
}
