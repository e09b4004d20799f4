//! `fdesk deployment update | pause | resume`: the app's Manage panel on the command line, with the same
//! checks (type offered, capacity in range and within the free quota, version not retiring) from core.

use clap::Args;
use foundry_azure::arm::{AccountRef, ArmClient};
use foundry_azure::lro::{LroHandle, LroProgress};
use foundry_desk_core::deployment_changes::{self, problem_lines};
use foundry_desk_core::deployment_plan::{self, DeploymentChange};

use crate::arm_commands::DeploymentArgs;
use crate::output::{json, out, Failure, OutputFormat};
use crate::resources::print_deployments;

/// `fdesk deployment update` flags: type and capacity, or version and upgrade policy.
#[derive(Debug, Clone, Args)]
pub struct UpdateArgs {
    #[command(flatten)]
    pub target: DeploymentArgs,
    /// New deployment SKU (default: the current one).
    #[arg(long, value_name = "SKU")]
    pub sku_name: Option<String>,
    /// New capacity (default: the current one).
    #[arg(long, value_name = "N")]
    pub sku_capacity: Option<u32>,
    /// New model version.
    #[arg(long, value_name = "V", conflicts_with_all = ["sku_name", "sku_capacity"])]
    pub model_version: Option<String>,
    /// New version upgrade policy: OnceNewDefaultVersionAvailable, OnceCurrentVersionExpired, NoAutoUpgrade.
    #[arg(long, value_name = "P", conflicts_with_all = ["sku_name", "sku_capacity"])]
    pub version_upgrade: Option<String>,
    /// Check the change and print the request; send nothing.
    #[arg(long)]
    pub dry_run: bool,
}

/// The change the flags ask for, filling what is not given from the deployment as it is.
async fn change_of(
    client: &ArmClient,
    account: &AccountRef,
    args: &UpdateArgs,
) -> Result<DeploymentChange, Failure> {
    let nothing_asked = args.sku_name.is_none()
        && args.sku_capacity.is_none()
        && args.model_version.is_none()
        && args.version_upgrade.is_none();
    if nothing_asked {
        return Err(Failure::Usage(
            "say what to change: --sku-name / --sku-capacity, or --model-version / --version-upgrade".into(),
        ));
    }
    let current = client.get_deployment(account, &args.target.deployment_name).await?;
    let sku = current.sku.as_ref();
    if args.sku_name.is_some() || args.sku_capacity.is_some() {
        return Ok(DeploymentChange::Scale {
            sku_name: args.sku_name.clone().or_else(|| sku.map(|s| s.name.to_string())).unwrap_or_default(),
            capacity: args.sku_capacity.or_else(|| sku.and_then(|s| s.capacity)).unwrap_or_default(),
        });
    }
    Ok(DeploymentChange::Model {
        version: args.model_version.clone().or(current.properties.model.version).unwrap_or_default(),
        version_upgrade: args.version_upgrade.clone(),
    })
}

/// Checks `change` as the app does, then (unless `dry_run`) sends it and waits; prints the deployment.
pub async fn run(
    client: &ArmClient,
    account: &AccountRef,
    name: &str,
    change: Option<DeploymentChange>,
    update: Option<&UpdateArgs>,
    output: OutputFormat,
) -> Result<(), Failure> {
    let change = match (change, update) {
        (Some(change), _) => change,
        (None, Some(args)) => change_of(client, account, args).await?,
        (None, None) => return Err(Failure::Usage("nothing to change".into())),
    };
    let request = deployment_changes::check(client, account, name, &change).await?.map_err(|problems| {
        Failure::Usage(format!(
            "the change would be refused; nothing was sent:\n  {}",
            problem_lines(&problems)
        ))
    })?;
    if update.is_some_and(|args| args.dry_run) {
        let api = &client.api.cognitive_services;
        let preview = deployment_plan::change_preview(client.base_url(), account, name, &request, api);
        out(&format!("{} {}\n{}", preview.method, preview.url, preview.body));
        return Ok(());
    }
    let what = change.describe();
    let shown = name.to_string();
    let handle = LroHandle::with_progress(move |p: LroProgress| {
        eprintln!("Updating deployment '{shown}' … {} (poll {})", p.status, p.polls);
    });
    let deployment = deployment_changes::apply(client, account, name, &request, &handle).await?;
    eprintln!("Deployment '{name}': {what}.");
    match output {
        OutputFormat::Json => json(&deployment),
        OutputFormat::Table => print_deployments(output, std::slice::from_ref(&deployment)),
    }
}
