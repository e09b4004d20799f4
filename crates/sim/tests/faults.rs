//! Faults switched on per run (SimConfig, control endpoint) or per request (`x-sim-fault`), each with
//! Azure's status, code and headers, limited by method, path prefix and count.

mod common;

use common::{Sim, API};
use foundry_sim::{Fault, FaultKind, SimConfig};
use reqwest::Method;
use serde_json::{json, Value};

async fn code_of(response: reqwest::Response) -> (u16, String) {
    let status = response.status().as_u16();
    let body: Value = response.json().await.unwrap_or(Value::Null);
    (status, body["error"]["code"].as_str().unwrap_or_default().to_string())
}

#[tokio::test]
async fn throttling_n_times_then_success() {
    let fault = Fault { count: Some(2), retry_after: Some(3), ..Fault::new(FaultKind::Throttle) };
    let sim = Sim::start(SimConfig { faults: vec![fault], ..SimConfig::fast() }).await;
    let path = format!("/subscriptions?{API}");
    for _ in 0..2 {
        let response = sim.send(Method::GET, &path, None).await;
        assert_eq!(response.headers()["retry-after"], "3");
        assert_eq!(code_of(response).await, (429, "SubscriptionRequestsThrottled".into()));
    }
    assert_eq!(sim.send(Method::GET, &path, None).await.status(), 200);
}

#[tokio::test]
async fn each_answering_fault_by_header() {
    let sim = Sim::fast().await;
    let path = format!("/subscriptions?{API}");
    let cases = [
        ("500", 500, "InternalServerError"),
        ("503", 503, "ServiceUnavailable"),
        ("expired-token", 401, "ExpiredAuthenticationToken"),
        ("409", 409, "RequestConflict"),
        ("429", 429, "SubscriptionRequestsThrottled"),
    ];
    for (spec, status, code) in cases {
        let response = sim.send_with(Method::GET, &path, None, &[("x-sim-fault", spec)]).await;
        if spec == "expired-token" {
            assert!(response.headers().contains_key("www-authenticate"));
        }
        let body_status = response.status().as_u16();
        let body: Value = response.json().await.expect("json");
        assert_eq!(
            (body_status, body["error"]["code"].as_str().unwrap_or_default()),
            (status, code),
            "{spec}"
        );
        if spec == "expired-token" {
            let message = body["error"]["message"].as_str().unwrap_or_default();
            assert!(message.starts_with("The access token expiry UTC time"), "{message}");
        }
    }
    assert_eq!(sim.send(Method::GET, &path, None).await.status(), 200, "header faults last one request");
}

#[tokio::test]
async fn control_endpoint_targets_method_and_path_prefix() {
    let sim = Sim::fast().await;
    let control = sim.url("/_sim/faults");
    let set = sim
        .client
        .post(&control)
        .json(&json!({"faults": [{"kind": "unavailable", "method": "GET", "pathPrefix": "/TENANTS", "count": 1}]}))
        .send()
        .await
        .expect("post");
    assert_eq!(set.status(), 200);
    assert_eq!(
        sim.send(Method::GET, &format!("/subscriptions?{API}"), None).await.status(),
        200,
        "other path"
    );
    assert_eq!(code_of(sim.send(Method::GET, &format!("/tenants?{API}"), None).await).await.0, 503);
    assert_eq!(sim.send(Method::GET, &format!("/tenants?{API}"), None).await.status(), 200, "count spent");

    sim.client
        .post(&control)
        .json(&json!({"faults": [{"kind": "server-error"}]}))
        .send()
        .await
        .expect("post");
    assert_eq!(sim.send(Method::GET, &format!("/tenants?{API}"), None).await.status(), 500);
    assert_eq!(sim.client.delete(&control).send().await.expect("delete").status(), 204);
    assert_eq!(sim.send(Method::GET, &format!("/tenants?{API}"), None).await.status(), 200);
}

#[tokio::test]
async fn slow_responses_are_delayed() {
    let sim = Sim::fast().await;
    let started = std::time::Instant::now();
    let response = sim
        .send_with(
            Method::GET,
            &format!("/subscriptions?{API}"),
            None,
            &[("x-sim-fault", "slow;delayMs=200")],
        )
        .await;
    assert_eq!(response.status(), 200);
    assert!(started.elapsed() >= std::time::Duration::from_millis(200));
}

#[test]
fn text_specs_parse_as_the_env_var_and_cli_take_them() {
    let faults =
        foundry_sim::faults::parse_spec("429;count=2;retryAfter=1,async-failed;method=PUT").expect("parse");
    assert_eq!(faults[0].kind, FaultKind::Throttle);
    assert_eq!(faults[1].method.as_deref(), Some("PUT"));
}

#[tokio::test]
async fn a_conflict_fault_names_the_account() {
    let sim = Sim::fast().await;
    let path = common::deployment_path("gpt-4o");
    let response = sim.send_with(Method::DELETE, &path, None, &[("x-sim-fault", "conflict")]).await;
    assert_eq!(response.status(), 409);
    let body: Value = response.json().await.expect("json");
    let message = body["error"]["message"].as_str().unwrap_or_default();
    assert!(message.contains(&format!("'{}'", common::account_path())), "{message}");
}
