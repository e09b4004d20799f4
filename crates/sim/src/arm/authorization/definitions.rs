//! The built-in role definitions as seen from a scope (get, list with `$filter=roleName eq '…'`), and
//! `permissions`: one entry per role assignment that gives the caller something at the scope.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

use super::Scope;
use crate::access::assignments::role_definition_path;
use crate::access::roles::{self, RoleDefinition};
use crate::arm::paging::page;
use crate::arm::{bad_request, json as answer, Call};
use crate::errors::ArmError;

/// When Azure's built-in roles were made, as their bodies say.
const BUILT_IN_SINCE: &str = "2015-02-02T21:55:09.8806423Z";

/// A role's `{actions, notActions, dataActions, notDataActions}`.
fn permission(role: &RoleDefinition) -> Value {
    json!({
        "actions": role.actions,
        "notActions": role.not_actions,
        "dataActions": role.data_actions,
        "notDataActions": role.not_data_actions,
    })
}

/// A role definition in ARM's shape, its id under the scope's subscription.
fn render(scope: &Scope, role: &RoleDefinition) -> Value {
    json!({
        "id": role_definition_path(&scope.path, role.id),
        "name": role.id,
        "type": "Microsoft.Authorization/roleDefinitions",
        "properties": {
            "roleName": role.name,
            "type": "BuiltInRole",
            "description": role.description,
            "assignableScopes": ["/"],
            "permissions": [permission(role)],
            "createdOn": BUILT_IN_SINCE,
            "updatedOn": BUILT_IN_SINCE,
            "createdBy": null,
            "updatedBy": null,
        },
    })
}

/// `GET {scope}/providers/Microsoft.Authorization/roleDefinitions/{id}`.
pub fn get(scope: &Scope, id: &str) -> Response {
    match roles::built_in(id) {
        Some(role) => answer(StatusCode::OK, render(scope, role)),
        None => ArmError::new(
            StatusCode::NOT_FOUND,
            "RoleDefinitionDoesNotExist",
            &format!("The specified role definition with ID '{id}' does not exist."),
        )
        .into_response(),
    }
}

/// `GET {scope}/providers/Microsoft.Authorization/roleDefinitions[?$filter=roleName eq '…']`.
pub fn list(call: &Call, scope: &Scope) -> Response {
    let filter = match call.query.get("$filter").map(|f| crate::odata::parse(f)) {
        None => None,
        Some(Ok(filter)) if filter.fields().iter().all(|f| matches!(*f, "roleName" | "type")) => Some(filter),
        Some(_) => {
            return bad_request(
                "InvalidFilter",
                "The $filter is not supported: use roleName eq '{name}' (and type eq 'BuiltInRole').",
            )
        }
    };
    let items = roles::BUILT_IN
        .iter()
        .filter(|role| {
            filter.as_ref().is_none_or(|f| {
                f.holds(&|field| match field {
                    "roleName" => Some(role.name.to_string()),
                    "type" => Some("BuiltInRole".to_string()),
                    _ => None,
                })
            })
        })
        .map(|role| render(scope, role))
        .collect();
    page(call, items)
}

/// `GET {scope}/providers/Microsoft.Authorization/permissions`: for each role assignment in effect that
/// applies to the caller at the scope (directly or through a group, there or above), its role's permissions.
pub fn permissions(call: &Call, scope: &Scope) -> Response {
    let world = call.state.world();
    let value: Vec<Value> = world
        .access
        .in_effect_for(&call.caller.oid, &scope.path)
        .filter_map(|a| roles::built_in(&a.role_id))
        .map(permission)
        .collect();
    drop(world);
    answer(StatusCode::OK, json!({"value": value}))
}
