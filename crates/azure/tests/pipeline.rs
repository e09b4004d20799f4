//! The HTTP pipeline's retry rules, LRO polling and paging, over real loopback HTTP to a stub server.
#![allow(clippy::unwrap_used)] // test helpers: a failed setup should fail the test loudly

mod stub;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use foundry_azure::error::ErrorKind;
use foundry_azure::http::{HttpRequest, Pipeline, RetryPolicy};
use foundry_azure::lro::{first_step, wait_for_completion, LroHandle, LroOptions, LroProgress};
use foundry_azure::paging::collect_all;
use foundry_azure::token::StaticToken;
use reqwest::Method;
use stub::{answer, Stub};

fn pipeline() -> Pipeline {
    let retry = RetryPolicy {
        max_attempts: 4,
        base_delay: Duration::from_millis(1),
        max_delay: Duration::from_secs(2),
    };
    Pipeline::new(Pipeline::default_client().unwrap(), Arc::new(StaticToken::new("test-token")), retry)
}

fn request(method: Method, url: String) -> HttpRequest {
    HttpRequest { method, url, body: None, scope: "https://management.azure.com/.default".into() }
}

#[tokio::test]
async fn reads_retry_503_then_succeed_and_send_the_bearer_token() {
    let stub = Stub::start(vec![
        answer(503, &[], ""),
        answer(429, &[("retry-after", "0")], r#"{"error":{"code":"TooManyRequests","message":"slow down"}}"#),
        answer(200, &[], r#"{"ok":true}"#),
    ])
    .await;
    let got = pipeline().send(&request(Method::GET, format!("{}/x", stub.base))).await.unwrap();
    assert_eq!(got.json().unwrap().unwrap()["ok"], true);
    let seen = stub.seen();
    assert_eq!(seen.len(), 3);
    assert_eq!(seen[0].headers["authorization"], "Bearer test-token");
}

#[tokio::test]
async fn writes_do_not_retry_a_500_or_503() {
    let stub = Stub::start(vec![answer(503, &[("x-ms-request-id", "w1")], ""), answer(200, &[], "{}")]).await;
    let err = pipeline().send(&request(Method::PUT, format!("{}/x", stub.base))).await.unwrap_err();
    assert_eq!(err.kind, ErrorKind::Server);
    assert_eq!(err.request_id.as_deref(), Some("w1"));
    assert_eq!(stub.seen().len(), 1, "a write must not be resent after a 503");
}

#[tokio::test]
async fn writes_retry_request_conflict_when_azure_says_so() {
    let conflict = r#"{"error":{"code":"RequestConflict","message":"Another operation is being performed on the parent resource."}}"#;
    let stub =
        Stub::start(vec![answer(409, &[("retry-after", "0")], conflict), answer(200, &[], "{}")]).await;
    pipeline().send(&request(Method::PUT, format!("{}/x", stub.base))).await.unwrap();
    assert_eq!(stub.seen().len(), 2);
}

#[tokio::test]
async fn a_wait_longer_than_we_sit_through_goes_back_to_the_user() {
    let stub = Stub::start(vec![answer(
        429,
        &[("retry-after", "86400")],
        r#"{"error":{"code":"429","message":"quota"}}"#,
    )])
    .await;
    let err = pipeline().send(&request(Method::GET, format!("{}/x", stub.base))).await.unwrap_err();
    assert_eq!(err.kind, ErrorKind::Throttled);
    assert_eq!(err.retry_after, Some(Duration::from_secs(86400)));
    assert_eq!(stub.seen().len(), 1);
}

#[tokio::test]
async fn retries_are_bounded() {
    let stub = Stub::start(vec![answer(503, &[], ""); 10]).await;
    let err = pipeline().send(&request(Method::GET, format!("{}/x", stub.base))).await.unwrap_err();
    assert_eq!(err.kind, ErrorKind::Server);
    assert_eq!(stub.seen().len(), 4);
}

#[tokio::test]
async fn bodiless_post_sends_content_length_zero() {
    let stub = Stub::start(vec![answer(200, &[], r#"{"key1":"a","key2":"b"}"#)]).await;
    pipeline().send(&request(Method::POST, format!("{}/listKeys", stub.base))).await.unwrap();
    let seen = &stub.seen()[0];
    assert_eq!(seen.method, Method::POST);
    assert_eq!(seen.headers["content-length"], "0");
    assert!(seen.body.is_empty());
}

#[tokio::test]
async fn connection_refused_is_a_network_error_after_retries() {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let err = pipeline().send(&request(Method::GET, format!("http://127.0.0.1:{port}/x"))).await.unwrap_err();
    assert_eq!(err.kind, ErrorKind::Network);
}

#[tokio::test]
async fn async_operation_is_polled_to_success_then_the_resource_is_read() {
    let long_query = "x".repeat(4200);
    let stub = Stub::start(vec![
        answer(200, &[], r#"{"status":"Creating"}"#),
        answer(200, &[("Retry-After", "0")], r#"{"status":"Succeeded"}"#),
        answer(200, &[], r#"{"name":"d1","properties":{"provisioningState":"Succeeded"}}"#),
    ])
    .await;
    let op_url = format!("{}/operations/1?api-version=2026-09-01&t={long_query}", stub.base);
    let first = first_step(
        &foundry_azure::http::HttpAnswer {
            status: 201,
            headers: [
                ("azure-asyncoperation", op_url.parse().unwrap()),
                ("retry-after", "0".parse().unwrap()),
            ]
            .into_iter()
            .map(|(k, v)| (reqwest::header::HeaderName::from_static(k), v))
            .collect(),
            body: br#"{"properties":{"provisioningState":"Creating"}}"#.to_vec(),
        },
        Duration::ZERO,
    )
    .unwrap();
    let resource = request(Method::GET, format!("{}/deployments/d1", stub.base));
    let progress = Arc::new(Mutex::new(Vec::new()));
    let seen = progress.clone();
    let handle = LroHandle::with_progress(move |p: LroProgress| seen.lock().unwrap().push(p.status));
    let options = LroOptions { default_wait: Duration::ZERO, ..LroOptions::default() };
    let done =
        wait_for_completion(&pipeline(), &Method::PUT, &resource, first, &options, &handle).await.unwrap();
    assert_eq!(done.unwrap()["name"], "d1");
    assert_eq!(*progress.lock().unwrap(), vec!["Creating".to_string(), "Succeeded".to_string()]);
    let seen = stub.seen();
    assert!(seen[0].uri.len() > 4096, "the 4 KB poll URL was sent verbatim");
    assert_eq!(seen[2].uri, "/deployments/d1");
}

#[tokio::test]
async fn failed_async_operation_reports_azures_error() {
    let stub = Stub::start(vec![answer(
        200,
        &[("x-ms-request-id", "op-9")],
        r#"{"status":"Failed","error":{"code":"DeploymentFailed","message":"Capacity unavailable."}}"#,
    )])
    .await;
    let first = foundry_azure::lro::FirstStep::Poll {
        via: foundry_azure::lro::PollVia::AsyncOperation(format!("{}/op", stub.base)),
        wait: Duration::ZERO,
    };
    let resource = request(Method::GET, format!("{}/deployments/d1", stub.base));
    let err = wait_for_completion(
        &pipeline(),
        &Method::PUT,
        &resource,
        first,
        &LroOptions::default(),
        &LroHandle::default(),
    )
    .await
    .unwrap_err();
    assert_eq!(err.code.as_deref(), Some("DeploymentFailed"));
    assert_eq!(err.message, "the operation ended Failed: Capacity unavailable.");
    assert_eq!(err.request_id.as_deref(), Some("op-9"));
}

#[tokio::test]
async fn delete_polled_by_resource_is_done_at_404() {
    let stub = Stub::start(vec![
        answer(200, &[], r#"{"properties":{"provisioningState":"Deleting"}}"#),
        answer(404, &[], r#"{"error":{"code":"DeploymentNotFound","message":"gone"}}"#),
    ])
    .await;
    let first = foundry_azure::lro::FirstStep::Poll {
        via: foundry_azure::lro::PollVia::Resource,
        wait: Duration::ZERO,
    };
    let resource = request(Method::GET, format!("{}/deployments/d1", stub.base));
    let options = LroOptions { default_wait: Duration::ZERO, ..LroOptions::default() };
    let done =
        wait_for_completion(&pipeline(), &Method::DELETE, &resource, first, &options, &LroHandle::default())
            .await
            .unwrap();
    assert_eq!(done, None);
}

#[tokio::test]
async fn cancelling_stops_waiting_at_once() {
    let stub = Stub::start(vec![]).await;
    let options = LroOptions { default_wait: Duration::from_secs(3600), ..LroOptions::default() };
    let handle = LroHandle::default();
    handle.cancel();
    let first = foundry_azure::lro::FirstStep::Poll {
        via: foundry_azure::lro::PollVia::Resource,
        wait: Duration::from_secs(3600),
    };
    let resource = request(Method::GET, format!("{}/deployments/d1", stub.base));
    let err = wait_for_completion(&pipeline(), &Method::PUT, &resource, first, &options, &handle)
        .await
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::Cancelled);
    assert!(stub.seen().is_empty());
}

#[tokio::test]
async fn paging_follows_next_link_verbatim_to_the_end() {
    let stub = Stub::start(vec![
        answer(
            200,
            &[],
            r#"{"value":[1,2],"nextLink":"{base}/page2?api-version=2026-09-01&%24skiptoken=a%20b"}"#,
        ),
        answer(200, &[], r#"{"value":[3],"nextLink":"{base}/page3?%24skiptoken=c"}"#),
        answer(200, &[], r#"{"value":[4]}"#),
    ])
    .await;
    let items: Vec<i32> =
        collect_all(&pipeline(), request(Method::GET, format!("{}/page1", stub.base))).await.unwrap();
    assert_eq!(items, vec![1, 2, 3, 4]);
    let uris: Vec<String> = stub.seen().into_iter().map(|s| s.uri).collect();
    assert_eq!(uris, ["/page1", "/page2?api-version=2026-09-01&%24skiptoken=a%20b", "/page3?%24skiptoken=c"]);
}

#[tokio::test]
async fn a_next_link_that_repeats_is_an_error_not_an_endless_loop() {
    let page = r#"{"value":[1],"nextLink":"{base}/same"}"#;
    let stub =
        Stub::start(vec![answer(200, &[], page), answer(200, &[], page), answer(200, &[], page)]).await;
    let err = collect_all::<i32>(&pipeline(), request(Method::GET, format!("{}/first", stub.base)))
        .await
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::Decode);
    assert!(err.message.contains("same nextLink twice"), "{}", err.message);
}
