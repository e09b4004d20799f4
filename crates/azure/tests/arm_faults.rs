//! What the client does when Azure misbehaves, and what the user then sees: throttling, unavailability,
//! server errors on writes, expired tokens, conflicts, failed operations and slow answers. Faults are
//! switched on through the simulator's control endpoint with a hit count, so the count left afterwards
//! says how many requests really reached the simulator.

mod sim;

use std::time::{Duration, Instant};

use foundry_azure::arm::models::{ProvisioningState, SkuName};
use foundry_azure::error::ErrorKind;
use foundry_azure::http::{Pipeline, RetryPolicy};
use foundry_sim::sandbox::SUBSCRIPTION_ID;
use foundry_sim::SimConfig;
use serde_json::json;
use sim::{create_body, free_in_east, openai, quiet, retry, Progress, Sandbox};

fn groups_path() -> String {
    format!("/subscriptions/{SUBSCRIPTION_ID}/resourcegroups")
}

fn deployments_path() -> String {
    format!("{}/deployments", openai().path())
}

#[tokio::test]
async fn a_throttled_read_waits_retry_after_and_succeeds() {
    let sandbox = Sandbox::fast().await;
    sandbox
        .add_faults(json!([{"kind": "throttle", "count": 1, "method": "GET", "pathPrefix": groups_path(), "retryAfter": 1}]))
        .await;
    let started = Instant::now();
    let groups = sandbox.client.list_resource_groups(SUBSCRIPTION_ID).await.unwrap();
    assert_eq!(groups.len(), 2);
    assert!(
        started.elapsed() >= Duration::from_millis(950),
        "Retry-After was honoured: {:?}",
        started.elapsed()
    );
    assert_eq!(sandbox.hits_left().await, 0, "the 429 was met once, then the retry got through");
}

#[tokio::test]
async fn persistent_throttling_comes_back_as_throttled_with_the_wait() {
    let sandbox = Sandbox::fast().await;
    sandbox
        .add_faults(json!([{"kind": "throttle", "count": 10, "method": "GET", "pathPrefix": groups_path(), "retryAfter": 0}]))
        .await;
    let err = sandbox.client.list_resource_groups(SUBSCRIPTION_ID).await.unwrap_err();
    assert_eq!(err.kind, ErrorKind::Throttled);
    assert_eq!(err.status, Some(429));
    assert_eq!(err.code.as_deref(), Some("SubscriptionRequestsThrottled"));
    assert!(err.message.contains("exceeded the limit"), "{}", err.message);
    assert_eq!(err.retry_after, Some(Duration::ZERO));
    assert_eq!(sandbox.hits_left().await, 6, "four attempts in all, then the user is told");
}

#[tokio::test]
async fn a_wait_longer_than_the_client_sits_through_is_handed_to_the_user() {
    let sandbox = Sandbox::fast().await;
    sandbox
        .add_faults(json!([{"kind": "throttle", "count": 5, "method": "GET", "pathPrefix": groups_path(), "retryAfter": 300}]))
        .await;
    let started = Instant::now();
    let err = sandbox.client.list_resource_groups(SUBSCRIPTION_ID).await.unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(2), "no five-minute wait inside the client");
    assert_eq!(err.kind, ErrorKind::Throttled);
    assert_eq!(err.retry_after, Some(Duration::from_secs(300)));
    assert!(err.message.contains("after '300' seconds"), "{}", err.message);
    assert_eq!(sandbox.hits_left().await, 4, "one request, not retried");
}

#[tokio::test]
async fn an_unavailable_read_is_retried() {
    let sandbox = Sandbox::fast().await;
    sandbox
        .add_faults(
            json!([{"kind": "unavailable", "count": 2, "method": "GET", "pathPrefix": deployments_path()}]),
        )
        .await;
    let deployments = sandbox.client.list_deployments(&openai()).await.unwrap();
    assert_eq!(deployments.len(), 3);
    assert_eq!(sandbox.hits_left().await, 0);
}

#[tokio::test]
async fn a_server_error_on_a_write_is_not_resent() {
    let sandbox = Sandbox::fast().await;
    sandbox
        .add_faults(
            json!([{"kind": "server-error", "count": 3, "method": "PUT", "pathPrefix": deployments_path()}]),
        )
        .await;
    let body = create_body("gpt-4o", Some("2024-11-20"), SkuName::Standard, 10);
    let err =
        sandbox.client.create_or_update_deployment(&openai(), "once", &body, &quiet()).await.unwrap_err();
    assert_eq!(err.kind, ErrorKind::Server);
    assert_eq!(err.status, Some(500));
    assert_eq!(err.code.as_deref(), Some("InternalServerError"));
    assert_eq!(err.message, "Encountered internal server error. Please try again later.");
    assert!(err.request_id.is_some());
    assert_eq!(sandbox.hits_left().await, 2, "exactly one PUT reached Azure");
    let missing = sandbox.client.get_deployment(&openai(), "once").await.unwrap_err();
    assert_eq!(missing.kind, ErrorKind::NotFound);
}

#[tokio::test]
async fn an_expired_token_is_an_auth_error_with_azures_words() {
    let sandbox = Sandbox::fast().await;
    sandbox.add_faults(json!([{"kind": "expired-token", "count": 2}])).await;
    let err = sandbox.client.list_subscriptions().await.unwrap_err();
    assert_eq!(err.kind, ErrorKind::Auth);
    assert_eq!(err.status, Some(401));
    assert_eq!(err.code.as_deref(), Some("ExpiredAuthenticationToken"));
    assert!(err.message.starts_with("The access token expiry UTC time '"), "{}", err.message);
    assert!(err.message.contains("' is earlier than current UTC time '"), "{}", err.message);
    assert!(err.to_string().contains("ExpiredAuthenticationToken"));
    assert_eq!(sandbox.hits_left().await, 1, "a 401 is not retried with the same token");
}

#[tokio::test]
async fn a_request_conflict_on_a_write_is_retried_after_retry_after() {
    let sandbox = Sandbox::fast().await;
    sandbox
        .add_faults(json!([{"kind": "conflict", "count": 1, "method": "PUT", "pathPrefix": deployments_path(), "retryAfter": 1}]))
        .await;
    let body = create_body("gpt-4o", Some("2024-11-20"), SkuName::Standard, 10);
    let started = Instant::now();
    let created = sandbox
        .client
        .create_or_update_deployment(&openai(), "after-conflict", &body, &quiet())
        .await
        .unwrap();
    assert!(
        started.elapsed() >= Duration::from_millis(950),
        "waited as Azure asked: {:?}",
        started.elapsed()
    );
    assert_eq!(created.properties.provisioning_state, Some(ProvisioningState::Succeeded));
    assert_eq!(sandbox.hits_left().await, 0);
}

#[tokio::test]
async fn a_conflict_that_persists_names_the_busy_account() {
    let sandbox = Sandbox::fast().await;
    sandbox
        .add_faults(json!([{"kind": "conflict", "count": 10, "method": "PUT", "pathPrefix": deployments_path(), "retryAfter": 0}]))
        .await;
    let body = create_body("gpt-4o", Some("2024-11-20"), SkuName::Standard, 10);
    let err =
        sandbox.client.create_or_update_deployment(&openai(), "blocked", &body, &quiet()).await.unwrap_err();
    assert_eq!(err.kind, ErrorKind::Conflict);
    assert_eq!(err.code.as_deref(), Some("RequestConflict"));
    assert!(err.message.contains(&openai().path()), "{}", err.message);
    assert_eq!(sandbox.hits_left().await, 6, "bounded: four attempts");
}

#[tokio::test]
async fn a_failed_operation_is_a_server_error_with_the_operations_reason() {
    let sandbox = Sandbox::fast().await;
    sandbox.add_faults(json!([{"kind": "async-failed", "count": 1, "method": "PUT"}])).await;
    let body = create_body("gpt-4o", Some("2024-11-20"), SkuName::Standard, 10);
    let err =
        sandbox.client.create_or_update_deployment(&openai(), "doomed", &body, &quiet()).await.unwrap_err();
    assert_eq!(err.kind, ErrorKind::Server);
    assert_eq!(err.code.as_deref(), Some("InternalServerError"));
    assert_eq!(
        err.message,
        "the operation ended Failed: The operation failed because of an internal error in the service. \
         Please retry the operation."
    );
    let left = sandbox.client.get_deployment(&openai(), "doomed").await.unwrap();
    assert_eq!(left.properties.provisioning_state, Some(ProvisioningState::Failed));
    assert_eq!(
        free_in_east(&sandbox.client, "OpenAI.Standard.gpt-4o").await,
        150.0,
        "a failed deployment holds no quota"
    );
}

#[tokio::test]
async fn a_slow_answer_beyond_the_timeout_is_a_timeout() {
    let http = reqwest::Client::builder().timeout(Duration::from_millis(300)).build().unwrap();
    let sandbox = Sandbox::start_with(SimConfig::fast(), http, retry(2)).await;
    sandbox
        .add_faults(json!([{"kind": "slow", "count": 5, "method": "GET", "pathPrefix": deployments_path(), "delayMs": 5000}]))
        .await;
    let started = Instant::now();
    let err = sandbox.client.list_deployments(&openai()).await.unwrap_err();
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "gave up long before the answer: {:?}",
        started.elapsed()
    );
    assert_eq!(err.kind, ErrorKind::Timeout);
    assert!(err.message.starts_with("could not reach Azure"), "{}", err.message);
    assert_eq!(sandbox.hits_left().await, 3, "a read that timed out is tried again, within the policy");
}

#[tokio::test]
async fn throttled_and_unavailable_polls_are_ridden_out() {
    let sandbox = Sandbox::start(SimConfig { polls_to_finish: 3, ..SimConfig::fast() }).await;
    let polls = format!(
        "/subscriptions/{SUBSCRIPTION_ID}/providers/Microsoft.CognitiveServices/locations/eastus/operationStatuses"
    );
    sandbox
        .add_faults(json!([
            {"kind": "throttle", "count": 1, "method": "GET", "pathPrefix": polls, "retryAfter": 0},
            {"kind": "unavailable", "count": 1, "method": "GET", "pathPrefix": polls, "retryAfter": 0}
        ]))
        .await;
    let body = create_body("gpt-4o", Some("2024-11-20"), SkuName::Standard, 10);
    let created =
        sandbox.client.create_or_update_deployment(&openai(), "bumpy", &body, &quiet()).await.unwrap();
    assert_eq!(created.properties.provisioning_state, Some(ProvisioningState::Succeeded));
    assert!(sandbox.faults().await.is_empty(), "both faults were met");
}

#[tokio::test]
async fn a_poll_throttled_for_longer_than_the_client_sits_through_waits_and_polls_again() {
    // The pipeline hands a Retry-After over its longest wait back to the caller; for a poll that is no
    // failure: the create goes on in Azure, so the client waits as asked and asks again.
    let config = SimConfig { polls_to_finish: 2, ..SimConfig::fast() };
    let patient = RetryPolicy { max_delay: Duration::from_millis(200), ..retry(4) };
    let sandbox = Sandbox::start_with(config, Pipeline::default_client().unwrap(), patient).await;
    let polls = format!(
        "/subscriptions/{SUBSCRIPTION_ID}/providers/Microsoft.CognitiveServices/locations/eastus/operationStatuses"
    );
    sandbox
        .add_faults(
            json!([{"kind": "throttle", "count": 1, "method": "GET", "pathPrefix": polls, "retryAfter": 1}]),
        )
        .await;
    let progress = Progress::default();
    let body = create_body("gpt-4o", Some("2024-11-20"), SkuName::Standard, 10);
    let started = Instant::now();
    let created = sandbox
        .client
        .create_or_update_deployment(&openai(), "patient", &body, &progress.handle())
        .await
        .unwrap();
    assert_eq!(created.properties.provisioning_state, Some(ProvisioningState::Succeeded));
    assert!(started.elapsed() >= Duration::from_millis(950), "the 1 s Retry-After was honoured");
    assert_eq!(progress.statuses().first().map(String::as_str), Some("Throttled"));
    assert_eq!(sandbox.hits_left().await, 0);
}

#[tokio::test]
async fn a_forbidden_write_names_the_role_it_needs_and_is_not_retried() {
    let sandbox = Sandbox::fast().await;
    sandbox
        .add_faults(
            json!([{"kind": "forbidden", "count": 5, "method": "PUT", "pathPrefix": deployments_path()}]),
        )
        .await;
    let body = create_body("gpt-4o", Some("2024-11-20"), SkuName::Standard, 10);
    let err =
        sandbox.client.create_or_update_deployment(&openai(), "denied", &body, &quiet()).await.unwrap_err();
    assert_eq!((err.kind, err.status), (ErrorKind::Forbidden, Some(403)));
    assert_eq!(err.code.as_deref(), Some("AuthorizationFailed"));
    assert!(
        err.message.contains("'Microsoft.CognitiveServices/accounts/deployments/write'"),
        "Azure's message verbatim: {}",
        err.message
    );
    assert_eq!(err.missing_role, Some("Cognitive Services OpenAI Contributor"));
    assert!(err.request_id.is_some());
    assert!(err.to_string().contains("needs the 'Cognitive Services OpenAI Contributor' role"), "{err}");
    assert_eq!(sandbox.hits_left().await, 4, "a 403 is final: one request");
}
