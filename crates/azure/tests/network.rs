//! Network options end to end over loopback: a manual proxy (the simulator's recording proxy) carries
//! Resource Manager and inference requests, loopback included; the request timeout applies to Resource
//! Manager whole and to inference's first byte and silences; a probe reports where it went and why not.
#![allow(clippy::unwrap_used)] // test steps: a failed call should fail the test loudly

mod sim;

use std::time::Duration;

use foundry_azure::inference::{
    ApiKey, ApiStyle, ChatEvent, ChatParams, ChatTarget, InferenceAuth, InferenceClient, InferenceEndpoint,
    Message, Role,
};
use foundry_azure::network::{ManualProxy, NetworkOptions, ProxyChoice, Route, Unreached};
use foundry_azure::ErrorKind;
use foundry_sim::RecordingProxy;
use serde_json::json;
use sim::{client_for, openai, retry, Sandbox};
use url::Url;

fn through(proxy: &str) -> NetworkOptions {
    let proxy = ManualProxy::new(proxy, &[]).unwrap();
    NetworkOptions { proxy: ProxyChoice::Manual(proxy), ..NetworkOptions::default() }
}

fn timing_out_after(timeout: Duration) -> NetworkOptions {
    NetworkOptions { proxy: ProxyChoice::Direct, request_timeout: Some(timeout), ..NetworkOptions::default() }
}

/// A loopback address nothing listens on.
fn dead_address() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    drop(listener);
    format!("http://{address}")
}

/// A chat client for the Sandbox's OpenAI account over `options`.
async fn chat_client(sandbox: &Sandbox, options: &NetworkOptions) -> (InferenceClient, ChatTarget) {
    let account = sandbox.client.get_account(&openai()).await.unwrap();
    let served = foundry_sim::sandbox_endpoint(&sandbox.base(), &account.properties.endpoint.unwrap());
    let key = sandbox.client.list_keys(&openai()).await.unwrap().key1;
    let mut client =
        InferenceClient::new(options.inference_client().unwrap(), InferenceAuth::ApiKey(ApiKey::new(key)));
    client.options = options.inference_options();
    client.options.max_attempts = 1;
    let target = ChatTarget {
        endpoint: InferenceEndpoint::parse(&served).unwrap(),
        style: ApiStyle::default(),
        deployment: "gpt-4o".into(),
        model: None,
    };
    (client, target)
}

fn hello() -> ChatParams {
    ChatParams { messages: vec![Message::new(Role::User, "hello")], ..ChatParams::default() }
}

#[tokio::test]
async fn a_manual_proxy_carries_resource_manager_and_inference_loopback_included() {
    let sandbox = Sandbox::fast().await;
    let proxy = RecordingProxy::start().await.unwrap();
    let options = through(&proxy.url());
    let arm = client_for(&sandbox.base(), options.arm_client().unwrap(), retry(1));
    arm.list_subscriptions().await.unwrap();
    let (client, target) = chat_client(&sandbox, &options).await;
    client.chat(&target, &hello()).await.unwrap();
    let seen = proxy.seen();
    assert!(
        seen.iter().any(|line| line.starts_with(&format!("GET {}/subscriptions?", sandbox.base()))),
        "{seen:?}"
    );
    assert!(
        seen.iter().any(|line| line.starts_with("POST ") && line.ends_with("/chat/completions")),
        "{seen:?}"
    );

    let direct = NetworkOptions { proxy: ProxyChoice::Direct, ..NetworkOptions::default() };
    let (client, target) = chat_client(&sandbox, &direct).await;
    client.chat(&target, &hello()).await.unwrap();
    assert_eq!(proxy.seen().len(), seen.len(), "no proxy: nothing more went through it");
}

#[tokio::test]
async fn a_proxy_that_is_not_there_fails_the_request_saying_it_was_refused() {
    let sandbox = Sandbox::fast().await;
    let options = through(&dead_address());
    let (client, target) = chat_client(&sandbox, &options).await;
    let error = client.chat(&target, &hello()).await.unwrap_err();
    assert_eq!(error.kind, ErrorKind::Network, "{error}");
    assert!(error.message.to_lowercase().contains("connection refused"), "{}", error.message);
}

#[tokio::test]
async fn the_timeout_bounds_a_whole_resource_manager_request() {
    let sandbox = Sandbox::fast().await;
    sandbox.add_faults(json!([{"kind": "slow", "delayMs": 60000}])).await;
    let options = timing_out_after(Duration::from_millis(200));
    let arm = client_for(&sandbox.base(), options.arm_client().unwrap(), retry(1));
    let error = arm.list_subscriptions().await.unwrap_err();
    assert_eq!(error.kind, ErrorKind::Timeout, "{error}");
}

#[tokio::test]
async fn the_timeout_is_inferences_first_byte_and_idle_timeout() {
    let sandbox = Sandbox::fast().await;
    let options = timing_out_after(Duration::from_millis(200));
    let (client, target) = chat_client(&sandbox, &options).await;

    sandbox.add_faults(json!([{"kind": "slow-first-byte", "delayMs": 60000, "count": 1}])).await;
    let error = client.chat(&target, &hello()).await.unwrap_err();
    assert_eq!(error.kind, ErrorKind::Timeout, "{error}");

    sandbox.add_faults(json!([{"kind": "slow-stream", "delayMs": 60000, "count": 1}])).await;
    let mut stream = client.chat_stream(&target, &hello()).await.unwrap();
    let mut last = None;
    while let Some(event) = stream.next().await {
        last = Some(event);
    }
    match last {
        Some(ChatEvent::Error { error, .. }) => assert_eq!(error.kind, ErrorKind::Timeout, "{error}"),
        other => panic!("the stream should stall and end in a timeout, got {other:?}"),
    }
}

#[tokio::test]
async fn a_probe_says_where_it_went_and_why_it_got_no_answer() {
    let sandbox = Sandbox::fast().await;
    let proxy = RecordingProxy::start().await.unwrap();
    let subscriptions =
        Url::parse(&format!("{}/subscriptions?api-version=2022-12-01", sandbox.base())).unwrap();

    let reached = through(&proxy.url()).probe(&subscriptions).await.unwrap();
    assert_eq!(reached.route, Route::Proxy(proxy.addr().to_string()));
    assert!(reached.unreached.is_none() && reached.status.is_some(), "{reached:?}");
    assert_eq!(proxy.seen(), [format!("GET {subscriptions}")]);
    assert_eq!(proxy.seen_with_credentials(), Vec::<String>::new(), "no token went with it");

    let refused = through(&dead_address()).probe(&subscriptions).await.unwrap();
    assert_eq!((refused.status, refused.unreached), (None, Some(Unreached::Refused)));

    let direct = NetworkOptions { proxy: ProxyChoice::Direct, ..NetworkOptions::default() };
    let answered = direct.probe(&subscriptions).await.unwrap();
    assert_eq!((answered.route, answered.unreached), (Route::Direct, None));
}
