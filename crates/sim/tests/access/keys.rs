//! Key authentication switched off and on with `PATCH A {"properties": {"disableLocalAuth": …}}`: keys stop
//! working on inference and cannot be listed or regenerated, Entra tokens carry on.
#![allow(clippy::unwrap_used)]

use foundry_sim::entra::USER_UPN;
use foundry_sim::sandbox::{ACCOUNT_OPENAI, COLLEAGUE_UPN};
use reqwest::Method;
use serde_json::json;

use crate::helpers::*;

#[tokio::test]
async fn switching_local_auth_off_stops_keys_and_not_tokens() {
    let sim = Sim::fast().await;
    let ada = sim.token(USER_UPN, ARM);
    let account = format!("{}?{ARM_API}", account_scope());
    let list_keys = format!("{}/listKeys?{ARM_API}", account_scope());
    let keys = sim.arm(Method::POST, &list_keys, &ada, None).await;
    let key = keys.body["key1"].as_str().unwrap().to_string();
    assert_eq!(sim.chat_with_key(&key).await.status, 200);

    let off =
        sim.arm(Method::PATCH, &account, &ada, Some(json!({"properties": {"disableLocalAuth": true}}))).await;
    assert_eq!(off.status, 200, "{}", off.body);
    assert_eq!(off.body["properties"]["disableLocalAuth"], true);
    assert_eq!(off.body["name"], ACCOUNT_OPENAI);
    assert_eq!(off.body["properties"]["provisioningState"], "Succeeded", "the whole account comes back");
    let refused = sim.chat_with_key(&key).await;
    assert_eq!(
        (refused.status, refused.body),
        (
            401,
            json!({"error": {"code": "AuthenticationTypeDisabled",
                               "message": "Key based authentication is disabled for this resource."}})
        )
    );
    let listed = sim.arm(Method::POST, &list_keys, &ada, None).await;
    assert_eq!(
        (listed.status, listed.body),
        (
            400,
            json!({"error": {"code": "BadRequest", "message": "Failed to list key. disableLocalAuth is set to be true"}})
        )
    );
    let regenerate = format!("{}/regenerateKey?{ARM_API}", account_scope());
    let regenerated = sim.arm(Method::POST, &regenerate, &ada, Some(json!({"keyName": "Key1"}))).await;
    assert_eq!(regenerated.status, 400);
    assert_eq!(
        regenerated.body["error"]["message"],
        "Failed to regenerate key. disableLocalAuth is set to be true"
    );
    assert_eq!(
        sim.chat(ACCOUNT_OPENAI, &sim.token(USER_UPN, COGNITIVE)).await.status,
        200,
        "Entra still works"
    );
    let read = sim.arm(Method::GET, &account, &ada, None).await;
    assert_eq!(read.body["properties"]["disableLocalAuth"], true, "it stays switched");

    let on = sim
        .arm(Method::PATCH, &account, &ada, Some(json!({"properties": {"disableLocalAuth": false}})))
        .await;
    assert_eq!((on.status, &on.body["properties"]["disableLocalAuth"]), (200, &json!(false)));
    assert_eq!(sim.chat_with_key(&key).await.status, 200);
}

#[tokio::test]
async fn switching_needs_write_access_and_a_boolean() {
    let sim = Sim::fast().await;
    let account = format!("{}?{ARM_API}", account_scope());
    let grace = sim.token(COLLEAGUE_UPN, ARM);
    let refused = sim
        .arm(Method::PATCH, &account, &grace, Some(json!({"properties": {"disableLocalAuth": true}})))
        .await;
    assert_eq!(refused.status, 403);
    assert!(refused.body["error"]["message"]
        .as_str()
        .unwrap()
        .contains("'Microsoft.CognitiveServices/accounts/write'"));
    let bad =
        sim.arm(Method::PATCH, &account, "t", Some(json!({"properties": {"disableLocalAuth": "yes"}}))).await;
    assert_eq!((bad.status, bad.body["error"]["code"].as_str()), (400, Some("InvalidRequestContent")));
    let tagged = sim.arm(Method::PATCH, &account, "t", Some(json!({"tags": {"team": "ai"}}))).await;
    assert_eq!((tagged.status, &tagged.body["tags"]), (200, &json!({"team": "ai"})));
    assert_eq!(tagged.body["properties"]["disableLocalAuth"], false);
}
