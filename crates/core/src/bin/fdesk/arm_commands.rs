//! The Resource Manager commands: accounts, keys, models, quota and deployments, with `az`'s flags.

use std::sync::Arc;

use clap::{Args, Subcommand, ValueEnum};
use foundry_azure::arm::models::KeyName;
use foundry_azure::arm::AccountRef;
use foundry_azure::cloud::Cloud;
use foundry_azure::lro::{LroHandle, LroProgress};
use foundry_azure::prices::{PriceBook, PriceCache, RetailPrices};
use foundry_azure::token::StaticToken;
use foundry_desk_core::arm_session::{resolve_subscription, ArmSession, SubscriptionChoiceError};
use foundry_desk_core::deployment_plan::{self, DeploymentChange};
use foundry_desk_core::deployments::{self, ChosenVersion, DeploymentDraft};
use url::Url;

use crate::manage::{self, UpdateArgs};
use crate::network::SavedNetwork;
use crate::output::{json, or_dash, out, Failure, OutputFormat};
use crate::resources::{
    print_accounts, print_catalog, print_deployments, print_keys, print_models, print_usages,
};

/// The environment variable holding the bearer token for Resource Manager.
pub const TOKEN_VAR: &str = "FDESK_ARM_TOKEN";
/// The environment variable naming the subscription when `--subscription` is not given.
pub const SUBSCRIPTION_VAR: &str = "FDESK_SUBSCRIPTION";

/// Flags every ARM command shares.
#[derive(Debug, Clone, Args)]
pub struct ArmFlags {
    /// Resource Manager base URL (default: the public cloud); e.g. the URL `fdesk sim` prints.
    #[arg(long, global = true, value_name = "URL")]
    pub arm_endpoint: Option<String>,
    /// Subscription id (else FDESK_SUBSCRIPTION, else the only one the identity sees).
    #[arg(long, global = true, value_name = "S")]
    pub subscription: Option<String>,
    /// Output format.
    #[arg(long, short = 'o', global = true, value_enum, default_value_t = OutputFormat::Table)]
    pub output: OutputFormat,
    /// The connection profile to use (else FDESK_PROFILE); `fdesk login` signs one in.
    #[arg(long, global = true, value_name = "NAME", env = "FDESK_PROFILE")]
    pub profile: Option<String>,
}

/// An account by resource group and name (`-g`, `-n`).
#[derive(Debug, Clone, Args)]
pub struct AccountArgs {
    /// Resource group.
    #[arg(short = 'g', long = "resource-group", value_name = "RG")]
    pub resource_group: String,
    /// Account name.
    #[arg(short = 'n', long = "name", value_name = "ACCOUNT")]
    pub name: String,
}

/// A deployment of an account.
#[derive(Debug, Clone, Args)]
pub struct DeploymentArgs {
    #[command(flatten)]
    pub account: AccountArgs,
    /// Deployment name.
    #[arg(long = "deployment-name", value_name = "D")]
    pub deployment_name: String,
}

/// `fdesk account …`.
#[derive(Debug, Subcommand)]
pub enum AccountCommand {
    /// Cognitive Services accounts of the subscription, or of one resource group.
    List {
        /// Only this resource group.
        #[arg(short = 'g', long = "resource-group", value_name = "RG")]
        resource_group: Option<String>,
    },
    /// One account.
    Show(AccountArgs),
    /// Changes an account: `--disable-local-auth true` refuses keys (only Entra sign-in works).
    Update(crate::roles::AccountUpdateArgs),
    /// The account's keys.
    #[command(subcommand)]
    Keys(KeysCommand),
    /// The models this account can deploy.
    ListModels(AccountArgs),
}

/// Which key, as `az` spells it (any casing).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KeyArg {
    Key1,
    Key2,
}

/// `fdesk account keys …`.
#[derive(Debug, Subcommand)]
pub enum KeysCommand {
    /// The two keys (table output masks them unless --show).
    List {
        #[command(flatten)]
        account: AccountArgs,
        /// Print the keys in full in table output.
        #[arg(long)]
        show: bool,
    },
    /// Replaces one key; the other keeps working.
    Regenerate {
        #[command(flatten)]
        account: AccountArgs,
        /// The key to replace.
        #[arg(long = "key-name", value_enum, ignore_case = true)]
        key_name: KeyArg,
        /// Print the keys in full in table output.
        #[arg(long)]
        show: bool,
    },
}

/// `fdesk model …`.
#[derive(Debug, Subcommand)]
pub enum ModelCommand {
    /// The model catalog of a region.
    List {
        /// Region, e.g. eastus.
        #[arg(short = 'l', long, value_name = "L")]
        location: String,
    },
}

/// `fdesk usage …`.
#[derive(Debug, Subcommand)]
pub enum UsageCommand {
    /// Quota of a region: used, limit and free per usage name.
    List {
        /// Region, e.g. eastus.
        #[arg(short = 'l', long, value_name = "L")]
        location: String,
    },
    /// Tokens, requests and estimated cost per deployment of an account (Azure Monitor metrics).
    Show(crate::usage_cost::UsageShowArgs),
}

/// `fdesk deployment …`.
#[derive(Debug, Subcommand)]
pub enum DeploymentCommand {
    /// The account's deployments.
    List(AccountArgs),
    /// One deployment.
    Show(DeploymentArgs),
    /// Deletes a deployment and waits until it is gone.
    Delete(DeploymentArgs),
    /// Creates (or replaces) a deployment and waits for it, unless --no-wait.
    Create(CreateArgs),
    /// Changes type and capacity (PATCH), or model version and upgrade policy (PUT), after the same checks
    /// as the app.
    Update(UpdateArgs),
    /// Pauses a Standard-family deployment: requests get 423 until it is resumed.
    Pause(DeploymentArgs),
    /// Resumes a paused deployment.
    Resume(DeploymentArgs),
}

/// `fdesk deployment create` flags.
#[derive(Debug, Clone, Args)]
pub struct CreateArgs {
    #[command(flatten)]
    pub target: DeploymentArgs,
    /// Model format, e.g. OpenAI.
    #[arg(long, value_name = "F")]
    pub model_format: String,
    /// Model name, e.g. gpt-4o.
    #[arg(long, value_name = "M")]
    pub model_name: String,
    /// Model version (default: the catalog's default version in the account's region).
    #[arg(long, value_name = "V")]
    pub model_version: Option<String>,
    /// Deployment SKU, e.g. GlobalStandard.
    #[arg(long, value_name = "SKU")]
    pub sku_name: String,
    /// Capacity (thousands of tokens per minute for Standard-family SKUs).
    #[arg(long, value_name = "N")]
    pub sku_capacity: u32,
    /// Content filter policy, e.g. Microsoft.DefaultV2.
    #[arg(long, value_name = "P")]
    pub rai_policy: Option<String>,
    /// Return after Azure's first answer instead of waiting for the operation.
    #[arg(long)]
    pub no_wait: bool,
    /// Check the draft and print the request and the equivalent `az` command; send nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Send even when the checks (model, type, capacity, quota) fail, and let Azure decide.
    #[arg(long, conflicts_with = "dry_run")]
    pub skip_checks: bool,
}

/// An ARM command, ready to run.
#[derive(Debug)]
pub enum ArmCommand {
    Account(AccountCommand),
    Model(ModelCommand),
    Usage(UsageCommand),
    Deployment(DeploymentCommand),
    Price(crate::usage_cost::PriceArgs),
    Role(crate::roles::RoleCommand),
}

/// The session and subscription a command runs in, and how to print.
pub(crate) struct Context {
    pub session: ArmSession,
    pub subscription: String,
    pub output: OutputFormat,
    /// Retail prices, cached with the app's.
    pub prices: PriceBook,
    /// The settings' currency.
    pub currency: String,
}

impl Context {
    pub fn account(&self, args: &AccountArgs) -> AccountRef {
        AccountRef {
            subscription: self.subscription.clone(),
            resource_group: args.resource_group.clone(),
            name: args.name.clone(),
        }
    }
}

/// Runs an ARM command: token and subscription first, then the call.
pub async fn run(flags: &ArmFlags, command: ArmCommand) -> Result<(), Failure> {
    let context = connect(flags).await?;
    match command {
        ArmCommand::Account(command) => account(&context, command).await,
        ArmCommand::Model(ModelCommand::List { location }) => {
            let catalog = context.session.client.list_region_models(&context.subscription, &location).await?;
            print_catalog(context.output, &catalog)
        }
        ArmCommand::Usage(UsageCommand::List { location }) => {
            let usages = context.session.client.list_region_usages(&context.subscription, &location).await?;
            print_usages(context.output, &usages)
        }
        ArmCommand::Usage(UsageCommand::Show(args)) => crate::usage_cost::show(&context, args).await,
        ArmCommand::Price(args) => crate::usage_cost::price(&context, args).await,
        ArmCommand::Deployment(command) => deployment(&context, command).await,
        ArmCommand::Role(command) => crate::roles::run(&context, command).await,
    }
}

async fn connect(flags: &ArmFlags) -> Result<Context, Failure> {
    let network = SavedNetwork::read()?;
    let token = std::env::var(TOKEN_VAR).ok().filter(|t| !t.trim().is_empty());
    let (cloud, tokens): (Cloud, Arc<dyn foundry_azure::token::TokenSource>) = match (token, &flags.profile) {
        (Some(token), _) => {
            let cloud = match &flags.arm_endpoint {
                Some(endpoint) => {
                    let url = Url::parse(endpoint)
                        .map_err(|e| Failure::Usage(format!("--arm-endpoint '{endpoint}' is not a URL: {e}")))?;
                    Cloud::at("custom", &url)
                }
                None => Cloud::public(),
            };
            (cloud, Arc::new(StaticToken::new(token.trim())))
        }
        (None, Some(profile)) => crate::login::profile_tokens(profile, &network)?,
        (None, None) => {
            return Err(Failure::Usage(format!(
                "not signed in: run `fdesk login` and pass --profile, or set {TOKEN_VAR} to a bearer token, e.g.\n  \
                 export {TOKEN_VAR}=$(az account get-access-token --resource https://management.azure.com \
                 --query accessToken -o tsv)\n(against `fdesk sim`, any value works)"
            )))
        }
    };
    let session = ArmSession::new(&cloud, tokens, &network.options, network.api)?;
    let given = flags.subscription.clone().or_else(|| std::env::var(SUBSCRIPTION_VAR).ok());
    let subscription = match resolve_subscription(&session.client, given.as_deref()).await {
        Ok(subscription) => subscription,
        Err(SubscriptionChoiceError::Azure(e)) => return Err(e.into()),
        Err(SubscriptionChoiceError::NoneVisible) => {
            return Err(Failure::Usage(
                "this identity cannot see any subscription; pass one with --subscription".into(),
            ))
        }
        Err(SubscriptionChoiceError::Ambiguous(subscriptions)) => {
            let listed: Vec<String> = subscriptions
                .iter()
                .map(|s| format!("  {}  {}", s.subscription_id, s.display_name.as_deref().unwrap_or("")))
                .collect();
            return Err(Failure::Usage(format!(
                "this identity can see {} subscriptions; choose one with --subscription or {SUBSCRIPTION_VAR}:\n{}",
                subscriptions.len(),
                listed.join("\n")
            )));
        }
    };
    let prices = PriceBook::new(
        RetailPrices::with_network(&cloud, &network.options)?,
        PriceCache::new(crate::usage_cost::prices_file()?),
    );
    Ok(Context { session, subscription, output: flags.output, prices, currency: network.currency })
}

async fn account(context: &Context, command: AccountCommand) -> Result<(), Failure> {
    let client = &context.session.client;
    match command {
        AccountCommand::List { resource_group } => {
            let accounts = client.list_accounts(&context.subscription, resource_group.as_deref()).await?;
            print_accounts(context.output, &accounts, false)
        }
        AccountCommand::Show(args) => {
            let account = client.get_account(&context.account(&args)).await?;
            match context.output {
                OutputFormat::Json => json(&account),
                OutputFormat::Table => print_accounts(context.output, std::slice::from_ref(&account), true),
            }
        }
        AccountCommand::Update(args) => crate::roles::update_account(context, args).await,
        AccountCommand::ListModels(args) => {
            let models = client.list_account_models(&context.account(&args)).await?;
            print_models(context.output, &models)
        }
        AccountCommand::Keys(KeysCommand::List { account, show }) => {
            let keys = client.list_keys(&context.account(&account)).await?;
            print_keys(context.output, &keys, show)
        }
        AccountCommand::Keys(KeysCommand::Regenerate { account, key_name, show }) => {
            let key = match key_name {
                KeyArg::Key1 => KeyName::Key1,
                KeyArg::Key2 => KeyName::Key2,
            };
            let keys = client.regenerate_key(&context.account(&account), key).await?;
            eprintln!("Regenerated {key_name:?} of account '{}'.", account.name);
            print_keys(context.output, &keys, show)
        }
    }
}

async fn deployment(context: &Context, command: DeploymentCommand) -> Result<(), Failure> {
    let client = &context.session.client;
    let pausing = matches!(command, DeploymentCommand::Pause(_));
    match command {
        DeploymentCommand::List(args) => {
            let deployments = client.list_deployments(&context.account(&args)).await?;
            print_deployments(context.output, &deployments)
        }
        DeploymentCommand::Show(args) => {
            let deployment =
                client.get_deployment(&context.account(&args.account), &args.deployment_name).await?;
            match context.output {
                OutputFormat::Json => json(&deployment),
                OutputFormat::Table => print_deployments(context.output, std::slice::from_ref(&deployment)),
            }
        }
        DeploymentCommand::Delete(args) => {
            let name = args.deployment_name.as_str();
            let shown = name.to_string();
            let handle = LroHandle::with_progress(move |p: LroProgress| {
                eprintln!("Deleting deployment '{shown}' … {} (poll {})", p.status, p.polls);
            });
            client.delete_deployment(&context.account(&args.account), name, &handle).await?;
            eprintln!("Deleted deployment '{name}'.");
            Ok(())
        }
        DeploymentCommand::Create(args) => create(context, args).await,
        DeploymentCommand::Update(args) => {
            let account = context.account(&args.target.account);
            let name = args.target.deployment_name.clone();
            manage::run(client, &account, &name, None, Some(&args), context.output).await
        }
        DeploymentCommand::Pause(args) | DeploymentCommand::Resume(args) => {
            let change = if pausing { DeploymentChange::Pause } else { DeploymentChange::Resume };
            let account = context.account(&args.account);
            manage::run(client, &account, &args.deployment_name, Some(change), None, context.output).await
        }
    }
}

/// Checks the draft as the app's wizard does (name, model, type, capacity against the free quota) and
/// returns the version to deploy; with `dry_run`, prints the request and the `az` command too.
async fn checked_version(
    context: &Context,
    account: &AccountRef,
    draft: &DeploymentDraft,
    dry_run: bool,
) -> Result<String, Failure> {
    let facts = deployment_plan::gather_facts(&context.session.client, account).await?;
    let plan = deployment_plan::check_draft(draft, &facts).map_err(|problems| {
        let lines: Vec<String> =
            problems.iter().map(|p| format!("  {}: {}", p.field.label(), p.message)).collect();
        Failure::Usage(format!("the deployment would be refused; nothing was sent:\n{}", lines.join("\n")))
    })?;
    if plan.version_was_default {
        eprintln!(
            "No --model-version given: using {}, the default version of {} in {}.",
            plan.version, draft.model_name, facts.location
        );
    }
    let per_minute = match (plan.capacity.tokens_per_minute, plan.capacity.requests_per_minute) {
        (Some(tpm), Some(rpm)) => format!("{tpm} tokens and {rpm} requests per minute"),
        (Some(tpm), None) => format!("{tpm} tokens per minute"),
        _ => format!("{} PTU", draft.sku_capacity),
    };
    let free = plan
        .quota
        .map(|q| format!("; {} of {} free in {}", q.free, q.limit, facts.location))
        .unwrap_or_default();
    eprintln!(
        "Checked: {} {} as {} × {} = {per_minute}{free}.",
        draft.model_name, plan.version, draft.sku_name, draft.sku_capacity
    );
    if dry_run {
        let arm = context.session.client.base_url();
        let api = &context.session.client.api.cognitive_services;
        let request = deployment_plan::create_request(arm, account, draft, &plan.version, api);
        out(&format!("{} {}\n{}", request.method, request.url, request.body));
        out(&format!(
            "\n# The same with the Azure CLI:\n{}",
            deployment_plan::az_command(arm, account, draft, &plan.version, api)
        ));
    }
    Ok(plan.version)
}

async fn create(context: &Context, args: CreateArgs) -> Result<(), Failure> {
    let account = context.account(&args.target.account);
    let name = args.target.deployment_name.clone();
    let draft = DeploymentDraft {
        name: name.clone(),
        model_format: args.model_format,
        model_name: args.model_name,
        model_version: args.model_version,
        sku_name: args.sku_name,
        sku_capacity: args.sku_capacity,
        rai_policy: args.rai_policy,
        version_upgrade: None,
        tags: Default::default(),
    };
    deployments::validate_name(&name)?;
    let version = if args.skip_checks {
        deployments::choose_version(&context.session, &account, &draft).await?.version().to_string()
    } else {
        checked_version(context, &account, &draft, args.dry_run).await?
    };
    if args.dry_run {
        return Ok(());
    }
    let chosen = ChosenVersion::Given(version);
    let body = deployments::create_body(&draft, chosen.version());
    eprintln!(
        "Creating deployment '{name}' ({} {}, {} × {}) …",
        draft.model_name,
        chosen.version(),
        draft.sku_name,
        draft.sku_capacity
    );
    let deployment = if args.no_wait {
        let started =
            deployments::begin_create(&context.session, &account, &name, &body, &LroHandle::default())
                .await?;
        eprintln!(
            "Not waiting: deployment '{name}' is {}. Check it with `fdesk deployment show -g {} -n {} --deployment-name {name}`.",
            or_dash(started.properties.provisioning_state.as_ref()),
            account.resource_group,
            account.name
        );
        started
    } else {
        let shown = name.clone();
        let handle = LroHandle::with_progress(move |p: LroProgress| {
            eprintln!("Creating deployment '{shown}' … {} (poll {})", p.status, p.polls);
        });
        let done = deployments::create(&context.session, &account, &name, &body, &handle).await?;
        eprintln!("Deployment '{name}' is {}.", or_dash(done.properties.provisioning_state.as_ref()));
        done
    };
    match context.output {
        OutputFormat::Json => json(&deployment),
        OutputFormat::Table => print_deployments(context.output, std::slice::from_ref(&deployment)),
    }
}
