//! The Connections screen's logic end to end: real HTTP to the simulator's Resource Manager, Entra and
//! inference, secrets in the real Secret Service (a private gnome-keyring), checked with `secret-tool`.

#![allow(clippy::unwrap_used)]

use std::sync::Arc;

use foundry_azure::arm::AccountRef;
use foundry_azure::lro::LroHandle;
use foundry_desk_core::connections::{
    CheckArea, CheckOutcome, ConnectionError, Connections, KeyChoice, NewAccountProfile, NewEndpointProfile,
    SignInState,
};
use foundry_desk_core::deployment_plan::{DeploymentChange, DeploymentStatus};
use foundry_desk_core::profiles::{ApiStyleChoice, CloudChoice, Connection};
use foundry_desk_core::secrets::{KeychainStore, SecretStore};
use foundry_sim::sandbox::{
    ACCOUNT_OPENAI, GROUP_EAST, SECOND_SUBSCRIPTION_ID as FABRIKAM_SUB, SECOND_TENANT_ID as FABRIKAM,
    SUBSCRIPTION_ID, TENANT_ID,
};
use foundry_sim::seed::Seed;
use foundry_sim::{RunningSim, SimConfig};

/// The Sandbox world plus a second tenant with a subscription of its own.
fn two_tenant_sim_config() -> SimConfig {
    SimConfig { seed: Seed::sandbox().with_second_tenant(), ..SimConfig::fast() }
}

/// A keychain namespace of this test's own in the private keyring.
fn keychain(test: &str) -> (Arc<dyn SecretStore>, String) {
    assert!(
        std::env::var_os("FDESK_PRIVATE_KEYRING").is_some(),
        "these tests write real secrets: run them inside `scripts/with-keyring` (make test does)"
    );
    let service = format!("dev.foundrydesk.test.connections.{test}.{}", std::process::id());
    (Arc::new(KeychainStore::open(&service)), service)
}

fn secret_tool(service: &str, name: &str) -> Option<String> {
    let out = std::process::Command::new("secret-tool")
        .args(["lookup", "service", service, "username", name])
        .output()
        .unwrap();
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned()).filter(|s| !s.is_empty())
}

fn sim_cloud(sim: &RunningSim) -> CloudChoice {
    CloudChoice::Custom {
        resource_manager: sim.base_url(),
        authority_host: sim.base_url(),
        audience: Some("https://management.azure.com".into()),
    }
}

/// Adds the signed-out Azure account profile "Work" on the simulator's cloud; returns its id.
fn add_work_account(connections: &Connections, sim: &RunningSim) -> String {
    let new = NewAccountProfile {
        name: "Work".into(),
        cloud: sim_cloud(sim),
        client_id: None,
        use_azure_cli: false,
    };
    connections.add_account_profile(new).unwrap().profile.id
}

/// A GlobalStandard gpt-4o deployment of the default version.
fn gpt4o_draft(name: &str, capacity: u32) -> foundry_desk_core::deployments::DeploymentDraft {
    foundry_desk_core::deployments::DeploymentDraft {
        name: name.into(),
        model_format: "OpenAI".into(),
        model_name: "gpt-4o".into(),
        model_version: None,
        sku_name: "GlobalStandard".into(),
        sku_capacity: capacity,
        rai_policy: None,
        version_upgrade: None,
        tags: Default::default(),
    }
}

/// Connections keeping secrets in memory (for tests that do not look at the keychain).
/// The Sandbox's OpenAI account in eastus.
fn sandbox_openai() -> AccountRef {
    AccountRef {
        subscription: SUBSCRIPTION_ID.into(),
        resource_group: GROUP_EAST.into(),
        name: ACCOUNT_OPENAI.into(),
    }
}

fn in_memory(dir: &std::path::Path) -> Connections {
    Connections::new(dir.to_path_buf(), Arc::new(foundry_desk_core::secrets::MemoryStore::new()))
}

/// The "Work" account, signed in by device code (the simulator approves it).
async fn signed_in_work_account(connections: &Connections, sim: &RunningSim) -> String {
    let id = add_work_account(connections, sim);
    let code = connections.start_device_code(&id).await.unwrap();
    connections.finish_sign_in(&code.sign_in_id).await.unwrap();
    id
}

async fn sim_keys(sim: &RunningSim) -> (String, String) {
    let url = format!(
        "{}/subscriptions/{SUBSCRIPTION_ID}/resourceGroups/{GROUP_EAST}/providers/Microsoft.CognitiveServices/accounts/{ACCOUNT_OPENAI}/listKeys?api-version=2024-10-01",
        sim.base_url()
    );
    let keys: serde_json::Value =
        reqwest::Client::new().post(url).bearer_auth("t").send().await.unwrap().json().await.unwrap();
    (keys["key1"].as_str().unwrap().to_string(), keys["key2"].as_str().unwrap().to_string())
}

#[tokio::test(flavor = "multi_thread")]
async fn an_account_signs_in_by_device_code_picks_a_tenant_gets_and_rotates_keys_and_leaves_nothing_behind() {
    let sim = RunningSim::start_with(two_tenant_sim_config()).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (store, service) = keychain("account");
    let connections = Connections::new(dir.path().to_path_buf(), store.clone());

    let added = connections
        .add_account_profile(NewAccountProfile {
            name: "Work".into(),
            cloud: sim_cloud(&sim),
            client_id: None,
            use_azure_cli: false,
        })
        .unwrap();
    assert_eq!(added.sign_in, SignInState::SignedOut);
    let id = added.profile.id.clone();
    assert!(matches!(connections.list_subscriptions(&id).await, Err(ConnectionError::SignInRequired(_))));

    let code = connections.start_device_code(&id).await.unwrap();
    assert!(!code.user_code.is_empty() && code.verification_uri.starts_with("http"), "{code:?}");
    let signed_in = connections.finish_sign_in(&code.sign_in_id).await.unwrap();
    assert_eq!(signed_in.sign_in, SignInState::SignedIn);
    let Connection::AzureAccount { user, .. } = &signed_in.profile.connection else { panic!() };
    assert_eq!(user.as_deref(), Some(foundry_sim::entra::USER_UPN));
    assert!(secret_tool(&service, &format!("refresh-token:{id}")).is_some(), "refresh token in the keychain");

    // Tenants, and subscriptions per tenant.
    let tenants = connections.list_tenants(&id).await.unwrap();
    assert_eq!(tenants.len(), 2, "{tenants:?}");
    connections.choose_tenant(&id, FABRIKAM).unwrap();
    let subs = connections.list_subscriptions(&id).await.unwrap();
    assert_eq!(subs.iter().map(|s| s.subscription_id.as_str()).collect::<Vec<_>>(), [FABRIKAM_SUB]);
    connections.choose_tenant(&id, TENANT_ID).unwrap();
    let subs = connections.list_subscriptions(&id).await.unwrap();
    assert_eq!(subs.iter().map(|s| s.subscription_id.as_str()).collect::<Vec<_>>(), [SUBSCRIPTION_ID]);

    // Keys: fetched into the keychain, shown masked; rotated, the keychain follows.
    let accounts = connections.list_accounts(&id, SUBSCRIPTION_ID).await.unwrap();
    assert_eq!(accounts.len(), 2);
    assert!(accounts.iter().all(|a| a.key.is_none()));
    let at = sandbox_openai();
    let (key1, _) = sim_keys(&sim).await;
    let saved = connections.get_keys_from_azure(&id, &at).await.unwrap();
    assert_eq!(saved.masked, format!("•••• {}", &key1[key1.len() - 4..]));
    let key_entry = format!("endpoint-key:{}", saved.endpoint);
    assert_eq!(secret_tool(&service, &key_entry).as_deref(), Some(key1.as_str()));
    let listed = connections.list_accounts(&id, SUBSCRIPTION_ID).await.unwrap();
    assert_eq!(listed.iter().find(|a| a.name == ACCOUNT_OPENAI).unwrap().key.as_ref(), Some(&saved));

    let rotated = connections.rotate_key(&id, &at, KeyChoice::Key1).await.unwrap();
    let (new_key1, _) = sim_keys(&sim).await;
    assert_ne!(new_key1, key1, "Azure regenerated key1");
    assert_eq!(secret_tool(&service, &key_entry).as_deref(), Some(new_key1.as_str()));
    assert_ne!(rotated.masked, saved.masked);

    // What works: Resource Manager, the deployments, inference with an Entra token.
    let report = connections.check(&id).await.unwrap();
    let outcomes: Vec<_> = report.checks.iter().map(|c| (c.area, c.outcome)).collect();
    assert_eq!(
        outcomes,
        [
            (CheckArea::Arm, CheckOutcome::Ok),
            (CheckArea::Deployments, CheckOutcome::Ok),
            (CheckArea::Inference, CheckOutcome::Ok)
        ],
        "{report:?}"
    );

    // No file in the data dir holds a secret.
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap_or_default();
        assert!(!text.contains(&new_key1) && !text.contains(&key1), "{text}");
    }

    // Removing the profile removes its sign-in and the key it fetched.
    let removed = connections.remove(&id).unwrap();
    assert_eq!(removed.secrets_removed, 2);
    assert_eq!(secret_tool(&service, &format!("refresh-token:{id}")), None);
    assert_eq!(secret_tool(&service, &key_entry), None);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_revoked_sign_in_says_sign_in_again_instead_of_failing_every_call() {
    let sim = RunningSim::start_with(SimConfig::fast()).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = keychain("revoked");
    let connections = Connections::new(dir.path().to_path_buf(), store.clone());
    let id = signed_in_work_account(&connections, &sim).await;

    reqwest::Client::new().post(format!("{}/_sim/entra/revoke", sim.base_url())).send().await.unwrap();
    // A restart: no access token in memory, only the (now revoked) refresh token in the keychain.
    let restarted = Connections::new(dir.path().to_path_buf(), store.clone());
    let err = restarted.list_subscriptions(&id).await.unwrap_err();
    assert!(matches!(err, ConnectionError::SignInRequired(_)), "{err:?}");
    let view = restarted.list().unwrap().into_iter().find(|p| p.profile.id == id).unwrap();
    assert_eq!(view.sign_in, SignInState::Expired);
    restarted.remove(&id).unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn an_endpoint_key_profile_checks_inference_with_its_key_and_a_wrong_key_is_named() {
    let sim = RunningSim::start_with(SimConfig::fast()).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = keychain("endpoint");
    let connections = Connections::new(dir.path().to_path_buf(), store);
    let endpoint = sim.endpoint_for(&format!("https://{ACCOUNT_OPENAI}.openai.azure.com/"));
    let (key1, _) = sim_keys(&sim).await;
    let new = |name: &str, key: &str| NewEndpointProfile {
        name: name.into(),
        endpoint: endpoint.clone(),
        api: ApiStyleChoice::V1,
        deployments: vec!["gpt-4o".into()],
        key: Some(key.into()),
    };
    let good = connections.add_endpoint_profile(new("Good", &key1)).unwrap();
    let report = connections.check(&good.profile.id).await.unwrap();
    assert_eq!(report.checks[2].outcome, CheckOutcome::Ok, "{report:?}");
    assert_eq!(report.checks[0].outcome, CheckOutcome::Skipped);

    connections.save_key(&endpoint, "0000000000000000wrong").unwrap();
    let report = connections.check(&good.profile.id).await.unwrap();
    let inference = &report.checks[2];
    assert_eq!(inference.outcome, CheckOutcome::Failed, "{report:?}");
    assert_eq!(inference.code.as_deref(), Some("401"), "{inference:?}");
    assert!(inference.summary.contains("Access denied"), "{inference:?}");
    connections.remove(&good.profile.id).unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn the_sandbox_profile_reaches_the_in_process_simulator() {
    let dir = tempfile::tempdir().unwrap();
    let connections = in_memory(dir.path());
    let sandbox = connections.list().unwrap().remove(0);
    assert!(sandbox.simulated);
    let report = connections.check(&sandbox.profile.id).await.unwrap();
    assert!(report.checks.iter().all(|c| c.outcome == CheckOutcome::Ok), "{report:?}");
    let subs = connections.list_subscriptions(&sandbox.profile.id).await.unwrap();
    assert_eq!(subs[0].subscription_id, SUBSCRIPTION_ID);

    // An endpoint + key profile picks its deployment names from what a profile can see.
    let found = connections
        .find_deployments(&format!("https://{ACCOUNT_OPENAI}.openai.azure.com/openai/v1"))
        .await
        .unwrap()
        .expect("the Sandbox sees this resource");
    assert_eq!((found.via_profile.as_str(), found.account.as_str()), ("Sandbox", ACCOUNT_OPENAI));
    assert!(found.deployments.iter().any(|d| d.name == "gpt-4o" && d.model == "gpt-4o"), "{found:?}");
    assert_eq!(connections.find_deployments("https://nobody.openai.azure.com").await.unwrap(), None);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_browser_sign_in_comes_back_through_the_loopback_redirect() {
    let sim = RunningSim::start_with(SimConfig::fast()).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let connections = in_memory(dir.path());
    let id = add_work_account(&connections, &sim);
    let started = connections.start_browser_sign_in(&id).await.unwrap();
    // The system browser: Entra signs the person in and redirects to the app's loopback listener.
    let browser = async {
        let http = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
        let answer = http.get(&started.authorize_url).send().await.unwrap();
        let back = answer.headers()["location"].to_str().unwrap().replace("localhost", "127.0.0.1");
        http.get(back).send().await.unwrap().text().await.unwrap()
    };
    let (signed_in, page) = tokio::join!(connections.finish_sign_in(&started.sign_in_id), browser);
    assert!(page.contains("Signed in"), "{page}");
    assert_eq!(signed_in.unwrap().sign_in, SignInState::SignedIn);
    assert_eq!(connections.list_subscriptions(&id).await.unwrap().len(), 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_cancelled_sign_in_keeps_nothing() {
    let sim = RunningSim::start_with(SimConfig {
        device_code_mode: foundry_sim::entra::DeviceMode::Manual,
        ..SimConfig::fast()
    })
    .await
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let connections = in_memory(dir.path());
    let id = add_work_account(&connections, &sim);
    let code = connections.start_device_code(&id).await.unwrap();
    let waiting = connections.finish_sign_in(&code.sign_in_id);
    let cancel = async { connections.cancel_sign_in(&code.sign_in_id) };
    let (finished, ()) = tokio::join!(waiting, cancel);
    let err = finished.unwrap_err();
    assert!(
        matches!(&err, ConnectionError::Azure(e) if e.kind == foundry_azure::ErrorKind::Cancelled),
        "{err:?}"
    );
    let view = connections.list().unwrap().into_iter().find(|p| p.profile.id == id).unwrap();
    assert_eq!(view.sign_in, SignInState::SignedOut);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_refused_call_names_the_role_that_is_missing() {
    let sim = RunningSim::start_with(SimConfig::fast()).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let connections = in_memory(dir.path());
    let id = signed_in_work_account(&connections, &sim).await;

    // No data-plane role: inference answers 403, and the check names the role that would allow it.
    let fault = serde_json::json!({"faults": [{"kind": "forbidden", "pathPrefix": "/contoso-openai-eastus.openai.azure.com"}]});
    reqwest::Client::new().post(format!("{}/_sim/faults", sim.base_url())).json(&fault).send().await.unwrap();
    let report = connections.check(&id).await.unwrap();
    let inference = &report.checks[2];
    assert_eq!(inference.outcome, CheckOutcome::Failed, "{report:?}");
    assert_eq!(inference.missing_role.as_deref(), Some("Cognitive Services OpenAI User"), "{inference:?}");

    // No right to read keys: listKeys answers 403 AuthorizationFailed, and the error names the role.
    let fault = serde_json::json!({"faults": [{"kind": "forbidden", "method": "POST", "pathPrefix": "/subscriptions"}], "replace": true});
    reqwest::Client::new().post(format!("{}/_sim/faults", sim.base_url())).json(&fault).send().await.unwrap();
    let at = sandbox_openai();
    match connections.get_keys_from_azure(&id, &at).await.unwrap_err() {
        ConnectionError::Azure(e) => {
            assert_eq!(e.code.as_deref(), Some("AuthorizationFailed"));
            assert_eq!(e.missing_role, Some("Cognitive Services Contributor"));
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_sandbox_lists_reviews_creates_and_deletes_deployments() {
    let dir = tempfile::tempdir().unwrap();
    let connections = in_memory(dir.path());
    let id = connections.list().unwrap().remove(0).profile.id;
    let at = sandbox_openai();
    let rows = connections.deployment_rows(&id, &at).await.unwrap();
    assert!(rows.iter().any(|r| r.name == "gpt-4o" && r.tokens_per_minute.is_some()), "{rows:?}");

    let mut draft = gpt4o_draft("gpt-4o", 10);
    let review = connections.review(&id, &at, &draft).await.unwrap();
    assert!(review.plan.is_none());
    assert!(review.problems[0].message.contains("already exists"), "{review:?}");

    draft.name = "chat-2".into();
    let review = connections.review(&id, &at, &draft).await.unwrap();
    let plan = review.plan.expect("a valid draft");
    assert!(
        review.request.url.ends_with(&format!("/deployments/chat-2?api-version={}", "2026-09-01")),
        "{}",
        review.request.url
    );
    assert!(review.request.body.contains(&plan.version));
    assert!(review.az_command.contains("--deployment-name chat-2"));

    let created = connections.create_deployment(&id, &at, &draft, &Default::default()).await.unwrap();
    assert_eq!(created.status, foundry_desk_core::deployment_plan::DeploymentStatus::Succeeded);
    assert!(connections.deployment_rows(&id, &at).await.unwrap().iter().any(|r| r.name == "chat-2"));

    let refused = connections.delete_deployment(&id, &at, "chat-2", "chat").await.unwrap_err();
    assert!(refused.to_string().contains("type 'chat-2'"), "{refused}");
    connections.delete_deployment(&id, &at, "chat-2", "chat-2").await.unwrap();
    assert!(!connections.deployment_rows(&id, &at).await.unwrap().iter().any(|r| r.name == "chat-2"));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_create_that_failed_in_azure_can_be_retried_under_the_same_name() {
    let faults = foundry_sim::faults::parse_spec("async-failed;count=1;method=PUT").unwrap();
    let sim = RunningSim::start_with(SimConfig { faults, ..SimConfig::fast() }).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let connections = in_memory(dir.path());
    let id = signed_in_work_account(&connections, &sim).await;
    let at = sandbox_openai();
    let draft = gpt4o_draft("retry-me", 5);
    match connections.create_deployment(&id, &at, &draft, &Default::default()).await.unwrap_err() {
        ConnectionError::Azure(e) => assert_eq!(e.code.as_deref(), Some("InternalServerError"), "{e:?}"),
        other => panic!("{other:?}"),
    }
    let review = connections.review(&id, &at, &draft).await.unwrap();
    assert!(review.problems.is_empty(), "the failed one is no clash: {review:?}");
    let created = connections.create_deployment(&id, &at, &draft, &Default::default()).await.unwrap();
    assert_eq!(created.status, foundry_desk_core::deployment_plan::DeploymentStatus::Succeeded);
}

#[tokio::test(flavor = "multi_thread")]
async fn changes_to_one_resource_queue_behind_each_other_instead_of_meeting_409() {
    let sim = RunningSim::start_with(SimConfig::fast()).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let connections = in_memory(dir.path());
    let id = signed_in_work_account(&connections, &sim).await;
    let at = sandbox_openai();
    let draft = gpt4o_draft("busy", 10);
    connections.create_deployment(&id, &at, &draft, &Default::default()).await.unwrap();

    let grow = DeploymentChange::Scale { sku_name: "GlobalStandard".into(), capacity: 30 };
    let review = connections.review_change(&id, &at, "busy", &grow).await.unwrap();
    let request = review.request.expect("a valid change");
    assert_eq!(request.method, "PATCH");
    assert!(request.body.contains("\"capacity\": 30"), "{}", request.body);

    // Azure answers 409 RequestConflict to a second mutation while one runs: the app queues them.
    let second = gpt4o_draft("busy-2", 5);
    let handle = LroHandle::default();
    let (created, grown, paused) = tokio::join!(
        connections.create_deployment(&id, &at, &second, &handle),
        connections.change_deployment(&id, &at, "busy", &grow, &handle),
        connections.change_deployment(&id, &at, "gpt-4o", &DeploymentChange::Pause, &handle),
    );
    assert_eq!(created.unwrap().status, DeploymentStatus::Succeeded);
    assert_eq!(grown.unwrap().capacity, Some(30));
    assert_eq!(paused.unwrap().status, DeploymentStatus::Paused);

    let over = DeploymentChange::Scale { sku_name: "GlobalStandard".into(), capacity: 1500 };
    let review = connections.review_change(&id, &at, "busy", &over).await.unwrap();
    assert!(review.request.is_none());
    assert!(review.problems[0].message.starts_with("1500 is more than the"), "{review:?}");
    match connections.change_deployment(&id, &at, "busy", &over, &Default::default()).await.unwrap_err() {
        ConnectionError::Input(message) => assert!(message.starts_with("capacity: 1500"), "{message}"),
        other => panic!("{other:?}"),
    }
    let rows = connections.deployment_rows(&id, &at).await.unwrap();
    assert_eq!(rows.iter().find(|r| r.name == "busy").unwrap().capacity, Some(30), "nothing was sent");
}
