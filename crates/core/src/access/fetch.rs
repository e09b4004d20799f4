//! The access calls over a Resource Manager client and a Graph client, shared by the app's Access tab
//! and `fdesk role`: each returns what the person sees, or Azure's error verbatim.

use std::collections::HashMap;

use foundry_azure::arm::models::Permission;
use foundry_azure::arm::{AccountRef, ArmClient};
use foundry_azure::graph::{DirectoryObject, GraphClient, ObjectKind};
use foundry_azure::AzureError;
use futures_util::future::join_all;

use super::{
    assignment_views, capability_checks, grantable_roles, known_role, principal_from, AccessReport,
    AssignmentView, MyAccess, PrincipalKind, PrincipalSearch, PrincipalView,
};

/// How many people a search shows; groups and apps show half as many.
const PEOPLE_SHOWN: usize = 8;

/// Who has which role on `account` (direct and inherited), named through Graph when it answers, and
/// whether keys are accepted there.
pub async fn access_report(
    arm: &ArmClient,
    graph: &GraphClient,
    account: &AccountRef,
) -> Result<AccessReport, AzureError> {
    let path = account.path();
    let (assignments, found) = tokio::join!(arm.list_role_assignments(&path), arm.get_account(account));
    let (assignments, found) = (assignments?, found?);

    let mut unknown: Vec<String> = assignments
        .iter()
        .map(|a| a.role_id().to_ascii_lowercase())
        .filter(|id| known_role(id, false).is_none())
        .collect();
    unknown.sort();
    unknown.dedup();
    let definitions = join_all(unknown.iter().map(|id| arm.get_role_definition(&path, id))).await;
    // A definition that cannot be read leaves its role named by id: the list still shows.
    let definitions: HashMap<String, (String, Vec<Permission>)> = unknown
        .into_iter()
        .zip(definitions)
        .filter_map(|(id, d)| d.ok().map(|d| (id, (d.properties.role_name, d.properties.permissions))))
        .collect();

    let mut ids: Vec<String> = assignments.iter().map(|a| a.properties.principal_id.clone()).collect();
    ids.sort();
    ids.dedup();
    let (names, names_note) = match names_of(graph, &ids).await {
        Ok(names) => (names, None),
        Err(e) => (HashMap::new(), Some(names_unavailable(&e))),
    };
    Ok(AccessReport {
        assignments: assignment_views(assignments, &path, &names, &definitions),
        names_note,
        keys_accepted: !found.properties.disable_local_auth.unwrap_or(false),
        grantable_roles: grantable_roles(),
    })
}

/// Names for object ids, by lower-case id.
async fn names_of(
    graph: &GraphClient,
    ids: &[String],
) -> Result<HashMap<String, DirectoryObject>, AzureError> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let objects = graph.objects_by_ids(ids).await?;
    Ok(objects.into_iter().map(|o| (o.id.to_ascii_lowercase(), o)).collect())
}

/// People (then groups and apps) whose name, principal name or e-mail starts with `query`; an object id
/// finds its principal, or stands for itself when Graph does not know it or refuses.
pub async fn find_principals(graph: &GraphClient, query: &str) -> PrincipalSearch {
    let query = query.trim();
    if query.is_empty() {
        return PrincipalSearch { principals: Vec::new(), unavailable: None };
    }
    if is_guid(query) {
        let pasted = PrincipalView {
            id: query.to_ascii_lowercase(),
            kind: PrincipalKind::Unknown,
            display_name: None,
            detail: None,
        };
        return match graph.objects_by_ids(&[query.to_string()]).await {
            Ok(found) if !found.is_empty() => PrincipalSearch {
                principals: found.into_iter().map(principal_from).collect(),
                unavailable: None,
            },
            Ok(_) => PrincipalSearch { principals: vec![pasted], unavailable: None },
            Err(e) => PrincipalSearch { principals: vec![pasted], unavailable: Some(names_unavailable(&e)) },
        };
    }
    let (users, groups, apps) = tokio::join!(
        graph.find_users(query, PEOPLE_SHOWN),
        graph.find_groups(query, PEOPLE_SHOWN / 2),
        graph.find_service_principals(query, PEOPLE_SHOWN / 2)
    );
    let users = match users {
        Ok(users) => users,
        Err(e) => {
            return PrincipalSearch { principals: Vec::new(), unavailable: Some(names_unavailable(&e)) }
        }
    };
    // Groups and apps are extras: a directory that lets us find people but not groups still helps.
    let principals = users
        .into_iter()
        .chain(groups.unwrap_or_default())
        .chain(apps.unwrap_or_default())
        .map(principal_from)
        .collect();
    PrincipalSearch { principals, unavailable: None }
}

/// Why a grant cannot be sent as asked (said before Azure is asked).
pub fn check_grant(principal_id: &str, role_id: &str) -> Result<(), String> {
    if !is_guid(principal_id.trim()) {
        return Err(format!(
            "'{}' is not an object id: pick someone from the search, or paste a GUID",
            principal_id.trim()
        ));
    }
    if !is_guid(role_id) {
        return Err(format!("'{role_id}' is not a role id"));
    }
    Ok(())
}

/// Gives `principal` the role `role_id` on `account`; call [`check_grant`] first. Azure's 403 names
/// Owner or User Access Administrator; the assignment takes up to five minutes to work.
pub async fn grant(
    arm: &ArmClient,
    account: &AccountRef,
    principal: &PrincipalView,
    role_id: &str,
) -> Result<AssignmentView, AzureError> {
    let principal_id = principal.id.trim();
    let principal_type = match principal.kind {
        PrincipalKind::User => Some("User"),
        PrincipalKind::Group => Some("Group"),
        PrincipalKind::ServicePrincipal => Some("ServicePrincipal"),
        PrincipalKind::Unknown => None,
    };
    let path = account.path();
    let created = arm.create_role_assignment(&path, role_id, principal_id, principal_type).await?;
    let mut names = HashMap::new();
    if principal.display_name.is_some() {
        let kind = match principal.kind {
            PrincipalKind::User => ObjectKind::User,
            PrincipalKind::Group => ObjectKind::Group,
            PrincipalKind::ServicePrincipal => ObjectKind::ServicePrincipal,
            PrincipalKind::Unknown => ObjectKind::Other,
        };
        let object = DirectoryObject {
            id: principal_id.to_string(),
            kind,
            display_name: principal.display_name.clone(),
            detail: principal.detail.clone(),
        };
        names.insert(principal_id.to_ascii_lowercase(), object);
    }
    let mut views = assignment_views(vec![created], &path, &names, &HashMap::new());
    views.pop().ok_or_else(|| {
        AzureError::local(
            foundry_azure::ErrorKind::InvalidRequest,
            "Azure answered the grant without an assignment",
        )
    })
}

/// Why `assignment_id` cannot be revoked on `account`: one made above it (inherited) must be removed
/// where it was made, where it gives access to more than this account.
pub fn check_revoke(account: &AccountRef, assignment_id: &str) -> Result<(), String> {
    let own =
        format!("{}/providers/Microsoft.Authorization/roleAssignments/", account.path()).to_ascii_lowercase();
    match assignment_id.to_ascii_lowercase().strip_prefix(&own) {
        Some(name) if is_guid(name) => Ok(()),
        Some(_) => Err(format!("'{assignment_id}' is not a role assignment id")),
        None => Err("this role is inherited from the resource group or subscription: remove it there".into()),
    }
}

/// What the caller can do on `account`, and which role would add each missing thing. `fallback_who`
/// names the caller when Graph will not.
pub async fn my_access(
    arm: &ArmClient,
    graph: &GraphClient,
    account: &AccountRef,
    fallback_who: Option<String>,
) -> Result<MyAccess, AzureError> {
    let subscription = format!("/subscriptions/{}", account.subscription);
    let path = account.path();
    let (on_account, on_subscription, found, me) = tokio::join!(
        arm.my_permissions(&path),
        arm.my_permissions(&subscription),
        arm.get_account(account),
        graph.me()
    );
    let on_account = on_account?;
    // The subscription's permissions decide quota only: a refusal there means no quota; any other
    // failure is not an answer.
    let on_subscription = match on_subscription {
        Ok(permissions) => permissions,
        Err(e) if e.status == Some(403) => Vec::new(),
        Err(e) => return Err(e),
    };
    let who = match me {
        Ok(me) => match (me.display_name, me.detail) {
            (Some(name), Some(upn)) => Some(format!("{name} ({upn})")),
            (name, upn) => name.or(upn),
        },
        Err(_) => fallback_who,
    };
    Ok(MyAccess {
        who,
        checks: capability_checks(&on_account, &on_subscription),
        // Someone with no role at all cannot read the account: whether it takes keys is then unknown.
        keys_accepted: match found {
            Ok(account) => Some(!account.properties.disable_local_auth.unwrap_or(false)),
            Err(e) if e.status == Some(403) => None,
            Err(e) => return Err(e),
        },
    })
}

/// Why names are missing, for the Access tab's note.
pub fn names_unavailable(error: &AzureError) -> String {
    match error.status {
        Some(401 | 403) => format!(
            "Microsoft Graph refused to look up names ({}): showing object ids.",
            error.code.as_deref().unwrap_or("forbidden")
        ),
        _ => format!("Names could not be looked up ({}): showing object ids.", error.message),
    }
}

/// A GUID (`8-4-4-4-12` hex digits), as object and role ids are.
pub fn is_guid(text: &str) -> bool {
    text.len() == 36
        && text.char_indices().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => c == '-',
            _ => c.is_ascii_hexdigit(),
        })
}
