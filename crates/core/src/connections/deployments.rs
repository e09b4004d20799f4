//! The Deployments screen over a profile: an account's deployments as table rows, the facts the wizard
//! needs, a review of a draft (checks, the exact request, the `az` command), create and delete.

use foundry_azure::arm::AccountRef;
use foundry_azure::lro::LroHandle;
use serde::Serialize;

use super::{ConnectionError, Connections};
use crate::deployment_changes::problem_lines;
use crate::deployment_plan::{
    self, DeploymentRow, DraftProblem, NamedQuota, Plan, PlanFacts, RequestPreview,
};
use crate::deployments::{self, DeploymentDraft};

/// What the review step shows: the plan when every check passed, else the problems; and always the
/// request and the `az` command the draft makes.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Review {
    pub plan: Option<Plan>,
    pub problems: Vec<DraftProblem>,
    pub request: RequestPreview,
    pub az_command: String,
}

impl Connections {
    /// An account's deployments as the table shows them (with retirement warnings from its models).
    pub async fn deployment_rows(
        &self,
        profile_id: &str,
        account: &AccountRef,
    ) -> Result<Vec<DeploymentRow>, ConnectionError> {
        let profile = self.profile(profile_id)?;
        let arm = self.arm(&profile).await?;
        let (deployments, models) =
            futures_util::join!(arm.list_deployments(account), arm.list_account_models(account));
        let deployments = deployments.map_err(|e| self.azure(&profile, e))?;
        // Without the models the table still shows; only the retirement warnings are missing.
        let models = models.unwrap_or_default();
        Ok(deployment_plan::deployment_rows(&deployments, &models, deployment_plan::today()))
    }

    /// What the wizard needs to know about an account, read once.
    pub async fn plan_facts(
        &self,
        profile_id: &str,
        account: &AccountRef,
    ) -> Result<PlanFacts, ConnectionError> {
        let profile = self.profile(profile_id)?;
        let arm = self.arm(&profile).await?;
        deployment_plan::gather_facts(&arm, account).await.map_err(|e| self.azure(&profile, e))
    }

    /// Checks a draft and shows what it would send.
    pub async fn review(
        &self,
        profile_id: &str,
        account: &AccountRef,
        draft: &DeploymentDraft,
    ) -> Result<Review, ConnectionError> {
        let profile = self.profile(profile_id)?;
        let arm = self.arm(&profile).await?;
        let facts =
            deployment_plan::gather_facts(&arm, account).await.map_err(|e| self.azure(&profile, e))?;
        let (plan, problems) = match deployment_plan::check_draft(draft, &facts) {
            Ok(plan) => (Some(plan), Vec::new()),
            Err(problems) => (None, problems),
        };
        let version = plan
            .as_ref()
            .map(|p| p.version.clone())
            .or_else(|| draft.model_version.clone())
            .unwrap_or_default();
        let api = &arm.api.cognitive_services;
        Ok(Review {
            request: deployment_plan::create_request(arm.base_url(), account, draft, &version, api),
            az_command: deployment_plan::az_command(arm.base_url(), account, draft, &version, api),
            plan,
            problems,
        })
    }

    /// Creates the deployment after checking it again, and waits until Azure is done.
    pub async fn create_deployment(
        &self,
        profile_id: &str,
        account: &AccountRef,
        draft: &DeploymentDraft,
        handle: &LroHandle,
    ) -> Result<DeploymentRow, ConnectionError> {
        let profile = self.profile(profile_id)?;
        let arm = self.arm(&profile).await?;
        let facts =
            deployment_plan::gather_facts(&arm, account).await.map_err(|e| self.azure(&profile, e))?;
        let plan = deployment_plan::check_draft(draft, &facts)
            .map_err(|problems| ConnectionError::Input(problem_lines(&problems)))?;
        let body = deployments::create_body(draft, &plan.version);
        let created = arm
            .create_or_update_deployment(account, &draft.name, &body, handle)
            .await
            .map_err(|e| self.azure(&profile, e))?;
        Ok(deployment_plan::deployment_rows(&[created], &[], deployment_plan::today()).remove(0))
    }

    /// Deletes a deployment; `confirm_name` must repeat its name (the type-the-name confirmation).
    pub async fn delete_deployment(
        &self,
        profile_id: &str,
        account: &AccountRef,
        name: &str,
        confirm_name: &str,
    ) -> Result<(), ConnectionError> {
        if confirm_name.trim() != name {
            return Err(ConnectionError::Input(format!("type '{name}' to confirm the deletion")));
        }
        let profile = self.profile(profile_id)?;
        let arm = self.arm(&profile).await?;
        arm.delete_deployment(account, name, &LroHandle::default()).await.map_err(|e| self.azure(&profile, e))
    }

    /// A region's quota: each usage name with its limit and what is used (`GET S/locations/{loc}/usages`).
    pub async fn region_quotas(
        &self,
        profile_id: &str,
        subscription: &str,
        location: &str,
    ) -> Result<Vec<NamedQuota>, ConnectionError> {
        let profile = self.profile(profile_id)?;
        let arm = self.arm(&profile).await?;
        let usages =
            arm.list_region_usages(subscription, location).await.map_err(|e| self.azure(&profile, e))?;
        Ok(deployment_plan::named_quotas(&usages))
    }
}
