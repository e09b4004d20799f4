use reqwest::Method;

use crate::arm::client::{decode, roles};
use crate::arm::models::{
    Account, AccountPatch, AccountPatchProperties, Permission, RoleAssignment, RoleAssignmentCreate,
    RoleAssignmentCreateProperties, RoleDefinition,
};
use crate::arm::{AccountRef, ArmClient};
use crate::error::{AzureError, ErrorKind};
use crate::lro::LroHandle;

/// `{ "value": [...] }` without paging (the permissions list).
#[derive(serde::Deserialize)]
struct Values<T> {
    #[serde(default)]
    value: Vec<T>,
}

impl ArmClient {
    /// The role assignments that apply at `scope` — made there or above it (`$filter=atScope()`).
    pub async fn list_role_assignments(&self, scope: &str) -> Result<Vec<RoleAssignment>, AzureError> {
        let path =
            format!("{}/providers/Microsoft.Authorization/roleAssignments", scope.trim_end_matches('/'));
        let url = self.url(&path, &self.api.authorization, &[("$filter", "atScope()")])?;
        self.list(url, roles::READER).await
    }

    /// Gives `principal_id` the role `role_id` (a role definition GUID) at `scope`, under a new GUID.
    /// A 403 means the caller is neither Owner nor User Access Administrator there.
    pub async fn create_role_assignment(
        &self,
        scope: &str,
        role_id: &str,
        principal_id: &str,
        principal_type: Option<&str>,
    ) -> Result<RoleAssignment, AzureError> {
        let subscription =
            AccountRef::from_id(scope).map(|a| a.subscription).or_else(|| subscription_of(scope));
        let subscription = subscription.ok_or_else(|| {
            AzureError::local(ErrorKind::InvalidRequest, format!("'{scope}' is not under a subscription"))
        })?;
        let name = uuid::Uuid::new_v4();
        let path = format!(
            "{}/providers/Microsoft.Authorization/roleAssignments/{name}",
            scope.trim_end_matches('/')
        );
        let body = RoleAssignmentCreate {
            properties: RoleAssignmentCreateProperties {
                role_definition_id: format!(
                    "/subscriptions/{subscription}/providers/Microsoft.Authorization/roleDefinitions/{role_id}"
                ),
                principal_id: principal_id.to_string(),
                principal_type: principal_type.map(str::to_string),
            },
        };
        let url = self.url(&path, &self.api.authorization, &[])?;
        let answer = self.send_mutation(Method::PUT, url, Some(body), roles::ACCESS_ADMIN).await?;
        decode(&answer.body)
    }

    /// Deletes the assignment with Resource Manager id `assignment_id`. `false` when it was already gone.
    pub async fn delete_role_assignment(&self, assignment_id: &str) -> Result<bool, AzureError> {
        // `{scope}/providers/Microsoft.Authorization/roleAssignments/{guid}` and nothing else: no `..` that
        // the URL join would resolve to another resource.
        let (parent, name) = assignment_id.trim_end_matches('/').rsplit_once('/').unwrap_or_default();
        let well_formed =
            parent.to_ascii_lowercase().ends_with("/providers/microsoft.authorization/roleassignments")
                && name.len() == 36
                && name.chars().all(|c| c.is_ascii_hexdigit() || c == '-')
                && !assignment_id.split('/').any(|segment| segment == ".." || segment == ".");
        if !well_formed {
            return Err(AzureError::local(
                ErrorKind::InvalidRequest,
                format!("'{assignment_id}' is not a role assignment id"),
            ));
        }
        let url = self.url(assignment_id, &self.api.authorization, &[])?;
        let answer = self.send_mutation(Method::DELETE, url, None::<()>, roles::ACCESS_ADMIN).await?;
        Ok(answer.status != 204)
    }

    /// A role's name and permissions, by its GUID (as seen from `scope`).
    pub async fn get_role_definition(
        &self,
        scope: &str,
        role_id: &str,
    ) -> Result<RoleDefinition, AzureError> {
        let path = format!(
            "{}/providers/Microsoft.Authorization/roleDefinitions/{role_id}",
            scope.trim_end_matches('/')
        );
        self.get(self.url(&path, &self.api.authorization, &[])?, roles::READER).await
    }

    /// What the caller may do at `scope`: one entry per role assignment that applies to it there.
    pub async fn my_permissions(&self, scope: &str) -> Result<Vec<Permission>, AzureError> {
        let path = format!("{}/providers/Microsoft.Authorization/permissions", scope.trim_end_matches('/'));
        let values: Values<Permission> =
            self.get(self.url(&path, &self.api.authorization, &[])?, roles::READER).await?;
        Ok(values.value)
    }

    /// Switches key authentication on the account off (`disable` true: only Entra sign-in works) or on.
    pub async fn set_local_auth_disabled(
        &self,
        account: &AccountRef,
        disable: bool,
    ) -> Result<Account, AzureError> {
        let patch = AccountPatch {
            properties: Some(AccountPatchProperties { disable_local_auth: Some(disable) }),
            tags: None,
        };
        let url = self.url(&account.path(), &self.api.cognitive_services, &[])?;
        let handle = LroHandle::default();
        match self.mutate(account, Method::PATCH, url, Some(patch), roles::CONTRIBUTOR, &handle).await? {
            Some(body) => serde_json::from_value(body).map_err(|e| {
                AzureError::local(
                    ErrorKind::InvalidRequest,
                    format!("the account Azure sent back did not fit: {e}"),
                )
            }),
            None => self.get_account(account).await,
        }
    }
}

/// `/subscriptions/{id}` of a scope at or below a subscription.
fn subscription_of(scope: &str) -> Option<String> {
    let mut parts = scope.trim_matches('/').split('/');
    match (parts.next(), parts.next()) {
        (Some(first), Some(id)) if first.eq_ignore_ascii_case("subscriptions") => Some(id.to_string()),
        _ => None,
    }
}
