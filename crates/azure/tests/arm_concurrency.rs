//! Mutations on one account run one at a time (Azure answers 409 RequestConflict to a second one while
//! the first is running), and a user can stop waiting for an operation.
#![allow(clippy::unwrap_used)] // shared test steps: a failed call should fail the test loudly

mod sim;

use std::time::{Duration, Instant};

use foundry_azure::arm::models::{ProvisioningState, SkuName};
use foundry_azure::arm::AccountLocks;
use foundry_azure::error::ErrorKind;
use foundry_azure::http::Pipeline;
use foundry_azure::lro::LroHandle;
use foundry_sim::SimConfig;
use serde_json::Value;
use sim::{aiservices, client_for, create_body, openai, quiet, retry, Sandbox};

/// A client that never retries, so a RequestConflict would reach the test instead of being hidden.
async fn no_retry_sandbox(config: SimConfig) -> Sandbox {
    Sandbox::start_with(config, Pipeline::default_client().unwrap(), retry(1)).await
}

#[tokio::test]
async fn two_creates_at_once_on_one_account_both_succeed() {
    let sandbox = no_retry_sandbox(SimConfig { polls_to_finish: 3, ..SimConfig::fast() }).await;
    let client = &sandbox.client;
    let first = create_body("gpt-4.1", Some("2025-04-14"), SkuName::GlobalStandard, 10);
    let second = create_body("o3-mini", Some("2025-01-31"), SkuName::GlobalStandard, 10);
    let (account, handles) = (openai(), [quiet(), quiet()]);
    let (a, b) = tokio::join!(
        client.create_or_update_deployment(&account, "first", &first, &handles[0]),
        client.create_or_update_deployment(&account, "second", &second, &handles[1]),
    );
    let (a, b) = (a.unwrap(), b.unwrap());
    assert_eq!(a.properties.provisioning_state, Some(ProvisioningState::Succeeded));
    assert_eq!(b.properties.provisioning_state, Some(ProvisioningState::Succeeded));
    let names: Vec<String> =
        client.list_deployments(&openai()).await.unwrap().into_iter().map(|d| d.name).collect();
    assert_eq!(names.len(), 5, "{names:?}");
    assert!(names.contains(&"first".to_string()) && names.contains(&"second".to_string()));
}

#[tokio::test]
async fn control_two_clients_without_a_shared_lock_do_meet_request_conflict() {
    // Two separate clients (as two app windows would be) do not share the lock: Azure refuses one.
    let sandbox = no_retry_sandbox(SimConfig { polls_to_finish: 3, ..SimConfig::fast() }).await;
    let other = client_for(&sandbox.base(), Pipeline::default_client().unwrap(), retry(1));
    let first = create_body("gpt-4.1", Some("2025-04-14"), SkuName::GlobalStandard, 10);
    let second = create_body("o3-mini", Some("2025-01-31"), SkuName::GlobalStandard, 10);
    let (account, handles) = (openai(), [quiet(), quiet()]);
    let (a, b) = tokio::join!(
        sandbox.client.create_or_update_deployment(&account, "first", &first, &handles[0]),
        other.create_or_update_deployment(&account, "second", &second, &handles[1]),
    );
    let refused = match (a, b) {
        (Ok(_), Err(e)) | (Err(e), Ok(_)) => e,
        other => panic!("expected exactly one refusal, got {other:?}"),
    };
    assert_eq!(refused.kind, ErrorKind::Conflict);
    assert_eq!(refused.code.as_deref(), Some("RequestConflict"));
    assert!(refused.message.contains("Another operation is being performed on the parent resource"));
}

#[tokio::test]
async fn two_clients_sharing_account_locks_queue_like_one() {
    // One identity's client before a settings change and its client after: they share the locks.
    let sandbox = no_retry_sandbox(SimConfig { polls_to_finish: 3, ..SimConfig::fast() }).await;
    let locks = AccountLocks::default();
    let before = sandbox.client.clone().sharing_account_locks(locks.clone());
    let after = client_for(&sandbox.base(), Pipeline::default_client().unwrap(), retry(1))
        .sharing_account_locks(locks);
    let first = create_body("gpt-4.1", Some("2025-04-14"), SkuName::GlobalStandard, 10);
    let second = create_body("o3-mini", Some("2025-01-31"), SkuName::GlobalStandard, 10);
    let (account, handles) = (openai(), [quiet(), quiet()]);
    let (a, b) = tokio::join!(
        before.create_or_update_deployment(&account, "first", &first, &handles[0]),
        after.create_or_update_deployment(&account, "second", &second, &handles[1]),
    );
    assert_eq!(a.unwrap().properties.provisioning_state, Some(ProvisioningState::Succeeded));
    assert_eq!(b.unwrap().properties.provisioning_state, Some(ProvisioningState::Succeeded));
}

#[tokio::test]
async fn control_two_raw_puts_at_once_meet_request_conflict() {
    let sandbox = no_retry_sandbox(SimConfig { polls_to_finish: 3, ..SimConfig::fast() }).await;
    let http = reqwest::Client::new();
    let put = |name: &str, model: &str, version: &str| {
        let url = sandbox
            .client
            .url(&format!("{}/deployments/{name}", openai().path()), "2026-09-01", &[])
            .unwrap();
        http.put(url)
            .bearer_auth("t")
            .json(&create_body(model, Some(version), SkuName::GlobalStandard, 10))
            .send()
    };
    let (a, b) = tokio::join!(put("first", "gpt-4.1", "2025-04-14"), put("second", "o3-mini", "2025-01-31"));
    let (a, b) = (a.unwrap(), b.unwrap());
    let mut statuses = [a.status().as_u16(), b.status().as_u16()];
    statuses.sort_unstable();
    assert_eq!(statuses, [201, 409], "one PUT started an operation, the other was refused");
    let refused = if a.status() == 409 { a } else { b };
    let body: Value = refused.json().await.unwrap();
    assert_eq!(body["error"]["code"], "RequestConflict");
}

/// Waits (bounded) until the simulator holds deployment `name`, however far its operation is.
async fn until_created(base: &str, name: &str) {
    let probe = client_for(base, Pipeline::default_client().unwrap(), retry(1));
    for _ in 0..200 {
        // A list does not advance the operation (a GET of the deployment would count as a poll).
        let names: Vec<String> =
            probe.list_deployments(&openai()).await.unwrap().into_iter().map(|d| d.name).collect();
        if names.iter().any(|n| n == name) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("{name} never appeared");
}

/// Operations that run long: Retry-After 5 s between polls, a hundred polls.
fn slow_operations() -> SimConfig {
    SimConfig { retry_after_secs: 5, polls_to_finish: 100, ..SimConfig::default() }
}

#[tokio::test]
async fn cancelling_while_polling_returns_cancelled_promptly() {
    let sandbox = Sandbox::start(slow_operations()).await;
    let client = &sandbox.client;
    let handle = LroHandle::default();
    let body = create_body("gpt-4.1", Some("2025-04-14"), SkuName::GlobalStandard, 10);
    let account = openai();
    let mut cancelled_at = None;
    let (result, ()) = tokio::join!(
        tokio::time::timeout(
            Duration::from_secs(4),
            client.create_or_update_deployment(&account, "long", &body, &handle)
        ),
        async {
            until_created(&sandbox.base(), "long").await;
            cancelled_at = Some(Instant::now());
            handle.cancel();
        }
    );
    let err = result.expect("cancel did not stop the wait").unwrap_err();
    let after = cancelled_at.unwrap().elapsed();
    assert!(after < Duration::from_millis(500), "stopped {after:?} after the user cancelled");
    assert_eq!(err.kind, ErrorKind::Cancelled);
    assert!(err.message.contains("goes on in Azure"), "{}", err.message);
    // Azure carries on: the deployment is still being created.
    let d = sandbox.client.get_deployment(&account, "long").await.unwrap();
    assert_ne!(d.properties.provisioning_state, Some(ProvisioningState::Succeeded));
}

#[tokio::test]
async fn cancelling_a_create_queued_behind_another_never_sends_it() {
    let sandbox = Sandbox::start(slow_operations()).await;
    let client = &sandbox.client;
    let (first_handle, queued_handle) = (LroHandle::default(), LroHandle::default());
    let first = create_body("gpt-4.1", Some("2025-04-14"), SkuName::GlobalStandard, 10);
    let queued = create_body("o3-mini", Some("2025-01-31"), SkuName::GlobalStandard, 10);
    let account = openai();
    let (first_result, queued_result) =
        tokio::join!(client.create_or_update_deployment(&account, "first", &first, &first_handle), async {
            until_created(&sandbox.base(), "first").await;
            // The account is busy with `first`: this create waits for the client's lock.
            let (result, ()) = tokio::join!(
                tokio::time::timeout(
                    Duration::from_secs(3),
                    client.create_or_update_deployment(&account, "queued", &queued, &queued_handle)
                ),
                async { queued_handle.cancel() }
            );
            first_handle.cancel();
            result
        });
    assert_eq!(first_result.unwrap_err().kind, ErrorKind::Cancelled);
    let err = queued_result.expect("a queued create ignored the cancel").unwrap_err();
    assert_eq!(err.kind, ErrorKind::Cancelled);
    let missing = sandbox.client.get_deployment(&account, "queued").await.unwrap_err();
    assert_eq!(missing.kind, ErrorKind::NotFound, "a cancelled create must not reach Azure");
}

#[tokio::test]
async fn cancelling_while_a_throttled_poll_is_being_retried_returns_cancelled_promptly() {
    // Operations answer Retry-After 0, but every poll of the operation is throttled with Retry-After 2:
    // the client is then sitting in the retry wait of a poll when the user cancels.
    let sandbox = Sandbox::start(SimConfig { polls_to_finish: 100, ..SimConfig::fast() }).await;
    let polls = format!(
        "/subscriptions/{}/providers/Microsoft.CognitiveServices/locations/eastus/operationStatuses",
        openai().subscription
    );
    sandbox
        .add_faults(serde_json::json!([{"kind": "throttle", "count": 1000, "method": "GET", "pathPrefix": polls, "retryAfter": 2}]))
        .await;
    let handle = LroHandle::default();
    let body = create_body("gpt-4.1", Some("2025-04-14"), SkuName::GlobalStandard, 10);
    let account = openai();
    let mut cancelled_at = None;
    let (result, ()) = tokio::join!(
        tokio::time::timeout(
            Duration::from_secs(10),
            sandbox.client.create_or_update_deployment(&account, "throttled", &body, &handle)
        ),
        async {
            // Bounded wait until the first poll has met the 429.
            for _ in 0..300 {
                if sandbox.hits_left().await < 1000 {
                    break;
                }
                tokio::time::sleep(Duration::from_millis(10)).await;
            }
            assert!(sandbox.hits_left().await < 1000, "the client never polled");
            cancelled_at = Some(Instant::now());
            handle.cancel();
        }
    );
    let err = result.expect("cancel did not stop the wait").unwrap_err();
    let after = cancelled_at.unwrap().elapsed();
    assert_eq!(err.kind, ErrorKind::Cancelled, "{err}");
    assert!(after < Duration::from_millis(500), "stopped {after:?} after the user cancelled");
}

#[tokio::test]
async fn cancelling_one_operation_leaves_the_others_on_the_same_client_running() {
    let sandbox = Sandbox::start(SimConfig { polls_to_finish: 3, ..SimConfig::fast() }).await;
    let client = &sandbox.client;
    let (stopped, running) = (LroHandle::default(), LroHandle::default());
    stopped.cancel();
    let body = create_body("gpt-4.1", Some("2025-04-14"), SkuName::GlobalStandard, 10);
    let (east, sweden) = (openai(), aiservices());
    let (cancelled, created) = tokio::join!(
        client.create_or_update_deployment(&east, "stopped", &body, &stopped),
        client.create_or_update_deployment(&sweden, "running", &body, &running)
    );
    assert_eq!(cancelled.unwrap_err().kind, ErrorKind::Cancelled);
    assert_eq!(created.unwrap().properties.provisioning_state, Some(ProvisioningState::Succeeded));
    let missing = client.get_deployment(&openai(), "stopped").await.unwrap_err();
    assert_eq!(missing.kind, ErrorKind::NotFound, "the cancelled create was never sent");
}
