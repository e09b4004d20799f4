//! Deployment mutations: quota consumed and freed, each validation error, each long-running-operation
//! shape's headers, RequestConflict while an operation runs, pause/resume.

mod common;

use common::{account_path, deployment_body, deployment_path, poll_until_terminal, usage, Sim};
use foundry_sim::{LroShape, SimConfig};
use reqwest::Method;
use serde_json::{json, Value};

async fn error_code(response: reqwest::Response) -> (u16, String, String) {
    let status = response.status().as_u16();
    let body: Value = response.json().await.expect("json");
    (
        status,
        body["error"]["code"].as_str().unwrap_or_default().into(),
        body["error"]["message"].as_str().unwrap_or_default().into(),
    )
}

#[tokio::test]
async fn create_consumes_quota_and_delete_frees_it() {
    let sim = Sim::start(SimConfig { lro_shape: LroShape::Real, ..SimConfig::fast() }).await;
    let (before, limit) = usage(&sim, "OpenAI.GlobalStandard.gpt-4.1").await;
    let response = sim
        .send(
            Method::PUT,
            &deployment_path("gpt41"),
            Some(deployment_body("gpt-4.1", "2025-04-14", "GlobalStandard", 40)),
        )
        .await;
    assert_eq!(response.status(), 201);
    assert!(response.headers().get("azure-asyncoperation").is_none(), "real shape sends no async header");
    let body: Value = response.json().await.expect("json");
    assert_eq!(body["properties"]["provisioningState"], "Succeeded");
    assert_eq!(body["properties"]["rateLimits"][1]["count"], 40_000);
    assert_eq!(usage(&sim, "OpenAI.GlobalStandard.gpt-4.1").await, (before + 40, limit));

    let resize = sim
        .send(
            Method::PATCH,
            &deployment_path("gpt41"),
            Some(json!({"sku": {"name": "GlobalStandard", "capacity": 60}})),
        )
        .await;
    assert_eq!(resize.status(), 202);
    let poll = resize.headers()["azure-asyncoperation"].to_str().expect("header").to_string();
    assert!(resize.headers().get("location").is_none(), "real PATCH has only azure-asyncoperation");
    assert_eq!(poll_until_terminal(&sim, &poll).await["status"], "Succeeded");
    assert_eq!(usage(&sim, "OpenAI.GlobalStandard.gpt-4.1").await.0, before + 60);

    let deleted = sim.send(Method::DELETE, &deployment_path("gpt41"), None).await;
    assert_eq!(deleted.status(), 200);
    assert!(deleted.text().await.expect("text").is_empty(), "real DELETE answers 200 with an empty body");
    assert_eq!(usage(&sim, "OpenAI.GlobalStandard.gpt-4.1").await.0, before);
    let gone = sim.send(Method::GET, &deployment_path("gpt41"), None).await;
    assert_eq!(error_code(gone).await.1, "DeploymentNotFound");
}

#[tokio::test]
async fn only_pay_as_you_go_deployments_advertise_per_minute_rate_limits() {
    let sim = Sim::start(SimConfig { lro_shape: LroShape::Real, ..SimConfig::fast() }).await;
    let created = |name: &'static str, sku: &'static str, capacity: u64| {
        let sim = &sim;
        async move {
            let body = deployment_body("gpt-4o-mini", "2024-07-18", sku, capacity);
            let response = sim.send(Method::PUT, &deployment_path(name), Some(body)).await;
            assert!(response.status().is_success(), "PUT {name}");
            response.json::<Value>().await.expect("json")
        }
    };
    let standard = created("paygo", "Standard", 5).await;
    assert_eq!(
        standard["properties"]["rateLimits"],
        json!([{"key": "request", "renewalPeriod": 60, "count": 30},
               {"key": "token", "renewalPeriod": 60, "count": 5000}])
    );
    // Provisioned capacity is PTUs and batch is bounded by enqueued tokens: neither has a per-minute limit.
    for (name, sku, capacity) in [("ptu", "ProvisionedManaged", 50), ("batch", "GlobalBatch", 100)] {
        let body = created(name, sku, capacity).await;
        assert_eq!(body["sku"]["capacity"], capacity, "{sku}");
        assert!(body["properties"].get("rateLimits").is_none(), "{sku}: {body}");
        let read = sim.get_json(&deployment_path(name)).await;
        assert!(read["properties"].get("rateLimits").is_none(), "{sku} read back: {read}");
    }
}

#[tokio::test]
async fn each_validation_error_has_azures_code() {
    let sim = Sim::fast().await;
    let cases = [
        (deployment_body("gpt-4o", "2024-11-20", "S0", 10), "InvalidResourceProperties"),
        (deployment_body("gpt-4.1", "2025-04-14", "Standard", 10), "InvalidResourceProperties"),
        (deployment_body("gpt-9", "2030-01-01", "GlobalStandard", 10), "DeploymentModelNotSupported"),
        (deployment_body("gpt-35-turbo", "0125", "Standard", 10), "ServiceModelDeprecating"),
        (deployment_body("gpt-35-turbo", "0613", "Standard", 10), "ServiceModelDeprecated"),
        (deployment_body("gpt-4o", "2024-11-20", "GlobalStandard", 0), "InvalidCapacity"),
        (deployment_body("gpt-4o", "2024-11-20", "ProvisionedManaged", 75), "InvalidCapacity"),
        (deployment_body("gpt-4o", "2024-11-20", "Standard", 151), "InsufficientQuota"),
    ];
    for (body, code) in cases {
        let response = sim.send(Method::PUT, &deployment_path("rejected"), Some(body.clone())).await;
        let (status, actual, message) = error_code(response).await;
        assert_eq!((status, actual.as_str()), (400, code), "{body}: {message}");
        if code == "InsufficientQuota" {
            for part in ["OpenAI.Standard.gpt-4o", "limit is 150", "usage is 0", "151"] {
                assert!(message.contains(part), "{message} should mention {part}");
            }
        }
    }
}

#[tokio::test]
async fn spec_shape_put_polls_through_creating_to_succeeded() {
    let sim = Sim::fast().await;
    let response = sim
        .send(
            Method::PUT,
            &deployment_path("new-4o"),
            Some(deployment_body("gpt-4o", "2024-11-20", "GlobalStandard", 5)),
        )
        .await;
    assert_eq!(response.status(), 201);
    assert_eq!(response.headers()["retry-after"], "0");
    let poll = response.headers()["azure-asyncoperation"].to_str().expect("header").to_string();
    let body: Value = response.json().await.expect("json");
    assert_eq!(body["properties"]["provisioningState"], "Accepted");
    let during: Value = sim.get_json(&deployment_path("new-4o")).await;
    assert_eq!(during["properties"]["provisioningState"], "Creating");
    assert_eq!(poll_until_terminal(&sim, &poll).await["status"], "Succeeded");
    let after = sim.get_json(&deployment_path("new-4o")).await;
    assert_eq!(after["properties"]["provisioningState"], "Succeeded");
}

#[tokio::test]
async fn spec_shape_delete_and_patch_send_location() {
    let sim = Sim::start(SimConfig { polls_to_finish: 1, ..SimConfig::fast() }).await;
    let patched =
        sim.send(Method::PATCH, &deployment_path("gpt-4o-mini"), Some(json!({"tags": {"team": "a"}}))).await;
    assert_eq!(patched.status(), 202);
    let location = patched.headers()["location"].to_str().expect("location").to_string();
    let result = sim.send(Method::GET, &location, None).await;
    assert_eq!(result.status(), 200);
    let body: Value = result.json().await.expect("json");
    assert_eq!(body["tags"]["team"], "a");

    let deleted = sim.send(Method::DELETE, &deployment_path("gpt-4o-mini"), None).await;
    assert_eq!(deleted.status(), 202);
    assert!(deleted.headers().contains_key("azure-asyncoperation"));
    let location = deleted.headers()["location"].to_str().expect("location").to_string();
    assert_eq!(sim.send(Method::GET, &location, None).await.status(), 204);
    assert_eq!(sim.send(Method::GET, &deployment_path("gpt-4o-mini"), None).await.status(), 404);
}

#[tokio::test]
async fn long_url_shape_poll_urls_exceed_4_kb_and_work() {
    let sim = Sim::fast().await;
    let response = sim
        .send_with(
            Method::PUT,
            &deployment_path("long"),
            Some(deployment_body("gpt-4o-mini", "2024-07-18", "GlobalStandard", 5)),
            &[("x-sim-lro", "long-url")],
        )
        .await;
    let poll = response.headers()["azure-asyncoperation"].to_str().expect("header").to_string();
    assert!(poll.len() > 4096, "{}", poll.len());
    assert_eq!(poll_until_terminal(&sim, &poll).await["status"], "Succeeded");
}

#[tokio::test]
async fn a_second_mutation_while_one_runs_is_a_request_conflict() {
    let sim = Sim::start(SimConfig { polls_to_finish: 3, ..SimConfig::fast() }).await;
    let first = sim
        .send(
            Method::PUT,
            &deployment_path("first"),
            Some(deployment_body("gpt-4o", "2024-11-20", "GlobalStandard", 5)),
        )
        .await;
    let poll = first.headers()["azure-asyncoperation"].to_str().expect("header").to_string();
    let second = sim.send(Method::DELETE, &deployment_path("gpt-4o-mini"), None).await;
    let (status, code, message) = error_code(second).await;
    assert_eq!((status, code.as_str()), (409, "RequestConflict"));
    assert!(message.contains("Another operation is being performed on the parent resource"), "{message}");
    poll_until_terminal(&sim, &poll).await;
    assert_eq!(sim.send(Method::DELETE, &deployment_path("gpt-4o-mini"), None).await.status(), 202);
}

#[tokio::test]
async fn pause_and_resume_only_standard_family() {
    let sim = Sim::fast().await;
    let paused = sim
        .send(Method::POST, &format!("{}/deployments/gpt-4o/pause?{}", account_path(), common::API), None)
        .await;
    assert_eq!(paused.status(), 200);
    let body: Value = paused.json().await.expect("json");
    assert_eq!(body["properties"]["deploymentState"], "Paused");
    let resumed: Value = sim
        .send(Method::POST, &format!("{}/deployments/gpt-4o/resume?{}", account_path(), common::API), None)
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(resumed["properties"]["deploymentState"], "Running");

    let sim = Sim::start(SimConfig { lro_shape: LroShape::Real, ..SimConfig::fast() }).await;
    let ptu = deployment_body("gpt-4o", "2024-11-20", "ProvisionedManaged", 50);
    assert_eq!(sim.send(Method::PUT, &deployment_path("ptu"), Some(ptu)).await.status(), 201);
    let refused = sim
        .send(Method::POST, &format!("{}/deployments/ptu/pause?{}", account_path(), common::API), None)
        .await;
    assert_eq!(refused.status(), 400);
}

#[tokio::test]
async fn patch_takes_only_sku_and_tags_and_rechecks_quota() {
    let sim = Sim::fast().await;
    let with_properties = json!({"properties": {"raiPolicyName": "x"}});
    assert_eq!(
        sim.send(Method::PATCH, &deployment_path("gpt-4o-mini"), Some(with_properties)).await.status(),
        400
    );
    let too_big = json!({"sku": {"name": "Standard", "capacity": 301}});
    let (status, code, _) =
        error_code(sim.send(Method::PATCH, &deployment_path("gpt-4o-mini"), Some(too_big)).await).await;
    assert_eq!((status, code.as_str()), (400, "InsufficientQuota"));
}

#[tokio::test]
async fn async_failed_fault_ends_the_operation_failed() {
    let sim = Sim::fast().await;
    let response = sim
        .send_with(
            Method::PUT,
            &deployment_path("doomed"),
            Some(deployment_body("gpt-4o", "2024-11-20", "GlobalStandard", 5)),
            &[("x-sim-fault", "async-failed")],
        )
        .await;
    let poll = response.headers()["azure-asyncoperation"].to_str().expect("header").to_string();
    let end = poll_until_terminal(&sim, &poll).await;
    assert_eq!(end["status"], "Failed");
    assert!(end["error"]["code"].is_string());
    let after = sim.get_json(&deployment_path("doomed")).await;
    assert_eq!(after["properties"]["provisioningState"], "Failed");
}
