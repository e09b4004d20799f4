//! Saved network and Azure settings take effect without a restart, end to end over loopback: the
//! Sandbox's requests go through a company proxy (the simulator's recording proxy) once one is set and
//! stop when it is unset, carry the configured Resource Manager api-version, fail plainly when the proxy
//! is not there; "Test connection" reaches the service with unsaved settings; and `fdesk` honours the
//! same saved file.
//!
//! Not here: the timeout. The settings allow 5 s at least, so a real test of it would wait 5 s; the
//! azure crate's `network` tests prove each client applies its timeout, with milliseconds.

#![allow(clippy::unwrap_used)]

use std::sync::{Arc, Mutex};

use foundry_desk_core::connections::{ConnectionError, Connections, NetworkProblem};
use foundry_desk_core::conversations::{
    ConversationMessage, ConversationTarget, MessageRole, PlaygroundParameters,
};
use foundry_desk_core::playground::{new_message_id, ProblemKind, Runs, SendOutcome, SendRequest};
use foundry_desk_core::secrets::MemoryStore;
use foundry_desk_core::settings::{NetworkSettings, ProxySetting, Settings, SettingsError};
use foundry_sim::sandbox::SUBSCRIPTION_ID;
use foundry_sim::{RecordingProxy, RunningSim, SimConfig};

fn connections(dir: &tempfile::TempDir) -> Connections {
    Connections::new(dir.path().to_path_buf(), Arc::new(MemoryStore::new()))
}

fn proxied(url: &str) -> NetworkSettings {
    NetworkSettings {
        proxy: ProxySetting::Manual { url: url.into(), no_proxy: vec![] },
        ..NetworkSettings::default()
    }
}

fn with_network(network: NetworkSettings) -> Settings {
    Settings { network, ..Settings::default() }
}

/// A loopback address nothing listens on.
fn dead_proxy() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    drop(listener);
    format!("http://{address}")
}

/// The Sandbox's gpt-4o, listed through Resource Manager.
async fn gpt4o(connections: &Connections) -> ConversationTarget {
    let profiles = connections.playground_targets().await.unwrap();
    let sandbox = profiles.iter().find(|p| p.profile_id == "sandbox").unwrap();
    assert!(sandbox.problem.is_none(), "{:?}", sandbox.problem);
    sandbox.targets.iter().find(|t| t.target.deployment == "gpt-4o").unwrap().target.clone()
}

async fn ask(connections: &Connections, target: &ConversationTarget) -> SendOutcome {
    let request = SendRequest {
        run_id: new_message_id(),
        target: target.clone(),
        // A short answer: the Sandbox streams at a visible pace.
        parameters: PlaygroundParameters { max_tokens: Some(5), ..PlaygroundParameters::default() },
        messages: vec![ConversationMessage {
            id: new_message_id(),
            role: MessageRole::User,
            content: "Hello through the proxy".into(),
            incomplete: false,
            stopped: false,
            answer: None,
        }],
    };
    let events = Mutex::new(Vec::new());
    connections.send_chat(&Runs::default(), request, |e| events.lock().unwrap().push(e)).await
}

fn chats(proxy: &RecordingProxy) -> usize {
    proxy
        .seen()
        .iter()
        .filter(|line| line.starts_with("POST ") && line.ends_with("/chat/completions"))
        .count()
}

#[tokio::test]
async fn a_chat_goes_through_the_proxy_once_it_is_set_and_not_after_it_is_unset() {
    let dir = tempfile::tempdir().unwrap();
    let connections = connections(&dir);
    let proxy = RecordingProxy::start().await.unwrap();
    let target = gpt4o(&connections).await;

    connections.apply_settings(&with_network(proxied(&proxy.url()))).unwrap();
    let outcome = ask(&connections, &target).await;
    assert!(outcome.problem.is_none(), "{:?}", outcome.problem);
    assert_eq!(chats(&proxy), 1, "{:?}", proxy.seen());

    connections
        .apply_settings(&with_network(NetworkSettings { proxy: ProxySetting::None, ..Default::default() }))
        .unwrap();
    let outcome = ask(&connections, &target).await;
    assert!(outcome.problem.is_none(), "{:?}", outcome.problem);
    assert_eq!(chats(&proxy), 1, "no proxy now: {:?}", proxy.seen());
}

#[tokio::test]
async fn resource_manager_calls_after_a_change_use_the_new_proxy_and_api_version() {
    let dir = tempfile::tempdir().unwrap();
    let connections = connections(&dir);
    let proxy = RecordingProxy::start().await.unwrap();
    // The Sandbox's Resource Manager client is made and kept here, before the change.
    gpt4o(&connections).await;
    assert!(proxy.seen().is_empty());

    let mut settings = with_network(proxied(&proxy.url()));
    settings.azure.arm_api_version = Some("2025-06-01".into());
    connections.apply_settings(&settings).unwrap();
    gpt4o(&connections).await;
    let seen = proxy.seen();
    let accounts: Vec<&String> = seen
        .iter()
        .filter(|line| line.contains("/providers/Microsoft.CognitiveServices/accounts?"))
        .collect();
    assert!(!accounts.is_empty(), "{seen:?}");
    assert!(accounts.iter().all(|line| line.ends_with("api-version=2025-06-01")), "{accounts:?}");
    assert!(seen.iter().any(|line| line.ends_with("/subscriptions?api-version=2022-12-01")), "{seen:?}");
}

#[tokio::test]
async fn a_proxy_that_is_not_there_fails_the_chat_plainly_and_the_test_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let connections = connections(&dir);
    let target = gpt4o(&connections).await;
    let dead = dead_proxy();
    let address = dead.trim_start_matches("http://");

    connections.apply_settings(&with_network(proxied(&dead))).unwrap();
    let problem = ask(&connections, &target).await.problem.unwrap();
    assert_eq!(problem.kind, ProblemKind::Network);
    assert!(problem.title.contains(&format!("through the proxy {address}")), "{}", problem.title);
    assert!(problem.action.contains("Settings → Network"), "{}", problem.action);
    assert!(problem.message.to_lowercase().contains("connection refused"), "{}", problem.message);

    let test = connections.test_network("sandbox", &proxied(&dead)).await.unwrap();
    assert!(!test.reached);
    assert_eq!(
        (test.problem, test.via.as_str()),
        (Some(NetworkProblem::ProxyUnreachable), &*format!("proxy {address}"))
    );
    assert_eq!(
        test.summary,
        format!("The proxy {address} refused the connection: check the proxy address and port.")
    );
}

#[tokio::test]
async fn the_network_test_reaches_the_sandbox_through_unsaved_proxy_settings() {
    let dir = tempfile::tempdir().unwrap();
    let connections = connections(&dir);
    let proxy = RecordingProxy::start().await.unwrap();

    let test = connections.test_network("sandbox", &proxied(&proxy.url())).await.unwrap();
    assert!(test.reached, "{test:?}");
    assert_eq!(test.via, format!("proxy {}", proxy.addr()));
    assert_eq!(test.problem, None);
    assert!(test.status.is_some() && test.elapsed_ms > 0.0);
    assert!(
        test.host.starts_with("127.0.0.1:") && test.summary.starts_with("Reached the Sandbox"),
        "{test:?}"
    );
    let seen = proxy.seen();
    assert_eq!(seen, [format!("GET http://{}/subscriptions?api-version=2022-12-01", test.host)]);
    assert_eq!(proxy.seen_with_credentials(), Vec::<String>::new(), "no key or token is sent");

    // Tested, not applied: the chat still goes direct.
    let target = gpt4o(&connections).await;
    assert!(ask(&connections, &target).await.problem.is_none());
    assert_eq!(proxy.seen(), seen);
}

#[tokio::test]
async fn a_ca_file_without_a_certificate_is_refused_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let connections = connections(&dir);
    let not_pem = dir.path().join("corp-ca.pem");
    std::fs::write(&not_pem, "this is not a certificate\n").unwrap();
    let network =
        NetworkSettings { ca_certificate: Some(not_pem.display().to_string()), ..NetworkSettings::default() };

    for refused in [
        connections.apply_settings(&with_network(network.clone())).unwrap_err(),
        connections.test_network("sandbox", &network).await.unwrap_err(),
    ] {
        let ConnectionError::Settings(SettingsError::Invalid(problems)) = &refused else {
            panic!("{refused:?}")
        };
        assert_eq!(problems[0].field, "network.caCertificate");
        assert!(refused.to_string().contains(&not_pem.display().to_string()), "{refused}");
    }

    let ca = dir.path().join("real-ca.pem");
    std::fs::write(&ca, include_str!("../src/settings/test-ca.pem")).unwrap();
    let network =
        NetworkSettings { ca_certificate: Some(ca.display().to_string()), ..NetworkSettings::default() };
    connections.apply_settings(&with_network(network)).unwrap();
    assert!(ask(&connections, &gpt4o(&connections).await).await.problem.is_none());
}

/// `fdesk` with its data (the app's settings file) in `home`, against `sim`.
async fn fdesk(home: &std::path::Path, sim: &RunningSim, args: &[&str]) -> std::process::Output {
    tokio::process::Command::new(env!("CARGO_BIN_EXE_fdesk"))
        .arg("--arm-endpoint")
        .arg(sim.base_url())
        .args(args)
        .env("XDG_DATA_HOME", home)
        .env("FDESK_ARM_TOKEN", "t")
        .env_remove("FDESK_SUBSCRIPTION")
        .output()
        .await
        .unwrap()
}

fn save(home: &std::path::Path, settings: &str) {
    let file = home.join("dev.foundrydesk.app/settings.json");
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(file, settings).unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn fdesk_honours_the_saved_proxy_and_api_version_and_a_damaged_file_means_defaults() {
    let sim = RunningSim::start_with(SimConfig::fast()).await.unwrap();
    let proxy = RecordingProxy::start().await.unwrap();
    let home = tempfile::tempdir().unwrap();
    let settings = format!(
        r#"{{"version":2,"azure":{{"armApiVersion":"2025-06-01"}},"network":{{"proxy":{{"mode":"manual","url":"{}","noProxy":[]}}}}}}"#,
        proxy.url()
    );
    save(home.path(), &settings);

    let out =
        fdesk(home.path(), &sim, &["account", "list", "--subscription", SUBSCRIPTION_ID, "-o", "json"]).await;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let expected = format!(
        "GET {}/subscriptions/{SUBSCRIPTION_ID}/providers/Microsoft.CognitiveServices/accounts?api-version=2025-06-01",
        sim.base_url()
    );
    assert_eq!(proxy.seen(), [expected]);

    save(home.path(), r#"{"version":2,"network":{"requestTimeoutSecs":1}}"#);
    let out =
        fdesk(home.path(), &sim, &["account", "list", "--subscription", SUBSCRIPTION_ID, "-o", "json"]).await;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("the default network settings are used"));
    assert_eq!(proxy.seen().len(), 1, "defaults: no proxy");
}
