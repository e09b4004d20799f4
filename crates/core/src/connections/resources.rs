//! What a signed-in profile (or the Sandbox) reaches through Resource Manager: tenants, subscriptions per
//! tenant, AI accounts, and their keys — fetched into the keychain or rotated, never shown.

use std::sync::Arc;

use foundry_azure::arm::models::{Account, KeyName};
use foundry_azure::arm::{AccountRef, ArmClient};
use foundry_azure::cloud::Cloud;
use foundry_azure::entra::cli::AzureCliTokenSource;
use foundry_azure::http::{Pipeline, RetryPolicy};
use foundry_azure::token::{StaticToken, TokenSource};
use foundry_azure::AzureError;
use serde::{Deserialize, Serialize};

use super::network::Network;
use super::{ConnectionError, Connections, ProfileView};
use crate::profiles::{CloudChoice, Connection, Profile};
use crate::saved_keys::{KeyOrigin, SavedKeyView};
use crate::secrets::Secret;
use crate::sign_in;

/// A directory the signed-in person belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct TenantView {
    pub tenant_id: String,
    pub display_name: Option<String>,
    pub default_domain: Option<String>,
}

/// A subscription of the profile's tenant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SubscriptionView {
    pub subscription_id: String,
    pub display_name: Option<String>,
    /// Enabled, Disabled, Warned, …
    pub state: Option<String>,
}

/// An AI account (OpenAI or AIServices) and the key saved for its endpoint.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AccountView {
    pub subscription_id: String,
    pub resource_group: String,
    pub name: String,
    pub kind: Option<String>,
    pub location: Option<String>,
    pub endpoint: Option<String>,
    /// Every endpoint the account serves (an AI Services account has one per API), by Azure's name for it.
    pub endpoints: Vec<NamedEndpoint>,
    /// Keys are refused (`disableLocalAuth`): only Entra sign-in works.
    pub key_auth_disabled: bool,
    pub key: Option<SavedKeyView>,
}

/// One of an account's endpoints: "OpenAI Language Model Instance API" → `https://….openai.azure.com/`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct NamedEndpoint {
    pub name: String,
    pub url: String,
}

/// Which of an account's two keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum KeyChoice {
    Key1,
    Key2,
}

impl KeyChoice {
    fn arm(self) -> KeyName {
        match self {
            Self::Key1 => KeyName::Key1,
            Self::Key2 => KeyName::Key2,
        }
    }

    fn label(self) -> &'static str {
        match self {
            Self::Key1 => "key1",
            Self::Key2 => "key2",
        }
    }
}

/// The Sandbox's bearer token: the simulator accepts any token it did not issue itself.
const SANDBOX_TOKEN: &str = "sandbox";

impl Connections {
    /// The cloud a profile talks to (the Sandbox's is the in-process simulator).
    pub(super) async fn cloud(&self, profile: &Profile) -> Result<Cloud, ConnectionError> {
        match &profile.connection {
            Connection::Sandbox => self.sandbox.cloud().await,
            Connection::AzureAccount { cloud, .. } => Ok(sign_in::cloud_of(cloud)?),
            Connection::EndpointKey { .. } => Err(ConnectionError::WrongKind(format!(
                "'{}' is an endpoint + key profile: it does not reach Resource Manager",
                profile.name
            ))),
        }
    }

    /// Where an account's endpoint (as Resource Manager reports it) is reached. The Sandbox, and a
    /// custom cloud on this computer (`fdesk sim`), serve every account's endpoint themselves.
    pub(super) async fn reachable_endpoint(
        &self,
        profile: &Profile,
        endpoint: &str,
    ) -> Result<String, ConnectionError> {
        match &profile.connection {
            Connection::Sandbox => self.sandbox.endpoint_for(endpoint).await,
            Connection::AzureAccount { cloud: CloudChoice::Custom { resource_manager, .. }, .. }
                if is_loopback(resource_manager) =>
            {
                Ok(foundry_sim::sandbox_endpoint(resource_manager, endpoint))
            }
            _ => Ok(endpoint.to_string()),
        }
    }

    pub(super) fn arm_scope(&self, profile: &Profile) -> Result<String, ConnectionError> {
        match &profile.connection {
            Connection::AzureAccount { cloud, .. } => Ok(sign_in::cloud_of(cloud)?.resource_manager_scope()),
            _ => Ok(Cloud::public().resource_manager_scope()),
        }
    }

    /// The profile's token source, kept in memory until the run ends or the network settings change.
    pub(super) fn tokens(&self, profile: &Profile) -> Result<Arc<dyn TokenSource>, ConnectionError> {
        self.tokens_over(&self.network(), profile)
    }

    fn tokens_over(
        &self,
        network: &Network,
        profile: &Profile,
    ) -> Result<Arc<dyn TokenSource>, ConnectionError> {
        self.sessions.source(&profile.id, network.generation(), || match &profile.connection {
            Connection::Sandbox => Ok(Arc::new(StaticToken::new(SANDBOX_TOKEN))),
            Connection::AzureAccount { use_azure_cli: true, tenant, .. } => {
                let tenant = Some(tenant.as_str()).filter(|t| *t != foundry_azure::entra::DEFAULT_TENANT);
                Ok(Arc::new(AzureCliTokenSource::new(tenant)?))
            }
            Connection::AzureAccount { .. } => {
                if self.sessions.is_expired(&profile.id) {
                    return Err(ConnectionError::SignInRequired(profile.name.clone()));
                }
                Ok(Arc::new(sign_in::token_source(self.secrets(), profile, network.sign_in_http()?)?))
            }
            Connection::EndpointKey { .. } => Err(ConnectionError::WrongKind(format!(
                "'{}' is an endpoint + key profile: it does not sign in",
                profile.name
            ))),
        })
    }

    /// The profile's Resource Manager client, over the network settings in effect and with their
    /// api-versions.
    pub(super) async fn arm(&self, profile: &Profile) -> Result<ArmClient, ConnectionError> {
        let cloud = self.cloud(profile).await?;
        let network = self.network();
        self.sessions.arm(&profile.id, network.generation(), || {
            let tokens = self.tokens_over(&network, profile)?;
            let pipeline = Pipeline::new(network.arm_http()?, tokens, RetryPolicy::default());
            let mut client = ArmClient::with_pipeline(&cloud, pipeline);
            client.api = network.api().clone();
            Ok(client)
        })
    }

    /// An Azure error, or "sign in again" when the reason is the profile's refused sign-in.
    pub(super) fn azure(&self, profile: &Profile, error: AzureError) -> ConnectionError {
        if self.sessions.is_expired(&profile.id) {
            ConnectionError::SignInRequired(profile.name.clone())
        } else {
            ConnectionError::Azure(error)
        }
    }

    /// The tenants the signed-in person belongs to.
    pub async fn list_tenants(&self, profile_id: &str) -> Result<Vec<TenantView>, ConnectionError> {
        let profile = self.profile(profile_id)?;
        let arm = self.arm(&profile).await?;
        let tenants = arm.list_tenants().await.map_err(|e| self.azure(&profile, e))?;
        Ok(tenants
            .into_iter()
            .map(|t| TenantView {
                tenant_id: t.tenant_id,
                display_name: t.display_name,
                default_domain: t.default_domain,
            })
            .collect())
    }

    /// Makes `tenant_id` the profile's tenant: later tokens (from the same sign-in) are for it.
    pub fn choose_tenant(&self, profile_id: &str, tenant_id: &str) -> Result<ProfileView, ConnectionError> {
        let mut profile = self.profile(profile_id)?;
        let Connection::AzureAccount { tenant, .. } = &mut profile.connection else {
            return Err(ConnectionError::WrongKind(format!("'{}' has no tenant to choose", profile.name)));
        };
        let chosen = tenant_id.trim();
        if chosen.is_empty() {
            return Err(ConnectionError::Input("choose a tenant".into()));
        }
        *tenant = chosen.to_string();
        self.profiles().update(&profile)?;
        // Tokens are per tenant: the next call mints one for the new tenant from the kept refresh token.
        self.sessions.forget(&profile.id);
        self.view(profile)
    }

    /// The subscriptions of the profile's tenant.
    pub async fn list_subscriptions(
        &self,
        profile_id: &str,
    ) -> Result<Vec<SubscriptionView>, ConnectionError> {
        let profile = self.profile(profile_id)?;
        let arm = self.arm(&profile).await?;
        let subscriptions = arm.list_subscriptions().await.map_err(|e| self.azure(&profile, e))?;
        Ok(subscriptions
            .into_iter()
            .map(|s| SubscriptionView {
                subscription_id: s.subscription_id,
                display_name: s.display_name,
                state: s.state,
            })
            .collect())
    }

    /// The AI accounts of a subscription, each with the key saved for its endpoint.
    pub async fn list_accounts(
        &self,
        profile_id: &str,
        subscription_id: &str,
    ) -> Result<Vec<AccountView>, ConnectionError> {
        let profile = self.profile(profile_id)?;
        let arm = self.arm(&profile).await?;
        let accounts = arm.list_accounts(subscription_id, None).await.map_err(|e| self.azure(&profile, e))?;
        accounts.into_iter().filter_map(|a| self.account_view(a).transpose()).collect()
    }

    pub(super) fn account_view(&self, account: Account) -> Result<Option<AccountView>, ConnectionError> {
        let Some(at) = AccountRef::from_id(&account.id) else { return Ok(None) };
        let endpoint = account.properties.endpoint.clone();
        let key = match &endpoint {
            Some(endpoint) => self.keys().show(endpoint).ok().flatten(),
            None => None,
        };
        Ok(Some(AccountView {
            subscription_id: at.subscription,
            resource_group: at.resource_group,
            name: account.name,
            kind: account.kind.map(|k| k.to_string()),
            location: account.location,
            endpoint,
            endpoints: account
                .properties
                .endpoints
                .iter()
                .map(|(name, url)| NamedEndpoint { name: name.clone(), url: url.clone() })
                .collect(),
            key_auth_disabled: account.properties.disable_local_auth.unwrap_or(false),
            key,
        }))
    }

    /// Fetches the account's keys (listKeys) and saves key1 for its endpoint.
    pub async fn get_keys_from_azure(
        &self,
        profile_id: &str,
        account: &AccountRef,
    ) -> Result<SavedKeyView, ConnectionError> {
        let profile = self.profile(profile_id)?;
        let arm = self.arm(&profile).await?;
        let endpoint = self.endpoint_of(&profile, &arm, account).await?;
        let keys = arm.list_keys(account).await.map_err(|e| self.azure(&profile, e))?;
        let origin = KeyOrigin::Azure { profile_id: profile.id.clone(), key_name: "key1".into() };
        Ok(self.keys().save(&endpoint, &Secret::new(keys.key1), origin)?)
    }

    /// Regenerates one of the account's keys and saves the new one for its endpoint, so the saved key
    /// keeps working.
    pub async fn rotate_key(
        &self,
        profile_id: &str,
        account: &AccountRef,
        which: KeyChoice,
    ) -> Result<SavedKeyView, ConnectionError> {
        let profile = self.profile(profile_id)?;
        let arm = self.arm(&profile).await?;
        let endpoint = self.endpoint_of(&profile, &arm, account).await?;
        let keys = arm.regenerate_key(account, which.arm()).await.map_err(|e| self.azure(&profile, e))?;
        let new_key = match which {
            KeyChoice::Key1 => keys.key1,
            KeyChoice::Key2 => keys.key2,
        };
        let origin = KeyOrigin::Azure { profile_id: profile.id.clone(), key_name: which.label().into() };
        Ok(self.keys().save(&endpoint, &Secret::new(new_key), origin)?)
    }

    async fn endpoint_of(
        &self,
        profile: &Profile,
        arm: &ArmClient,
        account: &AccountRef,
    ) -> Result<String, ConnectionError> {
        let found = arm.get_account(account).await.map_err(|e| self.azure(profile, e))?;
        found.properties.endpoint.ok_or_else(|| {
            ConnectionError::Input(format!(
                "'{}' has no endpoint yet (is it still being created?)",
                account.name
            ))
        })
    }
}

fn is_loopback(url: &str) -> bool {
    url::Url::parse(url).ok().and_then(|u| u.host_str().map(str::to_string)).is_some_and(|host| {
        host == "localhost"
            || host.trim_matches(['[', ']']).parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
    })
}
