//! Access control on an AI account, as a person thinks of it: who has which role (and what that lets them
//! do), granting and revoking the AI roles, what the signed-in person can do here and which role would add
//! what is missing, and whether keys are accepted at all.

mod abilities;
mod fetch;
mod report;
mod roles;

pub use abilities::{Abilities, Capability};
pub use fetch::{
    access_report, check_grant, check_revoke, find_principals, grant, is_guid, my_access, names_unavailable,
};
pub use report::{assignment_views, capability_checks, principal_from, principal_kind, scope_view};
pub use roles::{
    custom_role, describe, find_role, grantable_roles, is_grantable, known_role, known_role_names, RoleView,
};

use serde::{Deserialize, Serialize};

/// Who holds a role: a person, a group or an application.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum PrincipalKind {
    User,
    Group,
    ServicePrincipal,
    /// Azure said something else (a managed identity's type, a deleted principal).
    Unknown,
}

/// A principal, named through Microsoft Graph when it answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PrincipalView {
    /// The object id.
    pub id: String,
    pub kind: PrincipalKind,
    /// "Grace Hopper"; none when Graph was refused or does not know the id.
    pub display_name: Option<String>,
    /// The user principal name or e-mail of a person, the application id of an app.
    pub detail: Option<String>,
}

/// How far above the account an assignment was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum ScopeLevel {
    /// On this account itself.
    Resource,
    ResourceGroup,
    Subscription,
    ManagementGroup,
    /// The tenant root (`/`) or anything else.
    Other,
}

/// Where an assignment was made, in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ScopeView {
    pub level: ScopeLevel,
    /// The resource group's or account's name, the subscription's id.
    pub name: String,
    /// Made above this account (on its group or subscription): revoke it there, not here.
    pub inherited: bool,
}

/// One role assignment that applies to the account.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AssignmentView {
    /// The assignment's Resource Manager id (what revoking deletes).
    pub id: String,
    pub principal: PrincipalView,
    pub role: RoleView,
    pub scope: ScopeView,
}

/// Who may use an account, and whether keys work on it.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AccessReport {
    /// Direct assignments first, then inherited ones; each group by principal name.
    pub assignments: Vec<AssignmentView>,
    /// Why principals show as ids (Graph refused or unreachable); none when names were looked up.
    pub names_note: Option<String>,
    /// Keys are accepted (`disableLocalAuth` is off).
    pub keys_accepted: bool,
    /// The roles the grant form offers, the usual ones first.
    pub grantable_roles: Vec<RoleView>,
}

/// People, groups and apps whose names start with what was typed (or the one an object id names).
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PrincipalSearch {
    pub principals: Vec<PrincipalView>,
    /// Why nobody could be looked up (Graph refused): paste an object id instead.
    pub unavailable: Option<String>,
}

/// Whether the signed-in person can do one thing on the account, and what would change that.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CapabilityCheck {
    pub capability: Capability,
    pub allowed: bool,
    /// The role that would add it, with where to assign it ("Cognitive Services OpenAI User on this
    /// resource"); none when allowed.
    pub role_to_add: Option<String>,
}

/// "What can I do here?" for the signed-in person on one account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct MyAccess {
    /// Who the answer is for ("Ada Lovelace (ada@contoso.com)"), when Graph said.
    pub who: Option<String>,
    /// Inference, deployments, keys, quota, metrics, access, in that order.
    pub checks: Vec<CapabilityCheck>,
    /// Keys are accepted on the account: with a key, inference works whatever the roles. None when the
    /// account could not be read (no role on it at all).
    pub keys_accepted: Option<bool>,
}

/// What stops working when an account refuses keys.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct KeyAuthImpact {
    /// The account's endpoints that have a key saved in the keychain.
    pub saved_keys: Vec<String>,
    /// Endpoint + key profiles that use one of the account's endpoints with a key.
    pub profiles: Vec<AffectedProfile>,
}

/// An endpoint + key profile that would stop working.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AffectedProfile {
    pub id: String,
    pub name: String,
    pub endpoint: String,
}
