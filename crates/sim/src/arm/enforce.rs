//! Role-based access control on Resource Manager, for simulator-issued tokens only (any other token may do
//! everything, as before). Checked: everything at or below an account, role assignments at any scope, and
//! the subscription's quota usages. Not checked: subscriptions, tenants, resource groups, the region
//! catalogs, role definitions, `permissions` (anyone may ask what they may do) and operation polls, so a
//! colleague with a role on one account can still find it. Lists of accounts are filtered instead (see
//! `accounts`), as ARM answers a list with what the caller may read.

use axum::response::Response;

use super::Call;
use crate::access::{authorization_failed, required_action};

/// The 403 `AuthorizationFailed` when the caller may not do what the call asks, else None.
pub fn refuse(call: &Call) -> Option<Response> {
    if !call.caller.issued {
        return None;
    }
    let lower: Vec<String> = call.segments.iter().map(|s| s.to_ascii_lowercase()).collect();
    let l: Vec<&str> = lower.iter().map(String::as_str).collect();
    if !enforced(&l) {
        return None;
    }
    let method = call.method.as_str();
    let (action, scope) = required_action(method, &call.path);
    let allowed = call.caller.may(&call.state.world().access, &call.path, &action);
    (!allowed).then(|| authorization_failed(&call.caller.upn, &call.caller.oid, &action, &scope))
}

/// Whether a path (lower-cased segments) is one access control is checked on.
fn enforced(l: &[&str]) -> bool {
    let authorization = l.windows(2).position(|w| w == ["providers", "microsoft.authorization"]);
    if let Some(at) = authorization {
        return l.get(at + 2) == Some(&"roleassignments");
    }
    matches!(
        l,
        [
            "subscriptions",
            _,
            "resourcegroups",
            _,
            "providers",
            "microsoft.cognitiveservices",
            "accounts",
            _,
            ..
        ] | ["subscriptions", _, "providers", "microsoft.cognitiveservices", "locations", _, "usages"]
    )
}

#[cfg(test)]
mod tests {
    use super::enforced;

    #[test]
    fn accounts_assignments_and_usages_are_checked() {
        let split = |p: &str| p.split('/').filter(|s| !s.is_empty()).map(str::to_string).collect::<Vec<_>>();
        let check = |p: &str| {
            let owned = split(&p.to_ascii_lowercase());
            enforced(&owned.iter().map(String::as_str).collect::<Vec<_>>())
        };
        let account = "/subscriptions/s/resourceGroups/g/providers/Microsoft.CognitiveServices/accounts/a";
        assert!(check(account));
        assert!(check(&format!("{account}/deployments/d")));
        assert!(check("/subscriptions/s/providers/Microsoft.Authorization/roleAssignments"));
        assert!(check("/subscriptions/s/providers/Microsoft.CognitiveServices/locations/eastus/usages"));
        assert!(!check("/subscriptions/s/providers/Microsoft.Authorization/permissions"));
        assert!(!check("/subscriptions/s/providers/Microsoft.Authorization/roleDefinitions/x"));
        assert!(!check("/subscriptions/s/resourceGroups/g/providers/Microsoft.CognitiveServices/accounts"));
        assert!(!check("/subscriptions/s/resourcegroups"));
        assert!(!check("/subscriptions/s/providers/Microsoft.CognitiveServices/locations/eastus/models"));
    }
}
