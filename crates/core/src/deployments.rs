//! Creating model deployments: the draft a person fills in, the model version when none is given (the
//! catalog's default in the account's region), and the PUT — waited for, or only started.

use std::collections::BTreeMap;

use foundry_azure::arm::models::{
    Account, AccountKind, CatalogModel, Deployment, DeploymentCreate, DeploymentCreateProperties,
    DeploymentModel, DeploymentSku, SkuName, VersionUpgradeOption,
};
use foundry_azure::arm::AccountRef;
use foundry_azure::lro::LroHandle;
use foundry_azure::{AzureError, ErrorKind};

use crate::arm_session::ArmSession;

/// What a person asks for when creating a deployment.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct DeploymentDraft {
    /// The deployment's name (what inference requests address).
    pub name: String,
    /// Model format, e.g. "OpenAI" or "Mistral AI".
    pub model_format: String,
    /// Model name, e.g. `gpt-4o`.
    pub model_name: String,
    /// Model version; `None` takes the catalog's default.
    pub model_version: Option<String>,
    /// Deployment SKU, e.g. `GlobalStandard`.
    pub sku_name: String,
    /// Capacity (thousands of tokens per minute for Standard-family SKUs).
    pub sku_capacity: u32,
    /// Content filter policy; Azure's default when `None`.
    pub rai_policy: Option<String>,
    /// When Azure moves the deployment to a newer version (`OnceNewDefaultVersionAvailable`, …); Azure's
    /// default when `None`.
    pub version_upgrade: Option<String>,
    /// Tags on the deployment.
    pub tags: BTreeMap<String, String>,
}

/// The model version a deployment will get, and whether the catalog chose it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChosenVersion {
    /// The version the draft named.
    Given(String),
    /// The catalog's default version in `location`, because the draft named none.
    CatalogDefault { version: String, location: String },
}

impl ChosenVersion {
    /// The version itself.
    pub fn version(&self) -> &str {
        match self {
            Self::Given(version) | Self::CatalogDefault { version, .. } => version,
        }
    }
}

/// Checks the name the way the service does (letters, digits, `_`, `-`, `.`; 2 to 64 characters).
pub fn validate_name(name: &str) -> Result<(), AzureError> {
    let mut chars = name.chars();
    let starts_well = chars.next().is_some_and(|c| c.is_ascii_alphanumeric());
    let rest_ok = chars.all(|c| c.is_ascii_alphanumeric() || "_.-".contains(c));
    if starts_well && rest_ok && (2..=64).contains(&name.len()) {
        Ok(())
    } else {
        Err(AzureError::local(
            ErrorKind::InvalidRequest,
            format!(
                "'{name}' is not a valid deployment name: use 2 to 64 letters, digits, '_', '-' or '.', \
                 starting with a letter or digit"
            ),
        ))
    }
}

/// The default version of a model in a region's catalog, among the entries an account of `kind` can deploy.
pub fn default_version(
    catalog: &[CatalogModel],
    kind: Option<&AccountKind>,
    format: &str,
    name: &str,
) -> Result<String, AzureError> {
    let for_kind = |entry: &&CatalogModel| match (kind, &entry.kind) {
        (Some(wanted), Some(offered)) => wanted.canonical() == offered.canonical(),
        _ => true,
    };
    let versions: Vec<&CatalogModel> = catalog
        .iter()
        .filter(for_kind)
        .filter(|e| e.model.format.eq_ignore_ascii_case(format) && e.model.name.eq_ignore_ascii_case(name))
        .collect();
    if let Some(version) = versions
        .iter()
        .find(|e| e.model.is_default_version == Some(true))
        .and_then(|e| e.model.version.clone())
    {
        return Ok(version);
    }
    let message = if versions.is_empty() {
        format!("the region's catalog has no model '{name}' of format '{format}' for this account")
    } else {
        let listed: Vec<&str> = versions.iter().filter_map(|e| e.model.version.as_deref()).collect();
        format!(
            "the catalog marks no version of '{name}' as default; choose one with --model-version: {}",
            listed.join(", ")
        )
    };
    Err(AzureError::local(ErrorKind::InvalidRequest, message))
}

/// The version to deploy: the draft's, else the catalog default in the account's region.
pub async fn choose_version(
    session: &ArmSession,
    account_ref: &AccountRef,
    draft: &DeploymentDraft,
) -> Result<ChosenVersion, AzureError> {
    if let Some(version) = draft.model_version.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
        return Ok(ChosenVersion::Given(version.to_string()));
    }
    let account: Account = session.client.get_account(account_ref).await?;
    let location = account.location.clone().ok_or_else(|| {
        AzureError::local(ErrorKind::Decode, "Azure did not say which region the account is in")
    })?;
    let catalog = session.client.list_region_models(&account_ref.subscription, &location).await?;
    let version = default_version(&catalog, account.kind.as_ref(), &draft.model_format, &draft.model_name)?;
    Ok(ChosenVersion::CatalogDefault { version, location })
}

/// The PUT body for a draft and the chosen version.
pub fn create_body(draft: &DeploymentDraft, version: &str) -> DeploymentCreate {
    DeploymentCreate {
        sku: DeploymentSku::new(SkuName::from(draft.sku_name.as_str()), draft.sku_capacity),
        properties: DeploymentCreateProperties {
            model: DeploymentModel {
                format: draft.model_format.clone(),
                name: draft.model_name.clone(),
                version: Some(version.to_string()),
                ..DeploymentModel::default()
            },
            rai_policy_name: draft.rai_policy.clone(),
            version_upgrade_option: draft.version_upgrade.as_deref().map(VersionUpgradeOption::from),
            ..DeploymentCreateProperties::default()
        },
        tags: (!draft.tags.is_empty()).then(|| draft.tags.clone()),
    }
}

/// Creates (or replaces) the deployment and waits until Azure says it is done.
pub async fn create(
    session: &ArmSession,
    account: &AccountRef,
    name: &str,
    body: &DeploymentCreate,
    handle: &LroHandle,
) -> Result<Deployment, AzureError> {
    validate_name(name)?;
    session.client.create_or_update_deployment(account, name, body, handle).await
}

/// Sends the create and returns the deployment as Azure's first answer shows it, without waiting for
/// the operation (`--no-wait`).
pub async fn begin_create(
    session: &ArmSession,
    account: &AccountRef,
    name: &str,
    body: &DeploymentCreate,
    handle: &LroHandle,
) -> Result<Deployment, AzureError> {
    validate_name(name)?;
    session.client.begin_create_or_update_deployment(account, name, body, handle).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use foundry_azure::arm::models::Model;

    fn entry(kind: &str, name: &str, version: &str, default: bool) -> CatalogModel {
        CatalogModel {
            kind: Some(AccountKind::from(kind)),
            model: Model {
                format: "OpenAI".into(),
                name: name.into(),
                version: Some(version.into()),
                is_default_version: Some(default),
                ..Model::default()
            },
            sku_name: None,
            description: None,
        }
    }

    #[test]
    fn the_default_version_for_the_accounts_kind_is_picked() {
        let catalog = vec![
            entry("OpenAI", "gpt-4o", "2024-08-06", false),
            entry("AIServices", "gpt-4o", "2024-05-13", true),
            entry("OpenAI", "gpt-4o", "2024-11-20", true),
        ];
        let version = default_version(&catalog, Some(&AccountKind::OpenAi), "openai", "GPT-4o").unwrap();
        assert_eq!(version, "2024-11-20");
    }

    #[test]
    fn no_default_lists_the_versions_there_are() {
        let catalog = vec![entry("OpenAI", "gpt-4o", "2024-08-06", false)];
        let err = default_version(&catalog, None, "OpenAI", "gpt-4o").unwrap_err();
        assert!(err.message.contains("2024-08-06"), "{}", err.message);
        let err = default_version(&catalog, None, "OpenAI", "nope").unwrap_err();
        assert!(err.message.contains("no model 'nope'"), "{}", err.message);
    }

    #[test]
    fn names_follow_the_service_rule() {
        assert!(validate_name("chat-1.v2_x").is_ok());
        assert!(validate_name("-chat").is_err());
        assert!(validate_name("a").is_err());
        assert!(validate_name("has space").is_err());
        assert!(validate_name(&"a".repeat(65)).is_err());
    }

    #[test]
    fn body_carries_the_chosen_version_and_policy() {
        let draft = DeploymentDraft {
            name: "d".into(),
            model_format: "OpenAI".into(),
            model_name: "gpt-4o".into(),
            model_version: None,
            sku_name: "GlobalStandard".into(),
            sku_capacity: 10,
            rai_policy: Some("Microsoft.DefaultV2".into()),
            version_upgrade: None,
            tags: BTreeMap::new(),
        };
        let body = serde_json::to_value(create_body(&draft, "2024-11-20")).unwrap();
        assert_eq!(
            body,
            serde_json::json!({"sku": {"name": "GlobalStandard", "capacity": 10},
                "properties": {"model": {"format": "OpenAI", "name": "gpt-4o", "version": "2024-11-20"},
                               "raiPolicyName": "Microsoft.DefaultV2"}})
        );
    }
}
