//! "Remove all secrets" against the real Secret Service (a private gnome-keyring), checked with
//! `secret-tool`: every sign-in and key leaves the keychain; profiles stay.

#![allow(clippy::unwrap_used)]

use std::sync::Arc;

use foundry_desk_core::connections::{Connections, NewAccountProfile, NewEndpointProfile, SignInState};
use foundry_desk_core::endpoint_keys::key_name;
use foundry_desk_core::privacy::{remove_all_secrets, RemovedSecrets};
use foundry_desk_core::profiles::{ApiStyleChoice, CloudChoice};
use foundry_desk_core::secrets::{KeychainStore, Secret, SecretStore};

fn secret_tool(service: &str, name: &str) -> Option<String> {
    let out = std::process::Command::new("secret-tool")
        .args(["lookup", "service", service, "username", name])
        .output()
        .unwrap();
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned()).filter(|s| !s.is_empty())
}

#[test]
fn remove_all_secrets_signs_everyone_out_and_deletes_every_key_but_keeps_the_profiles() {
    assert!(
        std::env::var_os("FDESK_PRIVATE_KEYRING").is_some(),
        "this test writes real secrets: run it inside `scripts/with-keyring` (make test does)"
    );
    let service = format!("dev.foundrydesk.test.privacy.{}", std::process::id());
    let keychain: Arc<dyn SecretStore> = Arc::new(KeychainStore::open(&service));
    let data = tempfile::tempdir().unwrap();
    let connections = Connections::new(data.path().to_path_buf(), keychain.clone());

    let endpoint = "https://contoso.openai.azure.com/";
    connections
        .add_endpoint_profile(NewEndpointProfile {
            name: "Contoso".into(),
            endpoint: endpoint.into(),
            api: ApiStyleChoice::V1,
            deployments: vec!["gpt-4o".into()],
            key: Some("key-of-contoso-0001".into()),
        })
        .unwrap();
    // A key saved for an endpoint no profile names (as "Get keys from Azure" saves them).
    connections.save_key("https://fabrikam.openai.azure.com/", "key-of-fabrikam-0002").unwrap();
    let work = connections
        .add_account_profile(NewAccountProfile {
            name: "Work".into(),
            cloud: CloudChoice::Public,
            client_id: None,
            use_azure_cli: false,
        })
        .unwrap();
    // Signed in: its refresh token is in the keychain.
    keychain.set(&work.profile.refresh_token_key(), &Secret::new("refresh-token-of-work")).unwrap();
    let refresh_name = work.profile.refresh_token_key().as_str().to_string();
    assert!(secret_tool(&service, &refresh_name).is_some());
    let contoso = key_name(endpoint).unwrap().as_str().to_string();
    let fabrikam = key_name("https://fabrikam.openai.azure.com/").unwrap().as_str().to_string();
    assert!(secret_tool(&service, &contoso).is_some());
    assert!(secret_tool(&service, &fabrikam).is_some());

    let removed = remove_all_secrets(&connections, data.path()).unwrap();

    assert_eq!(removed, RemovedSecrets { sign_ins: 1, keys: 2 });
    assert_eq!(secret_tool(&service, &refresh_name), None);
    assert_eq!(secret_tool(&service, &contoso), None);
    assert_eq!(secret_tool(&service, &fabrikam), None);
    let profiles = connections.list().unwrap();
    let names: Vec<&str> = profiles.iter().map(|p| p.profile.name.as_str()).collect();
    assert_eq!(names, ["Sandbox", "Contoso", "Work"]);
    assert!(profiles.iter().all(|p| p.key.is_none()));
    let work_now = profiles.iter().find(|p| p.profile.name == "Work").unwrap();
    assert_eq!(work_now.sign_in, SignInState::SignedOut);
    // Running it again finds nothing left and is no error.
    assert_eq!(
        remove_all_secrets(&connections, data.path()).unwrap(),
        RemovedSecrets { sign_ins: 0, keys: 0 }
    );
}
