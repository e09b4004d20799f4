//! The Entra directory of each tenant: users, groups (with members) and service principals, with fixed object
//! ids. Role assignments name their principals by these ids, Microsoft Graph answers from them, and sign-in
//! mints tokens for its users.

use serde::{Deserialize, Serialize};

/// One tenant's directory.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DirectorySeed {
    /// The tenant it belongs to.
    pub tenant_id: String,
    /// People.
    #[serde(default)]
    pub users: Vec<UserSeed>,
    /// Security groups.
    #[serde(default)]
    pub groups: Vec<GroupSeed>,
    /// Applications' service principals.
    #[serde(default)]
    pub service_principals: Vec<ServicePrincipalSeed>,
}

/// A user.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UserSeed {
    /// Object id (a GUID): `oid` in their tokens, `principalId` in role assignments.
    pub id: String,
    /// Display name, e.g. "Grace Hopper".
    pub display_name: String,
    /// Sign-in name, e.g. `grace@contoso.com`.
    pub user_principal_name: String,
    /// Mail address (the UPN when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mail: Option<String>,
    /// Job title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub job_title: Option<String>,
}

/// A security group.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupSeed {
    /// Object id.
    pub id: String,
    /// Display name.
    pub display_name: String,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Mail address, for mail-enabled groups.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mail: Option<String>,
    /// Object ids of its direct members (users, service principals or groups).
    #[serde(default)]
    pub members: Vec<String>,
}

/// A service principal (an application's identity in the tenant).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ServicePrincipalSeed {
    /// Object id.
    pub id: String,
    /// The application (client) id.
    pub app_id: String,
    /// Display name.
    pub display_name: String,
}

/// One object of a directory, of whichever kind.
#[derive(Clone, Copy, Debug)]
pub enum DirectoryObject<'a> {
    /// A user.
    User(&'a UserSeed),
    /// A group.
    Group(&'a GroupSeed),
    /// A service principal.
    ServicePrincipal(&'a ServicePrincipalSeed),
}

impl DirectoryObject<'_> {
    /// The `principalType` role assignments give it: `User`, `Group` or `ServicePrincipal`.
    pub fn principal_type(&self) -> &'static str {
        match self {
            Self::User(_) => "User",
            Self::Group(_) => "Group",
            Self::ServicePrincipal(_) => "ServicePrincipal",
        }
    }

    /// Its object id.
    pub fn id(&self) -> &str {
        match self {
            Self::User(u) => &u.id,
            Self::Group(g) => &g.id,
            Self::ServicePrincipal(s) => &s.id,
        }
    }
}

impl DirectorySeed {
    /// The object with this id (any case).
    pub fn object(&self, id: &str) -> Option<DirectoryObject<'_>> {
        let same = |other: &str| other.eq_ignore_ascii_case(id);
        self.users
            .iter()
            .find(|u| same(&u.id))
            .map(DirectoryObject::User)
            .or_else(|| self.groups.iter().find(|g| same(&g.id)).map(DirectoryObject::Group))
            .or_else(|| {
                self.service_principals.iter().find(|s| same(&s.id)).map(DirectoryObject::ServicePrincipal)
            })
    }

    /// The user with this object id or user principal name (any case).
    pub fn user(&self, id_or_upn: &str) -> Option<&UserSeed> {
        self.users.iter().find(|u| {
            u.id.eq_ignore_ascii_case(id_or_upn) || u.user_principal_name.eq_ignore_ascii_case(id_or_upn)
        })
    }

    /// The groups `member` belongs to, directly or through other groups.
    pub fn groups_of(&self, member: &str) -> Vec<&GroupSeed> {
        let mut found: Vec<&GroupSeed> = Vec::new();
        let mut frontier = vec![member.to_string()];
        while let Some(id) = frontier.pop() {
            for group in &self.groups {
                let joins = group.members.iter().any(|m| m.eq_ignore_ascii_case(&id));
                if joins && !found.iter().any(|g| g.id == group.id) {
                    found.push(group);
                    frontier.push(group.id.clone());
                }
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn membership_is_transitive() {
        let group = |id: &str, members: &[&str]| GroupSeed {
            id: id.into(),
            display_name: id.into(),
            description: None,
            mail: None,
            members: members.iter().map(|m| m.to_string()).collect(),
        };
        let directory = DirectorySeed {
            tenant_id: "t".into(),
            groups: vec![group("inner", &["alan"]), group("outer", &["inner"]), group("other", &["grace"])],
            ..DirectorySeed::default()
        };
        let ids: Vec<&str> = directory.groups_of("ALAN").iter().map(|g| g.id.as_str()).collect();
        assert_eq!(ids, ["inner", "outer"]);
        assert_eq!(directory.object("outer").map(|o| o.principal_type()), Some("Group"));
    }
}
