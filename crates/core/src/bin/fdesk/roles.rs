//! `fdesk role list|grant|revoke` and `fdesk account update --disable-local-auth`: the Access tab from a
//! terminal, over the same core calls.

use clap::{Args, Subcommand};
use foundry_desk_core::access::{self, AccessReport, PrincipalKind, PrincipalView, ScopeLevel};

use crate::arm_commands::{AccountArgs, Context};
use crate::output::{json, out, table, Failure, OutputFormat};

/// `fdesk role …`.
#[derive(Debug, Subcommand)]
pub enum RoleCommand {
    /// Who has which role on the account (inherited ones marked), and whether keys are accepted.
    List(AccountArgs),
    /// Gives someone a role on the account.
    Grant(AssignmentArgs),
    /// Takes a role given on the account away.
    Revoke(AssignmentArgs),
}

/// Who and which role.
#[derive(Debug, Clone, Args)]
pub struct AssignmentArgs {
    #[command(flatten)]
    pub account: AccountArgs,
    /// The person, group or app: an object id, or a user principal name (ada@contoso.com).
    #[arg(long, value_name = "ID|UPN")]
    pub assignee: String,
    /// The role's name ("Cognitive Services OpenAI User") or id.
    #[arg(long, value_name = "NAME")]
    pub role: String,
}

/// `fdesk account update` flags.
#[derive(Debug, Clone, Args)]
pub struct AccountUpdateArgs {
    #[command(flatten)]
    pub account: AccountArgs,
    /// `true` refuses keys (only Entra sign-in works); `false` accepts them again.
    #[arg(long = "disable-local-auth", value_name = "true|false", action = clap::ArgAction::Set)]
    pub disable_local_auth: bool,
}

/// Runs `fdesk role …`.
pub async fn run(context: &Context, command: RoleCommand) -> Result<(), Failure> {
    let (arm, graph) = (&context.session.client, &context.session.graph);
    match command {
        RoleCommand::List(args) => {
            let report = access::access_report(arm, graph, &context.account(&args)).await?;
            match context.output {
                OutputFormat::Json => json(&report),
                OutputFormat::Table => print_report(&report),
            }
        }
        RoleCommand::Grant(args) => {
            let account = context.account(&args.account);
            let role = role(&args.role)?;
            let principal = assignee(context, &args.assignee).await?;
            access::check_grant(&principal.id, &role.id).map_err(Failure::Usage)?;
            let created = access::grant(arm, &account, &principal, &role.id).await?;
            eprintln!(
                "Granted {} to {} on '{}'. It can take up to 5 minutes to take effect.",
                role.name,
                name_of(&created.principal),
                account.name
            );
            match context.output {
                OutputFormat::Json => json(&created),
                OutputFormat::Table => Ok(()),
            }
        }
        RoleCommand::Revoke(args) => {
            let account = context.account(&args.account);
            let role = role(&args.role)?;
            let principal = assignee(context, &args.assignee).await?;
            let assignments = arm.list_role_assignments(&account.path()).await?;
            let mine = |a: &&foundry_azure::arm::models::RoleAssignment| {
                a.properties.principal_id.eq_ignore_ascii_case(&principal.id)
                    && a.role_id().eq_ignore_ascii_case(&role.id)
            };
            let matching: Vec<_> = assignments.iter().filter(mine).collect();
            let direct = matching.iter().find(|a| access::check_revoke(&account, &a.id).is_ok());
            let Some(direct) = direct else {
                let why = match matching.first() {
                    Some(inherited) => format!(
                        "{} has {} from {} (inherited): remove it there",
                        name_of(&principal),
                        role.name,
                        inherited.properties.scope
                    ),
                    None => format!("{} has no {} on '{}'", name_of(&principal), role.name, account.name),
                };
                return Err(Failure::Usage(why));
            };
            if arm.delete_role_assignment(&direct.id).await? {
                eprintln!("Revoked {} from {} on '{}'.", role.name, name_of(&principal), account.name);
            } else {
                eprintln!("{} no longer had {} on '{}'.", name_of(&principal), role.name, account.name);
            }
            Ok(())
        }
    }
}

/// Runs `fdesk account update`.
pub async fn update_account(context: &Context, args: AccountUpdateArgs) -> Result<(), Failure> {
    let account = context.account(&args.account);
    let updated = context.session.client.set_local_auth_disabled(&account, args.disable_local_auth).await?;
    let refused = updated.properties.disable_local_auth.unwrap_or(false);
    eprintln!(
        "'{}' {}",
        account.name,
        if refused { "no longer accepts keys: only Entra sign-in works." } else { "accepts keys again." }
    );
    match context.output {
        OutputFormat::Json => json(&updated),
        OutputFormat::Table => Ok(()),
    }
}

/// A built-in role by name or id; any other role id (a custom role) as it is.
fn role(name: &str) -> Result<access::RoleView, Failure> {
    if access::is_guid(name.trim()) && access::find_role(name).is_none() {
        return Ok(access::custom_role(
            &name.trim().to_ascii_lowercase(),
            None,
            access::Abilities::default(),
        ));
    }
    access::find_role(name).ok_or_else(|| {
        Failure::Usage(format!(
            "--role '{name}' is not a role fdesk knows; use one of: {}",
            access::known_role_names().join(", ")
        ))
    })
}

/// The principal an `--assignee` names: an object id as it is (named when Graph knows it), or a user
/// principal name looked up in Graph.
async fn assignee(context: &Context, assignee: &str) -> Result<PrincipalView, Failure> {
    let graph = &context.session.graph;
    if access::is_guid(assignee.trim()) {
        let found = access::find_principals(graph, assignee).await;
        return found
            .principals
            .into_iter()
            .next()
            .ok_or_else(|| Failure::Usage(format!("--assignee '{assignee}' was not found")));
    }
    match graph.user(assignee).await {
        Ok(user) => Ok(access::principal_from(user)),
        Err(e) if e.status == Some(404) => {
            Err(Failure::Usage(format!("--assignee '{assignee}': no such user in the directory (pass an object id instead)")))
        }
        Err(e) => Err(Failure::Usage(format!(
            "--assignee '{assignee}' could not be looked up in Microsoft Graph ({}): pass the object id instead",
            e.code.as_deref().unwrap_or(&e.message)
        ))),
    }
}

fn name_of(principal: &PrincipalView) -> String {
    match (&principal.display_name, &principal.detail) {
        (Some(name), Some(detail)) => format!("{name} ({detail})"),
        (Some(name), None) => name.clone(),
        _ => principal.id.clone(),
    }
}

fn print_report(report: &AccessReport) -> Result<(), Failure> {
    let rows: Vec<Vec<String>> = report
        .assignments
        .iter()
        .map(|a| {
            let kind = match a.principal.kind {
                PrincipalKind::User => "person",
                PrincipalKind::Group => "group",
                PrincipalKind::ServicePrincipal => "app",
                PrincipalKind::Unknown => "?",
            };
            let place = match (a.scope.inherited, a.scope.level) {
                (false, _) => "this resource".to_string(),
                (true, ScopeLevel::ResourceGroup) => format!("inherited: group {}", a.scope.name),
                (true, ScopeLevel::Subscription) => format!("inherited: subscription {}", a.scope.name),
                (true, _) => format!("inherited: {}", a.scope.name),
            };
            vec![name_of(&a.principal), kind.into(), a.role.name.clone(), place, a.role.summary.clone()]
        })
        .collect();
    out(&table(&["PRINCIPAL", "KIND", "ROLE", "WHERE", "WHAT IT ALLOWS"], &rows));
    if let Some(note) = &report.names_note {
        out(note);
    }
    out(if report.keys_accepted { "Keys: accepted." } else { "Keys: refused (only Entra sign-in works)." });
    Ok(())
}
