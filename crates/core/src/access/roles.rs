//! The roles people meet on an AI account, each explained in one line. Unknown (custom) roles are
//! explained from their permissions instead (see `Abilities::from_permissions` and [`describe`]).

use foundry_azure::arm::client::role_ids as id;
use serde::Serialize;

use super::Abilities;

/// A role as the app shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct RoleView {
    /// The role definition's GUID.
    pub id: String,
    /// Azure's name for it.
    pub name: String,
    /// What it lets its holder do and not do, in one line.
    pub summary: String,
    pub abilities: Abilities,
}

struct Known {
    id: &'static str,
    name: &'static str,
    summary: &'static str,
    /// On the account: inference, manage deployments, keys, metrics, access.
    abilities: [bool; 5],
    /// Whether it shows quota when assigned on the subscription (any `Microsoft.CognitiveServices/*/read`
    /// reads `locations/usages`).
    quota_at_subscription: bool,
}

const KNOWN: [Known; 11] = [
    Known {
        id: id::OPENAI_USER,
        name: "Cognitive Services OpenAI User",
        summary: "Chat with the deployments and see them; cannot change deployments or read keys.",
        abilities: [true, false, false, false, false],
        quota_at_subscription: true,
    },
    Known {
        id: id::OPENAI_CONTRIBUTOR,
        name: "Cognitive Services OpenAI Contributor",
        summary: "Chat with the deployments and create, change or delete them; cannot read keys.",
        abilities: [true, true, false, false, false],
        quota_at_subscription: true,
    },
    Known {
        id: id::COGNITIVE_SERVICES_USER,
        name: "Cognitive Services User",
        summary: "Chat with the deployments, read the keys and see metrics; cannot change deployments.",
        abilities: [true, false, true, true, false],
        quota_at_subscription: true,
    },
    Known {
        id: id::COGNITIVE_SERVICES_CONTRIBUTOR,
        name: "Cognitive Services Contributor",
        summary: "Manage the resource, its deployments and keys; cannot chat with Entra sign-in.",
        abilities: [false, true, true, true, false],
        quota_at_subscription: true,
    },
    Known {
        id: id::FOUNDRY_USER,
        name: "Foundry User",
        summary: "Chat with the deployments and build in Foundry projects; cannot change deployments or read keys.",
        abilities: [true, false, false, false, false],
        quota_at_subscription: true,
    },
    Known {
        id: id::USAGES_READER,
        name: "Cognitive Services Usages Reader",
        summary: "See quota — when assigned on the subscription; nothing else.",
        abilities: [false, false, false, false, false],
        quota_at_subscription: true,
    },
    Known {
        id: id::MONITORING_READER,
        name: "Monitoring Reader",
        summary: "See metrics and settings; cannot chat, change anything or read keys.",
        abilities: [false, false, false, true, false],
        quota_at_subscription: true,
    },
    Known {
        id: id::OWNER,
        name: "Owner",
        summary: "Everything on the resource, granting roles included — but chatting with Entra sign-in needs a data role too.",
        abilities: [false, true, true, true, true],
        quota_at_subscription: true,
    },
    Known {
        id: id::CONTRIBUTOR,
        name: "Contributor",
        summary: "Manage everything but access; chatting with Entra sign-in needs a data role too.",
        abilities: [false, true, true, true, false],
        quota_at_subscription: true,
    },
    Known {
        id: id::READER,
        name: "Reader",
        summary: "See everything, change nothing; cannot chat or read keys.",
        abilities: [false, false, false, true, false],
        quota_at_subscription: true,
    },
    Known {
        id: id::USER_ACCESS_ADMINISTRATOR,
        name: "User Access Administrator",
        summary: "Grant and revoke roles; change nothing else.",
        abilities: [false, false, false, true, true],
        quota_at_subscription: true,
    },
];

/// The roles the grant form offers on an account, the usual ones first.
const GRANTABLE: [&str; 6] = [
    id::OPENAI_USER,
    id::OPENAI_CONTRIBUTOR,
    id::COGNITIVE_SERVICES_USER,
    id::COGNITIVE_SERVICES_CONTRIBUTOR,
    id::FOUNDRY_USER,
    id::MONITORING_READER,
];

/// A built-in role the app knows, as assigned on the account (`at_subscription` false) or on its
/// subscription.
pub fn known_role(role_id: &str, at_subscription: bool) -> Option<RoleView> {
    let known = KNOWN.iter().find(|k| k.id.eq_ignore_ascii_case(role_id))?;
    let [inference, manage_deployments, read_keys, view_metrics, manage_access] = known.abilities;
    Some(RoleView {
        id: known.id.to_string(),
        name: known.name.to_string(),
        summary: known.summary.to_string(),
        abilities: Abilities {
            inference,
            manage_deployments,
            read_keys,
            view_quota: at_subscription && known.quota_at_subscription,
            view_metrics,
            manage_access,
        },
    })
}

/// A built-in role by its name (any case) or GUID, as assigned on an account.
pub fn find_role(name_or_id: &str) -> Option<RoleView> {
    let wanted = name_or_id.trim();
    let known =
        KNOWN.iter().find(|k| k.name.eq_ignore_ascii_case(wanted) || k.id.eq_ignore_ascii_case(wanted))?;
    known_role(known.id, false)
}

/// The names of the built-in roles the app knows, for a "use one of" message.
pub fn known_role_names() -> Vec<&'static str> {
    KNOWN.iter().map(|k| k.name).collect()
}

/// The roles the grant form offers.
pub fn grantable_roles() -> Vec<RoleView> {
    GRANTABLE.iter().filter_map(|id| known_role(id, false)).collect()
}

/// Whether the grant form offers `role_id`.
pub fn is_grantable(role_id: &str) -> bool {
    GRANTABLE.iter().any(|id| id.eq_ignore_ascii_case(role_id))
}

/// A role the app does not know, explained from what its permissions allow.
pub fn custom_role(role_id: &str, name: Option<&str>, abilities: Abilities) -> RoleView {
    RoleView {
        id: role_id.to_string(),
        name: name.map_or_else(|| format!("Role {role_id}"), str::to_string),
        summary: describe(&abilities),
        abilities,
    }
}

/// "Can chat and read keys; cannot manage deployments, view quota, view metrics or manage access."
pub fn describe(abilities: &Abilities) -> String {
    let all = [
        (abilities.inference, "chat with the deployments"),
        (abilities.manage_deployments, "manage deployments"),
        (abilities.read_keys, "read keys"),
        (abilities.view_quota, "see quota"),
        (abilities.view_metrics, "see metrics"),
        (abilities.manage_access, "grant roles"),
    ];
    let can: Vec<&str> = all.iter().filter(|(yes, _)| *yes).map(|(_, what)| *what).collect();
    let cannot: Vec<&str> = all.iter().filter(|(yes, _)| !*yes).map(|(_, what)| *what).collect();
    match (can.is_empty(), cannot.is_empty()) {
        (true, _) => "A custom role: none of chatting, deployments, keys, quota, metrics or access.".into(),
        (false, true) => "A custom role: everything here, granting roles included.".into(),
        (false, false) => {
            format!("A custom role: can {}; cannot {}.", join(&can, "and"), join(&cannot, "or"))
        }
    }
}

fn join(items: &[&str], conjunction: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} {conjunction} {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_openai_user_chats_but_does_not_manage() {
        let role = known_role(id::OPENAI_USER, false).unwrap();
        assert_eq!(role.name, "Cognitive Services OpenAI User");
        assert!(role.abilities.inference && !role.abilities.manage_deployments && !role.abilities.read_keys);
        assert!(role.summary.starts_with("Chat with the deployments"));
    }

    #[test]
    fn quota_comes_only_with_a_subscription_assignment() {
        assert!(!known_role(id::OWNER, false).unwrap().abilities.view_quota);
        assert!(known_role(id::OWNER, true).unwrap().abilities.view_quota);
        assert!(!known_role(id::OWNER, true).unwrap().abilities.inference, "Owner has no data actions");
    }

    #[test]
    fn roles_are_found_by_name_or_id() {
        assert_eq!(find_role("cognitive services openai user").unwrap().id, id::OPENAI_USER);
        assert_eq!(find_role(id::OWNER).unwrap().name, "Owner");
        assert!(find_role("Chat Person").is_none());
    }

    #[test]
    fn the_grant_form_offers_the_ai_roles_and_not_owner() {
        let names: Vec<_> = grantable_roles().into_iter().map(|r| r.name).collect();
        assert_eq!(names[0], "Cognitive Services OpenAI User");
        assert_eq!(names.len(), 6);
        assert!(!names.iter().any(|n| n == "Owner"));
        assert!(is_grantable(&id::MONITORING_READER.to_uppercase()));
    }

    #[test]
    fn a_custom_role_is_described_by_what_it_allows() {
        let abilities = Abilities { inference: true, read_keys: true, ..Abilities::default() };
        assert_eq!(
            custom_role("abc", Some("Chat bot"), abilities).summary,
            "A custom role: can chat with the deployments and read keys; cannot manage deployments, see quota, see metrics or grant roles."
        );
        assert_eq!(custom_role("abc", None, Abilities::default()).name, "Role abc");
    }
}
