//! Azure's built-in role definitions the simulator knows, with their real ids and permissions (as
//! `az role definition list` shows them, trimmed of actions on providers the simulator does not model).
//! Owner and Contributor have no data actions: in real Azure an Owner cannot call inference with Entra.

use super::action::action_matches;

/// Owner: everything, role assignments included.
pub const OWNER: &str = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635";
/// Contributor: everything but role assignments.
pub const CONTRIBUTOR: &str = "b24988ac-6180-42a0-ab88-20f7382dd24c";
/// Reader: every read.
pub const READER: &str = "acdd72a7-3385-48ef-bd42-f606fba81ae7";
/// User Access Administrator: role assignments.
pub const USER_ACCESS_ADMINISTRATOR: &str = "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9";
/// Cognitive Services OpenAI User: inference and reading deployments.
pub const OPENAI_USER: &str = "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd";
/// Cognitive Services OpenAI Contributor: OpenAI User plus managing deployments and content filters.
pub const OPENAI_CONTRIBUTOR: &str = "a001fd3d-188f-4b5d-821b-7da978bf7442";
/// Cognitive Services User: reads, keys, and every data action.
pub const COGNITIVE_SERVICES_USER: &str = "a97b65f3-24c7-4388-baec-2e87135dc908";
/// Cognitive Services Contributor: accounts, keys and deployments, no inference.
pub const COGNITIVE_SERVICES_CONTRIBUTOR: &str = "25fbc0a9-bd7c-42a3-aa1a-3b75d497ee68";
/// Cognitive Services Usages Reader: quota.
pub const USAGES_READER: &str = "bba48692-92b0-4667-a9ad-c31c7b334ac2";
/// Monitoring Reader: metrics and every other read.
pub const MONITORING_READER: &str = "43d0d8ad-25c7-4714-9337-8ba259a9fe05";
/// Foundry User (formerly Azure AI User): reads and every Cognitive Services data action.
pub const FOUNDRY_USER: &str = "53ca6127-db72-4b80-b1b0-d745d6d5456d";

/// A role definition: what an assignment of it lets its principal do.
#[derive(Debug)]
pub struct RoleDefinition {
    /// The role's GUID (the same in every tenant for built-in roles).
    pub id: &'static str,
    /// `roleName`.
    pub name: &'static str,
    /// `description`.
    pub description: &'static str,
    /// Management actions granted (`*` matches anything, `/` included).
    pub actions: &'static [&'static str],
    /// Management actions taken back out of `actions`.
    pub not_actions: &'static [&'static str],
    /// Data actions granted.
    pub data_actions: &'static [&'static str],
    /// Data actions taken back out of `data_actions`.
    pub not_data_actions: &'static [&'static str],
}

/// Which half of the permissions an action is checked against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plane {
    /// Resource Manager (`actions`).
    Control,
    /// Data plane, e.g. inference (`dataActions`).
    Data,
}

impl RoleDefinition {
    /// Whether the role grants `action`: one of its actions matches and none of its not-actions does
    /// (Azure subtracts per role, then unites the roles of a principal).
    pub fn permits(&self, action: &str, plane: Plane) -> bool {
        let (granted, withheld) = match plane {
            Plane::Control => (self.actions, self.not_actions),
            Plane::Data => (self.data_actions, self.not_data_actions),
        };
        granted.iter().any(|p| action_matches(p, action))
            && !withheld.iter().any(|p| action_matches(p, action))
    }
}

/// The built-in role with this GUID (any case).
pub fn built_in(id: &str) -> Option<&'static RoleDefinition> {
    BUILT_IN.iter().find(|r| r.id.eq_ignore_ascii_case(id))
}

/// The actions every Cognitive Services reader-ish role shares on Azure Monitor and the platform.
const CS_READ_PLATFORM: [&str; 5] = [
    "Microsoft.Insights/alertRules/read",
    "Microsoft.Insights/diagnosticSettings/read",
    "Microsoft.Insights/logDefinitions/read",
    "Microsoft.Insights/metricdefinitions/read",
    "Microsoft.Insights/metrics/read",
];

/// Every built-in role the simulator knows.
pub static BUILT_IN: [RoleDefinition; 11] = [
    RoleDefinition {
        id: OWNER,
        name: "Owner",
        description: "Grants full access to manage all resources, including the ability to assign roles in Azure RBAC.",
        actions: &["*"],
        not_actions: &[],
        data_actions: &[],
        not_data_actions: &[],
    },
    RoleDefinition {
        id: CONTRIBUTOR,
        name: "Contributor",
        description: "Grants full access to manage all resources, but does not allow you to assign roles in Azure RBAC, \
                      manage assignments in Azure Blueprints, or share image galleries.",
        actions: &["*"],
        not_actions: &[
            "Microsoft.Authorization/*/Delete",
            "Microsoft.Authorization/*/Write",
            "Microsoft.Authorization/elevateAccess/Action",
            "Microsoft.Blueprint/blueprintAssignments/write",
            "Microsoft.Blueprint/blueprintAssignments/delete",
            "Microsoft.Compute/galleries/share/action",
            "Microsoft.Purview/consents/write",
            "Microsoft.Purview/consents/delete",
            "Microsoft.Resources/deploymentStacks/manageDenySetting/action",
            "Microsoft.Subscription/cancel/action",
            "Microsoft.Subscription/enable/action",
        ],
        data_actions: &[],
        not_data_actions: &[],
    },
    RoleDefinition {
        id: READER,
        name: "Reader",
        description: "View all resources, but does not allow you to make any changes.",
        actions: &["*/read"],
        not_actions: &[],
        data_actions: &[],
        not_data_actions: &[],
    },
    RoleDefinition {
        id: USER_ACCESS_ADMINISTRATOR,
        name: "User Access Administrator",
        description: "Lets you manage user access to Azure resources.",
        actions: &["*/read", "Microsoft.Authorization/*", "Microsoft.Support/*"],
        not_actions: &[],
        data_actions: &[],
        not_data_actions: &[],
    },
    RoleDefinition {
        id: OPENAI_USER,
        name: "Cognitive Services OpenAI User",
        description: "Ability to view files, models, deployments. Readers can't make any changes They can inference \
                      and create images",
        actions: &[
            "Microsoft.CognitiveServices/*/read",
            "Microsoft.Authorization/roleAssignments/read",
            "Microsoft.Authorization/roleDefinitions/read",
        ],
        not_actions: &[],
        data_actions: &[
            "Microsoft.CognitiveServices/accounts/OpenAI/*/read",
            "Microsoft.CognitiveServices/accounts/OpenAI/engines/completions/action",
            "Microsoft.CognitiveServices/accounts/OpenAI/engines/search/action",
            "Microsoft.CognitiveServices/accounts/OpenAI/engines/generate/action",
            "Microsoft.CognitiveServices/accounts/OpenAI/deployments/search/action",
            "Microsoft.CognitiveServices/accounts/OpenAI/deployments/completions/action",
            "Microsoft.CognitiveServices/accounts/OpenAI/deployments/chat/completions/action",
            "Microsoft.CognitiveServices/accounts/OpenAI/deployments/extensions/chat/completions/action",
            "Microsoft.CognitiveServices/accounts/OpenAI/deployments/embeddings/action",
            "Microsoft.CognitiveServices/accounts/OpenAI/deployments/audio/action",
            "Microsoft.CognitiveServices/accounts/OpenAI/images/generations/action",
            "Microsoft.CognitiveServices/accounts/OpenAI/assistants/write",
            "Microsoft.CognitiveServices/accounts/OpenAI/assistants/delete",
            "Microsoft.CognitiveServices/accounts/OpenAI/assistants/files/write",
            "Microsoft.CognitiveServices/accounts/OpenAI/assistants/files/delete",
            "Microsoft.CognitiveServices/accounts/OpenAI/assistants/threads/write",
            "Microsoft.CognitiveServices/accounts/OpenAI/assistants/threads/delete",
            "Microsoft.CognitiveServices/accounts/OpenAI/responses/write",
            "Microsoft.CognitiveServices/accounts/OpenAI/responses/delete",
        ],
        not_data_actions: &[],
    },
    RoleDefinition {
        id: OPENAI_CONTRIBUTOR,
        name: "Cognitive Services OpenAI Contributor",
        description: "Full access including the ability to fine-tune, deploy and generate text",
        actions: &[
            "Microsoft.CognitiveServices/*/read",
            "Microsoft.CognitiveServices/accounts/deployments/write",
            "Microsoft.CognitiveServices/accounts/deployments/delete",
            "Microsoft.CognitiveServices/accounts/raiPolicies/read",
            "Microsoft.CognitiveServices/accounts/raiPolicies/write",
            "Microsoft.CognitiveServices/accounts/raiPolicies/delete",
            "Microsoft.CognitiveServices/accounts/commitmentplans/read",
            "Microsoft.CognitiveServices/accounts/commitmentplans/write",
            "Microsoft.CognitiveServices/accounts/commitmentplans/delete",
            "Microsoft.Authorization/roleAssignments/read",
            "Microsoft.Authorization/roleDefinitions/read",
        ],
        not_actions: &[],
        data_actions: &["Microsoft.CognitiveServices/accounts/OpenAI/*"],
        not_data_actions: &[],
    },
    RoleDefinition {
        id: COGNITIVE_SERVICES_USER,
        name: "Cognitive Services User",
        description: "Lets you read and list keys of Cognitive Services.",
        actions: &[
            "Microsoft.CognitiveServices/*/read",
            "Microsoft.CognitiveServices/accounts/listkeys/action",
            CS_READ_PLATFORM[0],
            CS_READ_PLATFORM[1],
            CS_READ_PLATFORM[2],
            CS_READ_PLATFORM[3],
            CS_READ_PLATFORM[4],
            "Microsoft.ResourceHealth/availabilityStatuses/read",
            "Microsoft.Resources/deployments/operations/read",
            "Microsoft.Resources/subscriptions/operationresults/read",
            "Microsoft.Resources/subscriptions/read",
            "Microsoft.Resources/subscriptions/resourceGroups/read",
            "Microsoft.Support/*",
        ],
        not_actions: &[],
        data_actions: &["Microsoft.CognitiveServices/*"],
        not_data_actions: &[],
    },
    RoleDefinition {
        id: COGNITIVE_SERVICES_CONTRIBUTOR,
        name: "Cognitive Services Contributor",
        description: "Lets you create, read, update, delete and manage keys of Cognitive Services.",
        actions: &[
            "Microsoft.Authorization/*/read",
            "Microsoft.CognitiveServices/*",
            "Microsoft.Features/features/read",
            "Microsoft.Features/providers/features/read",
            "Microsoft.Features/providers/features/register/action",
            "Microsoft.Insights/alertRules/*",
            "Microsoft.Insights/diagnosticSettings/*",
            "Microsoft.Insights/logDefinitions/read",
            "Microsoft.Insights/metricdefinitions/read",
            "Microsoft.Insights/metrics/read",
            "Microsoft.ResourceHealth/availabilityStatuses/read",
            "Microsoft.Resources/deployments/*",
            "Microsoft.Resources/subscriptions/operationresults/read",
            "Microsoft.Resources/subscriptions/read",
            "Microsoft.Resources/subscriptions/resourceGroups/read",
            "Microsoft.Support/*",
        ],
        not_actions: &[],
        data_actions: &[],
        not_data_actions: &[],
    },
    RoleDefinition {
        id: USAGES_READER,
        name: "Cognitive Services Usages Reader",
        description: "Minimal permission to view Cognitive Services usages.",
        actions: &["Microsoft.CognitiveServices/locations/usages/read"],
        not_actions: &[],
        data_actions: &[],
        not_data_actions: &[],
    },
    RoleDefinition {
        id: MONITORING_READER,
        name: "Monitoring Reader",
        description: "Can read all monitoring data.",
        actions: &["*/read", "Microsoft.OperationalInsights/workspaces/search/action", "Microsoft.Support/*"],
        not_actions: &[],
        data_actions: &[],
        not_data_actions: &[],
    },
    RoleDefinition {
        id: FOUNDRY_USER,
        name: "Foundry User",
        description: "Grants reader access to AI projects, reader access to AI accounts, and data actions for an AI \
                      project.",
        actions: &["Microsoft.CognitiveServices/*/read", "Microsoft.Authorization/*/read"],
        not_actions: &[],
        data_actions: &["Microsoft.CognitiveServices/*"],
        not_data_actions: &[],
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    const CHAT: &str = "Microsoft.CognitiveServices/accounts/OpenAI/deployments/chat/completions/action";

    #[test]
    fn the_roles_grant_what_azure_says() {
        let role = |id| built_in(id).unwrap();
        assert!(role(OWNER).permits("Microsoft.Authorization/roleAssignments/write", Plane::Control));
        assert!(!role(OWNER).permits(CHAT, Plane::Data), "an Owner cannot chat with Entra");
        assert!(!role(CONTRIBUTOR).permits("Microsoft.Authorization/roleAssignments/write", Plane::Control));
        assert!(role(CONTRIBUTOR)
            .permits("Microsoft.CognitiveServices/accounts/deployments/write", Plane::Control));
        assert!(role(OPENAI_USER).permits(CHAT, Plane::Data));
        assert!(!role(OPENAI_USER)
            .permits("Microsoft.CognitiveServices/accounts/deployments/write", Plane::Control));
        assert!(role(OPENAI_CONTRIBUTOR)
            .permits("Microsoft.CognitiveServices/accounts/deployments/write", Plane::Control));
        assert!(role(COGNITIVE_SERVICES_USER)
            .permits("Microsoft.CognitiveServices/accounts/listKeys/action", Plane::Control));
        assert!(!role(COGNITIVE_SERVICES_CONTRIBUTOR).permits(CHAT, Plane::Data));
        assert!(role(MONITORING_READER).permits("Microsoft.Insights/metrics/read", Plane::Control));
        assert!(
            role(USAGES_READER).permits("Microsoft.CognitiveServices/locations/usages/read", Plane::Control)
        );
        assert!(role(FOUNDRY_USER).permits(CHAT, Plane::Data));
        assert!(built_in("5E0BD9BD-7B93-4F28-AF87-19FC36AD61BD").is_some());
    }
}
