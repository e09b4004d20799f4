//! Who signs in: `/_sim/entra/user` chooses, device codes and refresh tokens remember, tokens for Graph come
//! from the same refresh token.
#![allow(clippy::unwrap_used)]

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use foundry_sim::entra::{AZURE_CLI_CLIENT_ID, USER_UPN};
use foundry_sim::sandbox::{COLLEAGUE_NAME, COLLEAGUE_OID, COLLEAGUE_UPN};
use reqwest::Method;
use serde_json::{json, Value};

use crate::helpers::*;

fn claims(token: &str) -> Value {
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(token.split('.').nth(1).unwrap()).unwrap()).unwrap()
}

/// Signs in with the device-code flow (the simulated user approves); the token answer.
async fn device_sign_in(sim: &Sim) -> Value {
    let authority = sim.sim.authority_url("organizations");
    let scope = format!("{ARM} offline_access");
    let form = [("client_id", AZURE_CLI_CLIENT_ID), ("scope", scope.as_str())];
    let code: Value = sim
        .client
        .post(format!("{authority}/oauth2/v2.0/devicecode"))
        .form(&form)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let device_code = code["device_code"].as_str().unwrap().to_string();
    let grant = "urn:ietf:params:oauth:grant-type:device_code";
    wait_until(
        || async {
            let form =
                [("grant_type", grant), ("client_id", AZURE_CLI_CLIENT_ID), ("device_code", &device_code)];
            let response =
                sim.client.post(format!("{authority}/oauth2/v2.0/token")).form(&form).send().await.unwrap();
            response.json::<Value>().await.unwrap()
        },
        |body: &Value| body["access_token"].is_string(),
    )
    .await
}

async fn refresh(sim: &Sim, refresh_token: &str, scope: &str) -> Value {
    let authority = sim.sim.authority_url("organizations");
    let form = [
        ("grant_type", "refresh_token"),
        ("client_id", AZURE_CLI_CLIENT_ID),
        ("refresh_token", refresh_token),
        ("scope", scope),
    ];
    sim.client
        .post(format!("{authority}/oauth2/v2.0/token"))
        .form(&form)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

#[tokio::test]
async fn the_chosen_user_signs_in_and_their_refresh_token_stays_theirs() {
    let sim = Sim::fast().await;
    let now = sim.call(Method::GET, "/_sim/entra/user", None, None).await;
    assert_eq!(now.body["upn"], USER_UPN);
    let chosen =
        sim.call(Method::POST, "/_sim/entra/user", None, Some(json!({"upn": "Grace@Contoso.com"}))).await;
    assert_eq!(chosen.body, json!({"upn": COLLEAGUE_UPN, "oid": COLLEAGUE_OID, "name": COLLEAGUE_NAME}));
    let unknown =
        sim.call(Method::POST, "/_sim/entra/user", None, Some(json!({"upn": "nobody@contoso.com"}))).await;
    assert_eq!(unknown.status, 404);

    let tokens = device_sign_in(&sim).await;
    let arm = claims(tokens["access_token"].as_str().unwrap());
    assert_eq!(
        (arm["upn"].as_str(), arm["oid"].as_str(), arm["name"].as_str()),
        (Some(COLLEAGUE_UPN), Some(COLLEAGUE_OID), Some(COLLEAGUE_NAME))
    );

    // Ada signs in on this machine from now on; Grace's refresh token still mints Grace's tokens.
    sim.sim.sign_in_as(USER_UPN).unwrap();
    assert!(sim.sim.sign_in_as("nobody@contoso.com").is_err());
    let graph = refresh(&sim, tokens["refresh_token"].as_str().unwrap(), GRAPH).await;
    let graph_token = graph["access_token"].as_str().unwrap();
    assert_eq!(claims(graph_token)["aud"], "https://graph.microsoft.com");
    let me = sim.call(Method::GET, "/v1.0/me", Some(graph_token), None).await;
    assert_eq!(me.body["userPrincipalName"], COLLEAGUE_UPN);
    // And with it she is held to her (absent) roles.
    let cognitive = refresh(&sim, tokens["refresh_token"].as_str().unwrap(), COGNITIVE).await;
    let chat =
        sim.chat(foundry_sim::sandbox::ACCOUNT_OPENAI, cognitive["access_token"].as_str().unwrap()).await;
    assert_eq!((chat.status, chat.body["error"]["code"].as_str()), (401, Some("PermissionDenied")));
}
