//! Cognitive Services accounts (the resource that holds deployments), their keys and SKU checks.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::lenient::{is_default, null_as_default};
use super::open_enum::open_enum;
use super::provisioning::ProvisioningState;
use super::system_data::SystemData;

open_enum! {
    /// What an account is for; Azure has dozens of kinds, the app deploys models on two.
    AccountKind {
        /// Azure OpenAI.
        OpenAi => "OpenAI",
        /// Azure AI Foundry / AI Services (OpenAI and other publishers' models).
        AiServices => "AIServices",
    }
}

/// A Cognitive Services account (`GET A`, `GET S/accounts`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Account {
    /// ARM id.
    pub id: String,
    /// The account's name.
    pub name: String,
    /// `Microsoft.CognitiveServices/accounts`.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub resource_type: Option<String>,
    /// OpenAI, AIServices, or another kind.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<AccountKind>,
    /// Region, e.g. `westus`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// The account's pricing tier (S0, F0, …) — not a deployment SKU.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sku: Option<AccountSku>,
    /// Resource tags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<BTreeMap<String, String>>,
    /// Entity tag for optimistic concurrency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    /// The account's properties.
    #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "is_default")]
    pub properties: AccountProperties,
    /// Who created and changed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system_data: Option<SystemData>,
}

/// An account's pricing tier. Free text: Azure adds tiers without notice.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AccountSku {
    /// S0, F0, …
    pub name: String,
    /// Free, Basic, Standard, …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<String>,
}

/// The properties of an account the app uses.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AccountProperties {
    /// The main endpoint, e.g. `https://myaccount.openai.azure.com/`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub endpoint: Option<String>,
    /// Endpoints by API name ("OpenAI Language Model Instance API", …).
    #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "BTreeMap::is_empty")]
    pub endpoints: BTreeMap<String, String>,
    /// Where the account's provisioning stands.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provisioning_state: Option<ProvisioningState>,
    /// True when keys are switched off and only Entra sign-in works.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disable_local_auth: Option<bool>,
    /// The custom subdomain the endpoint is built from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_sub_domain_name: Option<String>,
    /// Enabled or Disabled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_network_access: Option<String>,
    /// Creation time (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_created: Option<String>,
    /// Azure's internal id of the account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub internal_id: Option<String>,
    /// Feature flags of the account.
    #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "Vec::is_empty")]
    pub capabilities: Vec<AccountCapability>,
}

/// One feature flag of an account, e.g. `{name: "VirtualNetworks"}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AccountCapability {
    /// The capability's name.
    pub name: String,
    /// Its value, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

/// The body of `PATCH A`: the account settings the app changes. Only what is set is sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AccountPatch {
    /// Properties to change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub properties: Option<AccountPatchProperties>,
    /// New tags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<BTreeMap<String, String>>,
}

/// The account properties a PATCH may change.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AccountPatchProperties {
    /// True switches keys off: only Entra sign-in works afterwards.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disable_local_auth: Option<bool>,
}

/// The two keys of an account (`listKeys`, `regenerateKey`).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AccountKeys {
    /// The first key.
    pub key1: String,
    /// The second key.
    pub key2: String,
}

/// Keys never reach a log line through `{:?}`.
impl fmt::Debug for AccountKeys {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AccountKeys").field("key1", &"<redacted>").field("key2", &"<redacted>").finish()
    }
}

/// Which key to regenerate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum KeyName {
    /// The first key.
    Key1,
    /// The second key.
    Key2,
}

/// The body of `POST A/regenerateKey`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RegenerateKeyRequest {
    /// Which key to replace.
    pub key_name: KeyName,
}

/// The body of `POST S/locations/{loc}/checkSkuAvailability`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CheckSkuAvailabilityRequest {
    /// Account SKU names to check, e.g. `["S0"]`.
    pub skus: Vec<String>,
    /// The account kind to check them for.
    pub kind: AccountKind,
    /// `Microsoft.CognitiveServices/accounts`.
    #[serde(rename = "type")]
    pub resource_type: String,
}

/// One answer of a SKU availability check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SkuAvailability {
    /// The account kind asked about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<AccountKind>,
    /// The resource type asked about.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub resource_type: Option<String>,
    /// The SKU asked about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sku_name: Option<String>,
    /// Whether it can be used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sku_available: Option<bool>,
    /// Why not, as a code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Why not, in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_redacted_in_debug() {
        let keys = AccountKeys { key1: "secret-one".into(), key2: "secret-two".into() };
        let printed = format!("{keys:?}");
        assert!(!printed.contains("secret-one") && !printed.contains("secret-two"), "{printed}");
        assert_eq!(printed.matches("<redacted>").count(), 2, "{printed}");
    }

    #[test]
    fn key_auth_switch_sends_only_disable_local_auth() {
        let patch = AccountPatch {
            properties: Some(AccountPatchProperties { disable_local_auth: Some(true) }),
            tags: None,
        };
        assert_eq!(serde_json::to_string(&patch).unwrap(), r#"{"properties":{"disableLocalAuth":true}}"#);
    }

    #[test]
    fn regenerate_key_request_uses_azure_spelling() {
        let body = RegenerateKeyRequest { key_name: KeyName::Key1 };
        assert_eq!(serde_json::to_string(&body).unwrap(), r#"{"keyName":"Key1"}"#);
    }

    #[test]
    fn openai_account_with_endpoints_decodes() {
        let body = r#"{"id":"/x","name":"acct","kind":"OpenAI","location":"eastus","sku":{"name":"S0"},
            "properties":{"endpoint":"https://acct.openai.azure.com/",
            "endpoints":{"OpenAI Language Model Instance API":"https://acct.openai.azure.com/"},
            "disableLocalAuth":true,"customSubDomainName":"acct","provisioningState":"Succeeded",
            "networkAcls":{"defaultAction":"Allow"}}}"#;
        let account: Account = serde_json::from_str(body).unwrap();
        assert_eq!(account.kind, Some(AccountKind::OpenAi));
        assert_eq!(account.properties.disable_local_auth, Some(true));
        assert_eq!(account.properties.custom_sub_domain_name.as_deref(), Some("acct"));
        assert_eq!(
            account.properties.endpoints.get("OpenAI Language Model Instance API").map(String::as_str),
            Some("https://acct.openai.azure.com/")
        );
    }
}
