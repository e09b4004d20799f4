//! The keychain store against a real Secret Service (gnome-keyring in a private D-Bus session started
//! by `scripts/with-keyring`), checked from outside with `secret-tool`, as a user would.

use std::path::PathBuf;
use std::process::Command;

use foundry_desk_core::secrets::{KeychainState, KeychainStore, Secret, SecretError, SecretKey, SecretStore};

/// A service name of our own per test, so parallel tests and earlier runs never see each other's entries.
fn test_service(test: &str) -> String {
    format!("dev.foundrydesk.test.{test}.{}", std::process::id())
}

fn require_private_keyring() {
    assert!(
        std::env::var_os("FDESK_PRIVATE_KEYRING").is_some(),
        "keychain tests write real secrets: run them inside a private keyring with \
         `scripts/with-keyring cargo test` (make test does)"
    );
}

/// What `secret-tool` finds under our service and key: the secret, or None.
fn secret_tool_lookup(service: &str, key: &SecretKey) -> Option<String> {
    let out = Command::new("secret-tool")
        .args(["lookup", "service", service, "username", key.as_str()])
        .output()
        .expect("run secret-tool (package libsecret-tools)");
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn secrets_land_in_the_secret_service_and_leave_it() {
    require_private_keyring();
    let service = test_service("roundtrip");
    let store = KeychainStore::open(&service);
    let key = SecretKey::new("endpoint-key:https://contoso.openai.azure.com");

    assert_eq!(store.status().state, KeychainState::Unlocked, "{}", store.status());
    assert!(store.get(&key).expect("read before write").is_none());

    store.set(&key, &Secret::new("first-key-1111")).expect("write");
    assert_eq!(store.get(&key).expect("read").expect("present").expose(), "first-key-1111");
    assert_eq!(secret_tool_lookup(&service, &key).as_deref(), Some("first-key-1111"));

    store.set(&key, &Secret::new("second-key-2222")).expect("overwrite");
    assert_eq!(store.get(&key).expect("read").expect("present").expose(), "second-key-2222");
    assert_eq!(secret_tool_lookup(&service, &key).as_deref(), Some("second-key-2222"));

    store.delete(&key).expect("delete");
    assert!(store.get(&key).expect("read after delete").is_none());
    assert_eq!(secret_tool_lookup(&service, &key), None);
    assert!(matches!(store.delete(&key), Err(SecretError::Missing(k)) if k == key));
}

#[test]
fn entries_are_namespaced_by_service() {
    require_private_keyring();
    let key = SecretKey::new("refresh-token:contoso");
    let release = KeychainStore::open(test_service("release"));
    let dev = KeychainStore::open(test_service("dev"));

    release.set(&key, &Secret::new("release-token")).expect("write");
    assert!(dev.get(&key).expect("read other namespace").is_none());
    release.delete(&key).expect("clean up");
}

fn fdesk_info(envs: &[(&str, &str)], through_private_keyring: bool) -> String {
    let fdesk = env!("CARGO_BIN_EXE_fdesk");
    let mut command = if through_private_keyring {
        let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../scripts/with-keyring");
        let mut c = Command::new(script);
        c.args([fdesk, "info"]);
        c
    } else {
        let mut c = Command::new(fdesk);
        c.arg("info");
        c
    };
    let out = command.envs(envs.iter().copied()).output().expect("run fdesk info");
    assert!(out.status.success(), "fdesk info failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn fdesk_info_tells_unlocked_locked_and_missing_keychains_apart() {
    require_private_keyring();
    let unlocked = fdesk_info(&[], true);
    assert!(unlocked.contains("keychain:  Secret Service (unlocked)"), "{unlocked}");

    let locked = fdesk_info(&[("FDESK_KEYRING", "locked")], true);
    assert!(locked.contains("keychain:  Secret Service (locked)"), "{locked}");

    let missing = fdesk_info(&[("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")], false);
    assert!(
        missing.contains("keychain:  Secret Service (unavailable): no Secret Service is running"),
        "{missing}"
    );
}
