//! Step 5 of the wizard: the exact Resource Manager request a create sends, and the `az` command that
//! does the same — so people can see, copy and script what the app does.

use foundry_azure::arm::AccountRef;
use serde::Serialize;
use url::Url;

use crate::deployments::{create_body, DeploymentDraft};

/// An HTTP request as the review step shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct RequestPreview {
    pub method: String,
    pub url: String,
    /// The JSON body, pretty-printed exactly as it is sent (same fields, same order).
    pub body: String,
}

/// The deployment's URL under `resource_manager`, with each path segment escaped.
pub fn deployment_url(resource_manager: &Url, account: &AccountRef, name: &str, api_version: &str) -> String {
    let mut url = resource_manager.clone();
    if let Ok(mut segments) = url.path_segments_mut() {
        segments.pop_if_empty().extend([
            "subscriptions",
            &account.subscription,
            "resourceGroups",
            &account.resource_group,
            "providers",
            "Microsoft.CognitiveServices",
            "accounts",
            &account.name,
            "deployments",
            name,
        ]);
    }
    url.query_pairs_mut().clear().append_pair("api-version", api_version);
    url.to_string()
}

/// The PUT that creates `draft` with model `version`.
pub fn create_request(
    resource_manager: &Url,
    account: &AccountRef,
    draft: &DeploymentDraft,
    version: &str,
    api_version: &str,
) -> RequestPreview {
    let body = serde_json::to_string_pretty(&create_body(draft, version)).unwrap_or_default();
    RequestPreview {
        method: "PUT".into(),
        url: deployment_url(resource_manager, account, &draft.name, api_version),
        body,
    }
}

/// Quotes `value` for a POSIX shell when it needs it.
fn shell(value: &str) -> String {
    let plain =
        !value.is_empty() && value.chars().all(|c| c.is_ascii_alphanumeric() || "-_.:/=@".contains(c));
    if plain {
        value.to_string()
    } else {
        format!("'{}'", value.replace('\'', r"'\''"))
    }
}

/// The Azure CLI command that creates the same deployment. `az cognitiveservices account deployment
/// create` has no flags for a content filter, an upgrade policy or tags: a draft with any of them is
/// rendered as `az rest` with the very body the app sends.
pub fn az_command(
    resource_manager: &Url,
    account: &AccountRef,
    draft: &DeploymentDraft,
    version: &str,
    api_version: &str,
) -> String {
    if draft.rai_policy.is_some() || draft.version_upgrade.is_some() || !draft.tags.is_empty() {
        let body = serde_json::to_string(&create_body(draft, version)).unwrap_or_default();
        return format!(
            "az rest --method put \\\n  --url {} \\\n  --body {}",
            shell(&deployment_url(resource_manager, account, &draft.name, api_version)),
            shell(&body)
        );
    }
    let flags = [
        ("--subscription", account.subscription.as_str()),
        ("--resource-group", account.resource_group.as_str()),
        ("--name", account.name.as_str()),
        ("--deployment-name", draft.name.as_str()),
        ("--model-format", draft.model_format.as_str()),
        ("--model-name", draft.model_name.as_str()),
        ("--model-version", version),
        ("--sku-name", draft.sku_name.as_str()),
    ];
    let mut lines = vec!["az cognitiveservices account deployment create".to_string()];
    lines.extend(flags.iter().map(|(flag, value)| format!("  {flag} {}", shell(value))));
    lines.push(format!("  --sku-capacity {}", draft.sku_capacity));
    lines.join(" \\\n")
}
