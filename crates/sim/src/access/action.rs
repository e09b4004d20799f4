//! Actions: which one a Resource Manager request needs, how a role's patterns match it, and Azure's 403 when
//! the caller lacks it. The `forbidden` fault refuses through the same words as enforcement.

use axum::http::StatusCode;
use axum::response::Response;

use crate::errors::arm_error;

/// The RBAC action a request needs and the scope it acts on, worded as Azure words them:
/// `PUT .../accounts/a/deployments/d` is `Microsoft.CognitiveServices/accounts/deployments/write` on that
/// deployment; `POST .../accounts/a/listKeys` is `.../accounts/listKeys/action` on the account; a GET of a
/// collection (`GET .../accounts/a/providers/Microsoft.Insights/metrics`) reads its type
/// (`Microsoft.Insights/metrics/read`) over the path above it. The last provider namespace of a path names
/// the action, so extension resources under an account (metrics, role assignments) are their provider's.
pub fn required_action(method: &str, path: &str) -> (String, String) {
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    let Some(provider) = segments.iter().rposition(|s| s.eq_ignore_ascii_case("providers")) else {
        let verb = if method == "GET" { "read" } else { "write" };
        return (format!("Microsoft.Resources/subscriptions/resourceGroups/{verb}"), path.to_string());
    };
    // After the namespace, segments alternate type / name; an odd one out at the end is an action.
    let rest = &segments[provider + 1..];
    let mut kind = rest.first().copied().unwrap_or_default().to_string();
    let mut action = None;
    for pair in rest.get(1..).unwrap_or_default().chunks(2) {
        match pair {
            [type_name, _] => kind = format!("{kind}/{type_name}"),
            [odd] => action = Some(*odd),
            _ => {}
        }
    }
    let parent = path.rsplit_once('/').map_or(path, |(s, _)| s);
    let (verb, scope) = match (action, method) {
        (Some(collection), "GET") => (format!("{collection}/read"), parent),
        (Some(action), _) => (format!("{action}/action"), parent),
        (None, "GET") => ("read".to_string(), path),
        (None, "DELETE") => ("delete".to_string(), path),
        (None, _) => ("write".to_string(), path),
    };
    (format!("{kind}/{verb}"), scope.to_string())
}

/// Azure's action pattern match: case-insensitive, `*` standing for any run of characters (`/` too).
pub fn action_matches(pattern: &str, action: &str) -> bool {
    let (pattern, action) = (pattern.to_ascii_lowercase(), action.to_ascii_lowercase());
    let parts: Vec<&str> = pattern.split('*').collect();
    // One part: no wildcard, so the whole action must match.
    let [first, middle @ .., last] = parts.as_slice() else { return pattern == action };
    let Some(mut rest) = action.strip_prefix(first) else { return false };
    for part in middle {
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    rest.len() >= last.len() && rest.ends_with(last)
}

/// 403 `AuthorizationFailed` in Azure's words, naming the client, the action and the scope.
pub fn authorization_failed(upn: &str, oid: &str, action: &str, scope: &str) -> Response {
    arm_error(
        StatusCode::FORBIDDEN,
        "AuthorizationFailed",
        &format!(
            "The client '{upn}' with object id '{oid}' does not have authorization to perform action '{action}' \
             over scope '{scope}' or the scope is invalid. If access was recently granted, please refresh your \
             credentials."
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcards_match_any_run_of_characters_without_case() {
        assert!(action_matches("*", "Microsoft.Authorization/roleAssignments/write"));
        assert!(action_matches("*/read", "Microsoft.CognitiveServices/accounts/deployments/read"));
        assert!(action_matches(
            "microsoft.cognitiveservices/*/read",
            "Microsoft.CognitiveServices/accounts/read"
        ));
        assert!(action_matches(
            "Microsoft.CognitiveServices/accounts/listkeys/action",
            "Microsoft.CognitiveServices/accounts/listKeys/action"
        ));
        assert!(!action_matches(
            "Microsoft.CognitiveServices/*/read",
            "Microsoft.CognitiveServices/accounts/write"
        ));
        assert!(!action_matches("a*b*c", "abd"));
        assert!(action_matches("a*b*c", "axxbyyc"));
        assert!(!action_matches("ab*ba", "aba"), "the prefix and suffix may not overlap");
    }

    #[test]
    fn a_forbidden_request_names_the_action_and_scope_azure_would() {
        let account = "/subscriptions/s/resourceGroups/g/providers/Microsoft.CognitiveServices/accounts/a";
        assert_eq!(
            required_action("PUT", &format!("{account}/deployments/d")),
            (
                "Microsoft.CognitiveServices/accounts/deployments/write".into(),
                format!("{account}/deployments/d")
            )
        );
        assert_eq!(
            required_action("POST", &format!("{account}/listKeys")),
            ("Microsoft.CognitiveServices/accounts/listKeys/action".into(), account.to_string())
        );
        assert_eq!(
            required_action("GET", account),
            ("Microsoft.CognitiveServices/accounts/read".into(), account.to_string())
        );
        assert_eq!(
            required_action("PATCH", account),
            ("Microsoft.CognitiveServices/accounts/write".into(), account.to_string())
        );
        assert_eq!(
            required_action("GET", &format!("{account}/providers/Microsoft.Insights/metrics")),
            ("Microsoft.Insights/metrics/read".into(), format!("{account}/providers/Microsoft.Insights"))
        );
        assert_eq!(
            required_action("GET", &format!("{account}/deployments")),
            ("Microsoft.CognitiveServices/accounts/deployments/read".into(), account.to_string())
        );
        let grant = format!("{account}/providers/Microsoft.Authorization/roleAssignments/g");
        assert_eq!(
            required_action("PUT", &grant),
            ("Microsoft.Authorization/roleAssignments/write".into(), grant.clone())
        );
        assert_eq!(required_action("DELETE", &grant).0, "Microsoft.Authorization/roleAssignments/delete");
        assert_eq!(
            required_action(
                "GET",
                "/subscriptions/s/providers/Microsoft.CognitiveServices/locations/eastus/usages"
            )
            .0,
            "Microsoft.CognitiveServices/locations/usages/read"
        );
        assert_eq!(
            required_action("GET", &format!("{account}/providers")).0,
            "/read",
            "no panic at the edge"
        );
    }
}
