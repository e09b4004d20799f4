//! Scopes: which resource a token is for (one per request, as Entra insists), and whether a refresh token
//! (`offline_access`) and an id token (`openid`) come with it.

use super::errors::EntraError;

/// Resources the simulated tenants know, as the `aud` of their tokens. `https://management.core.windows.net/`
/// is ARM's older name (the Azure CLI still asks for `https://management.core.windows.net//.default`).
const KNOWN_RESOURCES: [&str; 5] = [
    "https://management.azure.com",
    "https://management.core.windows.net",
    "https://cognitiveservices.azure.com",
    "https://ai.azure.com",
    "https://graph.microsoft.com",
];

/// Microsoft Graph: what a request naming no resource gets a token for.
const GRAPH: &str = "https://graph.microsoft.com";

/// What a `scope` parameter asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scopes {
    /// The resource, spelled as in the scope without its last segment (`https://management.azure.com`,
    /// or `https://management.core.windows.net/` from `…net//.default`): the token's `aud`.
    pub resource: String,
    /// `offline_access`: a refresh token comes with the access token.
    pub offline_access: bool,
    /// `openid`: an id token comes with it.
    pub openid: bool,
}

impl Scopes {
    /// Parses a space-separated `scope`; errors as Entra answers them (`tenant` names the directory).
    pub fn parse(scope: &str, tenant: &str) -> Result<Self, EntraError> {
        let mut resource: Option<String> = None;
        let (mut offline_access, mut openid) = (false, false);
        for item in scope.split_whitespace() {
            match item.to_ascii_lowercase().as_str() {
                "offline_access" => offline_access = true,
                "openid" => openid = true,
                "profile" | "email" => {}
                _ => {
                    // `https://host/.default`, `https://host/user_impersonation`; a bare name is a Graph scope.
                    let named = match (item.find("://"), item.rfind('/')) {
                        (Some(scheme), Some(slash)) if slash > scheme + 2 => item[..slash].to_string(),
                        (Some(_), _) => item.to_string(),
                        (None, _) => GRAPH.to_string(),
                    };
                    match &resource {
                        Some(seen) if !same_resource(seen, &named) => return Err(more_than_one_resource()),
                        _ => resource = Some(named),
                    }
                }
            }
        }
        let resource = resource.unwrap_or_else(|| GRAPH.to_string());
        if !KNOWN_RESOURCES.iter().any(|known| same_resource(known, &resource)) {
            return Err(unknown_resource(&resource, tenant));
        }
        Ok(Self { resource, offline_access, openid })
    }

    /// The `scope` of a token answer: what was granted on the resource, as Entra lists it.
    pub fn granted(&self) -> String {
        format!("{}/{} {}/.default", self.resource, self.permission(), self.resource)
    }

    /// The delegated permission tokens carry in `scp`.
    pub fn permission(&self) -> &'static str {
        if same_resource(&self.resource, GRAPH) {
            "User.Read"
        } else {
            "user_impersonation"
        }
    }
}

/// Whether two resource names are the same resource (case and trailing slashes do not matter).
pub fn same_resource(a: &str, b: &str) -> bool {
    a.trim_end_matches('/').eq_ignore_ascii_case(b.trim_end_matches('/'))
}

fn more_than_one_resource() -> EntraError {
    EntraError::new(
        "invalid_scope",
        28_000,
        "Provided value for the input parameter scope is not valid because it contains more than one resource. \
         Scope resources specified in request must be from a single resource.",
    )
}

fn unknown_resource(resource: &str, tenant: &str) -> EntraError {
    EntraError::new(
        "invalid_resource",
        500_011,
        format!(
            "The resource principal named {resource} was not found in the tenant named {tenant}. This can happen \
             if the application has not been installed by the administrator of the tenant or consented to by any \
             user in the tenant. You might have sent your authentication request to the wrong tenant."
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_resource_per_request() {
        let arm = Scopes::parse("https://management.azure.com/.default offline_access openid", "t").unwrap();
        assert_eq!(arm.resource, "https://management.azure.com");
        assert!(arm.offline_access && arm.openid);
        assert_eq!(
            arm.granted(),
            "https://management.azure.com/user_impersonation https://management.azure.com/.default"
        );
        let cli = Scopes::parse("https://management.core.windows.net//.default", "t").unwrap();
        assert_eq!(cli.resource, "https://management.core.windows.net/");
        assert!(!cli.offline_access);
        let graph = Scopes::parse("openid profile offline_access", "t").unwrap();
        assert_eq!(graph.resource, GRAPH);
        let two = "https://management.azure.com/.default https://cognitiveservices.azure.com/.default";
        assert_eq!(Scopes::parse(two, "t").unwrap_err().code, 28_000);
        assert_eq!(Scopes::parse("https://example.com/.default", "t").unwrap_err().code, 500_011);
    }
}
