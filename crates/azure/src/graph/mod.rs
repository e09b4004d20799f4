//! Microsoft Graph, for one thing: the names behind the object ids that hold roles, and finding a person,
//! group or app to grant a role to. A directory that refuses Graph (no consent, a guest account) leaves
//! the ids as they are: callers show those.

use serde::Deserialize;
use serde_json::json;
use url::Url;

use crate::arm::client::decode;
use crate::cloud::Cloud;
use crate::error::{AzureError, ErrorKind};
use crate::http::{HttpRequest, Pipeline};
use crate::odata;

/// `getByIds` takes at most this many ids per call.
const IDS_PER_CALL: usize = 1000;

/// What kind of directory object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ObjectKind {
    User,
    Group,
    ServicePrincipal,
    /// Another `@odata.type` (a device, an org contact).
    Other,
}

/// A user, group or service principal, as much as the app shows of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirectoryObject {
    pub id: String,
    pub kind: ObjectKind,
    pub display_name: Option<String>,
    /// A user's principal name (or mail), an app's application id.
    pub detail: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawObject {
    id: String,
    #[serde(default, rename = "@odata.type")]
    odata_type: Option<String>,
    #[serde(default)]
    display_name: Option<String>,
    #[serde(default)]
    user_principal_name: Option<String>,
    #[serde(default)]
    mail: Option<String>,
    #[serde(default)]
    app_id: Option<String>,
}

#[derive(Deserialize)]
struct Values {
    #[serde(default)]
    value: Vec<RawObject>,
}

impl RawObject {
    fn into_object(self, fallback: ObjectKind) -> DirectoryObject {
        let kind = match self.odata_type.as_deref() {
            Some("#microsoft.graph.user") => ObjectKind::User,
            Some("#microsoft.graph.group") => ObjectKind::Group,
            Some("#microsoft.graph.servicePrincipal") => ObjectKind::ServicePrincipal,
            Some(_) => ObjectKind::Other,
            None => fallback,
        };
        let detail = match kind {
            ObjectKind::ServicePrincipal => self.app_id,
            _ => self.user_principal_name.or(self.mail),
        };
        DirectoryObject { id: self.id, kind, display_name: self.display_name, detail }
    }
}

/// Talks to Microsoft Graph for one signed-in identity.
#[derive(Clone)]
pub struct GraphClient {
    pipeline: Pipeline,
    base: Url,
    scope: String,
}

impl GraphClient {
    /// Graph of `cloud`, over `pipeline` (its token source mints Graph tokens from the same sign-in).
    pub fn new(cloud: &Cloud, pipeline: Pipeline) -> Self {
        Self { pipeline, base: cloud.graph.clone(), scope: cloud.graph_scope() }
    }

    fn url(&self, path_and_query: &str) -> Result<String, AzureError> {
        self.base.join(path_and_query).map(|u| u.to_string()).map_err(|e| {
            AzureError::local(
                ErrorKind::InvalidRequest,
                format!("not a valid Graph address {path_and_query}: {e}"),
            )
        })
    }

    async fn get<T: serde::de::DeserializeOwned>(&self, path_and_query: &str) -> Result<T, AzureError> {
        let request = HttpRequest {
            method: reqwest::Method::GET,
            url: self.url(path_and_query)?,
            body: None,
            scope: self.scope.clone(),
        };
        decode(&self.pipeline.send(&request).await?.body)
    }

    /// The users, groups and service principals behind `ids`; ids Graph does not know are left out.
    pub async fn objects_by_ids(&self, ids: &[String]) -> Result<Vec<DirectoryObject>, AzureError> {
        let mut found = Vec::new();
        for batch in ids.chunks(IDS_PER_CALL) {
            let request = HttpRequest {
                method: reqwest::Method::POST,
                url: self.url("v1.0/directoryObjects/getByIds")?,
                body: Some(json!({"ids": batch, "types": ["user", "group", "servicePrincipal"]})),
                scope: self.scope.clone(),
            };
            let values: Values = decode(&self.pipeline.send(&request).await?.body)?;
            found.extend(values.value.into_iter().map(|o| o.into_object(ObjectKind::Other)));
        }
        Ok(found)
    }

    /// People whose name, principal name or e-mail starts with `text`.
    pub async fn find_users(&self, text: &str, top: usize) -> Result<Vec<DirectoryObject>, AzureError> {
        let quoted = odata::quote(text);
        let filter = format!(
            "startswith(displayName,{quoted}) or startswith(userPrincipalName,{quoted}) or startswith(mail,{quoted})"
        );
        self.find("users", &filter, "id,displayName,userPrincipalName,mail", top, ObjectKind::User).await
    }

    /// Groups whose name starts with `text`.
    pub async fn find_groups(&self, text: &str, top: usize) -> Result<Vec<DirectoryObject>, AzureError> {
        let filter = format!("startswith(displayName,{})", odata::quote(text));
        self.find("groups", &filter, "id,displayName,mail", top, ObjectKind::Group).await
    }

    /// Applications (service principals) whose name starts with `text`.
    pub async fn find_service_principals(
        &self,
        text: &str,
        top: usize,
    ) -> Result<Vec<DirectoryObject>, AzureError> {
        let filter = format!("startswith(displayName,{})", odata::quote(text));
        self.find("servicePrincipals", &filter, "id,displayName,appId", top, ObjectKind::ServicePrincipal)
            .await
    }

    async fn find(
        &self,
        collection: &str,
        filter: &str,
        select: &str,
        top: usize,
        kind: ObjectKind,
    ) -> Result<Vec<DirectoryObject>, AzureError> {
        let query = odata::query(&[
            ("$filter", filter.to_string()),
            ("$select", select.to_string()),
            ("$top", top.to_string()),
        ]);
        let values: Values = self.get(&format!("v1.0/{collection}?{query}")).await?;
        Ok(values.value.into_iter().map(|o| o.into_object(kind)).collect())
    }

    /// One person, by object id or user principal name.
    pub async fn user(&self, id_or_upn: &str) -> Result<DirectoryObject, AzureError> {
        let key = odata::encode(id_or_upn.trim());
        let raw: RawObject =
            self.get(&format!("v1.0/users/{key}?$select=id,displayName,userPrincipalName,mail")).await?;
        Ok(raw.into_object(ObjectKind::User))
    }

    /// The signed-in person.
    pub async fn me(&self) -> Result<DirectoryObject, AzureError> {
        let raw: RawObject = self.get("v1.0/me?$select=id,displayName,userPrincipalName,mail").await?;
        Ok(raw.into_object(ObjectKind::User))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn objects_take_their_kind_from_odata_type() {
        let body = r##"{"value":[
            {"@odata.type":"#microsoft.graph.user","id":"u","displayName":"Grace Hopper","userPrincipalName":"grace@contoso.com","mail":null},
            {"@odata.type":"#microsoft.graph.group","id":"g","displayName":"AI team","mail":"ai@contoso.com"},
            {"@odata.type":"#microsoft.graph.servicePrincipal","id":"s","displayName":"bot","appId":"app-1"},
            {"@odata.type":"#microsoft.graph.device","id":"d"}]}"##;
        let values: Values = serde_json::from_str(body).unwrap();
        let objects: Vec<_> = values.value.into_iter().map(|o| o.into_object(ObjectKind::Other)).collect();
        assert_eq!(objects[0].kind, ObjectKind::User);
        assert_eq!(objects[0].detail.as_deref(), Some("grace@contoso.com"));
        assert_eq!(objects[1].detail.as_deref(), Some("ai@contoso.com"));
        assert_eq!(
            (objects[2].kind, objects[2].detail.as_deref()),
            (ObjectKind::ServicePrincipal, Some("app-1"))
        );
        assert_eq!(objects[3].kind, ObjectKind::Other);
    }
}
