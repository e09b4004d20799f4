use super::*;
use crate::secrets::MemoryStore;

fn connections(dir: &std::path::Path) -> Connections {
    Connections::new(dir.to_path_buf(), Arc::new(MemoryStore::new()))
}

fn endpoint_profile(name: &str, endpoint: &str, key: Option<&str>) -> NewEndpointProfile {
    NewEndpointProfile {
        name: name.into(),
        endpoint: endpoint.into(),
        api: ApiStyleChoice::V1,
        deployments: vec![" gpt-4o ".into(), "".into()],
        key: key.map(str::to_string),
    }
}

#[test]
fn an_endpoint_profile_is_normalised_its_key_kept_masked_and_removed_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let connections = connections(dir.path());
    let added = connections
        .add_endpoint_profile(endpoint_profile(
            "Work",
            "https://acct.openai.azure.com/openai/v1/",
            Some("0123456789abcdef"),
        ))
        .unwrap();
    let Connection::EndpointKey { endpoint, deployments, .. } = &added.profile.connection else { panic!() };
    assert_eq!(endpoint, "https://acct.openai.azure.com/");
    assert_eq!(deployments, &vec!["gpt-4o".to_string()]);
    assert_eq!(added.key.as_ref().unwrap().masked, "•••• cdef");
    assert_eq!(added.sign_in, SignInState::NotNeeded);

    let removed = connections.remove(&added.profile.id).unwrap();
    assert_eq!(removed.secrets_removed, 1);
    assert!(connections.secrets().get(&crate::endpoint_keys::key_name(endpoint).unwrap()).unwrap().is_none());
}

#[test]
fn bad_input_is_refused_and_nothing_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let connections = connections(dir.path());
    for endpoint in ["", "not a url", "http://acct.openai.azure.com"] {
        let err =
            connections.add_endpoint_profile(endpoint_profile("Work", endpoint, Some("k"))).unwrap_err();
        assert!(matches!(err, ConnectionError::Input(_)), "{endpoint}: {err:?}");
    }
    let mut classic = endpoint_profile("Work", "https://acct.openai.azure.com", None);
    classic.api = ApiStyleChoice::Classic { api_version: "latest".into() };
    assert!(connections.add_endpoint_profile(classic).unwrap_err().to_string().contains("2024-10-21"));
    // A key with a space inside is refused, and the profile it came with is not kept either.
    let err = connections
        .add_endpoint_profile(endpoint_profile("Work", "https://acct.openai.azure.com", Some("abc def")))
        .unwrap_err();
    assert!(matches!(err, ConnectionError::Key(_)), "{err:?}");
    assert_eq!(connections.list().unwrap().len(), 1, "only the Sandbox");
    let account = NewAccountProfile {
        name: "Azure".into(),
        cloud: CloudChoice::Public,
        client_id: Some("my-app".into()),
        use_azure_cli: false,
    };
    assert!(connections.add_account_profile(account).unwrap_err().to_string().contains("GUID"));
}

#[test]
fn api_versions_are_dates_with_an_optional_preview() {
    assert!(check_api_version("2024-10-21").is_ok());
    assert!(check_api_version("2025-04-01-preview").is_ok());
    assert!(check_api_version("2024-1-21").is_err());
    assert!(check_api_version("v1").is_err());
}
