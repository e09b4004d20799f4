//! Azure access control: each tenant's directory (users, groups, service principals), the built-in role
//! definitions, and the role assignments of the world, with the one question every surface asks: may this
//! principal perform this action at this path? Resource Manager asks it of management actions, inference of
//! data actions. Only tokens the simulator issued are held to the answer; any other token (`Bearer t`, the
//! Sandbox's static token) acts as Ada and may do everything, as it always could.

mod action;
pub mod assignments;
pub mod directory;
pub mod roles;

use std::time::{Duration, Instant};

pub use action::{authorization_failed, required_action};
pub use assignments::{RoleAssignment, RoleAssignmentSeed};
pub use directory::{DirectoryObject, DirectorySeed, GroupSeed, ServicePrincipalSeed, UserSeed};
pub use roles::{Plane, RoleDefinition};

use crate::entra::{USER_NAME, USER_OID, USER_UPN};
use crate::seed::{SubscriptionSeed, TenantSeed};

/// Who is calling, as far as access control is concerned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Caller {
    /// The principal's object id (`oid`).
    pub oid: String,
    /// Its sign-in name (`upn`), as AuthorizationFailed names the client.
    pub upn: String,
    /// The token's tenant (`tid`) for a simulator-issued token.
    pub tenant: Option<String>,
    /// Whether the simulator issued the token: only those are held to role assignments.
    pub issued: bool,
}

impl Caller {
    /// The caller behind a token the simulator did not issue: Ada, unrestricted.
    pub fn foreign() -> Self {
        Self { oid: USER_OID.into(), upn: USER_UPN.into(), tenant: None, issued: false }
    }

    /// The principal a simulator-issued token names.
    pub fn issued(oid: &str, upn: &str, tenant: &str) -> Self {
        Self { oid: oid.into(), upn: upn.into(), tenant: Some(tenant.into()), issued: true }
    }

    /// Whether enforcement lets this caller perform the management `action` at `path` (always, for a token
    /// the simulator did not issue).
    pub fn may(&self, book: &AccessBook, path: &str, action: &str) -> bool {
        !self.issued || book.allows(&self.oid, path, action, Plane::Control)
    }
}

/// The world's directories and role assignments.
pub struct AccessBook {
    /// One directory per tenant.
    pub directories: Vec<DirectorySeed>,
    /// Every role assignment, oldest first.
    pub assignments: Vec<RoleAssignment>,
    /// How long a new assignment takes to be enforced.
    pub propagation: Duration,
}

impl AccessBook {
    /// Builds the book from a seed's directories and assignments. Every tenant gets a directory with Ada in
    /// it, and every subscription no assignment is in gets Ada as Owner and OpenAI User (see
    /// [`assignments::defaults_for`]).
    pub fn from_seed(
        mut directories: Vec<DirectorySeed>,
        mut seeded: Vec<RoleAssignmentSeed>,
        tenants: &[TenantSeed],
        subscriptions: &[SubscriptionSeed],
    ) -> Self {
        for tenant in tenants {
            if !directories.iter().any(|d| d.tenant_id.eq_ignore_ascii_case(&tenant.tenant_id)) {
                directories
                    .push(DirectorySeed { tenant_id: tenant.tenant_id.clone(), ..DirectorySeed::default() });
            }
        }
        for directory in &mut directories {
            if directory.user(USER_OID).is_none() {
                directory.users.insert(0, ada());
            }
        }
        for subscription in subscriptions {
            let scope = format!("/subscriptions/{}", subscription.subscription_id);
            if !seeded.iter().any(|a| assignments::is_within(&a.scope, &scope)) {
                seeded.extend(assignments::defaults_for(&subscription.subscription_id));
            }
        }
        let mut book = Self { directories, assignments: Vec::new(), propagation: Duration::ZERO };
        let now = Instant::now();
        book.assignments = seeded
            .into_iter()
            .map(|a| RoleAssignment {
                principal_type: a.principal_type.clone().unwrap_or_else(|| {
                    book.any_object(&a.principal_id).map_or("User", |o| o.principal_type()).to_string()
                }),
                name: a.name,
                scope: a.scope,
                role_id: a.role_definition_id,
                principal_id: a.principal_id,
                created_on: assignments::SEEDED_AT.into(),
                created_by: USER_OID.into(),
                effective_from: now,
            })
            .collect();
        book
    }

    /// The directory of `tenant`.
    pub fn directory(&self, tenant: &str) -> Option<&DirectorySeed> {
        self.directories.iter().find(|d| d.tenant_id.eq_ignore_ascii_case(tenant))
    }

    /// An object of any directory, by id.
    pub fn any_object(&self, id: &str) -> Option<DirectoryObject<'_>> {
        self.directories.iter().find_map(|d| d.object(id))
    }

    /// A user of any directory, by object id or sign-in name, with their tenant (the first that has them).
    pub fn find_user(&self, id_or_upn: &str) -> Option<(&str, &UserSeed)> {
        self.directories.iter().find_map(|d| d.user(id_or_upn).map(|u| (d.tenant_id.as_str(), u)))
    }

    /// `oid` and every group it is in, directly or not, in any directory.
    fn principals_of(&self, oid: &str) -> Vec<String> {
        let mut ids = vec![oid.to_ascii_lowercase()];
        for directory in &self.directories {
            ids.extend(directory.groups_of(oid).iter().map(|g| g.id.to_ascii_lowercase()));
        }
        ids
    }

    /// The assignments that give `oid` (or a group of it) something at `path` and are in effect.
    pub fn in_effect_for<'a>(
        &'a self,
        oid: &str,
        path: &'a str,
    ) -> impl Iterator<Item = &'a RoleAssignment> + 'a {
        let principals = self.principals_of(oid);
        let now = Instant::now();
        self.assignments.iter().filter(move |a| {
            a.in_effect(now) && a.covers(path) && principals.contains(&a.principal_id.to_ascii_lowercase())
        })
    }

    /// Whether `oid` may perform `action` at `path`: some role assigned to it (or a group of it) at the path or
    /// above grants the action.
    pub fn allows(&self, oid: &str, path: &str, action: &str, plane: Plane) -> bool {
        self.in_effect_for(oid, path)
            .any(|a| roles::built_in(&a.role_id).is_some_and(|r| r.permits(action, plane)))
    }

    /// Whether `principal` is `oid` or one of `oid`'s groups.
    pub fn is_or_holds(&self, oid: &str, principal: &str) -> bool {
        self.principals_of(oid).contains(&principal.to_ascii_lowercase())
    }
}

/// Ada, the user who signs in unless told otherwise, in every tenant.
fn ada() -> UserSeed {
    UserSeed {
        id: USER_OID.into(),
        display_name: USER_NAME.into(),
        user_principal_name: USER_UPN.into(),
        mail: Some(USER_UPN.into()),
        job_title: None,
    }
}
