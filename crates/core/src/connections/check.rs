//! "Check connection": a few cheap calls that tell a person what works with a profile — Resource
//! Manager reads, the deployments of an account, inference — and, on a 403, which role is missing.

use foundry_azure::arm::client::roles;
use foundry_azure::arm::models::Deployment;
use foundry_azure::arm::AccountRef;
use foundry_azure::inference::{
    ApiKey, ApiStyle, ChatParams, ChatTarget, InferenceAuth, InferenceClient, InferenceEndpoint, Message,
    ModelId, Role,
};
use foundry_azure::{AzureError, ErrorKind};
use serde::Serialize;

use super::{ConnectionError, Connections};
use crate::access::MyAccess;
use crate::endpoint_keys;
use crate::profiles::{ApiStyleChoice, Connection, Profile};

/// What was checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum CheckArea {
    /// Listing subscriptions through Resource Manager.
    Arm,
    /// Listing an account's deployments.
    Deployments,
    /// A one-token chat with a deployment.
    Inference,
}

/// How a check went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum CheckOutcome {
    Ok,
    Failed,
    /// Not applicable, or nothing to check it with.
    Skipped,
}

/// One line of the report.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CheckResult {
    pub area: CheckArea,
    pub outcome: CheckOutcome,
    /// What happened, in a sentence.
    pub summary: String,
    /// The Azure role that would make a refused call work.
    pub missing_role: Option<String>,
    pub code: Option<String>,
    pub request_id: Option<String>,
}

/// Every check, in order, and what the signed-in person can do on the account checked.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ConnectionReport {
    pub checks: Vec<CheckResult>,
    /// "What can I do here?" on the account the checks used; none without one (or when Azure would not
    /// say).
    pub access: Option<AccountAccess>,
}

/// "What can I do here?" for one account.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AccountAccess {
    pub subscription_id: String,
    pub resource_group: String,
    pub account_name: String,
    pub access: MyAccess,
}

fn ok(area: CheckArea, summary: String) -> CheckResult {
    CheckResult { area, outcome: CheckOutcome::Ok, summary, missing_role: None, code: None, request_id: None }
}

fn skipped(area: CheckArea, summary: &str) -> CheckResult {
    CheckResult {
        area,
        outcome: CheckOutcome::Skipped,
        summary: summary.into(),
        missing_role: None,
        code: None,
        request_id: None,
    }
}

fn failed(area: CheckArea, error: &AzureError, role: Option<&str>) -> CheckResult {
    let refused = matches!(error.status, Some(401 | 403));
    CheckResult {
        area,
        outcome: CheckOutcome::Failed,
        summary: error.message.clone(),
        missing_role: error.missing_role.or(role.filter(|_| refused)).map(str::to_string),
        code: error.code.clone(),
        request_id: error.request_id.clone(),
    }
}

/// A one-token question: as cheap as inference gets, and it proves the deployment answers.
fn ping() -> ChatParams {
    ChatParams {
        messages: vec![Message::new(Role::User, "Say OK.")],
        max_tokens: Some(1),
        ..ChatParams::default()
    }
}

fn model_of(deployment: &Deployment) -> ModelId {
    ModelId {
        name: deployment.properties.model.name.clone(),
        version: deployment.properties.model.version.clone(),
    }
}

impl Connections {
    /// Checks what works with a profile. A failing step is reported, not returned as an error; only a
    /// profile that cannot even start (unknown, signed out) is an error.
    pub async fn check(&self, profile_id: &str) -> Result<ConnectionReport, ConnectionError> {
        let profile = self.profile(profile_id)?;
        let (checks, account) = match &profile.connection {
            Connection::EndpointKey { endpoint, api, deployments, sign_in_with } => {
                let how = match sign_in_with {
                    Some(_) => "Not used: this profile reaches inference with another profile's sign-in.",
                    None => "Not used: this profile reaches inference with a key only.",
                };
                let checks = vec![
                    skipped(CheckArea::Arm, how),
                    skipped(CheckArea::Deployments, "Deployment names are typed for this profile."),
                    self.check_key_inference(endpoint, api, deployments.first(), sign_in_with.as_deref())
                        .await,
                ];
                (checks, None)
            }
            _ => self.check_through_arm(&profile).await?,
        };
        let access = match account {
            Some(at) => self.my_access(profile_id, &at).await.ok().map(|access| AccountAccess {
                subscription_id: at.subscription,
                resource_group: at.resource_group,
                account_name: at.name,
                access,
            }),
            None => None,
        };
        Ok(ConnectionReport { checks, access })
    }

    async fn check_key_inference(
        &self,
        endpoint: &str,
        api: &ApiStyleChoice,
        deployment: Option<&String>,
        sign_in_with: Option<&str>,
    ) -> CheckResult {
        let area = CheckArea::Inference;
        let Some(deployment) = deployment else {
            return skipped(area, "Add a deployment name to this profile to check inference.");
        };
        let style = match api {
            ApiStyleChoice::V1 => ApiStyle::V1 { api_version: None },
            ApiStyleChoice::Classic { api_version } => ApiStyle::Classic { api_version: api_version.clone() },
        };
        if let Some(through) = sign_in_with {
            return match self.profile(through).and_then(|p| self.tokens(&p)) {
                Ok(tokens) => {
                    self.ping_deployment(endpoint, style, deployment, None, InferenceAuth::Token(tokens))
                        .await
                }
                Err(e) => failed(area, &AzureError::local(ErrorKind::Auth, e.to_string()), None),
            };
        }
        let key = match endpoint_keys::load(self.secrets.as_ref(), endpoint) {
            Ok(Some(key)) => key,
            Ok(None) => {
                return skipped(area, "No key is saved for this endpoint: paste one to check inference.")
            }
            Err(e) => return failed(area, &AzureError::local(ErrorKind::Auth, e.to_string()), None),
        };
        let auth = InferenceAuth::ApiKey(ApiKey::new(key.expose()));
        self.ping_deployment(endpoint, style, deployment, None, auth).await
    }

    async fn ping_deployment(
        &self,
        endpoint: &str,
        style: ApiStyle,
        deployment: &str,
        model: Option<ModelId>,
        auth: InferenceAuth,
    ) -> CheckResult {
        let area = CheckArea::Inference;
        let answered = async {
            let endpoint = InferenceEndpoint::parse(endpoint)?;
            let network = self.network();
            let mut client = InferenceClient::new(network.inference_http()?, auth);
            client.options = network.inference_options();
            let target = ChatTarget { endpoint, style, deployment: deployment.to_string(), model };
            client.chat(&target, &ping()).await
        };
        match answered.await {
            Ok(_) => ok(area, format!("Deployment '{deployment}' answered.")),
            Err(e) => failed(area, &e, Some(roles::OPENAI_USER)),
        }
    }

    /// The Resource Manager checks, and the account they used (for "what can I do here?").
    async fn check_through_arm(
        &self,
        profile: &Profile,
    ) -> Result<(Vec<CheckResult>, Option<AccountRef>), ConnectionError> {
        let arm = self.arm(profile).await?;
        let subscriptions = match arm.list_subscriptions().await {
            Ok(subscriptions) => subscriptions,
            Err(e) => {
                let error = self.azure(profile, e);
                if let ConnectionError::Azure(e) = &error {
                    let checks = vec![
                        failed(CheckArea::Arm, e, Some(roles::READER)),
                        skipped(CheckArea::Deployments, "Needs Resource Manager."),
                        skipped(CheckArea::Inference, "Needs Resource Manager to find a deployment."),
                    ];
                    return Ok((checks, None));
                }
                return Err(error);
            }
        };
        let mut checks = vec![ok(
            CheckArea::Arm,
            format!("Resource Manager answers: {} subscription(s) visible.", subscriptions.len()),
        )];
        let ids: Vec<String> = subscriptions.into_iter().map(|s| s.subscription_id).collect();
        let mut first_account = None;
        for listed in crate::inventory::accounts_in(&arm, &ids, crate::inventory::DEFAULT_IN_FLIGHT).await {
            if let Some(account) = listed.accounts.ok().and_then(|a| a.into_iter().next()) {
                first_account = Some(account);
                break;
            }
        }
        let Some((account, at)) = first_account.and_then(|a| AccountRef::from_id(&a.id).map(|at| (a, at)))
        else {
            checks.push(skipped(CheckArea::Deployments, "No AI resource is visible in these subscriptions."));
            checks.push(skipped(CheckArea::Inference, "No AI resource to send a request to."));
            return Ok((checks, None));
        };
        let deployments = match arm.list_deployments(&at).await {
            Ok(deployments) => deployments,
            Err(e) => {
                checks.push(failed(CheckArea::Deployments, &e, Some(roles::READER)));
                checks.push(skipped(CheckArea::Inference, "Needs the deployments list."));
                return Ok((checks, Some(at)));
            }
        };
        checks.push(ok(
            CheckArea::Deployments,
            format!("'{}' has {} deployment(s).", at.name, deployments.len()),
        ));
        // Embedding models do not chat: ask the first deployment that can.
        let chat = deployments.iter().find(|d| !d.properties.model.name.contains("embedding"));
        let (Some(deployment), Some(endpoint)) = (chat, account.properties.endpoint.as_deref()) else {
            checks.push(skipped(CheckArea::Inference, "No chat deployment to send a request to."));
            return Ok((checks, Some(at)));
        };
        let endpoint = self.reachable_endpoint(profile, endpoint).await?;
        let auth = InferenceAuth::Token(self.tokens(profile)?);
        checks.push(
            self.ping_deployment(
                &endpoint,
                ApiStyle::default(),
                &deployment.name,
                Some(model_of(deployment)),
                auth,
            )
            .await,
        );
        Ok((checks, Some(at)))
    }
}
