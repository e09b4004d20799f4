//! API keys, one per endpoint, in the keychain. The endpoint is normalised first, so the three host
//! forms and a pasted `/openai/v1` all find the same key — for the app and for `fdesk` alike.

use foundry_azure::inference::InferenceEndpoint;

use crate::account_keys::mask_key;
use crate::secrets::{Secret, SecretError, SecretKey, SecretStore};

/// Why a key could not be saved, read or deleted.
#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    /// The endpoint is not a URL we can send a key to.
    #[error("{0}")]
    Endpoint(String),
    /// A key is empty or has characters no key has.
    #[error("that does not look like a key: {0}")]
    Invalid(&'static str),
    #[error(transparent)]
    Store(#[from] SecretError),
    /// The list of saved keys (no secret in it) could not be written.
    #[error("the list of saved keys could not be written: {0}")]
    Index(String),
}

/// The keychain name of `endpoint`'s key.
pub fn key_name(endpoint: &str) -> Result<SecretKey, KeyError> {
    let endpoint = InferenceEndpoint::parse(endpoint).map_err(|e| KeyError::Endpoint(e.message))?;
    Ok(SecretKey::new(format!("endpoint-key:{}", endpoint.as_str())))
}

/// Saves `key` for `endpoint`, replacing any earlier one. Surrounding whitespace (a paste) is dropped.
pub fn save(store: &dyn SecretStore, endpoint: &str, key: &Secret) -> Result<(), KeyError> {
    let name = key_name(endpoint)?;
    let trimmed = key.expose().trim();
    if trimmed.is_empty() {
        return Err(KeyError::Invalid("it is empty"));
    }
    if trimmed.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(KeyError::Invalid("it has spaces or line breaks inside"));
    }
    store.set(&name, &Secret::new(trimmed))?;
    Ok(())
}

/// The key saved for `endpoint`, if any.
pub fn load(store: &dyn SecretStore, endpoint: &str) -> Result<Option<Secret>, KeyError> {
    Ok(store.get(&key_name(endpoint)?)?)
}

/// The saved key as a person may see it (`••••` and the last four), if any.
pub fn show(store: &dyn SecretStore, endpoint: &str) -> Result<Option<String>, KeyError> {
    Ok(load(store, endpoint)?.map(|key| mask_key(key.expose())))
}

/// Deletes `endpoint`'s key; `Ok(false)` when none was saved.
pub fn delete(store: &dyn SecretStore, endpoint: &str) -> Result<bool, KeyError> {
    match store.delete(&key_name(endpoint)?) {
        Ok(()) => Ok(true),
        Err(SecretError::Missing(_)) => Ok(false),
        Err(e) => Err(e.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secrets::MemoryStore;

    #[test]
    fn one_key_per_endpoint_whatever_form_it_was_pasted_in() {
        let store = MemoryStore::new();
        save(&store, "https://acct.openai.azure.com/openai/v1/", &Secret::new("  0123456789abcdef  \n"))
            .unwrap();
        let shown = show(&store, "https://ACCT.openai.azure.com").unwrap().unwrap();
        assert!(shown.ends_with("cdef") && !shown.contains("0123"), "{shown}");
        assert_eq!(
            load(&store, "https://acct.openai.azure.com/").unwrap().unwrap().expose(),
            "0123456789abcdef"
        );
        assert!(delete(&store, "https://acct.openai.azure.com").unwrap());
        assert!(!delete(&store, "https://acct.openai.azure.com").unwrap());
        assert!(load(&store, "https://acct.openai.azure.com").unwrap().is_none());
    }

    #[test]
    fn bad_keys_and_endpoints_are_refused_without_echoing_the_key() {
        let store = MemoryStore::new();
        assert!(matches!(
            save(&store, "https://a.openai.azure.com", &Secret::new("  ")),
            Err(KeyError::Invalid(_))
        ));
        let err = save(&store, "https://a.openai.azure.com", &Secret::new("abc def")).unwrap_err();
        assert!(!err.to_string().contains("abc"), "{err}");
        assert!(matches!(
            save(&store, "http://a.openai.azure.com", &Secret::new("k")),
            Err(KeyError::Endpoint(_))
        ));
    }
}
