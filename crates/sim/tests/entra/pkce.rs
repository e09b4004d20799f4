//! Authorization code with PKCE: the redirect straight back, the verifier, single use, loopback only.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use foundry_sim::entra::{USER_OID, USER_UPN};
use foundry_sim::sandbox::TENANT_ID;
use serde_json::Value;

use crate::helpers::{assert_entra_error, claims, pkce, query_value, Sim, ARM_SCOPE, CLIENT, REDIRECT};

fn authorize_params<'a>(redirect: &'a str, challenge: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("client_id", CLIENT),
        ("response_type", "code"),
        ("redirect_uri", redirect),
        ("scope", ARM_SCOPE),
        ("state", "st-1"),
        ("code_challenge", challenge),
        ("code_challenge_method", "S256"),
        ("prompt", "select_account"),
        ("login_hint", "ada@contoso.com"),
    ]
}

async fn redeem(sim: &Sim, code: &str, redirect: &str, verifier: &str) -> (u16, Value) {
    sim.token(
        "organizations",
        &[
            ("grant_type", "authorization_code"),
            ("client_id", CLIENT),
            ("code", code),
            ("redirect_uri", redirect),
            ("code_verifier", verifier),
            ("client_info", "1"),
        ],
    )
    .await
}

#[tokio::test]
async fn authorize_redirects_straight_back_and_the_verifier_redeems_the_code() {
    let sim = Sim::fast().await;
    let (verifier, challenge) = pkce();
    let (status, location) = sim.authorize("organizations", &authorize_params(REDIRECT, &challenge)).await;
    assert_eq!(status, 302);
    let location = location.unwrap();
    assert!(location.as_str().starts_with("http://localhost:53117/callback?"), "{location}");
    assert_eq!(query_value(&location, "state").as_deref(), Some("st-1"));
    assert!(query_value(&location, "error").is_none(), "{location}");
    let code = query_value(&location, "code").unwrap();

    let (status, tokens) = redeem(&sim, &code, REDIRECT, &verifier).await;
    assert_eq!(status, 200, "{tokens}");
    let access = claims(tokens["access_token"].as_str().unwrap());
    assert_eq!(
        (access["aud"].as_str(), access["tid"].as_str()),
        (Some("https://management.azure.com"), Some(TENANT_ID))
    );
    assert_eq!(access["oid"], USER_OID);
    assert_eq!(access["appid"], CLIENT);
    let id = claims(tokens["id_token"].as_str().unwrap());
    assert_eq!((id["aud"].as_str(), id["preferred_username"].as_str()), (Some(CLIENT), Some(USER_UPN)));
    let info: Value =
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(tokens["client_info"].as_str().unwrap()).unwrap())
            .unwrap();
    assert_eq!((info["uid"].as_str(), info["utid"].as_str()), (Some(USER_OID), Some(TENANT_ID)));
    assert!(tokens["refresh_token"].is_string());
}

#[tokio::test]
async fn a_wrong_verifier_is_refused_and_a_code_is_single_use() {
    let sim = Sim::fast().await;
    let (verifier, challenge) = pkce();
    let code = sim.code(ARM_SCOPE, &challenge).await;
    let (status, body) = redeem(&sim, &code, REDIRECT, "not-the-verifier-0123456789-0123456789-abcdef").await;
    assert_eq!(status, 400);
    assert_entra_error(&body, "invalid_grant", 501481);
    let description = body["error_description"].as_str().unwrap();
    assert!(
        description.contains(
            "The Code_Verifier does not match the code_challenge supplied in the authorization request."
        ),
        "{description}"
    );
    // The redirect URI must be the authorize request's.
    let (_, body) = redeem(&sim, &code, "http://localhost:53117/other", &verifier).await;
    assert_entra_error(&body, "invalid_grant", 50011);

    assert_eq!(redeem(&sim, &code, REDIRECT, &verifier).await.0, 200);
    let (status, body) = redeem(&sim, &code, REDIRECT, &verifier).await;
    assert_eq!(status, 400);
    assert_entra_error(&body, "invalid_grant", 54005);
    assert!(body["error_description"]
        .as_str()
        .unwrap()
        .contains("OAuth2 Authorization code was already redeemed"));
}

#[tokio::test]
async fn only_loopback_redirects_are_taken() {
    let sim = Sim::fast().await;
    let (_, challenge) = pkce();
    for good in ["http://localhost", "http://127.0.0.1:9/cb", "http://[::1]:8400/"] {
        let (status, location) = sim.authorize("organizations", &authorize_params(good, &challenge)).await;
        assert_eq!(status, 302, "{good}");
        assert!(query_value(&location.unwrap(), "code").is_some(), "{good}");
    }
    for bad in [
        "https://localhost:5000/cb",
        "http://example.com/cb",
        "http://localhost.evil.com/",
        "urn:ietf:wg:oauth:2.0:oob",
    ] {
        let url = format!("{}/oauth2/v2.0/authorize", sim.sim.authority_url("organizations"));
        let response = sim.client.get(url).query(&authorize_params(bad, &challenge)).send().await.unwrap();
        assert_eq!(response.status(), 400, "{bad}");
        assert!(response.headers().get("location").is_none(), "{bad}: never redirected");
        let body: Value = response.json().await.unwrap();
        assert_entra_error(&body, "invalid_request", 50011);
        assert!(body["error_description"].as_str().unwrap().contains(bad), "{body}");
    }
}

#[tokio::test]
async fn a_bad_challenge_method_goes_back_to_the_client_as_an_error() {
    let sim = Sim::fast().await;
    let (_, challenge) = pkce();
    for method in [None, Some("plain")] {
        let mut params = authorize_params(REDIRECT, &challenge);
        params.retain(|(name, _)| *name != "code_challenge_method");
        if let Some(method) = method {
            params.push(("code_challenge_method", method));
        }
        let (status, location) = sim.authorize("organizations", &params).await;
        assert_eq!(status, 302);
        let location = location.unwrap();
        assert_eq!(query_value(&location, "error").as_deref(), Some("invalid_request"), "{location}");
        assert!(query_value(&location, "error_description").unwrap().starts_with("AADSTS50149: "));
        assert_eq!(query_value(&location, "state").as_deref(), Some("st-1"));
        assert!(query_value(&location, "code").is_none());
    }
    // An unknown tenant is shown, not redirected.
    let (status, location) = sim.authorize("contoso.example", &authorize_params(REDIRECT, &challenge)).await;
    assert_eq!((status, location), (400, None));
}
