//! For an endpoint + key profile: the deployment names of that endpoint, read through Resource Manager
//! by any profile that can see the resource (a signed-in account, or the Sandbox), so people pick
//! them instead of typing them.

use foundry_azure::arm::AccountRef;
use foundry_azure::inference::InferenceEndpoint;
use serde::Serialize;

use super::{ConnectionError, Connections, SignInState};
use crate::profiles::Connection;

/// A deployment to pick.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct DeploymentChoice {
    pub name: String,
    pub model: String,
    pub model_version: Option<String>,
}

/// The deployments of an endpoint's resource, and which profile found them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct FoundDeployments {
    pub via_profile: String,
    pub account: String,
    pub deployments: Vec<DeploymentChoice>,
}

impl Connections {
    /// The deployments of the resource behind `endpoint`, from the first profile that can see it;
    /// `None` when no profile can (then names are typed).
    pub async fn find_deployments(
        &self,
        endpoint: &str,
    ) -> Result<Option<FoundDeployments>, ConnectionError> {
        let wanted = InferenceEndpoint::parse(endpoint).map_err(|e| ConnectionError::Input(e.message))?;
        for view in self.list()? {
            let usable = matches!(view.profile.connection, Connection::Sandbox)
                || matches!(view.sign_in, SignInState::SignedIn | SignInState::AzureCli);
            if !usable {
                continue;
            }
            // A profile that cannot list (expired, no rights) is skipped: another one may see the resource.
            let Ok(arm) = self.arm(&view.profile).await else { continue };
            let Ok(subscriptions) = arm.list_subscriptions().await else { continue };
            let ids: Vec<String> = subscriptions.into_iter().map(|s| s.subscription_id).collect();
            for listed in crate::inventory::accounts_in(&arm, &ids, crate::inventory::DEFAULT_IN_FLIGHT).await
            {
                let Ok(accounts) = listed.accounts else { continue };
                let found = accounts.into_iter().find(|a| {
                    a.properties
                        .endpoint
                        .as_deref()
                        .and_then(|e| InferenceEndpoint::parse(e).ok())
                        .is_some_and(|e| e.as_str() == wanted.as_str())
                });
                let Some(account) = found else { continue };
                let Some(at) = AccountRef::from_id(&account.id) else { continue };
                let deployments =
                    arm.list_deployments(&at).await.map_err(|e| self.azure(&view.profile, e))?;
                return Ok(Some(FoundDeployments {
                    via_profile: view.profile.name.clone(),
                    account: account.name,
                    deployments: deployments
                        .into_iter()
                        .map(|d| DeploymentChoice {
                            name: d.name,
                            model: d.properties.model.name,
                            model_version: d.properties.model.version,
                        })
                        .collect(),
                }));
            }
        }
        Ok(None)
    }
}
