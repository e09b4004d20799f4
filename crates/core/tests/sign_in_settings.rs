//! The settings' sign-in app registration and tenant (`azure.signInClientId`, `azure.signInTenant`), end
//! to end against the simulator's Entra: they take effect without a restart, for new profiles and
//! sign-ins; a signed-in profile keeps refreshing as the app it signed in as; a profile's own client id
//! wins. The simulator says which app asked for each code and token (`/_sim/entra/device`,
//! `/_sim/entra/tokens`), since the tests never see the tokens themselves.

#![allow(clippy::unwrap_used)]

mod support;

use std::path::Path;
use std::sync::Arc;

use foundry_desk_core::connections::{Connections, NewAccountProfile};
use foundry_desk_core::profiles::{CloudChoice, Connection, Profile};
use foundry_desk_core::secrets::{MemoryStore, SecretStore};
use foundry_desk_core::settings::{Settings, SettingsStore};
use foundry_sim::entra::AZURE_CLI_CLIENT_ID;
use foundry_sim::sandbox::{SECOND_SUBSCRIPTION_ID as FABRIKAM_SUB, SECOND_TENANT_ID as FABRIKAM, TENANT_ID};
use foundry_sim::seed::Seed;
use foundry_sim::{RunningSim, SimConfig};
use serde_json::Value;
use support::Run;

/// The app registration the settings name.
const SETTINGS_APP: &str = "11111111-aaaa-4bbb-8ccc-111111111111";
/// What the setting is changed to after signing in.
const LATER_APP: &str = "22222222-aaaa-4bbb-8ccc-222222222222";
/// A profile's own app registration, typed in the add form.
const OWN_APP: &str = "33333333-aaaa-4bbb-8ccc-333333333333";
const FABRIKAM_DOMAIN: &str = "fabrikam.onmicrosoft.com";

async fn two_tenant_sim() -> RunningSim {
    RunningSim::start_with(SimConfig { seed: Seed::sandbox().with_second_tenant(), ..SimConfig::fast() })
        .await
        .unwrap()
}

fn sim_cloud(sim: &RunningSim) -> CloudChoice {
    CloudChoice::Custom {
        resource_manager: sim.base_url(),
        authority_host: sim.base_url(),
        audience: Some("https://management.azure.com".into()),
    }
}

fn sign_in_settings(client_id: Option<&str>, tenant: Option<&str>) -> Settings {
    let mut settings = Settings::default();
    settings.azure.sign_in_client_id = client_id.map(str::to_string);
    settings.azure.sign_in_tenant = tenant.map(str::to_string);
    settings
}

fn account(name: &str, sim: &RunningSim, client_id: Option<&str>) -> NewAccountProfile {
    NewAccountProfile {
        name: name.into(),
        cloud: sim_cloud(sim),
        client_id: client_id.map(str::to_string),
        use_azure_cli: false,
    }
}

/// The tenant and client id an Azure account profile names.
fn tenant_and_client(profile: &Profile) -> (String, Option<String>) {
    let Connection::AzureAccount { tenant, client_id, .. } = &profile.connection else {
        panic!("{profile:?}")
    };
    (tenant.clone(), client_id.clone())
}

async fn sim_get(sim: &RunningSim, path: &str) -> Value {
    reqwest::get(format!("{}{path}", sim.base_url())).await.unwrap().json().await.unwrap()
}

/// The application and (resolved) tenant of the latest device code Entra handed out.
async fn latest_device_code(sim: &RunningSim) -> (String, String) {
    let codes = sim_get(sim, "/_sim/entra/device").await;
    let latest = codes["deviceCodes"].as_array().unwrap().last().unwrap().clone();
    (latest["clientId"].as_str().unwrap().to_string(), latest["tenantId"].as_str().unwrap().to_string())
}

/// Tokens Entra issued to `client_id` for `grant_type`.
async fn issued_to(sim: &RunningSim, client_id: &str, grant_type: &str) -> u64 {
    sim_get(sim, "/_sim/entra/tokens").await["byClient"][client_id][grant_type].as_u64().unwrap_or(0)
}

async fn sign_in_by_device_code(connections: &Connections, id: &str) -> Profile {
    let code = connections.start_device_code(id).await.unwrap();
    connections.finish_sign_in(&code.sign_in_id).await.unwrap().profile
}

const DEVICE_CODE: &str = "urn:ietf:params:oauth:grant-type:device_code";

#[tokio::test(flavor = "multi_thread")]
async fn the_settings_app_and_tenant_apply_at_once_and_a_signed_in_profile_keeps_its_app() {
    let sim = two_tenant_sim().await;
    let dir = tempfile::tempdir().unwrap();
    let store: Arc<dyn SecretStore> = Arc::new(MemoryStore::new());
    let connections = Connections::new(dir.path().to_path_buf(), store.clone());

    // No setting: `organizations` and the built-in app, which is not named on the profile.
    let before = connections.add_account_profile(account("Before", &sim, None)).unwrap().profile;
    assert_eq!(tenant_and_client(&before), ("organizations".into(), None));
    let before = sign_in_by_device_code(&connections, &before.id).await;
    assert_eq!(latest_device_code(&sim).await, (AZURE_CLI_CLIENT_ID.into(), TENANT_ID.into()));
    assert_eq!(tenant_and_client(&before), ("organizations".into(), None));

    connections.apply_settings(&sign_in_settings(Some(SETTINGS_APP), Some(FABRIKAM_DOMAIN))).unwrap();

    // A new profile starts in the settings' tenant; the app is settled at sign-in.
    let work = connections.add_account_profile(account("Work", &sim, None)).unwrap().profile;
    assert_eq!(tenant_and_client(&work), (FABRIKAM_DOMAIN.into(), None));
    let listed = connections.list().unwrap();
    let unchanged = listed.iter().find(|v| v.profile.id == before.id).unwrap();
    assert_eq!(tenant_and_client(&unchanged.profile).0, "organizations", "existing profiles keep theirs");

    // A browser sign-in asks the settings' tenant's authority as the settings' app.
    let browser = connections.start_browser_sign_in(&work.id).await.unwrap();
    let authorize = url::Url::parse(&browser.authorize_url).unwrap();
    let expected = format!("{}/oauth2/v2.0/authorize", sim.authority_url(FABRIKAM_DOMAIN));
    assert!(browser.authorize_url.starts_with(&expected), "{}", browser.authorize_url);
    assert!(authorize.query_pairs().any(|(k, v)| k == "client_id" && v == SETTINGS_APP), "{authorize}");
    connections.cancel_sign_in(&browser.sign_in_id);
    assert!(connections.finish_sign_in(&browser.sign_in_id).await.is_err(), "cancelled");

    // So does a device-code sign-in; the profile then names the app its refresh token belongs to.
    let work = sign_in_by_device_code(&connections, &work.id).await;
    assert_eq!(latest_device_code(&sim).await, (SETTINGS_APP.into(), FABRIKAM.into()));
    assert_eq!(tenant_and_client(&work), (FABRIKAM_DOMAIN.into(), Some(SETTINGS_APP.into())));
    let subs = connections.list_subscriptions(&work.id).await.unwrap();
    assert_eq!(subs.iter().map(|s| s.subscription_id.as_str()).collect::<Vec<_>>(), [FABRIKAM_SUB]);
    assert_eq!(issued_to(&sim, SETTINGS_APP, DEVICE_CODE).await, 1);

    // The setting changes: the signed-in profile still refreshes as the app it signed in as (Entra would
    // refuse its refresh token from another app), in this run and after a restart.
    connections.apply_settings(&sign_in_settings(Some(LATER_APP), None)).unwrap();
    let refreshes = issued_to(&sim, SETTINGS_APP, "refresh_token").await;
    assert_eq!(connections.list_subscriptions(&work.id).await.unwrap().len(), 1);
    assert!(issued_to(&sim, SETTINGS_APP, "refresh_token").await > refreshes, "a refresh, as the first app");
    let restarted = Connections::new(dir.path().to_path_buf(), store.clone());
    restarted.apply_settings(&sign_in_settings(Some(LATER_APP), None)).unwrap();
    let refreshes = issued_to(&sim, SETTINGS_APP, "refresh_token").await;
    assert_eq!(restarted.list_subscriptions(&work.id).await.unwrap().len(), 1);
    assert!(issued_to(&sim, SETTINGS_APP, "refresh_token").await > refreshes);
    assert_eq!(connections.list_subscriptions(&before.id).await.unwrap().len(), 1, "the built-in app's too");
    assert_eq!(sim_get(&sim, "/_sim/entra/tokens").await["byClient"].get(LATER_APP), None);

    // A profile with its own client id signs in as it; the setting does not enter.
    let own = connections.add_account_profile(account("Own", &sim, Some(OWN_APP))).unwrap().profile;
    assert_eq!(tenant_and_client(&own), ("organizations".into(), Some(OWN_APP.into())));
    let own = sign_in_by_device_code(&connections, &own.id).await;
    assert_eq!(latest_device_code(&sim).await, (OWN_APP.into(), TENANT_ID.into()));
    assert_eq!(tenant_and_client(&own).1.as_deref(), Some(OWN_APP));
    assert_eq!(sim_get(&sim, "/_sim/entra/tokens").await["byClient"].get(LATER_APP), None);

    // A profile signing in now takes the changed setting.
    let later = connections.add_account_profile(account("Later", &sim, None)).unwrap().profile;
    let later = sign_in_by_device_code(&connections, &later.id).await;
    assert_eq!(latest_device_code(&sim).await, (LATER_APP.into(), TENANT_ID.into()));
    assert_eq!(tenant_and_client(&later), ("organizations".into(), Some(LATER_APP.into())));
}

/// `fdesk ARGS` with its data (profiles, settings) in `home` and no token in the environment.
async fn fdesk(home: &Path, args: &[&str]) -> Run {
    assert!(
        std::env::var_os("FDESK_PRIVATE_KEYRING").is_some(),
        "these tests write real secrets: run them inside `scripts/with-keyring` (make test does)"
    );
    tokio::process::Command::new(env!("CARGO_BIN_EXE_fdesk"))
        .args(args)
        .env("XDG_DATA_HOME", home)
        .env_remove("FDESK_ARM_TOKEN")
        .env_remove("FDESK_PROFILE")
        .env_remove("FDESK_SUBSCRIPTION")
        .output()
        .await
        .unwrap()
        .into()
}

fn save_settings(home: &Path, settings: Settings) {
    SettingsStore::new(home.join("dev.foundrydesk.app/settings.json")).save(settings).unwrap();
}

fn saved_profile(home: &Path, name: &str) -> Profile {
    foundry_desk_core::profiles::ProfileStore::in_dir(&home.join("dev.foundrydesk.app")).get(name).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn fdesk_login_signs_in_as_the_settings_app_and_keeps_refreshing_as_it() {
    let sim = two_tenant_sim().await;
    let home = tempfile::tempdir().unwrap();
    let base = sim.base_url();
    save_settings(home.path(), sign_in_settings(Some(SETTINGS_APP), Some(FABRIKAM_DOMAIN)));

    let login =
        fdesk(home.path(), &["--arm-endpoint", &base, "--profile", "Lab", "login", "--use-device-code"])
            .await;
    assert_eq!(login.code, 0, "{}", login.stderr);
    assert_eq!(latest_device_code(&sim).await, (SETTINGS_APP.into(), FABRIKAM.into()));
    let lab = saved_profile(home.path(), "Lab");
    assert_eq!(tenant_and_client(&lab), (FABRIKAM_DOMAIN.into(), Some(SETTINGS_APP.into())));

    // The setting changes; the profile's refreshes stay with the app it signed in as.
    save_settings(home.path(), sign_in_settings(Some(LATER_APP), None));
    let refreshes = issued_to(&sim, SETTINGS_APP, "refresh_token").await;
    let listed =
        fdesk(home.path(), &["--profile", "Lab", "--subscription", FABRIKAM_SUB, "account", "list"]).await;
    assert_eq!(listed.code, 0, "{}", listed.stderr);
    assert!(issued_to(&sim, SETTINGS_APP, "refresh_token").await > refreshes);
    assert_eq!(sim_get(&sim, "/_sim/entra/tokens").await["byClient"].get(LATER_APP), None);

    // Flags win over the settings.
    let login = fdesk(
        home.path(),
        &[
            "--arm-endpoint",
            &base,
            "--profile",
            "Lab",
            "login",
            "--use-device-code",
            "--client-id",
            OWN_APP,
            "--tenant",
            TENANT_ID,
        ],
    )
    .await;
    assert_eq!(login.code, 0, "{}", login.stderr);
    assert_eq!(latest_device_code(&sim).await, (OWN_APP.into(), TENANT_ID.into()));
    assert_eq!(
        tenant_and_client(&saved_profile(home.path(), "Lab")),
        (TENANT_ID.into(), Some(OWN_APP.into()))
    );

    let logout = fdesk(home.path(), &["--profile", "Lab", "logout"]).await;
    assert_eq!(logout.code, 0, "{}", logout.stderr);
}
