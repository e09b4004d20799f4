//! Turning Azure's answers into what the Access tab shows: assignments named and explained, ordered
//! direct-first, and "what can I do here?" from the caller's permissions.

use std::collections::HashMap;

use foundry_azure::arm::models::{Permission, RoleAssignment};
use foundry_azure::graph::{DirectoryObject, ObjectKind};

use super::{
    custom_role, known_role, Abilities, AssignmentView, Capability, CapabilityCheck, PrincipalKind,
    PrincipalView, RoleView, ScopeLevel, ScopeView,
};

/// Where an assignment's `scope` sits relative to the account at `account_path`.
pub fn scope_view(scope: &str, account_path: &str) -> ScopeView {
    let trimmed = scope.trim_end_matches('/');
    let parts: Vec<&str> = trimmed.trim_start_matches('/').split('/').collect();
    let inherited = !trimmed.eq_ignore_ascii_case(account_path.trim_end_matches('/'));
    let last = parts.last().copied().unwrap_or_default().to_string();
    let level = match parts.as_slice() {
        [s, _] if s.eq_ignore_ascii_case("subscriptions") => ScopeLevel::Subscription,
        [s, _, g, _]
            if s.eq_ignore_ascii_case("subscriptions") && g.eq_ignore_ascii_case("resourceGroups") =>
        {
            ScopeLevel::ResourceGroup
        }
        [p, m, g, _]
            if p.eq_ignore_ascii_case("providers")
                && m.eq_ignore_ascii_case("Microsoft.Management")
                && g.eq_ignore_ascii_case("managementGroups") =>
        {
            ScopeLevel::ManagementGroup
        }
        _ if !inherited => ScopeLevel::Resource,
        _ => ScopeLevel::Other,
    };
    let name = if trimmed.is_empty() { "/".to_string() } else { last };
    ScopeView { level, name, inherited }
}

/// The kind Azure gave a principal (`principalType`).
pub fn principal_kind(principal_type: Option<&str>) -> PrincipalKind {
    match principal_type {
        Some(t) if t.eq_ignore_ascii_case("User") => PrincipalKind::User,
        Some(t) if t.eq_ignore_ascii_case("Group") => PrincipalKind::Group,
        Some(t) if t.eq_ignore_ascii_case("ServicePrincipal") => PrincipalKind::ServicePrincipal,
        _ => PrincipalKind::Unknown,
    }
}

/// A directory object as the app shows a principal.
pub fn principal_from(object: DirectoryObject) -> PrincipalView {
    let kind = match object.kind {
        ObjectKind::User => PrincipalKind::User,
        ObjectKind::Group => PrincipalKind::Group,
        ObjectKind::ServicePrincipal => PrincipalKind::ServicePrincipal,
        ObjectKind::Other => PrincipalKind::Unknown,
    };
    PrincipalView { id: object.id, kind, display_name: object.display_name, detail: object.detail }
}

/// The role an assignment gives, explained: a known built-in from the app's own words, any other from
/// its definition (`definitions`, by lower-case GUID: name and permissions) when it could be read.
pub fn role_of(
    assignment: &RoleAssignment,
    scope: &ScopeView,
    definitions: &HashMap<String, (String, Vec<Permission>)>,
) -> RoleView {
    let at_subscription = matches!(scope.level, ScopeLevel::Subscription | ScopeLevel::ManagementGroup);
    let role_id = assignment.role_id();
    known_role(role_id, at_subscription).unwrap_or_else(|| {
        match definitions.get(&role_id.to_ascii_lowercase()) {
            Some((name, permissions)) => {
                custom_role(role_id, Some(name), Abilities::from_permissions(permissions, at_subscription))
            }
            None => RoleView {
                id: role_id.to_string(),
                name: format!("Role {role_id}"),
                summary: "A role whose definition could not be read: see it in the Azure portal.".into(),
                abilities: Abilities::default(),
            },
        }
    })
}

/// Every assignment named and explained: direct ones first, then inherited; by name within each.
pub fn assignment_views(
    assignments: Vec<RoleAssignment>,
    account_path: &str,
    names: &HashMap<String, DirectoryObject>,
    definitions: &HashMap<String, (String, Vec<Permission>)>,
) -> Vec<AssignmentView> {
    let mut views: Vec<AssignmentView> = assignments
        .into_iter()
        .map(|a| {
            let scope = scope_view(&a.properties.scope, account_path);
            let role = role_of(&a, &scope, definitions);
            let principal = match names.get(&a.properties.principal_id.to_ascii_lowercase()) {
                Some(object) => {
                    let mut view = principal_from(object.clone());
                    if view.kind == PrincipalKind::Unknown {
                        view.kind = principal_kind(a.properties.principal_type.as_deref());
                    }
                    view
                }
                None => PrincipalView {
                    id: a.properties.principal_id.clone(),
                    kind: principal_kind(a.properties.principal_type.as_deref()),
                    display_name: None,
                    detail: None,
                },
            };
            AssignmentView { id: a.id, principal, role, scope }
        })
        .collect();
    views.sort_by_key(|v| {
        let name = v.principal.display_name.clone().unwrap_or_else(|| v.principal.id.clone());
        (v.scope.inherited, name.to_lowercase(), v.role.name.clone())
    });
    views
}

/// "What can I do here?": each capability from the caller's permissions on the account (quota from
/// those on the subscription), with the role that would add what is missing.
pub fn capability_checks(on_account: &[Permission], on_subscription: &[Permission]) -> Vec<CapabilityCheck> {
    Capability::ALL
        .iter()
        .map(|&capability| {
            let allowed = match capability {
                Capability::ViewQuota => capability.allowed_by(on_subscription),
                _ => capability.allowed_by(on_account),
            };
            CapabilityCheck {
                capability,
                allowed,
                role_to_add: (!allowed).then(|| capability.role_to_add().into()),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const ACCOUNT: &str =
        "/subscriptions/s/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/a";

    #[test]
    fn scopes_above_the_account_are_inherited() {
        let own = scope_view(ACCOUNT, ACCOUNT);
        assert_eq!((own.level, own.inherited, own.name.as_str()), (ScopeLevel::Resource, false, "a"));
        let group = scope_view("/subscriptions/s/resourceGroups/rg", ACCOUNT);
        assert_eq!(
            (group.level, group.inherited, group.name.as_str()),
            (ScopeLevel::ResourceGroup, true, "rg")
        );
        let sub = scope_view("/subscriptions/s/", ACCOUNT);
        assert_eq!((sub.level, sub.inherited), (ScopeLevel::Subscription, true));
        let mg = scope_view("/providers/Microsoft.Management/managementGroups/root-mg", ACCOUNT);
        assert_eq!(mg.level, ScopeLevel::ManagementGroup);
        assert_eq!(scope_view("/", ACCOUNT).name, "/");
        assert!(!scope_view(&ACCOUNT.to_uppercase(), ACCOUNT).inherited, "ids compare without case");
    }

    fn permission(actions: &[&str], data: &[&str]) -> Permission {
        Permission {
            actions: actions.iter().map(|s| s.to_string()).collect(),
            data_actions: data.iter().map(|s| s.to_string()).collect(),
            ..Permission::default()
        }
    }

    #[test]
    fn an_owner_without_a_data_role_is_told_which_role_adds_chat() {
        let owner = [permission(&["*"], &[])];
        let checks = capability_checks(&owner, &owner);
        let inference = &checks[0];
        assert_eq!(inference.capability, Capability::Inference);
        assert!(!inference.allowed);
        assert_eq!(inference.role_to_add.as_deref(), Some("Cognitive Services OpenAI User on this resource"));
        assert!(checks[1..].iter().all(|c| c.allowed && c.role_to_add.is_none()));
    }

    #[test]
    fn quota_is_judged_on_the_subscription() {
        let user = [permission(
            &["Microsoft.CognitiveServices/*/read"],
            &["Microsoft.CognitiveServices/accounts/OpenAI/*"],
        )];
        let checks = capability_checks(&user, &[]);
        let allowed: Vec<_> = checks.iter().filter(|c| c.allowed).map(|c| c.capability).collect();
        assert_eq!(allowed, [Capability::Inference]);
        let quota = checks.iter().find(|c| c.capability == Capability::ViewQuota).unwrap();
        assert_eq!(
            quota.role_to_add.as_deref(),
            Some("Cognitive Services Usages Reader on the subscription")
        );
    }
}
