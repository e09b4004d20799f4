//! The Sandbox tenant's directory and role assignments: Ada owns the subscription and may chat everywhere;
//! Grace has no role at all (the person tests grant access to); Alan chats on the East US account through the
//! "AI Platform team" group; the "contoso-chat-app" application holds keys there; Katherine reads the East US
//! resource group's monitoring data.

use super::{
    ACCOUNT_OPENAI, ALAN_OID, ALAN_UPN, APP_ID, APP_NAME, APP_OID, COLLEAGUE_NAME, COLLEAGUE_OID,
    COLLEAGUE_UPN, GROUP_EAST, GROUP_NAME, GROUP_OID, KATHERINE_OID, KATHERINE_UPN, SUBSCRIPTION_ID,
    TENANT_ID,
};
use crate::access::roles::{COGNITIVE_SERVICES_USER, MONITORING_READER, OPENAI_USER, OWNER};
use crate::access::{DirectorySeed, GroupSeed, RoleAssignmentSeed, ServicePrincipalSeed, UserSeed};
use crate::entra::{USER_NAME, USER_OID, USER_UPN};

fn user(id: &str, name: &str, upn: &str, title: &str) -> UserSeed {
    UserSeed {
        id: id.into(),
        display_name: name.into(),
        user_principal_name: upn.into(),
        mail: Some(upn.into()),
        job_title: Some(title.into()),
    }
}

/// The Sandbox tenant's users, group and service principal.
pub fn directory() -> DirectorySeed {
    DirectorySeed {
        tenant_id: TENANT_ID.into(),
        users: vec![
            user(USER_OID, USER_NAME, USER_UPN, "Research Engineer"),
            user(COLLEAGUE_OID, COLLEAGUE_NAME, COLLEAGUE_UPN, "Compiler Engineer"),
            user(ALAN_OID, "Alan Turing", ALAN_UPN, "Machine Learning Engineer"),
            user(KATHERINE_OID, "Katherine Johnson", KATHERINE_UPN, "Data Analyst"),
        ],
        groups: vec![GroupSeed {
            id: GROUP_OID.into(),
            display_name: GROUP_NAME.into(),
            description: Some("People who build on the shared Azure OpenAI accounts".into()),
            mail: Some("ai-platform@contoso.com".into()),
            members: vec![ALAN_OID.into()],
        }],
        service_principals: vec![ServicePrincipalSeed {
            id: APP_OID.into(),
            app_id: APP_ID.into(),
            display_name: APP_NAME.into(),
        }],
    }
}

/// Who may do what in the Sandbox subscription.
pub fn role_assignments() -> Vec<RoleAssignmentSeed> {
    let subscription = format!("/subscriptions/{SUBSCRIPTION_ID}");
    let group = format!("{subscription}/resourceGroups/{GROUP_EAST}");
    let account = format!("{group}/providers/Microsoft.CognitiveServices/accounts/{ACCOUNT_OPENAI}");
    let grant = |name: &str, scope: &str, role: &str, principal: &str, kind: &str| RoleAssignmentSeed {
        name: name.into(),
        scope: scope.into(),
        role_definition_id: role.into(),
        principal_id: principal.into(),
        principal_type: Some(kind.into()),
    };
    vec![
        grant("1c3e5a7b-2d4f-4a6b-8c0d-0e1f2a3b4c01", &subscription, OWNER, USER_OID, "User"),
        grant("1c3e5a7b-2d4f-4a6b-8c0d-0e1f2a3b4c02", &subscription, OPENAI_USER, USER_OID, "User"),
        grant("1c3e5a7b-2d4f-4a6b-8c0d-0e1f2a3b4c03", &account, OPENAI_USER, GROUP_OID, "Group"),
        grant(
            "1c3e5a7b-2d4f-4a6b-8c0d-0e1f2a3b4c04",
            &account,
            COGNITIVE_SERVICES_USER,
            APP_OID,
            "ServicePrincipal",
        ),
        grant("1c3e5a7b-2d4f-4a6b-8c0d-0e1f2a3b4c05", &group, MONITORING_READER, KATHERINE_OID, "User"),
    ]
}
