//! Microsoft Graph on the simulator: names for principal ids, finding people, `me`, Graph's errors, its
//! token check, and a fault that refuses it.
#![allow(clippy::unwrap_used)]

use foundry_sim::entra::{USER_OID, USER_UPN};
use foundry_sim::sandbox::{
    ALAN_OID, APP_ID, APP_OID, COLLEAGUE_NAME, COLLEAGUE_OID, COLLEAGUE_UPN, GROUP_NAME, GROUP_OID,
};
use reqwest::Method;
use serde_json::{json, Value};

use crate::helpers::*;

/// Asserts Graph's error shape and that its request id is the header's.
fn assert_graph_error(answer: &Answer, status: u16, code: &str, message: &str) {
    assert_eq!(answer.status, status, "{}", answer.body);
    let error = &answer.body["error"];
    assert_eq!((error["code"].as_str(), error["message"].as_str()), (Some(code), Some(message)));
    let inner = &error["innerError"];
    assert_eq!(inner["request-id"].as_str(), answer.headers["request-id"].to_str().ok());
    assert!(inner["date"].as_str().is_some() && inner["client-request-id"].as_str().is_some(), "{inner}");
}

fn ids(body: &Value) -> Vec<&str> {
    body["value"].as_array().unwrap().iter().map(|o| o["id"].as_str().unwrap()).collect()
}

#[tokio::test]
async fn get_by_ids_names_users_groups_and_applications() {
    let sim = Sim::fast().await;
    let token = sim.token(USER_UPN, GRAPH);
    let unknown = "11111111-2222-4333-8444-555555555555";
    let body = json!({"ids": [COLLEAGUE_OID, GROUP_OID, APP_OID, unknown]});
    let answer = sim.call(Method::POST, "/v1.0/directoryObjects/getByIds", Some(&token), Some(body)).await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert_eq!(answer.body["@odata.context"], "https://graph.microsoft.com/v1.0/$metadata#directoryObjects");
    let value = answer.body["value"].as_array().unwrap();
    assert_eq!(value.len(), 3, "unknown ids are left out");
    assert_eq!(value[0]["@odata.type"], "#microsoft.graph.user");
    assert_eq!(
        (value[0]["displayName"].as_str(), value[0]["userPrincipalName"].as_str(), value[0]["mail"].as_str()),
        (Some(COLLEAGUE_NAME), Some(COLLEAGUE_UPN), Some(COLLEAGUE_UPN))
    );
    assert_eq!(
        (value[1]["@odata.type"].as_str(), value[1]["displayName"].as_str()),
        (Some("#microsoft.graph.group"), Some(GROUP_NAME))
    );
    assert_eq!(value[2]["@odata.type"], "#microsoft.graph.servicePrincipal");
    assert_eq!(
        (value[2]["appId"].as_str(), value[2]["displayName"].as_str()),
        (Some(APP_ID), Some("contoso-chat-app"))
    );
    let only_users = json!({"ids": [COLLEAGUE_OID, GROUP_OID], "types": ["user"]});
    let users =
        sim.call(Method::POST, "/v1.0/directoryObjects/getByIds", Some(&token), Some(only_users)).await;
    assert_eq!(ids(&users.body), [COLLEAGUE_OID]);
}

#[tokio::test]
async fn people_are_found_by_name_or_sign_in_name() {
    let sim = Sim::fast().await;
    let token = sim.token(USER_UPN, GRAPH);
    let search =
        "/v1.0/users?$filter=startswith(displayName,'gr')%20or%20startswith(userPrincipalName,'gr')&$top=10";
    let found = sim.call(Method::GET, search, Some(&token), None).await;
    assert_eq!(found.status, 200, "{}", found.body);
    assert_eq!(found.body["@odata.context"], "https://graph.microsoft.com/v1.0/$metadata#users");
    assert_eq!(ids(&found.body), [COLLEAGUE_OID]);
    let exact = sim
        .call(
            Method::GET,
            "/v1.0/users?$filter=userPrincipalName%20eq%20'ALAN@contoso.com'",
            Some(&token),
            None,
        )
        .await;
    assert_eq!(ids(&exact.body), [ALAN_OID]);
    let selected = sim
        .call(
            Method::GET,
            "/v1.0/users?$filter=mail%20eq%20'grace@contoso.com'&$select=id,displayName",
            Some(&token),
            None,
        )
        .await;
    assert_eq!(selected.body["value"], json!([{"id": COLLEAGUE_OID, "displayName": COLLEAGUE_NAME}]));

    let first = sim.call(Method::GET, "/v1.0/users?$top=3", Some(&token), None).await;
    assert_eq!(first.body["value"].as_array().unwrap().len(), 3);
    let next = first.body["@odata.nextLink"].as_str().unwrap();
    let rest = next.strip_prefix(&sim.sim.base_url()).unwrap();
    let second = sim.call(Method::GET, rest, Some(&token), None).await;
    assert_eq!(second.body["value"].as_array().unwrap().len(), 1, "four users in all");
    assert!(second.body.get("@odata.nextLink").is_none());

    let groups = sim
        .call(Method::GET, "/v1.0/groups?$filter=startswith(displayName,'ai%20plat')", Some(&token), None)
        .await;
    assert_eq!(ids(&groups.body), [GROUP_OID]);
    let apps = sim
        .call(
            Method::GET,
            "/v1.0/servicePrincipals?$filter=startswith(displayName,'contoso')",
            Some(&token),
            None,
        )
        .await;
    assert_eq!(ids(&apps.body), [APP_OID]);

    let unsupported =
        sim.call(Method::GET, "/v1.0/users?$filter=contains(displayName,'ra')", Some(&token), None).await;
    assert_graph_error(&unsupported, 400, "Request_UnsupportedQuery", "Unsupported Query.");
}

#[tokio::test]
async fn me_and_one_user() {
    let sim = Sim::fast().await;
    let grace = sim.call(Method::GET, "/v1.0/me", Some(&sim.token(COLLEAGUE_UPN, GRAPH)), None).await;
    assert_eq!((grace.status, grace.body["id"].as_str()), (200, Some(COLLEAGUE_OID)));
    assert_eq!(grace.body["@odata.context"], "https://graph.microsoft.com/v1.0/$metadata#users/$entity");
    let foreign = sim.call(Method::GET, "/v1.0/me", Some("t"), None).await;
    assert_eq!(foreign.body["id"], USER_OID, "a token the simulator did not issue reads as Ada");
    let by_upn = sim.call(Method::GET, "/v1.0/users/grace@contoso.com", Some("t"), None).await;
    assert_eq!(by_upn.body["displayName"], COLLEAGUE_NAME);
    let missing = sim.call(Method::GET, "/v1.0/users/nobody@contoso.com", Some("t"), None).await;
    assert_graph_error(
        &missing,
        404,
        "Request_ResourceNotFound",
        "Resource 'nobody@contoso.com' does not exist or one of its queried reference-property objects are not present.",
    );
}

#[tokio::test]
async fn graph_takes_only_graph_tokens() {
    let sim = Sim::fast().await;
    let arm = sim.call(Method::GET, "/v1.0/me", Some(&sim.token(USER_UPN, ARM)), None).await;
    assert_graph_error(
        &arm,
        401,
        "InvalidAuthenticationToken",
        "Access token validation failure. Invalid audience.",
    );
    let by_app_id = sim.token(USER_UPN, "00000003-0000-0000-c000-000000000000/.default");
    assert_eq!(sim.call(Method::GET, "/v1.0/me", Some(&by_app_id), None).await.status, 200);
    let none = sim.call(Method::GET, "/v1.0/me", None, None).await;
    assert_graph_error(&none, 401, "InvalidAuthenticationToken", "Access token is empty.");
}

#[tokio::test]
async fn a_fault_aimed_at_graph_refuses_it_in_graphs_words() {
    let sim = Sim::fast().await;
    let fault = json!({"faults": [{"kind": "forbidden", "pathPrefix": "/v1.0/"}]});
    assert_eq!(sim.call(Method::POST, "/_sim/faults", None, Some(fault)).await.status, 200);
    let refused = sim
        .call(
            Method::POST,
            "/v1.0/directoryObjects/getByIds",
            Some("t"),
            Some(json!({"ids": [COLLEAGUE_OID]})),
        )
        .await;
    assert_graph_error(
        &refused,
        403,
        "Authorization_RequestDenied",
        "Insufficient privileges to complete the operation.",
    );
    let arm = sim.call(Method::GET, &format!("{}?{ARM_API}", account_scope()), Some("t"), None).await;
    assert_eq!(arm.status, 200, "Resource Manager is not refused");
    // A fault that names no path is Resource Manager's, not Graph's.
    let everywhere = json!({"faults": [{"kind": "server-error"}], "replace": true});
    sim.call(Method::POST, "/_sim/faults", None, Some(everywhere)).await;
    assert_eq!(sim.call(Method::GET, "/v1.0/me", Some("t"), None).await.status, 200);
    // One request can ask for it too.
    let url = format!("{}/v1.0/me", sim.sim.base_url());
    let one = sim.client.get(url).bearer_auth("t").header("x-sim-fault", "forbidden").send().await.unwrap();
    assert_eq!(one.status(), 403);
}
