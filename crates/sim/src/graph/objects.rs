//! Directory objects as Graph v1.0 shows them, and the reads a client makes to put names on principal ids:
//! `directoryObjects/getByIds`, `users` / `groups` / `servicePrincipals` lists with a filter, one of each by
//! id (users by sign-in name too), and `me`.

use serde_json::{json, Value};

use super::errors::{self, GraphError};
use super::query::ListQuery;
use crate::access::{DirectoryObject, DirectorySeed, GroupSeed, ServicePrincipalSeed, UserSeed};

/// Graph's metadata URL, the start of every `@odata.context`.
const METADATA: &str = "https://graph.microsoft.com/v1.0/$metadata";

/// A user's default properties.
pub fn user(u: &UserSeed) -> Value {
    let (given, surname) =
        u.display_name.split_once(' ').map_or((u.display_name.as_str(), ""), |(g, s)| (g, s));
    json!({
        "businessPhones": [],
        "displayName": u.display_name,
        "givenName": given,
        "jobTitle": u.job_title,
        "mail": u.mail.as_deref().unwrap_or(&u.user_principal_name),
        "mobilePhone": null,
        "officeLocation": null,
        "preferredLanguage": null,
        "surname": surname,
        "userPrincipalName": u.user_principal_name,
        "id": u.id,
    })
}

/// A group's default properties.
pub fn group(g: &GroupSeed) -> Value {
    json!({
        "id": g.id,
        "displayName": g.display_name,
        "description": g.description,
        "mail": g.mail,
        "mailEnabled": g.mail.is_some(),
        "mailNickname": g.display_name.to_ascii_lowercase().replace(' ', "-"),
        "securityEnabled": true,
        "groupTypes": [],
    })
}

/// A service principal's default properties.
pub fn service_principal(s: &ServicePrincipalSeed) -> Value {
    json!({
        "id": s.id,
        "accountEnabled": true,
        "appDisplayName": s.display_name,
        "appId": s.app_id,
        "displayName": s.display_name,
        "servicePrincipalType": "Application",
    })
}

/// An object with its `@odata.type`, as `getByIds` lists them.
fn typed(object: DirectoryObject) -> Value {
    let (kind, mut body) = match object {
        DirectoryObject::User(u) => ("user", user(u)),
        DirectoryObject::Group(g) => ("group", group(g)),
        DirectoryObject::ServicePrincipal(s) => ("servicePrincipal", service_principal(s)),
    };
    body["@odata.type"] = json!(format!("#microsoft.graph.{kind}"));
    body
}

/// `POST /v1.0/directoryObjects/getByIds {"ids": [...], "types": [...]}`: the objects found, in the order
/// asked; unknown ids are left out, as Graph does.
pub fn get_by_ids(directory: &DirectorySeed, body: &[u8]) -> Result<Value, GraphError> {
    let body: Value =
        serde_json::from_slice(body).map_err(|_| errors::bad_request("Invalid JSON in the request body."))?;
    let ids = body
        .get("ids")
        .and_then(Value::as_array)
        .ok_or_else(|| errors::bad_request("The 'ids' property is required."))?;
    if ids.len() > 1000 {
        return Err(errors::bad_request("Too many ids: at most 1000 may be asked for at once."));
    }
    let types: Vec<String> = body
        .get("types")
        .and_then(Value::as_array)
        .map(|t| t.iter().filter_map(Value::as_str).map(str::to_ascii_lowercase).collect())
        .unwrap_or_default();
    let kind_of = |o: &DirectoryObject| match o {
        DirectoryObject::User(_) => "user",
        DirectoryObject::Group(_) => "group",
        DirectoryObject::ServicePrincipal(_) => "serviceprincipal",
    };
    let value: Vec<Value> = ids
        .iter()
        .filter_map(Value::as_str)
        .filter_map(|id| directory.object(id))
        .filter(|o| types.is_empty() || types.iter().any(|t| t == kind_of(o)))
        .map(typed)
        .collect();
    Ok(json!({"@odata.context": format!("{METADATA}#directoryObjects"), "value": value}))
}

/// A collection Graph lists: its name, the fields a filter may name, and its objects rendered with the
/// value of each field.
pub struct Collection {
    /// `users`, `groups`, `servicePrincipals`.
    pub name: &'static str,
    /// The fields `$filter` may name.
    pub fields: &'static [&'static str],
    /// Each object, rendered: a filter reads the rendered fields.
    pub items: Vec<Value>,
}

impl Collection {
    /// The users of a directory.
    pub fn users(directory: &DirectorySeed) -> Self {
        let fields = &["displayName", "userPrincipalName", "mail", "givenName", "surname", "id"];
        Self { name: "users", fields, items: directory.users.iter().map(user).collect() }
    }

    /// The groups of a directory.
    pub fn groups(directory: &DirectorySeed) -> Self {
        Self {
            name: "groups",
            fields: &["displayName", "mail", "id"],
            items: directory.groups.iter().map(group).collect(),
        }
    }

    /// The service principals of a directory.
    pub fn service_principals(directory: &DirectorySeed) -> Self {
        let items = directory.service_principals.iter().map(service_principal).collect();
        Self { name: "servicePrincipals", fields: &["displayName", "appId", "id"], items }
    }

    /// One page of what the query admits, with `@odata.nextLink` (`next_base` plus `$skiptoken`) when more
    /// remain.
    pub fn page(self, query: &ListQuery, next_base: &str) -> Value {
        let admitted: Vec<Value> = self
            .items
            .into_iter()
            .filter(|item| {
                query.admits(|field| {
                    let key = self.fields.iter().find(|f| f.eq_ignore_ascii_case(field))?;
                    item.get(*key).and_then(Value::as_str).map(str::to_string)
                })
            })
            .collect();
        let total = admitted.len();
        let value: Vec<Value> =
            admitted.into_iter().skip(query.skip).take(query.top).map(|v| query.shape(v)).collect();
        let mut body = json!({"@odata.context": query.context(self.name), "value": value});
        if query.skip + query.top < total {
            let joiner = if next_base.contains('?') { '&' } else { '?' };
            body["@odata.nextLink"] =
                json!(format!("{next_base}{joiner}$skiptoken={}", query.skip + query.top));
        }
        body
    }
}

/// One object of a collection by id (users also by sign-in name), with its `$entity` context.
pub fn one(
    directory: &DirectorySeed,
    collection: &str,
    key: &str,
    query: &ListQuery,
) -> Result<Value, GraphError> {
    let found = match collection {
        "users" => directory.user(key).map(user),
        "groups" => directory.groups.iter().find(|g| g.id.eq_ignore_ascii_case(key)).map(group),
        _ => directory
            .service_principals
            .iter()
            .find(|s| s.id.eq_ignore_ascii_case(key))
            .map(service_principal),
    };
    let mut body = query.shape(found.ok_or_else(|| errors::not_found(key))?);
    body["@odata.context"] = json!(format!("{METADATA}#{collection}/$entity"));
    Ok(body)
}
