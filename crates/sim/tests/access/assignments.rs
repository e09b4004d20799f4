//! Role assignments and definitions through Resource Manager: what `atScope()` and the other filters list,
//! the refusals of a grant, the built-in role definitions, and `permissions`.
#![allow(clippy::unwrap_used)]

use foundry_sim::access::roles::{MONITORING_READER, OPENAI_USER, OWNER};
use foundry_sim::entra::{USER_OID, USER_UPN};
use foundry_sim::sandbox::{
    ALAN_OID, ALAN_UPN, APP_OID, COLLEAGUE_OID, COLLEAGUE_UPN, GROUP_OID, KATHERINE_OID, SUBSCRIPTION_ID,
    TENANT_ID,
};
use reqwest::Method;
use serde_json::{json, Value};

use crate::helpers::*;

/// `(principalId, role GUID, scope)` of each listed assignment.
fn grants(body: &Value) -> Vec<(String, String, String)> {
    let mut found: Vec<_> = body["value"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            let p = &a["properties"];
            let role = p["roleDefinitionId"].as_str().unwrap().rsplit('/').next().unwrap().to_string();
            (p["principalId"].as_str().unwrap().to_string(), role, p["scope"].as_str().unwrap().to_string())
        })
        .collect();
    found.sort();
    found
}

fn grant(principal: &str, role: &str, scope: &str) -> (String, String, String) {
    (principal.to_string(), role.to_string(), scope.to_string())
}

fn list_path(scope: &str, filter: &str) -> String {
    let filter = url::form_urlencoded::byte_serialize(filter.as_bytes()).collect::<String>();
    format!("{scope}/providers/Microsoft.Authorization/roleAssignments?{AUTHZ}&$filter={filter}")
}

#[tokio::test]
async fn at_scope_lists_what_applies_there_inherited_ones_included() {
    let sim = Sim::fast().await;
    let ada = sim.token(USER_UPN, ARM);
    let at_account = sim.arm(Method::GET, &list_path(&account_scope(), "atScope()"), &ada, None).await;
    assert_eq!(at_account.status, 200, "{}", at_account.body);
    let mut expected = vec![
        grant(USER_OID, OWNER, &subscription_scope()),
        grant(USER_OID, OPENAI_USER, &subscription_scope()),
        grant(GROUP_OID, OPENAI_USER, &account_scope()),
        grant(APP_OID, "a97b65f3-24c7-4388-baec-2e87135dc908", &account_scope()),
        grant(KATHERINE_OID, MONITORING_READER, &group_scope()),
    ];
    expected.sort();
    assert_eq!(grants(&at_account.body), expected);
    let first = &at_account.body["value"][0];
    assert_eq!(first["type"], "Microsoft.Authorization/roleAssignments");
    assert!(first["id"].as_str().unwrap().ends_with(&format!(
        "/providers/Microsoft.Authorization/roleAssignments/{}",
        first["name"].as_str().unwrap()
    )));
    let types: Vec<&str> = at_account.body["value"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["properties"]["principalType"].as_str().unwrap())
        .collect();
    assert!(types.contains(&"Group") && types.contains(&"ServicePrincipal") && types.contains(&"User"));

    // The Sweden account inherits only the subscription's.
    let at_sweden = sim.arm(Method::GET, &list_path(&sweden_scope(), "atScope()"), &ada, None).await;
    let mut inherited = vec![
        grant(USER_OID, OWNER, &subscription_scope()),
        grant(USER_OID, OPENAI_USER, &subscription_scope()),
    ];
    inherited.sort();
    assert_eq!(grants(&at_sweden.body), inherited);
    // Without a filter a subscription lists everything in it; assignedTo() follows groups, principalId does not.
    let all = sim.arm(Method::GET, &list_path(&subscription_scope(), ""), &ada, None).await;
    assert_eq!(all.body["value"].as_array().unwrap().len(), 5);
    let alan = sim
        .arm(Method::GET, &list_path(&subscription_scope(), &format!("assignedTo('{ALAN_OID}')")), &ada, None)
        .await;
    assert_eq!(grants(&alan.body), [grant(GROUP_OID, OPENAI_USER, &account_scope())]);
    let direct = sim
        .arm(
            Method::GET,
            &list_path(&subscription_scope(), &format!("principalId eq '{ALAN_OID}'")),
            &ada,
            None,
        )
        .await;
    assert_eq!(direct.body, json!({"value": []}));
    let bad =
        sim.arm(Method::GET, &list_path(&subscription_scope(), "roleName eq 'Owner'"), &ada, None).await;
    assert_eq!((bad.status, bad.body["error"]["code"].as_str()), (400, Some("UnsupportedQuery")));
}

#[tokio::test]
async fn a_grant_is_refused_as_azure_refuses_it() {
    let sim = Sim::fast().await;
    let ada = sim.token(USER_UPN, ARM);
    let scope = account_scope();
    let first = sim.grant(&ada, &scope, &guid(10), OPENAI_USER, COLLEAGUE_OID).await;
    assert_eq!(first.status, 201);
    let same = sim.grant(&ada, &scope, &guid(10), OPENAI_USER, COLLEAGUE_OID).await;
    assert_eq!((same.status, &same.body), (201, &first.body), "the same PUT again is a no-op");
    let duplicate = sim.grant(&ada, &scope, &guid(11), OPENAI_USER, COLLEAGUE_OID).await;
    assert_eq!(
        (duplicate.status, duplicate.body),
        (
            409,
            json!({"error": {"code": "RoleAssignmentExists", "message": "The role assignment already exists."}})
        )
    );
    let nobody = "11111111-2222-4333-8444-555555555555";
    let unknown = sim.grant(&ada, &scope, &guid(12), OPENAI_USER, nobody).await;
    let message = format!(
        "Principal 11111111222243338444555555555555 does not exist in the directory {TENANT_ID}. Check that you have the \
         correct principal ID. If you are creating this principal and then immediately assigning a role, this error \
         might be related to a replication delay. In this case, set the role assignment principalType property to a \
         value, such as ServicePrincipal, User, or Group.  See https://aka.ms/docs-principaltype"
    );
    assert_eq!(
        (unknown.status, unknown.body),
        (400, json!({"error": {"code": "PrincipalNotFound", "message": message}}))
    );
    let role = "99999999-9999-4999-8999-999999999999";
    let no_role = sim.grant(&ada, &scope, &guid(13), role, COLLEAGUE_OID).await;
    assert_eq!(no_role.status, 400);
    assert_eq!(
        no_role.body["error"],
        json!({"code": "RoleDefinitionDoesNotExist", "message": format!("The specified role definition with ID '{role}' does not exist.")})
    );
    let bad_name = sim.grant(&ada, &scope, "not-a-guid", OPENAI_USER, COLLEAGUE_OID).await;
    assert_eq!(
        (bad_name.status, bad_name.body["error"]["code"].as_str()),
        (400, Some("InvalidRoleAssignmentId"))
    );
    let as_group = sim.grant(&ada, &scope, &guid(14), OPENAI_USER, GROUP_OID).await;
    assert_eq!(
        (as_group.status, as_group.body["error"]["code"].as_str()),
        (400, Some("UnmatchedPrincipalType"))
    );
    let gone = sim.arm(Method::GET, &assignment_path(&scope, &guid(12)), &ada, None).await;
    assert_eq!((gone.status, gone.body["error"]["code"].as_str()), (404, Some("RoleAssignmentNotFound")));
}

#[tokio::test]
async fn built_in_role_definitions_are_azures() {
    let sim = Sim::fast().await;
    let ada = sim.token(USER_UPN, ARM);
    let path = format!(
        "{}/providers/Microsoft.Authorization/roleDefinitions/{OPENAI_USER}?{AUTHZ}",
        account_scope()
    );
    let role = sim.arm(Method::GET, &path, &ada, None).await;
    assert_eq!(role.status, 200);
    assert_eq!(
        role.body["id"],
        format!("/subscriptions/{SUBSCRIPTION_ID}/providers/Microsoft.Authorization/roleDefinitions/{OPENAI_USER}")
    );
    assert_eq!(
        (role.body["name"].as_str(), role.body["type"].as_str()),
        (Some(OPENAI_USER), Some("Microsoft.Authorization/roleDefinitions"))
    );
    let properties = &role.body["properties"];
    assert_eq!(properties["roleName"], "Cognitive Services OpenAI User");
    assert_eq!(
        (properties["type"].as_str(), &properties["assignableScopes"]),
        (Some("BuiltInRole"), &json!(["/"]))
    );
    assert!(properties["permissions"][0]["dataActions"].as_array().unwrap().contains(&json!(CHAT_ACTION)));

    let filter = url::form_urlencoded::byte_serialize(b"roleName eq 'Owner'").collect::<String>();
    let list = format!(
        "{}/providers/Microsoft.Authorization/roleDefinitions?{AUTHZ}&$filter={filter}",
        subscription_scope()
    );
    let owners = sim.arm(Method::GET, &list, &ada, None).await.body;
    assert_eq!(owners["value"].as_array().unwrap().len(), 1);
    assert_eq!(owners["value"][0]["properties"]["permissions"][0]["actions"], json!(["*"]));
    assert_eq!(
        owners["value"][0]["properties"]["permissions"][0]["dataActions"],
        json!([]),
        "Owners cannot chat"
    );
    let all = format!("{}/providers/Microsoft.Authorization/roleDefinitions?{AUTHZ}", subscription_scope());
    assert_eq!(sim.arm(Method::GET, &all, &ada, None).await.body["value"].as_array().unwrap().len(), 11);
    let unknown = format!(
        "{}/providers/Microsoft.Authorization/roleDefinitions/{}?{AUTHZ}",
        subscription_scope(),
        guid(1)
    );
    assert_eq!(sim.arm(Method::GET, &unknown, &ada, None).await.status, 404);
}

#[tokio::test]
async fn permissions_say_what_the_caller_may_do() {
    let sim = Sim::fast().await;
    let path = format!("{}/providers/Microsoft.Authorization/permissions?{AUTHZ}", account_scope());
    for ada in [sim.token(USER_UPN, ARM), "t".to_string()] {
        let answer = sim.arm(Method::GET, &path, &ada, None).await;
        assert_eq!(answer.status, 200);
        let value = answer.body["value"].as_array().unwrap().clone();
        assert_eq!(value.len(), 2, "Owner and OpenAI User: {value:?}");
        assert!(value
            .contains(&json!({"actions": ["*"], "notActions": [], "dataActions": [], "notDataActions": []})));
        assert!(value.iter().any(|p| p["dataActions"].as_array().unwrap().contains(&json!(CHAT_ACTION))));
    }
    let grace = sim.arm(Method::GET, &path, &sim.token(COLLEAGUE_UPN, ARM), None).await;
    assert_eq!((grace.status, grace.body), (200, json!({"value": []})));
    let alan = sim.data_actions(&account_scope(), &sim.token(ALAN_UPN, ARM)).await;
    assert!(alan.contains(&CHAT_ACTION.to_string()), "through his group");
    assert!(sim.data_actions(&sweden_scope(), &sim.token(ALAN_UPN, ARM)).await.is_empty());
}
