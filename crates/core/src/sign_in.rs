//! Signed-in profiles: the refresh token kept in the keychain (and re-kept each time Entra rotates it),
//! access tokens minted from it in memory, and signing out. Shared by the app and `fdesk`.

use std::sync::Arc;

use base64::Engine;
use foundry_azure::cloud::Cloud;
use foundry_azure::entra::{
    Authority, RefreshToken, RefreshingTokenSource, DEFAULT_CLIENT_ID, DEFAULT_TENANT,
};
use url::Url;

use crate::profiles::{CloudChoice, Connection, Profile};
use crate::secrets::{Secret, SecretError, SecretStore};
use crate::settings::AzureSettings;

/// Why a signed-in profile cannot give tokens.
#[derive(Debug, thiserror::Error)]
pub enum SignInError {
    #[error("'{0}' is not an Azure account profile")]
    NotAnAccount(String),
    #[error("'{0}' is not signed in: sign in again")]
    SignedOut(String),
    #[error("the profile's cloud is not usable: {0}")]
    Cloud(String),
    #[error(transparent)]
    Store(#[from] SecretError),
    #[error("{0}")]
    Azure(#[from] foundry_azure::AzureError),
}

/// The cloud a profile's choice names.
pub fn cloud_of(choice: &CloudChoice) -> Result<Cloud, SignInError> {
    Ok(match choice {
        CloudChoice::Public => Cloud::public(),
        CloudChoice::China => Cloud::china(),
        CloudChoice::UsGovernment => Cloud::us_government(),
        CloudChoice::Custom { resource_manager, authority_host, audience } => {
            let parse = |text: &str| Url::parse(text).map_err(|e| SignInError::Cloud(format!("{text}: {e}")));
            let resource_manager = parse(resource_manager)?;
            let mut cloud =
                Cloud::custom("Custom", resource_manager.clone(), parse(authority_host)?, audience.clone());
            // A cloud on this computer is the simulator (`fdesk sim`): it serves the price list and Graph too.
            if resource_manager.host_str().is_some_and(|h| h == "127.0.0.1" || h == "localhost") {
                cloud.retail_prices = resource_manager.clone();
                cloud.graph = resource_manager;
            }
            cloud
        }
    })
}

/// Where sign-ins go and as which app when a profile does not say: the settings' tenant and app
/// registration, else `organizations` and the built-in client.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SignInDefaults {
    client_id: Option<String>,
    tenant: Option<String>,
}

impl SignInDefaults {
    /// The saved settings' `signInClientId` and `signInTenant` (blank reads as none).
    pub fn from_settings(azure: &AzureSettings) -> Self {
        let given = |value: &Option<String>| {
            value.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(str::to_string)
        };
        Self { client_id: given(&azure.sign_in_client_id), tenant: given(&azure.sign_in_tenant) }
    }

    /// The tenant a new Azure account profile starts with.
    pub fn tenant(&self) -> &str {
        self.tenant.as_deref().unwrap_or(DEFAULT_TENANT)
    }

    /// The app registration a sign-in of a profile whose own is `own` uses and then names on the
    /// profile: its own, else the settings'. None means the built-in one ([`client_id_or_default`]).
    /// It is named on the profile because a refresh token only works for the app it was issued to: a
    /// later change of the setting must not break the profile's refreshes.
    pub fn client_id_for(&self, own: Option<&str>) -> Option<String> {
        own.map(str::to_string).or_else(|| self.client_id.clone())
    }
}

/// The app registration a profile's `client_id` names, or the built-in one.
pub fn client_id_or_default(client_id: Option<&str>) -> &str {
    client_id.unwrap_or(DEFAULT_CLIENT_ID)
}

/// The account settings of a profile: cloud, tenant, client id. Refreshes never read the settings: the
/// client id a sign-in used is on the profile (see [`SignInDefaults::client_id_for`]).
fn account_of(profile: &Profile) -> Result<(Cloud, String, String), SignInError> {
    match &profile.connection {
        Connection::AzureAccount { cloud, tenant, client_id, .. } => {
            Ok((cloud_of(cloud)?, tenant.clone(), client_id_or_default(client_id.as_deref()).to_string()))
        }
        _ => Err(SignInError::NotAnAccount(profile.name.clone())),
    }
}

/// Keeps a sign-in's refresh token for `profile`.
pub fn keep_sign_in(
    store: &dyn SecretStore,
    profile: &Profile,
    refresh: &RefreshToken,
) -> Result<(), SecretError> {
    store.set(&profile.refresh_token_key(), &Secret::new(refresh.secret()))
}

/// A token source for `profile` from its kept refresh token, refreshing over `http` (a sign-in client);
/// every rotated token is kept again.
pub fn token_source(
    store: Arc<dyn SecretStore>,
    profile: &Profile,
    http: reqwest::Client,
) -> Result<RefreshingTokenSource, SignInError> {
    let (cloud, tenant, client_id) = account_of(profile)?;
    let key = profile.refresh_token_key();
    let refresh = store.get(&key)?.ok_or_else(|| SignInError::SignedOut(profile.name.clone()))?;
    let keep: foundry_azure::entra::refreshing::OnRotate = Arc::new(move |rotated: &RefreshToken| {
        // A failed re-keep is not fatal now (the old token still works); it is logged without the token.
        if let Err(e) = store.set(&key, &Secret::new(rotated.secret())) {
            tracing::warn!("could not keep the rotated refresh token: {e}");
        }
    });
    let authority = Authority::new(&cloud.authority_host, &tenant);
    Ok(RefreshingTokenSource::new(
        http,
        authority,
        &client_id,
        RefreshToken::new(refresh.expose()),
        Some(keep),
    ))
}

/// Signs `profile` out: forgets its refresh token. `Ok(false)` when it was not signed in.
pub fn sign_out(store: &dyn SecretStore, profile: &Profile) -> Result<bool, SecretError> {
    match store.delete(&profile.refresh_token_key()) {
        Ok(()) => Ok(true),
        Err(SecretError::Missing(_)) => Ok(false),
        Err(e) => Err(e),
    }
}

/// Who a token was issued to (`upn`, else `unique_name`, else `preferred_username`), for display only:
/// the token is not verified here (Azure verifies it on every call).
pub fn user_of(access_token: &str) -> Option<String> {
    let claims = access_token.split('.').nth(1)?;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(claims.trim_end_matches('=')).ok()?;
    let claims: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
    ["upn", "unique_name", "preferred_username"]
        .iter()
        .find_map(|k| claims.get(*k).and_then(|v| v.as_str()).map(str::to_string))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secrets::MemoryStore;

    fn http() -> reqwest::Client {
        foundry_azure::entra::authority::http_client().unwrap()
    }

    #[test]
    fn the_user_is_read_from_a_tokens_claims_and_garbage_is_none() {
        let claims = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(br#"{"upn":"ada@contoso.com"}"#);
        assert_eq!(user_of(&format!("h.{claims}.s")).as_deref(), Some("ada@contoso.com"));
        assert_eq!(user_of("not-a-jwt"), None);
        assert_eq!(user_of("a.!!!.c"), None);
    }

    #[test]
    fn a_profile_without_a_kept_sign_in_says_sign_in_again_and_sign_out_forgets_it() {
        let store: Arc<dyn SecretStore> = Arc::new(MemoryStore::new());
        let profile = Profile {
            id: "p1".into(),
            name: "Work".into(),
            connection: Connection::AzureAccount {
                cloud: CloudChoice::Public,
                tenant: "organizations".into(),
                client_id: None,
                user: None,
                use_azure_cli: false,
            },
        };
        assert!(matches!(token_source(store.clone(), &profile, http()), Err(SignInError::SignedOut(_))));
        keep_sign_in(store.as_ref(), &profile, &RefreshToken::new("rt")).unwrap();
        assert!(token_source(store.clone(), &profile, http()).is_ok());
        assert!(sign_out(store.as_ref(), &profile).unwrap());
        assert!(!sign_out(store.as_ref(), &profile).unwrap());
        let sandbox = crate::profiles::sandbox_profile();
        assert!(matches!(token_source(store, &sandbox, http()), Err(SignInError::NotAnAccount(_))));
    }

    #[test]
    fn the_settings_fill_in_what_a_profile_does_not_name() {
        let none = SignInDefaults::from_settings(&AzureSettings::default());
        assert_eq!(none.tenant(), "organizations");
        assert_eq!(none.client_id_for(None), None);
        assert_eq!(client_id_or_default(None), DEFAULT_CLIENT_ID);

        let own_app = "11111111-2222-3333-4444-555555555555";
        let azure = AzureSettings {
            sign_in_client_id: Some(format!(" {own_app} ")),
            sign_in_tenant: Some("contoso.onmicrosoft.com".into()),
            ..AzureSettings::default()
        };
        let set = SignInDefaults::from_settings(&azure);
        assert_eq!(set.tenant(), "contoso.onmicrosoft.com");
        assert_eq!(set.client_id_for(None).as_deref(), Some(own_app));
        assert_eq!(set.client_id_for(Some("typed")).as_deref(), Some("typed"), "the profile's own wins");

        let blank = AzureSettings {
            sign_in_client_id: Some(" ".into()),
            sign_in_tenant: Some(String::new()),
            ..AzureSettings::default()
        };
        assert_eq!(SignInDefaults::from_settings(&blank), none);
    }
}
