//! Role assignments: a role, given to a principal, at a scope (a subscription, a resource group or an account)
//! and everything below it. Seeded or made through ARM; a new one is listed at once but only takes effect
//! after the run's `role_propagation_ms`, as Azure's take minutes to reach every service.

use std::time::Instant;

use serde::{Deserialize, Serialize};

use crate::entra::USER_OID;

/// When seeded assignments were made, as their bodies say.
pub const SEEDED_AT: &str = "2026-01-05T10:00:00.0000000Z";

/// A role assignment a seed starts with.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RoleAssignmentSeed {
    /// Its name (a GUID).
    pub name: String,
    /// Where it applies: `/subscriptions/{sub}`, `…/resourceGroups/{rg}` or an account's id.
    pub scope: String,
    /// The role's GUID (see [`super::roles`]).
    pub role_definition_id: String,
    /// The principal's object id.
    pub principal_id: String,
    /// `User`, `Group` or `ServicePrincipal`; taken from the directory when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub principal_type: Option<String>,
}

/// A role assignment in the world.
#[derive(Clone, Debug)]
pub struct RoleAssignment {
    /// Its name (a GUID).
    pub name: String,
    /// Where it applies, as ARM spells the scope.
    pub scope: String,
    /// The role's GUID.
    pub role_id: String,
    /// The principal's object id.
    pub principal_id: String,
    /// `User`, `Group` or `ServicePrincipal`.
    pub principal_type: String,
    /// `createdOn` (and `updatedOn`).
    pub created_on: String,
    /// `createdBy` (and `updatedBy`): who made it.
    pub created_by: String,
    /// From when it is enforced.
    pub effective_from: Instant,
}

impl RoleAssignment {
    /// Whether it applies to `path` (its scope or anything below it), comparing without case, as ARM does.
    pub fn covers(&self, path: &str) -> bool {
        is_within(path, &self.scope)
    }

    /// Whether it is at or below `path`.
    pub fn at_or_below(&self, path: &str) -> bool {
        is_within(&self.scope, path)
    }

    /// Whether it is being enforced yet.
    pub fn in_effect(&self, now: Instant) -> bool {
        now >= self.effective_from
    }

    /// Whether it is the same grant as another: same principal, role and scope.
    pub fn same_grant(&self, principal_id: &str, role_id: &str, scope: &str) -> bool {
        self.principal_id.eq_ignore_ascii_case(principal_id)
            && self.role_id.eq_ignore_ascii_case(role_id)
            && normalize(&self.scope) == normalize(scope)
    }

    /// `roleDefinitionId` as ARM writes it: under the scope's subscription (at the root for the root scope).
    pub fn role_definition_path(&self) -> String {
        role_definition_path(&self.scope, &self.role_id)
    }
}

/// A role definition's id as seen from `scope`: `/subscriptions/{sub}/providers/Microsoft.Authorization/
/// roleDefinitions/{guid}`, or `/providers/…` for a scope outside any subscription.
pub fn role_definition_path(scope: &str, role_id: &str) -> String {
    let subscription = match scope.trim_matches('/').split('/').collect::<Vec<_>>().as_slice() {
        [first, sub, ..] if first.eq_ignore_ascii_case("subscriptions") => format!("/subscriptions/{sub}"),
        _ => String::new(),
    };
    format!("{subscription}/providers/Microsoft.Authorization/roleDefinitions/{role_id}")
}

/// Whether `path` is `scope` or below it (by whole segments, without case).
pub fn is_within(path: &str, scope: &str) -> bool {
    let (path, scope) = (normalize(path), normalize(scope));
    scope.is_empty() || path == scope || path.starts_with(&format!("{scope}/"))
}

/// Lower case, no trailing slash: `/` becomes the empty root.
fn normalize(path: &str) -> String {
    path.trim_end_matches('/').to_ascii_lowercase()
}

/// Ada's seat in every subscription a seed gives no role assignment in: Owner (manage everything) and
/// Cognitive Services OpenAI User (chat with Entra), so seeds written before access control keep working.
pub fn defaults_for(subscription_id: &str) -> Vec<RoleAssignmentSeed> {
    [super::roles::OWNER, super::roles::OPENAI_USER]
        .into_iter()
        .map(|role| RoleAssignmentSeed {
            name: crate::ids::guid_from(&format!("{subscription_id}/{role}/{USER_OID}")),
            scope: format!("/subscriptions/{subscription_id}"),
            role_definition_id: role.to_string(),
            principal_id: USER_OID.to_string(),
            principal_type: Some("User".into()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_contain_what_is_below_them_by_whole_segments() {
        let account = "/subscriptions/S/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/a";
        assert!(is_within(account, "/subscriptions/s"));
        assert!(is_within(&format!("{account}/deployments/d"), account));
        assert!(is_within(account, "/subscriptions/s/resourcegroups/RG/"));
        assert!(!is_within("/subscriptions/s/resourceGroups/rg2", "/subscriptions/s/resourceGroups/rg"));
        assert!(is_within(account, "/"), "the root scope holds everything");
        assert_eq!(
            role_definition_path(account, "r"),
            "/subscriptions/S/providers/Microsoft.Authorization/roleDefinitions/r"
        );
        assert_eq!(role_definition_path("/", "r"), "/providers/Microsoft.Authorization/roleDefinitions/r");
        let defaults = defaults_for("s");
        assert_eq!(defaults.len(), 2);
        assert_eq!(defaults[0].name, defaults_for("s")[0].name, "fixed names");
    }
}
