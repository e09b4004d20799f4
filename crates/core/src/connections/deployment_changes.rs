//! Day-two management over a profile: a change to a deployment checked against Azure's facts as they
//! are now, shown as the exact request, then sent and waited for. The account's ARM client runs its
//! mutations one at a time, so a change queued behind a create waits instead of meeting a 409.

use foundry_azure::arm::AccountRef;
use foundry_azure::lro::LroHandle;
use serde::Serialize;

use super::{ConnectionError, Connections};
use crate::deployment_changes::{self, problem_lines};
use crate::deployment_plan::{self, DeploymentChange, DeploymentRow, DraftProblem, RequestPreview};

/// What the manage dialog shows before sending: the problems, or the exact request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ChangeReview {
    pub problems: Vec<DraftProblem>,
    pub request: Option<RequestPreview>,
}

impl Connections {
    /// Checks a change and shows what it would send.
    pub async fn review_change(
        &self,
        profile_id: &str,
        account: &AccountRef,
        name: &str,
        change: &DeploymentChange,
    ) -> Result<ChangeReview, ConnectionError> {
        let profile = self.profile(profile_id)?;
        let arm = self.arm(&profile).await?;
        let checked = deployment_changes::check(&arm, account, name, change)
            .await
            .map_err(|e| self.azure(&profile, e))?;
        Ok(match checked {
            Ok(request) => ChangeReview {
                problems: Vec::new(),
                request: Some(deployment_plan::change_preview(
                    arm.base_url(),
                    account,
                    name,
                    &request,
                    &arm.api.cognitive_services,
                )),
            },
            Err(problems) => ChangeReview { problems, request: None },
        })
    }

    /// Checks a change again, sends it and waits until Azure is done; the deployment as it is then.
    pub async fn change_deployment(
        &self,
        profile_id: &str,
        account: &AccountRef,
        name: &str,
        change: &DeploymentChange,
        handle: &LroHandle,
    ) -> Result<DeploymentRow, ConnectionError> {
        let profile = self.profile(profile_id)?;
        let arm = self.arm(&profile).await?;
        let request = deployment_changes::check(&arm, account, name, change)
            .await
            .map_err(|e| self.azure(&profile, e))?
            .map_err(|problems| ConnectionError::Input(problem_lines(&problems)))?;
        let changed = deployment_changes::apply(&arm, account, name, &request, handle)
            .await
            .map_err(|e| self.azure(&profile, e))?;
        let models = arm.list_account_models(account).await.unwrap_or_default();
        Ok(deployment_plan::deployment_rows(&[changed], &models, deployment_plan::today()).remove(0))
    }
}
