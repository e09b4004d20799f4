//! Requests the simulator does not model fail loudly, in Azure's error shape, so a test that strays
//! off the modelled surface says where.

#[tokio::test]
async fn unmodelled_request_is_a_named_azure_style_404() {
    let sim = foundry_sim::RunningSim::start().await.expect("start simulator");
    assert!(sim.addr().ip().is_loopback());
    let url = format!(
        "{}/subscriptions/s1/providers/Microsoft.Nothing/things?api-version=2026-09-01",
        sim.base_url()
    );
    let response = reqwest::Client::new().get(&url).bearer_auth("any-token").send().await.expect("request");

    assert_eq!(response.status(), 404);
    assert!(response.headers().contains_key("x-ms-request-id"));
    let body: serde_json::Value = response.json().await.expect("json body");
    assert_eq!(body["error"]["code"], "SimulatorRouteNotFound");
    let message = body["error"]["message"].as_str().expect("message");
    assert!(message.contains("GET /subscriptions/s1/providers/Microsoft.Nothing/things"), "{message}");
}

#[tokio::test]
async fn stops_listening_when_dropped() {
    let sim = foundry_sim::RunningSim::start().await.expect("start simulator");
    let addr = sim.addr();
    drop(sim);
    // Graceful shutdown completes asynchronously: wait (bounded) until the port refuses connections.
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(5);
    loop {
        if tokio::net::TcpStream::connect(addr).await.is_err() {
            break;
        }
        assert!(tokio::time::Instant::now() < deadline, "simulator still listening on {addr}");
        tokio::task::yield_now().await;
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
}
