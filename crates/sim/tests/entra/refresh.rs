//! Refresh tokens: one serves every resource and tenant of the user, rotates, and stops at revocation or
//! expiry.

use foundry_sim::sandbox::TENANT_ID;
use foundry_sim::SimConfig;
use reqwest::Method;

use crate::helpers::{assert_entra_error, claims, two_tenants, Sim, ARM_SCOPE, COGNITIVE_SCOPE, TENANT_2};

#[tokio::test]
async fn one_refresh_token_mints_tokens_for_another_resource_and_rotates() {
    let sim = Sim::fast().await;
    let signed_in = sim.sign_in(ARM_SCOPE).await;
    let first = signed_in["refresh_token"].as_str().unwrap();

    let (status, cognitive) = sim.refresh(TENANT_ID, first, COGNITIVE_SCOPE).await;
    assert_eq!(status, 200, "{cognitive}");
    assert_eq!(
        cognitive["scope"],
        "https://cognitiveservices.azure.com/user_impersonation https://cognitiveservices.azure.com/.default"
    );
    let access = claims(cognitive["access_token"].as_str().unwrap());
    assert_eq!(
        (access["aud"].as_str(), access["tid"].as_str()),
        (Some("https://cognitiveservices.azure.com"), Some(TENANT_ID))
    );
    let rotated = cognitive["refresh_token"].as_str().unwrap();
    assert_ne!(rotated, first, "a new refresh token each time");
    assert!(cognitive.get("id_token").is_none(), "no openid in this request");

    // The old one keeps working, as Entra's do.
    assert_eq!(sim.refresh("organizations", first, ARM_SCOPE).await.0, 200);
    assert_eq!(sim.refresh("common", rotated, ARM_SCOPE).await.0, 200);
    let (_, counts) = sim.control(Method::GET, "/_sim/entra/tokens", None).await;
    assert_eq!(counts["issued"]["authorization_code"], 1);
    assert_eq!(counts["issued"]["refresh_token"], 3);
}

#[tokio::test]
async fn the_token_is_for_the_tenant_in_the_path() {
    let sim = Sim::start(SimConfig { seed: two_tenants(), ..SimConfig::fast() }).await;
    let signed_in = sim.sign_in(ARM_SCOPE).await;
    assert_eq!(claims(signed_in["access_token"].as_str().unwrap())["tid"], TENANT_ID, "home tenant first");
    let refresh_token = signed_in["refresh_token"].as_str().unwrap();
    for tenant in [TENANT_2, "fabrikam.onmicrosoft.com", &TENANT_2.to_uppercase()] {
        let (status, body) = sim.refresh(tenant, refresh_token, ARM_SCOPE).await;
        assert_eq!(status, 200, "{tenant}: {body}");
        let access = claims(body["access_token"].as_str().unwrap());
        assert_eq!(access["tid"], TENANT_2, "{tenant}");
        assert_eq!(access["iss"], format!("https://sts.windows.net/{TENANT_2}/"));
    }
    let (status, body) = sim.refresh("11111111-2222-4333-8444-555555555555", refresh_token, ARM_SCOPE).await;
    assert_eq!(status, 400);
    assert_entra_error(&body, "invalid_request", 90002);
}

#[tokio::test]
async fn revoked_refresh_tokens_are_refused() {
    let sim = Sim::fast().await;
    let first = sim.sign_in(ARM_SCOPE).await["refresh_token"].as_str().unwrap().to_string();
    let (_, refreshed) = sim.refresh(TENANT_ID, &first, COGNITIVE_SCOPE).await;
    let rotated = refreshed["refresh_token"].as_str().unwrap().to_string();

    let (status, revoked) = sim.control(Method::POST, "/_sim/entra/revoke", None).await;
    assert_eq!((status, revoked["revoked"].as_u64()), (200, Some(2)));
    for token in [&first, &rotated] {
        let (status, body) = sim.refresh(TENANT_ID, token, ARM_SCOPE).await;
        assert_eq!(status, 400);
        assert_entra_error(&body, "invalid_grant", 50173);
        assert!(body["error_description"]
            .as_str()
            .unwrap()
            .contains("The provided grant has expired due to it being revoked"));
    }
    // A fresh sign-in gets a working one again.
    let fresh = sim.sign_in(ARM_SCOPE).await["refresh_token"].as_str().unwrap().to_string();
    assert_eq!(sim.refresh(TENANT_ID, &fresh, ARM_SCOPE).await.0, 200);
}

#[tokio::test]
async fn unknown_and_expired_refresh_tokens_are_refused() {
    let sim = Sim::start(SimConfig { refresh_token_lifetime_secs: 0, ..SimConfig::fast() }).await;
    let (status, body) = sim.refresh(TENANT_ID, "1.never-issued", ARM_SCOPE).await;
    assert_eq!(status, 400);
    assert_entra_error(&body, "invalid_grant", 50173);

    let stale = sim.sign_in(ARM_SCOPE).await["refresh_token"].as_str().unwrap().to_string();
    let (status, body) = sim.refresh(TENANT_ID, &stale, ARM_SCOPE).await;
    assert_eq!(status, 400);
    assert_entra_error(&body, "invalid_grant", 70008);

    // Entra's other refusals: a grant type it does not know, a missing one, a second resource.
    let (_, body) =
        sim.token(TENANT_ID, &[("grant_type", "password"), ("client_id", crate::helpers::CLIENT)]).await;
    assert_entra_error(&body, "unsupported_grant_type", 70003);
    let (_, body) = sim.token(TENANT_ID, &[("client_id", crate::helpers::CLIENT)]).await;
    assert_entra_error(&body, "invalid_request", 900144);
    let both = format!("{ARM_SCOPE} {COGNITIVE_SCOPE}");
    let (_, body) = sim.refresh(TENANT_ID, &stale, &both).await;
    assert_entra_error(&body, "invalid_scope", 28000);
    let secret =
        [("grant_type", "refresh_token"), ("client_id", crate::helpers::CLIENT), ("client_secret", "s")];
    let (status, body) = sim.token(TENANT_ID, &secret).await;
    assert_eq!(status, 401, "invalid_client is a 401");
    assert_entra_error(&body, "invalid_client", 700025);
}
