//! Day-two changes sent to Azure, shared by the app and `fdesk`: a change is checked against the
//! deployment and the account as they are now (never against what a screen read minutes ago), then sent
//! as the one request that makes it. The ARM client runs an account's mutations one at a time.

use foundry_azure::arm::models::Deployment;
use foundry_azure::arm::{AccountRef, ArmClient};
use foundry_azure::lro::LroHandle;
use foundry_azure::AzureError;

use crate::deployment_plan::{self, ChangeRequest, DeploymentChange, DraftProblem};

/// The change checked against Azure's current facts: the request to send, or every problem found.
pub async fn check(
    client: &ArmClient,
    account: &AccountRef,
    name: &str,
    change: &DeploymentChange,
) -> Result<Result<ChangeRequest, Vec<DraftProblem>>, AzureError> {
    let (current, facts) = futures_util::join!(
        client.get_deployment(account, name),
        deployment_plan::gather_facts(client, account)
    );
    let current: Deployment = current?;
    Ok(deployment_plan::check_change(&current, change, &facts?))
}

/// Sends a checked change and waits until Azure is done; the deployment as it is then.
pub async fn apply(
    client: &ArmClient,
    account: &AccountRef,
    name: &str,
    request: &ChangeRequest,
    handle: &LroHandle,
) -> Result<Deployment, AzureError> {
    match request {
        ChangeRequest::Patch(patch) => client.update_deployment(account, name, patch, handle).await,
        ChangeRequest::Put(body) => client.create_or_update_deployment(account, name, body, handle).await,
        ChangeRequest::SetPaused(pause) => client.set_deployment_paused(account, name, *pause, handle).await,
    }
}

/// Problems as one message: "capacity: …; name: …".
pub fn problem_lines(problems: &[DraftProblem]) -> String {
    let lines: Vec<String> = problems.iter().map(|p| format!("{}: {}", p.field.label(), p.message)).collect();
    lines.join("; ")
}
