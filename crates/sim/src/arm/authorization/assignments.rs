//! Role assignments at a scope: list (with `atScope()`, `assignedTo('{id}')`, `principalId eq '{id}'`), get,
//! grant (PUT, with Azure's refusals in Azure's words) and revoke (DELETE).

use std::time::Instant;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

use super::Scope;
use crate::access::{roles, RoleAssignment};
use crate::arm::paging::page;
use crate::arm::{json as answer, rejected, Call};
use crate::errors::ArmError;

/// An assignment in ARM's shape.
pub fn render(a: &RoleAssignment) -> Value {
    json!({
        "id": format!("{}/providers/Microsoft.Authorization/roleAssignments/{}", a.scope.trim_end_matches('/'), a.name),
        "name": a.name,
        "type": "Microsoft.Authorization/roleAssignments",
        "properties": {
            "roleDefinitionId": a.role_definition_path(),
            "principalId": a.principal_id,
            "principalType": a.principal_type,
            "scope": a.scope,
            "condition": null,
            "conditionVersion": null,
            "createdOn": a.created_on,
            "updatedOn": a.created_on,
            "createdBy": a.created_by,
            "updatedBy": a.created_by,
            "delegatedManagedIdentityResourceId": null,
            "description": null,
        },
    })
}

/// What a list asks for.
#[derive(Debug, Default, PartialEq)]
struct Wanted {
    /// `atScope()`: only assignments at the scope or above it (else below it too).
    at_scope: bool,
    /// `principalId eq` (false) or `assignedTo` (true, groups of the principal too).
    principal: Option<(String, bool)>,
}

/// Parses the `$filter` of a list: clauses joined by `and`.
fn parse_filter(filter: Option<&str>) -> Result<Wanted, ArmError> {
    let mut wanted = Wanted::default();
    let Some(text) = filter.map(str::trim).filter(|t| !t.is_empty()) else { return Ok(wanted) };
    let unsupported = || {
        rejected(
            "UnsupportedQuery",
            &format!(
                "The filter '{text}' is not supported. Supported filters are either 'atScope()' or 'principalId eq \
                 '{{value}}' ' or 'assignedTo('{{value}}')'."
            ),
        )
    };
    let quoted = |value: &str| -> Option<String> {
        let inner = value.trim().strip_prefix('\'')?.strip_suffix('\'')?;
        Some(inner.replace("''", "'"))
    };
    for clause in split_and(text) {
        let lower = clause.to_ascii_lowercase();
        if lower.replace(' ', "") == "atscope()" {
            wanted.at_scope = true;
        } else if lower.starts_with("assignedto(") && clause.ends_with(')') {
            let id = quoted(&clause["assignedto(".len()..clause.len() - 1]).ok_or_else(unsupported)?;
            wanted.principal = Some((id, true));
        } else if let Some(value) =
            lower.strip_prefix("principalid eq ").map(|_| &clause["principalid eq ".len()..])
        {
            wanted.principal = Some((quoted(value).ok_or_else(unsupported)?, false));
        } else {
            return Err(unsupported());
        }
    }
    Ok(wanted)
}

/// `a and b` → `[a, b]`, without case, outside quotes.
fn split_and(text: &str) -> Vec<&str> {
    let (mut parts, mut start, mut quoted) = (Vec::new(), 0, false);
    let lower = text.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\'' {
            quoted = !quoted;
        } else if !quoted && bytes[i..].starts_with(b" and ") {
            parts.push(text[start..i].trim());
            start = i + 5;
            i += 4;
        }
        i += 1;
    }
    parts.push(text[start..].trim());
    parts
}

/// `GET {scope}/providers/Microsoft.Authorization/roleAssignments[?$filter=…]`.
pub fn list(call: &Call, scope: &Scope) -> Response {
    let wanted = match parse_filter(call.query.get("$filter").map(String::as_str)) {
        Ok(wanted) => wanted,
        Err(refused) => return refused.into_response(),
    };
    let world = call.state.world();
    let book = &world.access;
    let items = book
        .assignments
        .iter()
        .filter(|a| a.covers(&scope.path) || (!wanted.at_scope && a.at_or_below(&scope.path)))
        .filter(|a| match &wanted.principal {
            None => true,
            Some((id, false)) => a.principal_id.eq_ignore_ascii_case(id),
            Some((id, true)) => book.is_or_holds(id, &a.principal_id),
        })
        .map(render)
        .collect();
    drop(world);
    page(call, items)
}

/// `GET {scope}/providers/Microsoft.Authorization/roleAssignments/{name}`.
pub fn get(call: &Call, scope: &Scope, name: &str) -> Response {
    let world = call.state.world();
    match find(&world.access.assignments, scope, name) {
        Some(index) => answer(StatusCode::OK, render(&world.access.assignments[index])),
        None => not_found(name).into_response(),
    }
}

fn find(assignments: &[RoleAssignment], scope: &Scope, name: &str) -> Option<usize> {
    assignments
        .iter()
        .position(|a| a.name.eq_ignore_ascii_case(name) && a.scope.eq_ignore_ascii_case(&scope.path))
}

fn not_found(name: &str) -> ArmError {
    ArmError::new(
        StatusCode::NOT_FOUND,
        "RoleAssignmentNotFound",
        &format!("The role assignment '{name}' is not found."),
    )
}

/// `PUT {scope}/providers/Microsoft.Authorization/roleAssignments/{name}` with
/// `{"properties": {"roleDefinitionId", "principalId", "principalType"?}}`.
pub fn put(call: &Call, scope: &Scope, name: &str) -> Response {
    match try_put(call, scope, name) {
        Ok(response) => response,
        Err(refused) => refused.into_response(),
    }
}

fn try_put(call: &Call, scope: &Scope, name: &str) -> Result<Response, ArmError> {
    if !crate::ids::is_guid(name) {
        return Err(rejected(
            "InvalidRoleAssignmentId",
            &format!("The role assignment ID '{name}' is not valid. The role assignment ID must be a GUID."),
        ));
    }
    let body: Value = serde_json::from_slice(&call.body).map_err(|e| {
        rejected(
            "InvalidRequestContent",
            &format!("The request content was invalid and could not be deserialized: '{e}'."),
        )
    })?;
    let text = |field: &str| body.pointer(&format!("/properties/{field}")).and_then(Value::as_str);
    let missing = |field: &str| {
        rejected("InvalidRequestContent", &format!("The request content was invalid: '{field}' is required."))
    };
    let role_path = text("roleDefinitionId").ok_or_else(|| missing("roleDefinitionId"))?;
    let principal_id = text("principalId").ok_or_else(|| missing("principalId"))?;
    let role_id = role_path.trim_end_matches('/').rsplit('/').next().unwrap_or(role_path);
    let role = roles::built_in(role_id).ok_or_else(|| {
        rejected(
            "RoleDefinitionDoesNotExist",
            &format!("The specified role definition with ID '{role_id}' does not exist."),
        )
    })?;
    let mut world = call.state.world();
    let book = &mut world.access;
    let principal = book.directory(&scope.tenant_id).and_then(|d| d.object(principal_id)).ok_or_else(|| {
        rejected(
            "PrincipalNotFound",
            &format!(
                "Principal {} does not exist in the directory {}. Check that you have the correct principal ID. If \
                 you are creating this principal and then immediately assigning a role, this error might be related \
                 to a replication delay. In this case, set the role assignment principalType property to a value, \
                 such as ServicePrincipal, User, or Group.  See https://aka.ms/docs-principaltype",
                principal_id.replace('-', ""),
                scope.tenant_id
            ),
        )
    })?;
    let (principal_id, kind) = (principal.id().to_string(), principal.principal_type());
    if let Some(given) = text("principalType").filter(|t| !t.eq_ignore_ascii_case(kind)) {
        return Err(rejected(
            "UnmatchedPrincipalType",
            &format!(
                "The PrincipalId '{}' has type '{kind}' , which is different from specified PrincipalType '{given}'.",
                principal_id.replace('-', "")
            ),
        ));
    }
    if let Some(existing) = book.assignments.iter().find(|a| a.name.eq_ignore_ascii_case(name)) {
        if existing.same_grant(&principal_id, role.id, &scope.path) {
            return Ok(answer(StatusCode::CREATED, render(existing)));
        }
        return Err(ArmError::new(
            StatusCode::CONFLICT,
            "RoleAssignmentUpdateNotPermitted",
            "Tenant ID, application ID, principal ID, and scope are not allowed to be updated.",
        ));
    }
    if book.assignments.iter().any(|a| a.same_grant(&principal_id, role.id, &scope.path)) {
        return Err(ArmError::new(
            StatusCode::CONFLICT,
            "RoleAssignmentExists",
            "The role assignment already exists.",
        ));
    }
    let assignment = RoleAssignment {
        name: name.to_ascii_lowercase(),
        scope: scope.path.clone(),
        role_id: role.id.to_string(),
        principal_id,
        principal_type: kind.to_string(),
        created_on: crate::ids::precise_timestamp(),
        created_by: call.caller.oid.clone(),
        effective_from: Instant::now() + book.propagation,
    };
    let body = render(&assignment);
    book.assignments.push(assignment);
    Ok(answer(StatusCode::CREATED, body))
}

/// `DELETE {scope}/providers/Microsoft.Authorization/roleAssignments/{name}`: 200 with what was deleted (it
/// stops working at once), 204 when there was none.
pub fn delete(call: &Call, scope: &Scope, name: &str) -> Response {
    let mut world = call.state.world();
    match find(&world.access.assignments, scope, name) {
        Some(index) => answer(StatusCode::OK, render(&world.access.assignments.remove(index))),
        None => StatusCode::NO_CONTENT.into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_read_as_azure_writes_them() {
        assert_eq!(parse_filter(None).unwrap(), Wanted::default());
        assert!(parse_filter(Some("atScope()")).unwrap().at_scope);
        let both = parse_filter(Some("atScope() and assignedTo('ab''c')")).unwrap();
        assert_eq!(both, Wanted { at_scope: true, principal: Some(("ab'c".into(), true)) });
        let direct = parse_filter(Some("principalId eq 'x-1'")).unwrap();
        assert_eq!(direct.principal, Some(("x-1".into(), false)));
        assert!(parse_filter(Some("roleName eq 'Owner'")).is_err());
        assert!(parse_filter(Some("assignedTo(x)")).is_err());
    }
}
