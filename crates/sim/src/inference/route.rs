//! Addressing and authentication. Azure names the resource by host; the simulator, on one loopback port,
//! takes the host as the first path segment (`/{res}.openai.azure.com/openai/v1/chat/completions`). Under it
//! the three URL forms, and the two ways in: an account key, or an Entra token.

use std::collections::HashMap;

use axum::http::{HeaderMap, Method};

use super::errors::{self, InferenceError};
use crate::entra::bearer::{self, Verdict, INFERENCE_AUDIENCES};
use crate::faults::{Fault, FaultKind};

/// The host suffixes an account answers on; all reach the same account.
pub const HOST_SUFFIXES: [&str; 3] =
    [".openai.azure.com", ".cognitiveservices.azure.com", ".services.ai.azure.com"];

/// The account a host names (the part before the first dot, lower case), if it is an account host.
pub fn account_of_host(host: &str) -> Option<String> {
    let host = host.to_ascii_lowercase();
    if !HOST_SUFFIXES.iter().any(|suffix| host.ends_with(suffix)) {
        return None;
    }
    let name = host.split('.').next().unwrap_or_default();
    (!name.is_empty()).then(|| name.to_string())
}

/// Which URL form a request used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Form {
    /// `openai/v1/chat/completions`: deployment in the body's `model`.
    V1,
    /// `openai/deployments/{dep}/chat/completions?api-version=`: deployment in the path.
    Classic(String),
    /// `models/chat/completions?api-version=`: deployment in the body's `model`.
    Models,
}

/// A request's form and api-version.
#[derive(Clone, Debug)]
pub struct Target {
    /// The URL form.
    pub form: Form,
    /// `api-version`, when given.
    pub api_version: Option<String>,
}

impl Target {
    /// How a 429 names the API version.
    pub fn api_version_label(&self) -> &str {
        self.api_version.as_deref().unwrap_or("v1")
    }
}

/// The form of the path under the host (`rest`, as sent), or the answer Azure gives a URL it does not serve.
pub fn target(
    method: &Method,
    rest: &[String],
    query: &HashMap<String, String>,
) -> Result<Target, InferenceError> {
    let lower: Vec<String> = rest.iter().map(|s| s.to_ascii_lowercase()).collect();
    let lower: Vec<&str> = lower.iter().map(String::as_str).collect();
    let form = match lower.as_slice() {
        ["openai", "v1", "chat", "completions"] => Form::V1,
        ["openai", "deployments", _, "chat", "completions"] => Form::Classic(rest[2].clone()),
        ["models", "chat", "completions"] => Form::Models,
        _ => return Err(errors::not_modelled(method.as_str(), &format!("/{}", rest.join("/")))),
    };
    if method != Method::POST {
        return Err(errors::resource_not_found());
    }
    let api_version = query.get("api-version").filter(|v| !v.is_empty()).cloned();
    if form != Form::V1 && api_version.is_none() {
        return Err(errors::resource_not_found());
    }
    Ok(Target { form, api_version })
}

/// What an account needs to check a caller.
pub struct Lock<'a> {
    /// key1 and key2.
    pub keys: &'a [String; 2],
    /// Keys refused.
    pub disable_local_auth: bool,
}

/// Checks the caller: `api-key` (or, on v1, the key as a Bearer token) must be one of the account's keys
/// and keys must be allowed; a key sent as Bearer elsewhere is an invalid token; any other Bearer token is
/// an Entra token, refused when the simulator issued it and it is expired or for another audience, when it
/// is the literal `expired`, or when an `expired-token` fault strikes, and 403 when a `forbidden` fault
/// does. `take` takes a fault of a kind for this request. `Ok(Some(oid))` names the principal of a
/// simulator-issued token, whose role assignments then decide (see `authorize`); keys and other tokens are
/// `Ok(None)`.
pub fn authenticate(
    headers: &HeaderMap,
    lock: &Lock,
    form: &Form,
    take: impl Fn(FaultKind) -> Option<Fault>,
) -> Result<Option<String>, InferenceError> {
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok()).map(str::trim);
    let is_key = |candidate: &str| lock.keys.iter().any(|k| k == candidate);
    let key_auth = |key: &str| {
        if lock.disable_local_auth {
            Err(errors::key_auth_disabled())
        } else if is_key(key) {
            Ok(None)
        } else {
            Err(errors::invalid_key())
        }
    };
    if let Some(key) = header("api-key").filter(|k| !k.is_empty()) {
        return key_auth(key);
    }
    let bearer = header("authorization")
        .and_then(|v| v.strip_prefix("Bearer ").or_else(|| v.strip_prefix("bearer ")))
        .map(str::trim)
        .filter(|t| !t.is_empty());
    let Some(token) = bearer else { return Err(errors::invalid_key()) };
    if is_key(token) {
        // Only v1 reads a key from the Authorization header; elsewhere it is taken for a (bad) token.
        return if *form == Form::V1 { key_auth(token) } else { Err(errors::invalid_token()) };
    }
    // An Entra token. One the simulator issued must be unexpired and for Cognitive Services; any other
    // passes (tests send made-up tokens), except the literal `expired`.
    let (refused, principal) = match bearer::inspect(token, &INFERENCE_AUDIENCES) {
        Verdict::Foreign => (token == "expired", None),
        Verdict::Valid { oid, .. } => (false, Some(oid)),
        Verdict::Expired { .. } | Verdict::WrongAudience { .. } | Verdict::Invalid => (true, None),
    };
    if refused || take(FaultKind::ExpiredToken).is_some() {
        return Err(errors::invalid_token());
    }
    if take(FaultKind::Forbidden).is_some() {
        return Err(errors::permission_denied());
    }
    Ok(principal)
}

/// Checks a signed-in principal's roles: it needs the chat data action on the account (`account_id`), from a
/// role assigned there or above, directly or through a group; else Azure's 401 PermissionDenied.
pub fn authorize(
    state: &crate::state::SimState,
    oid: &str,
    account_id: &str,
    form: &Form,
) -> Result<(), InferenceError> {
    let allowed = state.world().access.allows(oid, account_id, CHAT_ACTION, crate::access::Plane::Data);
    if allowed {
        Ok(())
    } else {
        Err(errors::lacks_data_action(oid, CHAT_ACTION, operation(form)))
    }
}

/// The data action a chat completion needs, whichever URL form asked for it.
pub const CHAT_ACTION: &str =
    "Microsoft.CognitiveServices/accounts/OpenAI/deployments/chat/completions/action";

/// How Azure names the operation a form performs in a PermissionDenied.
fn operation(form: &Form) -> &'static str {
    match form {
        Form::Classic(_) => "POST /openai/deployments/{deployment-id}/chat/completions",
        Form::V1 => "POST /openai/v1/chat/completions",
        Form::Models => "POST /models/chat/completions",
    }
}

/// A region's display name, as `x-ms-region` gives it ("eastus" → "East US").
pub fn region_display_name(location: &str) -> String {
    const NAMES: [(&str, &str); 28] = [
        ("eastus", "East US"),
        ("eastus2", "East US 2"),
        ("westus", "West US"),
        ("westus2", "West US 2"),
        ("westus3", "West US 3"),
        ("centralus", "Central US"),
        ("northcentralus", "North Central US"),
        ("southcentralus", "South Central US"),
        ("canadaeast", "Canada East"),
        ("canadacentral", "Canada Central"),
        ("brazilsouth", "Brazil South"),
        ("swedencentral", "Sweden Central"),
        ("westeurope", "West Europe"),
        ("northeurope", "North Europe"),
        ("francecentral", "France Central"),
        ("germanywestcentral", "Germany West Central"),
        ("italynorth", "Italy North"),
        ("norwayeast", "Norway East"),
        ("polandcentral", "Poland Central"),
        ("spaincentral", "Spain Central"),
        ("switzerlandnorth", "Switzerland North"),
        ("uksouth", "UK South"),
        ("uaenorth", "UAE North"),
        ("southafricanorth", "South Africa North"),
        ("australiaeast", "Australia East"),
        ("japaneast", "Japan East"),
        ("koreacentral", "Korea Central"),
        ("southindia", "South India"),
    ];
    let key = crate::world::normalize_location(location);
    NAMES
        .iter()
        .find(|(name, _)| *name == key)
        .map_or_else(|| location.to_string(), |(_, shown)| shown.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_host_form_names_the_account() {
        for host in [
            "contoso-openai-eastus.openai.azure.com",
            "Contoso-OpenAI-EastUS.cognitiveservices.azure.com",
            "contoso-openai-eastus.services.ai.azure.com",
        ] {
            assert_eq!(account_of_host(host).as_deref(), Some("contoso-openai-eastus"), "{host}");
        }
        assert_eq!(account_of_host("subscriptions"), None);
        assert_eq!(account_of_host("x.blob.core.windows.net"), None);
        assert_eq!(region_display_name("swedencentral"), "Sweden Central");
    }

    #[test]
    fn classic_needs_an_api_version() {
        let rest = |p: &str| p.split('/').map(str::to_string).collect::<Vec<_>>();
        let none = HashMap::new();
        let classic = rest("openai/deployments/gpt-4o/chat/completions");
        assert_eq!(target(&Method::POST, &classic, &none).unwrap_err().status(), 404);
        let with = HashMap::from([("api-version".to_string(), "2024-10-21".to_string())]);
        assert_eq!(target(&Method::POST, &classic, &with).unwrap().form, Form::Classic("gpt-4o".into()));
        assert_eq!(target(&Method::POST, &rest("openai/v1/chat/completions"), &none).unwrap().form, Form::V1);
        assert_eq!(
            target(&Method::GET, &rest("openai/v1/chat/completions"), &none).unwrap_err().status(),
            404
        );
    }
}
