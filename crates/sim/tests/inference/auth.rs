//! Keys and Entra tokens, and Azure's two 401 shapes.

use foundry_sim::sandbox::ACCOUNT_OPENAI;
use foundry_sim::{Seed, SimConfig};
use serde_json::json;

use crate::helpers::{ask, code, Form, Sim, HOSTS};

const BAD_KEY: &str = "Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a \
                       valid key for an active subscription and use a correct regional API endpoint for your resource.";
const BAD_TOKEN: &str = "Unauthorized. Access token is missing, invalid, audience is incorrect \
                         (https://cognitiveservices.azure.com), or have expired.";

#[tokio::test]
async fn a_wrong_or_missing_key_is_the_wrapped_401() {
    let sim = Sim::fast().await;
    let body = ask("gpt-4o", "hi", json!({}));
    let expected = json!({"error": {"code": "401", "message": BAD_KEY}});
    assert_eq!(code(sim.post(&sim.v1(), "not-a-key", &body, &[]).await).await, (401, expected.clone()));
    let missing = sim.client.post(sim.v1()).json(&body).send().await.unwrap();
    assert_eq!(code(missing).await, (401, expected));
}

#[tokio::test]
async fn both_keys_work_and_v1_takes_a_key_as_bearer() {
    let sim = Sim::fast().await;
    let body = ask("gpt-4o", "hi", json!({}));
    let path = format!(
        "{}/listKeys?{}",
        crate::helpers::account_path(foundry_sim::sandbox::GROUP_EAST, ACCOUNT_OPENAI),
        crate::helpers::ARM_API
    );
    let keys: serde_json::Value =
        sim.arm(reqwest::Method::POST, &path).send().await.unwrap().json().await.unwrap();
    for key in [keys["key1"].as_str().unwrap(), keys["key2"].as_str().unwrap()] {
        assert_eq!(sim.post(&sim.v1(), key, &body, &[]).await.status(), 200);
        let bearer = sim.client.post(sim.v1()).bearer_auth(key).json(&body).send().await.unwrap();
        assert_eq!(bearer.status(), 200, "v1 accepts the key as a bearer token");
    }
    // Classic URLs take a bearer as an Entra token; a key is not one.
    let classic = sim.chat_url(ACCOUNT_OPENAI, HOSTS[0], Form::Classic, "gpt-4o");
    let key = keys["key1"].as_str().unwrap();
    let response = sim.client.post(&classic).bearer_auth(key).json(&body).send().await.unwrap();
    assert_eq!(code(response).await, (401, json!({"statusCode": 401, "message": BAD_TOKEN})));
}

#[tokio::test]
async fn entra_tokens_pass_until_expired() {
    let sim = Sim::fast().await;
    let body = ask("gpt-4o", "hi", json!({}));
    let ok =
        sim.client.post(sim.v1()).bearer_auth("eyJ0eXAiOiJKV1Qi.token").json(&body).send().await.unwrap();
    assert_eq!(ok.status(), 200);
    let expired = sim.client.post(sim.v1()).bearer_auth("expired").json(&body).send().await.unwrap();
    let (status, error) = code(expired).await;
    assert_eq!(status, 401);
    assert_eq!(error, json!({"statusCode": 401, "message": BAD_TOKEN}), "no error wrapper");
    let by_fault =
        sim.client.post(sim.v1()).bearer_auth("fine").header("x-sim-fault", "expired-token").json(&body);
    assert_eq!(code(by_fault.send().await.unwrap()).await.1["statusCode"], 401);
    let denied = sim.client.post(sim.v1()).bearer_auth("fine").header("x-sim-fault", "forbidden").json(&body);
    assert_eq!(code(denied.send().await.unwrap()).await.1["error"]["code"], "PermissionDenied");
}

#[tokio::test]
async fn keys_are_refused_when_local_auth_is_disabled() {
    let mut seed = Seed::sandbox();
    let account = seed.accounts.iter_mut().find(|a| a.name == ACCOUNT_OPENAI).unwrap();
    account.disable_local_auth = true;
    account.keys = Some(["k1".repeat(16), "k2".repeat(16)]);
    let sim = Sim::start(SimConfig { seed, ..SimConfig::fast() }).await;
    let body = ask("gpt-4o", "hi", json!({}));
    let (status, error) = code(sim.post(&sim.v1(), &"k1".repeat(16), &body, &[]).await).await;
    assert_eq!(status, 401);
    assert_eq!(
        error,
        json!({"error": {"code": "AuthenticationTypeDisabled",
                         "message": "Key based authentication is disabled for this resource."}})
    );
    let token = sim.client.post(sim.v1()).bearer_auth("entra-token").json(&body).send().await.unwrap();
    assert_eq!(token.status(), 200, "tokens still work");
}
