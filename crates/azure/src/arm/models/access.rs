//! Azure RBAC (Microsoft.Authorization): role assignments, role definitions and the caller's effective
//! permissions at a scope.

use serde::{Deserialize, Serialize};

use super::lenient::null_as_default;

/// A role given to a principal at a scope (`GET {scope}/providers/Microsoft.Authorization/roleAssignments`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RoleAssignment {
    /// `{scope}/providers/Microsoft.Authorization/roleAssignments/{guid}`: what a revoke deletes.
    pub id: String,
    /// The GUID.
    pub name: String,
    pub properties: RoleAssignmentProperties,
}

/// What an assignment gives, to whom, where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RoleAssignmentProperties {
    /// `/subscriptions/{s}/providers/Microsoft.Authorization/roleDefinitions/{role guid}`.
    pub role_definition_id: String,
    /// The object id of the user, group or service principal.
    pub principal_id: String,
    /// `User`, `Group`, `ServicePrincipal` (or `ForeignGroup`, `Device`…), verbatim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub principal_type: Option<String>,
    /// Where it was made: the account, or above it (inherited).
    #[serde(default)]
    pub scope: String,
}

impl RoleAssignment {
    /// The role's GUID: the last segment of `roleDefinitionId`.
    pub fn role_id(&self) -> &str {
        last_segment(&self.properties.role_definition_id)
    }
}

/// The body of a grant (`PUT …/roleAssignments/{new guid}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RoleAssignmentCreate {
    pub properties: RoleAssignmentCreateProperties,
}

/// What to grant. `principalType` spares Azure a directory lookup that a just-created principal may
/// not pass yet (its replication delay).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RoleAssignmentCreateProperties {
    pub role_definition_id: String,
    pub principal_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub principal_type: Option<String>,
}

/// A role: its name and what it allows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RoleDefinition {
    pub id: String,
    /// The GUID.
    pub name: String,
    pub properties: RoleDefinitionProperties,
}

/// A role's name, description and permissions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RoleDefinitionProperties {
    pub role_name: String,
    #[serde(default, deserialize_with = "null_as_default")]
    pub description: String,
    /// `BuiltInRole` or `CustomRole`.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub role_type: Option<String>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub permissions: Vec<Permission>,
}

/// Actions allowed and excluded, on the management plane and on data (`GET {scope}/providers/
/// Microsoft.Authorization/permissions` answers one per assignment that applies to the caller).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Permission {
    #[serde(default, deserialize_with = "null_as_default")]
    pub actions: Vec<String>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub not_actions: Vec<String>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub data_actions: Vec<String>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub not_data_actions: Vec<String>,
}

impl Permission {
    /// Whether this permission allows management-plane `action` (Azure's rule: matched by one of
    /// `actions` and by none of `notActions`; `*` matches anything, case does not matter).
    pub fn allows_action(&self, action: &str) -> bool {
        matches_any(&self.actions, action) && !matches_any(&self.not_actions, action)
    }

    /// Whether this permission allows data-plane `action` (inference).
    pub fn allows_data_action(&self, action: &str) -> bool {
        matches_any(&self.data_actions, action) && !matches_any(&self.not_data_actions, action)
    }
}

/// Whether any of `permissions` allows `action` (each assignment counts on its own).
pub fn any_allows_action(permissions: &[Permission], action: &str) -> bool {
    permissions.iter().any(|p| p.allows_action(action))
}

/// Whether any of `permissions` allows data `action`.
pub fn any_allows_data_action(permissions: &[Permission], action: &str) -> bool {
    permissions.iter().any(|p| p.allows_data_action(action))
}

fn matches_any(patterns: &[String], action: &str) -> bool {
    patterns.iter().any(|p| wildcard(&p.to_ascii_lowercase(), &action.to_ascii_lowercase()))
}

/// `*` matches any run of characters, `/` included (`Microsoft.CognitiveServices/*/read`).
fn wildcard(pattern: &str, text: &str) -> bool {
    let mut parts = pattern.split('*');
    let Some(first) = parts.next() else { return true };
    let Some(mut rest) = text.strip_prefix(first) else { return false };
    let pieces: Vec<&str> = parts.collect();
    let Some((last, middle)) = pieces.split_last() else { return rest.is_empty() };
    for piece in middle {
        match rest.find(piece) {
            Some(at) => rest = &rest[at + piece.len()..],
            None => return false,
        }
    }
    rest.len() >= last.len() && rest.ends_with(last)
}

fn last_segment(id: &str) -> &str {
    id.trim_end_matches('/').rsplit('/').next().unwrap_or(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn permission(actions: &[&str], not_actions: &[&str], data: &[&str]) -> Permission {
        let own = |list: &[&str]| list.iter().map(|s| s.to_string()).collect();
        Permission {
            actions: own(actions),
            not_actions: own(not_actions),
            data_actions: own(data),
            not_data_actions: Vec::new(),
        }
    }

    #[test]
    fn wildcards_match_as_azure_does() {
        let user = permission(
            &["Microsoft.CognitiveServices/*/read"],
            &[],
            &["Microsoft.CognitiveServices/accounts/OpenAI/*"],
        );
        assert!(user.allows_action("Microsoft.CognitiveServices/accounts/deployments/read"));
        assert!(user.allows_action("microsoft.cognitiveservices/accounts/READ"));
        assert!(!user.allows_action("Microsoft.CognitiveServices/accounts/deployments/write"));
        assert!(!user.allows_action("Microsoft.Insights/metrics/read"));
        assert!(user.allows_data_action(
            "Microsoft.CognitiveServices/accounts/OpenAI/deployments/chat/completions/action"
        ));
        let owner = permission(&["*"], &[], &[]);
        assert!(owner.allows_action("Microsoft.Authorization/roleAssignments/write"));
        assert!(!owner.allows_data_action(
            "Microsoft.CognitiveServices/accounts/OpenAI/deployments/chat/completions/action"
        ));
        let contributor =
            permission(&["*"], &["Microsoft.Authorization/*/Write", "Microsoft.Authorization/*/Delete"], &[]);
        assert!(contributor.allows_action("Microsoft.CognitiveServices/accounts/deployments/write"));
        assert!(!contributor.allows_action("Microsoft.Authorization/roleAssignments/write"));
        assert!(wildcard("a*b*c", "a-b-b-c") && !wildcard("a*b*c", "a-c") && wildcard("*", ""));
    }

    #[test]
    fn an_assignment_names_its_role_by_guid() {
        let body = r#"{"id":"/subscriptions/s/resourceGroups/g/providers/Microsoft.CognitiveServices/accounts/a/providers/Microsoft.Authorization/roleAssignments/1f0e","name":"1f0e","type":"Microsoft.Authorization/roleAssignments","properties":{"roleDefinitionId":"/subscriptions/s/providers/Microsoft.Authorization/roleDefinitions/5e0bd9bd-7b93-4f28-af87-19fc36ad61bd","principalId":"p","principalType":"User","scope":"/subscriptions/s","condition":null,"createdOn":"2026-01-01T00:00:00Z"}}"#;
        let assignment: RoleAssignment = serde_json::from_str(body).unwrap();
        assert_eq!(assignment.role_id(), "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd");
        assert_eq!(assignment.properties.principal_type.as_deref(), Some("User"));
    }
}
