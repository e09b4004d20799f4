//! JWT-shaped tokens: `base64url(header).base64url(claims).signature`. Clients may decode them as they would
//! Entra's; only the simulator checks them. The signature is a SHA-256 over a key fixed in the source: it
//! proves a token came from a simulator and was not edited, not who holds it, and it survives a restart.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use serde_json::{json, Map, Value};
use sha2::{Digest, Sha256};

use super::scope::Scopes;
use super::Person;

/// The `kid` of every simulator-issued token: how the simulator tells its tokens from anyone else's.
pub const KEY_ID: &str = "foundry-sim";

/// The signing key. Public on purpose: the simulator guards nothing.
const SIGNING_KEY: &[u8] = b"foundry-sim signing key (not a secret)";

/// Seconds before `iat` that Entra back-dates `nbf` and `iat`, against clock skew.
const SKEW_SECS: u64 = 300;

/// Now in Unix seconds.
pub fn now_secs() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0)
}

/// BASE64URL without padding (JWT segments, PKCE challenges, `client_info`).
pub fn base64url(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

/// BASE64URL(SHA256(text)): the S256 PKCE challenge of a verifier.
pub fn s256(text: &str) -> String {
    base64url(&Sha256::digest(text.as_bytes()))
}

/// Who and what a token is minted for.
pub struct Grant<'a> {
    /// The tenant (`tid`).
    pub tenant_id: &'a str,
    /// The application (`appid`, and the id token's `aud`).
    pub client_id: &'a str,
    /// The requested scopes.
    pub scopes: &'a Scopes,
    /// Seconds until `exp`.
    pub lifetime_secs: u64,
    /// The user signing in: `oid`, `upn`, `name`.
    pub person: &'a Person,
}

/// A v1 access token for the grant's resource, as ARM and Cognitive Services tokens are.
pub fn access_token(grant: &Grant) -> String {
    let now = now_secs();
    let claims = json!({
        "aud": grant.scopes.resource,
        "iss": format!("https://sts.windows.net/{}/", grant.tenant_id),
        "iat": now - SKEW_SECS,
        "nbf": now - SKEW_SECS,
        "exp": now + grant.lifetime_secs,
        "acr": "1",
        "amr": ["pwd", "mfa"],
        "appid": grant.client_id,
        "appidacr": "0",
        "idtyp": "user",
        "ipaddr": "127.0.0.1",
        "name": grant.person.name,
        "oid": grant.person.oid,
        "scp": grant.scopes.permission(),
        "sub": subject(&grant.person.oid, grant.client_id),
        "tid": grant.tenant_id,
        "unique_name": grant.person.upn,
        "upn": grant.person.upn,
        "uti": crate::ids::random_alnum(22),
        "ver": "1.0",
    });
    sign(&claims)
}

/// A v2 id token: `aud` is the client, the user in `preferred_username`.
pub fn id_token(grant: &Grant) -> String {
    let now = now_secs();
    let claims = json!({
        "aud": grant.client_id,
        "iss": format!("https://login.microsoftonline.com/{}/v2.0", grant.tenant_id),
        "iat": now - SKEW_SECS,
        "nbf": now - SKEW_SECS,
        "exp": now + grant.lifetime_secs,
        "name": grant.person.name,
        "oid": grant.person.oid,
        "preferred_username": grant.person.upn,
        "sub": subject(&grant.person.oid, grant.client_id),
        "tid": grant.tenant_id,
        "ver": "2.0",
    });
    sign(&claims)
}

/// `client_info`: base64url of `{"uid": oid, "utid": home tenant}`, as MSAL reads it.
pub fn client_info(oid: &str, home_tenant_id: &str) -> String {
    base64url(json!({"uid": oid, "utid": home_tenant_id}).to_string().as_bytes())
}

/// Entra's `sub` is pairwise: the same user has another one in each application.
fn subject(oid: &str, client_id: &str) -> String {
    s256(&format!("{oid}/{client_id}"))
}

fn sign(claims: &Value) -> String {
    let header = json!({"typ": "JWT", "alg": "RS256", "kid": KEY_ID, "x5t": KEY_ID});
    let input =
        format!("{}.{}", base64url(header.to_string().as_bytes()), base64url(claims.to_string().as_bytes()));
    let signature = signature_of(&input);
    format!("{input}.{signature}")
}

fn signature_of(input: &str) -> String {
    let mut hasher = Sha256::new();
    hasher.update(SIGNING_KEY);
    hasher.update(b".");
    hasher.update(input.as_bytes());
    base64url(&hasher.finalize())
}

/// What a presented bearer token turned out to be.
#[derive(Debug, PartialEq)]
pub enum Decoded {
    /// Not JWT-shaped, or another issuer's `kid`: not the simulator's business.
    Foreign,
    /// The simulator's `kid`, but edited or garbled.
    Tampered,
    /// A simulator token's claims, signature checked.
    Claims(Map<String, Value>),
}

/// Reads a token the simulator may have issued.
pub fn decode(token: &str) -> Decoded {
    let parts: Vec<&str> = token.split('.').collect();
    let [header, claims, signature] = parts.as_slice() else { return Decoded::Foreign };
    let json_of = |segment: &str| -> Option<Map<String, Value>> {
        let bytes = URL_SAFE_NO_PAD.decode(segment.trim_end_matches('=')).ok()?;
        serde_json::from_slice(&bytes).ok()
    };
    let Some(header) = json_of(header) else { return Decoded::Foreign };
    if header.get("kid").and_then(Value::as_str) != Some(KEY_ID) {
        return Decoded::Foreign;
    }
    if signature_of(&format!("{}.{}", parts[0], parts[1])) != *signature {
        return Decoded::Tampered;
    }
    json_of(claims).map_or(Decoded::Tampered, Decoded::Claims)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_round_trip_and_edits_show() {
        let scopes = Scopes::parse("https://management.azure.com/.default", "t").unwrap();
        let person = Person::ada();
        let grant = Grant {
            tenant_id: "tid-1",
            client_id: "client",
            scopes: &scopes,
            lifetime_secs: 60,
            person: &person,
        };
        let token = access_token(&grant);
        let Decoded::Claims(claims) = decode(&token) else { panic!("not decoded: {token}") };
        assert_eq!(claims["aud"], "https://management.azure.com");
        assert_eq!(claims["tid"], "tid-1");
        assert_eq!(claims["iss"], "https://sts.windows.net/tid-1/");
        assert_eq!(claims["upn"], super::super::USER_UPN);
        let mut edited = token.clone();
        edited.push('x');
        assert_eq!(decode(&edited), Decoded::Tampered);
        assert_eq!(decode("t"), Decoded::Foreign);
        assert_eq!(decode("a.b.c"), Decoded::Foreign);
        // RFC 7636 appendix B.
        assert_eq!(
            s256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
    }
}
