//! Role assignments decide what a signed-in principal may do: chat (data actions, 401 PermissionDenied),
//! manage deployments and grant roles (management actions, 403 AuthorizationFailed), and see accounts.
#![allow(clippy::unwrap_used)]

use foundry_sim::access::roles::{OPENAI_CONTRIBUTOR, OPENAI_USER};
use foundry_sim::entra::{USER_OID, USER_UPN};
use foundry_sim::sandbox::{
    ACCOUNT_AISERVICES, ACCOUNT_OPENAI, ALAN_UPN, COLLEAGUE_OID, COLLEAGUE_UPN, KATHERINE_UPN,
    SUBSCRIPTION_ID,
};
use foundry_sim::SimConfig;
use reqwest::Method;
use serde_json::json;

use crate::helpers::*;

fn lacks_chat(operation: &str) -> serde_json::Value {
    json!({"error": {"code": "PermissionDenied", "message": format!(
        "The principal `{COLLEAGUE_OID}` lacks the required data action `{CHAT_ACTION}` to perform `{operation}` operation."
    )}})
}

#[tokio::test]
async fn a_grant_lets_grace_chat_on_that_account_until_it_is_revoked() {
    let sim = Sim::fast().await;
    let grace = sim.token(COLLEAGUE_UPN, COGNITIVE);
    let before = sim.chat(ACCOUNT_OPENAI, &grace).await;
    assert_eq!((before.status, before.body), (401, lacks_chat("POST /openai/v1/chat/completions")));
    let classic = "openai/deployments/gpt-4o-mini/chat/completions?api-version=2024-10-21";
    let before = sim.chat_at(ACCOUNT_OPENAI, classic, &grace).await;
    assert_eq!(
        (before.status, before.body),
        (401, lacks_chat("POST /openai/deployments/{deployment-id}/chat/completions"))
    );

    let ada = sim.token(USER_UPN, ARM);
    let granted = sim.grant(&ada, &account_scope(), &guid(1), OPENAI_USER, COLLEAGUE_OID).await;
    assert_eq!(granted.status, 201, "{}", granted.body);
    let id = format!("{}/providers/Microsoft.Authorization/roleAssignments/{}", account_scope(), guid(1));
    assert_eq!(granted.body["id"], id);
    assert_eq!(granted.body["name"], guid(1));
    assert_eq!(granted.body["type"], "Microsoft.Authorization/roleAssignments");
    let properties = &granted.body["properties"];
    assert_eq!(
        properties["roleDefinitionId"],
        format!("/subscriptions/{SUBSCRIPTION_ID}/providers/Microsoft.Authorization/roleDefinitions/{OPENAI_USER}")
    );
    assert_eq!(
        (properties["principalId"].as_str(), properties["principalType"].as_str()),
        (Some(COLLEAGUE_OID), Some("User"))
    );
    assert_eq!(properties["scope"], account_scope());
    assert_eq!(
        (properties["createdBy"].as_str(), properties["updatedBy"].as_str()),
        (Some(USER_OID), Some(USER_OID))
    );
    assert!(properties["condition"].is_null() && properties["description"].is_null());
    assert!(properties["createdOn"].as_str().unwrap().ends_with('Z'));

    let after = sim.chat(ACCOUNT_OPENAI, &grace).await;
    assert_eq!(after.status, 200, "{}", after.body);
    assert_eq!(sim.chat(ACCOUNT_AISERVICES, &grace).await.status, 401, "only the account she was given");

    let revoked = sim.arm(Method::DELETE, &assignment_path(&account_scope(), &guid(1)), &ada, None).await;
    assert_eq!((revoked.status, &revoked.body["id"]), (200, &json!(id)));
    let again = sim.arm(Method::DELETE, &assignment_path(&account_scope(), &guid(1)), &ada, None).await;
    assert_eq!(again.status, 204);
    let after = sim.chat(ACCOUNT_OPENAI, &grace).await;
    assert_eq!((after.status, after.body), (401, lacks_chat("POST /openai/v1/chat/completions")));
}

#[tokio::test]
async fn deployments_need_a_contributor_role() {
    let sim = Sim::fast().await;
    let grace = sim.token(COLLEAGUE_UPN, ARM);
    let path = format!("{}/deployments/grace-test?{ARM_API}", account_scope());
    let body = json!({"sku": {"name": "GlobalStandard", "capacity": 1},
                      "properties": {"model": {"format": "OpenAI", "name": "gpt-4o", "version": "2024-11-20"}}});
    let refused = sim.arm(Method::PUT, &path, &grace, Some(body.clone())).await;
    assert_eq!(refused.status, 403);
    let message = format!(
        "The client '{COLLEAGUE_UPN}' with object id '{COLLEAGUE_OID}' does not have authorization to perform action \
         'Microsoft.CognitiveServices/accounts/deployments/write' over scope '{}/deployments/grace-test' or the scope \
         is invalid. If access was recently granted, please refresh your credentials.",
        account_scope()
    );
    assert_eq!(refused.body, json!({"error": {"code": "AuthorizationFailed", "message": message}}));
    // She sees no account until she has a role on one; then only that one.
    let list =
        format!("/subscriptions/{SUBSCRIPTION_ID}/providers/Microsoft.CognitiveServices/accounts?{ARM_API}");
    assert_eq!(sim.arm(Method::GET, &list, &grace, None).await.body, json!({"value": []}));

    let ada = sim.token(USER_UPN, ARM);
    assert_eq!(
        sim.grant(&ada, &account_scope(), &guid(2), OPENAI_CONTRIBUTOR, COLLEAGUE_OID).await.status,
        201
    );
    let created = sim.arm(Method::PUT, &path, &grace, Some(body)).await;
    assert_eq!(created.status, 201, "{}", created.body);
    let listed = sim.arm(Method::GET, &list, &grace, None).await.body;
    let names: Vec<&str> =
        listed["value"].as_array().unwrap().iter().map(|a| a["name"].as_str().unwrap()).collect();
    assert_eq!(names, [ACCOUNT_OPENAI]);
    let other = sim.arm(Method::GET, &format!("{}?{ARM_API}", sweden_scope()), &grace, None).await;
    assert_eq!((other.status, other.body["error"]["code"].as_str()), (403, Some("AuthorizationFailed")));
}

#[tokio::test]
async fn only_owners_grant_roles() {
    let sim = Sim::fast().await;
    let grace = sim.token(COLLEAGUE_UPN, ARM);
    let refused = sim.grant(&grace, &account_scope(), &guid(3), OPENAI_USER, COLLEAGUE_OID).await;
    assert_eq!((refused.status, refused.body["error"]["code"].as_str()), (403, Some("AuthorizationFailed")));
    let message = refused.body["error"]["message"].as_str().unwrap();
    let scope = format!("{}/providers/Microsoft.Authorization/roleAssignments/{}", account_scope(), guid(3));
    assert!(
        message.contains(&format!(
            "does not have authorization to perform action 'Microsoft.Authorization/roleAssignments/write' over scope '{scope}'"
        )),
        "{message}"
    );
    // Tokens the simulator did not issue may still do everything, as before.
    assert_eq!(sim.grant("t", &account_scope(), &guid(3), OPENAI_USER, COLLEAGUE_OID).await.status, 201);
}

#[tokio::test]
async fn a_group_grants_its_members_and_roles_reach_only_what_they_cover() {
    let sim = Sim::fast().await;
    let alan = sim.token(ALAN_UPN, COGNITIVE);
    assert_eq!(sim.chat(ACCOUNT_OPENAI, &alan).await.status, 200, "through the AI Platform team");
    assert_eq!(sim.chat(ACCOUNT_AISERVICES, &alan).await.status, 401);
    let ada = sim.token(USER_UPN, COGNITIVE);
    assert_eq!(
        sim.chat(ACCOUNT_AISERVICES, &ada).await.status,
        200,
        "Ada is an OpenAI User of the subscription"
    );
    // Katherine reads monitoring data in her resource group and nothing else.
    let katherine = sim.token(KATHERINE_UPN, ARM);
    let metrics = format!(
        "{}/providers/Microsoft.Insights/metrics?api-version=2024-02-01&metricnames=GeneratedTokens",
        account_scope()
    );
    assert_eq!(sim.arm(Method::GET, &metrics, &katherine, None).await.status, 200);
    let keys =
        sim.arm(Method::POST, &format!("{}/listKeys?{ARM_API}", account_scope()), &katherine, None).await;
    assert_eq!(keys.status, 403);
    assert!(keys.body["error"]["message"]
        .as_str()
        .unwrap()
        .contains("'Microsoft.CognitiveServices/accounts/listKeys/action'"));
    assert_eq!(sim.chat(ACCOUNT_OPENAI, &sim.token(KATHERINE_UPN, COGNITIVE)).await.status, 401);
    // Someone no directory knows gets a token, and no access.
    let stranger = sim.token("mallory@example.com", ARM);
    assert_eq!(
        sim.arm(Method::GET, &format!("{}?{ARM_API}", account_scope()), &stranger, None).await.status,
        403
    );
}

#[tokio::test]
async fn a_new_grant_works_only_once_it_has_propagated() {
    let sim = Sim::start(SimConfig { role_propagation_ms: 1500, ..SimConfig::fast() }).await;
    let ada = sim.token(USER_UPN, ARM);
    let grace = sim.token(COLLEAGUE_UPN, COGNITIVE);
    let grace_arm = sim.token(COLLEAGUE_UPN, ARM);
    assert_eq!(sim.grant(&ada, &account_scope(), &guid(4), OPENAI_USER, COLLEAGUE_OID).await.status, 201);
    let listed = sim
        .arm(
            Method::GET,
            &format!(
                "{}/providers/Microsoft.Authorization/roleAssignments?{AUTHZ}&$filter=atScope()",
                account_scope()
            ),
            &ada,
            None,
        )
        .await;
    assert!(listed.body["value"].as_array().unwrap().iter().any(|a| a["name"] == guid(4)), "listed at once");
    assert_eq!(sim.chat(ACCOUNT_OPENAI, &grace).await.status, 401, "not yet in effect");
    let scope = account_scope();
    assert!(sim.data_actions(&scope, &grace_arm).await.is_empty());
    wait_until(|| sim.data_actions(&scope, &grace_arm), |actions| actions.iter().any(|a| a == CHAT_ACTION))
        .await;
    assert_eq!(sim.chat(ACCOUNT_OPENAI, &grace).await.status, 200);
}

#[tokio::test]
async fn a_seed_without_role_assignments_gives_ada_the_run_of_it() {
    let mut seed = foundry_sim::Seed::sandbox();
    seed.role_assignments.clear();
    let sim = Sim::start(SimConfig { seed, ..SimConfig::fast() }).await;
    assert_eq!(sim.chat(ACCOUNT_OPENAI, &sim.token(USER_UPN, COGNITIVE)).await.status, 200);
    let ada = sim.token(USER_UPN, ARM);
    let keys = sim.arm(Method::POST, &format!("{}/listKeys?{ARM_API}", account_scope()), &ada, None).await;
    assert_eq!(keys.status, 200);
    assert_eq!(sim.chat(ACCOUNT_OPENAI, &sim.token(ALAN_UPN, COGNITIVE)).await.status, 401, "no group grant");
}
