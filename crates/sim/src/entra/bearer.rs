//! The one check of a presented Entra token, shared by ARM and inference (each answers in its own shape).
//! Tokens the simulator issued are held to their `exp` and `aud`; any other token (`Bearer t` in tests,
//! a real Entra token) passes as before, so nothing that worked without sign-in stops working.

use serde_json::Value;

use super::jwt::{self, Decoded};
use super::scope::same_resource;

/// The audiences ARM accepts (in the order its error message lists them).
pub const ARM_AUDIENCES: [&str; 2] =
    ["https://management.core.windows.net/", "https://management.azure.com/"];

/// The audiences the inference data plane accepts: Cognitive Services, and Foundry's `ai.azure.com`.
pub const INFERENCE_AUDIENCES: [&str; 2] = ["https://cognitiveservices.azure.com", "https://ai.azure.com"];

/// The audiences Microsoft Graph accepts: its URL, or its application id.
pub const GRAPH_AUDIENCES: [&str; 2] =
    ["https://graph.microsoft.com", "00000003-0000-0000-c000-000000000000"];

/// What a bearer token is worth to a service accepting `audiences`.
#[derive(Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Not issued by the simulator: judged as before sign-in was simulated.
    Foreign,
    /// A valid simulator token for tenant `tenant_id`.
    Valid {
        /// The token's `tid`.
        tenant_id: String,
        /// Who it was issued to (`oid`).
        oid: String,
        /// Their sign-in name (`upn`).
        upn: String,
    },
    /// Past its `exp` (Unix seconds), `now` being the time of the check.
    Expired {
        /// The token's `exp`.
        exp: u64,
        /// The time of the check.
        now: u64,
    },
    /// Minted for another resource.
    WrongAudience {
        /// The token's `aud`.
        aud: String,
    },
    /// The simulator's, but edited, garbled or not yet valid.
    Invalid,
}

/// Judges `token` for a service that accepts `audiences`.
pub fn inspect(token: &str, audiences: &[&str]) -> Verdict {
    let claims = match jwt::decode(token) {
        Decoded::Foreign => return Verdict::Foreign,
        Decoded::Tampered => return Verdict::Invalid,
        Decoded::Claims(claims) => claims,
    };
    let number = |name: &str| claims.get(name).and_then(Value::as_u64);
    let text = |name: &str| claims.get(name).and_then(Value::as_str).unwrap_or_default().to_string();
    let (Some(exp), Some(nbf)) = (number("exp"), number("nbf")) else { return Verdict::Invalid };
    let now = jwt::now_secs();
    if now < nbf {
        return Verdict::Invalid;
    }
    if now >= exp {
        return Verdict::Expired { exp, now };
    }
    let aud = text("aud");
    if !audiences.iter().any(|allowed| same_resource(allowed, &aud)) {
        return Verdict::WrongAudience { aud };
    }
    match (text("tid"), text("oid")) {
        (tenant_id, oid) if !tenant_id.is_empty() && !oid.is_empty() => {
            Verdict::Valid { tenant_id, oid, upn: text("upn") }
        }
        _ => Verdict::Invalid,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entra::scope::Scopes;

    fn token(scope: &str, lifetime_secs: u64) -> String {
        let scopes = Scopes::parse(scope, "t").unwrap();
        let person = crate::entra::Person::ada();
        jwt::access_token(&jwt::Grant {
            tenant_id: "tid",
            client_id: "c",
            scopes: &scopes,
            lifetime_secs,
            person: &person,
        })
    }

    #[test]
    fn issued_tokens_are_held_to_expiry_and_audience() {
        let arm = token("https://management.azure.com/.default", 600);
        assert_eq!(
            inspect(&arm, &ARM_AUDIENCES),
            Verdict::Valid {
                tenant_id: "tid".into(),
                oid: crate::entra::USER_OID.into(),
                upn: crate::entra::USER_UPN.into()
            }
        );
        let graph = token("https://graph.microsoft.com/.default", 600);
        assert!(matches!(inspect(&graph, &GRAPH_AUDIENCES), Verdict::Valid { .. }));
        assert_eq!(
            inspect(&arm, &INFERENCE_AUDIENCES),
            Verdict::WrongAudience { aud: "https://management.azure.com".into() }
        );
        let cli = token("https://management.core.windows.net//.default", 600);
        assert!(matches!(inspect(&cli, &ARM_AUDIENCES), Verdict::Valid { .. }));
        let stale = token("https://cognitiveservices.azure.com/.default", 0);
        assert!(matches!(inspect(&stale, &INFERENCE_AUDIENCES), Verdict::Expired { .. }));
        assert_eq!(inspect("t", &ARM_AUDIENCES), Verdict::Foreign);
    }
}
