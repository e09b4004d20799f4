//! The six things a person does with an AI account, each tied to the Azure action that decides it, so
//! a role's abilities and the signed-in person's can both be read off Azure's permissions.

use foundry_azure::arm::models::{any_allows_action, any_allows_data_action, Permission};
use serde::Serialize;

/// One thing a person may or may not do on an account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum Capability {
    /// Chat with the deployments using Entra sign-in.
    Inference,
    /// Create, change and delete deployments.
    ManageDeployments,
    /// Read (and rotate) the account's keys.
    ReadKeys,
    /// See the subscription's quota.
    ViewQuota,
    /// See the account's metrics (the Usage tab).
    ViewMetrics,
    /// Grant and revoke roles.
    ManageAccess,
}

impl Capability {
    /// Every capability, in the order they are shown.
    pub const ALL: [Capability; 6] = [
        Self::Inference,
        Self::ManageDeployments,
        Self::ReadKeys,
        Self::ViewQuota,
        Self::ViewMetrics,
        Self::ManageAccess,
    ];

    /// Whether `permissions` allow it.
    pub fn allowed_by(self, permissions: &[Permission]) -> bool {
        match self {
            Self::Inference => any_allows_data_action(
                permissions,
                "Microsoft.CognitiveServices/accounts/OpenAI/deployments/chat/completions/action",
            ),
            Self::ManageDeployments => {
                any_allows_action(permissions, "Microsoft.CognitiveServices/accounts/deployments/write")
            }
            Self::ReadKeys => {
                any_allows_action(permissions, "Microsoft.CognitiveServices/accounts/listKeys/action")
            }
            Self::ViewQuota => {
                any_allows_action(permissions, "Microsoft.CognitiveServices/locations/usages/read")
            }
            Self::ViewMetrics => any_allows_action(permissions, "Microsoft.Insights/metrics/read"),
            Self::ManageAccess => {
                any_allows_action(permissions, "Microsoft.Authorization/roleAssignments/write")
            }
        }
    }

    /// The least role that adds it, and where to assign it.
    pub fn role_to_add(self) -> &'static str {
        match self {
            Self::Inference => "Cognitive Services OpenAI User on this resource",
            Self::ManageDeployments => "Cognitive Services OpenAI Contributor on this resource",
            Self::ReadKeys => "Cognitive Services User (or Cognitive Services Contributor) on this resource",
            Self::ViewQuota => "Cognitive Services Usages Reader on the subscription",
            Self::ViewMetrics => "Monitoring Reader on this resource",
            Self::ManageAccess => "Owner or User Access Administrator on this resource",
        }
    }
}

/// What a role lets its holder do on the account it is assigned to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Abilities {
    pub inference: bool,
    pub manage_deployments: bool,
    pub read_keys: bool,
    pub view_quota: bool,
    pub view_metrics: bool,
    pub manage_access: bool,
}

impl Abilities {
    /// Read off a role's permissions. Quota is a subscription-level read: a role made on the account
    /// (or its group) never shows quota, however broad its actions, so `at_subscription` says where.
    pub fn from_permissions(permissions: &[Permission], at_subscription: bool) -> Self {
        let has = |c: Capability| c.allowed_by(permissions);
        Self {
            inference: has(Capability::Inference),
            manage_deployments: has(Capability::ManageDeployments),
            read_keys: has(Capability::ReadKeys),
            view_quota: at_subscription && has(Capability::ViewQuota),
            view_metrics: has(Capability::ViewMetrics),
            manage_access: has(Capability::ManageAccess),
        }
    }
}
