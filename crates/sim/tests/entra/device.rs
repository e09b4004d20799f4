//! The device-code flow: the code, pending then tokens, slow_down, declined, expired, and the user acting
//! through the control endpoints.

use foundry_sim::entra::USER_UPN;
use foundry_sim::sandbox::TENANT_ID;
use foundry_sim::SimConfig;
use reqwest::Method;

use crate::helpers::{assert_entra_error, claims, Sim, ARM_SCOPE};

#[tokio::test]
async fn a_device_code_is_pending_then_signs_in() {
    let sim = Sim::fast().await;
    let code = sim.device_code(ARM_SCOPE).await;
    let user_code = code["user_code"].as_str().unwrap();
    assert_eq!(user_code.len(), 9);
    assert!(user_code.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()), "{user_code}");
    assert_eq!(code["verification_uri"], "https://microsoft.com/devicelogin");
    assert_eq!(code["expires_in"], 900);
    assert_eq!(code["interval"], 0, "fast(): no interval");
    assert_eq!(
        code["message"],
        format!(
            "To sign in, use a web browser to open the page https://microsoft.com/devicelogin and enter the code \
             {user_code} to authenticate."
        )
    );
    let device_code = code["device_code"].as_str().unwrap();
    assert!(device_code.len() > 100);

    let (status, pending) = sim.poll(device_code).await;
    assert_eq!(status, 400);
    assert_entra_error(&pending, "authorization_pending", 70016);
    assert!(pending["error_description"]
        .as_str()
        .unwrap()
        .contains("Authorization is pending. Continue polling."));

    let (status, tokens) = sim.poll(device_code).await;
    assert_eq!(status, 200, "{tokens}");
    assert_eq!(tokens["token_type"], "Bearer");
    assert_eq!(
        tokens["scope"],
        "https://management.azure.com/user_impersonation https://management.azure.com/.default"
    );
    assert_eq!(tokens["expires_in"], 3600);
    assert_eq!(tokens["ext_expires_in"], 3600);
    assert!(tokens["refresh_token"].as_str().is_some_and(|t| !t.is_empty()), "offline_access asked");
    let access = claims(tokens["access_token"].as_str().unwrap());
    assert_eq!(access["aud"], "https://management.azure.com");
    assert_eq!(access["tid"], TENANT_ID, "organizations is the home tenant");
    assert_eq!(access["iss"], format!("https://sts.windows.net/{TENANT_ID}/"));
    assert_eq!(access["upn"], USER_UPN);
    assert_eq!(access["scp"], "user_impersonation");
    assert!(access["exp"].as_u64().unwrap() > access["iat"].as_u64().unwrap());
    assert_eq!(claims(tokens["id_token"].as_str().unwrap())["preferred_username"], USER_UPN);

    // Redeemed: the code is spent.
    let (status, again) = sim.poll(device_code).await;
    assert_eq!(status, 400);
    assert_entra_error(&again, "invalid_grant", 70000);
    let (_, issued) = sim.control(Method::GET, "/_sim/entra/tokens", None).await;
    assert_eq!(issued["issued"]["urn:ietf:params:oauth:grant-type:device_code"], 1);
}

#[tokio::test]
async fn the_default_user_waits_two_polls_and_no_offline_access_means_no_refresh_token() {
    let sim = Sim::start(SimConfig { device_code_interval_secs: 0, ..SimConfig::default() }).await;
    let code = sim.device_code("https://management.azure.com/.default").await;
    let device_code = code["device_code"].as_str().unwrap();
    for _ in 0..2 {
        assert_eq!(sim.poll(device_code).await.1["error"], "authorization_pending");
    }
    let (status, tokens) = sim.poll(device_code).await;
    assert_eq!(status, 200, "{tokens}");
    assert!(tokens.get("refresh_token").is_none(), "{tokens}");
    assert!(tokens.get("id_token").is_none(), "no openid asked: {tokens}");
}

#[tokio::test]
async fn polling_faster_than_the_interval_is_told_to_slow_down() {
    let sim = Sim::start(SimConfig { device_code_interval_secs: 5, ..SimConfig::fast() }).await;
    let code = sim.device_code(ARM_SCOPE).await;
    assert_eq!(code["interval"], 5);
    let (status, body) = sim.poll(code["device_code"].as_str().unwrap()).await;
    assert_eq!(status, 400);
    assert_eq!(body["error"], "slow_down", "{body}");
}

#[tokio::test]
async fn a_declined_code_says_so_and_stays_declined() {
    let sim = Sim::fast().await;
    sim.device_mode("decline").await;
    let code = sim.device_code(ARM_SCOPE).await;
    let device_code = code["device_code"].as_str().unwrap();
    assert_eq!(sim.poll(device_code).await.1["error"], "authorization_pending");
    for _ in 0..2 {
        let (status, body) = sim.poll(device_code).await;
        assert_eq!(status, 400);
        assert_entra_error(&body, "authorization_declined", 70000);
        assert!(body["error_description"].as_str().unwrap().contains("denied the request"));
    }
}

#[tokio::test]
async fn an_expired_code_says_so() {
    let sim = Sim::fast().await;
    sim.device_mode("expire").await;
    let code = sim.device_code(ARM_SCOPE).await;
    let device_code = code["device_code"].as_str().unwrap();
    assert_eq!(sim.poll(device_code).await.1["error"], "authorization_pending");
    let (status, body) = sim.poll(device_code).await;
    assert_eq!(status, 400);
    assert_entra_error(&body, "expired_token", 70019);
    assert!(body["error_description"]
        .as_str()
        .unwrap()
        .starts_with("AADSTS70019: Verification code expired."));
}

#[tokio::test]
async fn in_manual_mode_the_code_waits_for_an_explicit_approval() {
    let sim = Sim::fast().await;
    sim.device_mode("manual").await;
    assert_eq!(sim.control(Method::GET, "/_sim/entra/device-mode", None).await.1["mode"], "manual");
    let code = sim.device_code(ARM_SCOPE).await;
    let (device_code, user_code) =
        (code["device_code"].as_str().unwrap(), code["user_code"].as_str().unwrap());
    for _ in 0..4 {
        assert_eq!(sim.poll(device_code).await.1["error"], "authorization_pending");
    }
    let (_, listed) = sim.control(Method::GET, "/_sim/entra/device", None).await;
    assert_eq!(listed["deviceCodes"][0]["userCode"], user_code);
    assert_eq!(listed["deviceCodes"][0]["status"], "pending");
    assert_eq!(listed["deviceCodes"][0]["polls"], 4);

    // The user types the code in lower case; the simulator does not mind.
    let approve = format!("/_sim/entra/device/{}/approve", user_code.to_lowercase());
    let (status, approved) = sim.control(Method::POST, &approve, None).await;
    assert_eq!((status, approved["status"].as_str()), (200, Some("approved")));
    let (status, tokens) = sim.poll(device_code).await;
    assert_eq!(status, 200, "{tokens}");

    assert_eq!(sim.control(Method::POST, &approve, None).await.0, 409, "already redeemed");
    assert_eq!(sim.control(Method::POST, "/_sim/entra/device/NOPE12345/approve", None).await.0, 404);
    let wrong_action = format!("/_sim/entra/device/{user_code}/shrug");
    assert_eq!(sim.control(Method::POST, &wrong_action, None).await.0, 404);
}

#[tokio::test]
async fn the_control_endpoint_declines_or_expires_one_code() {
    let sim = Sim::fast().await;
    sim.device_mode("manual").await;
    for (action, error) in [("decline", "authorization_declined"), ("expire", "expired_token")] {
        let code = sim.device_code(ARM_SCOPE).await;
        let path = format!("/_sim/entra/device/{}/{action}", code["user_code"].as_str().unwrap());
        assert_eq!(sim.control(Method::POST, &path, None).await.0, 200);
        assert_eq!(sim.poll(code["device_code"].as_str().unwrap()).await.1["error"], error);
    }
}

#[tokio::test]
async fn an_unknown_device_code_or_tenant_is_refused_in_entra_shape() {
    let sim = Sim::fast().await;
    let (status, body) = sim.poll("DAQABIQEAAAD--never-issued").await;
    assert_eq!(status, 400);
    assert_entra_error(&body, "invalid_grant", 70000);

    let (status, body) = sim
        .form(
            "11111111-2222-4333-8444-555555555555",
            "devicecode",
            &[("client_id", crate::helpers::CLIENT), ("scope", ARM_SCOPE)],
        )
        .await;
    assert_eq!(status, 400);
    assert_entra_error(&body, "invalid_request", 90002);
    let (status, body) = sim.form("organizations", "devicecode", &[("scope", ARM_SCOPE)]).await;
    assert_eq!(status, 400);
    assert_entra_error(&body, "invalid_request", 900144);
    assert!(body["error_description"].as_str().unwrap().contains("'client_id'"));
    let (_, body) =
        sim.form("organizations", "devicecode", &[("client_id", "my-app"), ("scope", ARM_SCOPE)]).await;
    assert_entra_error(&body, "unauthorized_client", 700016);
}

#[tokio::test]
async fn the_token_endpoint_takes_post_only() {
    let sim = Sim::fast().await;
    let url = format!("{}/oauth2/v2.0/token", sim.sim.authority_url("organizations"));
    let response = sim.client.get(url).send().await.unwrap();
    assert_eq!(response.status(), 400);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_entra_error(&body, "invalid_request", 900561);
    assert!(body["error_description"].as_str().unwrap().contains("Received a GET request."));
}
