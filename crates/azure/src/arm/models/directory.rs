//! Where resources live: tenants, subscriptions and resource groups (Microsoft.Resources).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::lenient::null_as_default;
use super::provisioning::ProvisioningState;

/// A subscription the signed-in user can see (`GET /subscriptions`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Subscription {
    /// ARM id, `/subscriptions/{guid}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The subscription's GUID.
    pub subscription_id: String,
    /// The name people know it by.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// Enabled, Warned, PastDue, Disabled, Deleted — kept as Azure sends it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// The tenant that owns it; tokens for it are minted in this tenant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
    /// How the user got access (e.g. RoleBased).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authorization_source: Option<String>,
    /// Tenants that manage it on the owner's behalf.
    #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "Vec::is_empty")]
    pub managed_by_tenants: Vec<ManagedByTenant>,
    /// Spending limit and quota ids.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subscription_policies: Option<SubscriptionPolicies>,
    /// Resource tags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<BTreeMap<String, String>>,
}

/// A tenant that manages a subscription.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ManagedByTenant {
    /// The managing tenant's GUID.
    pub tenant_id: String,
}

/// A subscription's policies.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SubscriptionPolicies {
    /// Placement id, e.g. `Internal_2014-09-01`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location_placement_id: Option<String>,
    /// Quota id, e.g. `Internal_2014-09-01`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quota_id: Option<String>,
    /// On, Off or CurrentPeriodOff.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spending_limit: Option<String>,
}

/// A directory the user belongs to (`GET /tenants`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Tenant {
    /// ARM id, `/tenants/{guid}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The tenant's GUID.
    pub tenant_id: String,
    /// The tenant's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// Its default domain, e.g. `contoso.onmicrosoft.com`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_domain: Option<String>,
    /// All its domains.
    #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "Vec::is_empty")]
    pub domains: Vec<String>,
    /// Home, ProjectedBy or ManagedBy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_category: Option<String>,
    /// Country name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Two-letter country code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_code: Option<String>,
    /// AAD, AAD B2C, …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_type: Option<String>,
}

/// A resource group (`GET /subscriptions/{sub}/resourcegroups`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResourceGroup {
    /// ARM id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The group's name.
    pub name: String,
    /// `Microsoft.Resources/resourceGroups`.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub resource_type: Option<String>,
    /// Region that holds the group's metadata.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// Who manages the group, if anyone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub managed_by: Option<String>,
    /// Provisioning state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub properties: Option<ResourceGroupProperties>,
    /// Resource tags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<BTreeMap<String, String>>,
}

/// A resource group's properties.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResourceGroupProperties {
    /// Where the group's provisioning stands.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provisioning_state: Option<ProvisioningState>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tenant_decodes() {
        let body = r#"{"id":"/tenants/t1","tenantId":"t1","displayName":"Contoso",
            "defaultDomain":"contoso.onmicrosoft.com","domains":["contoso.com"],"tenantCategory":"Home",
            "somethingNew":1}"#;
        let tenant: Tenant = serde_json::from_str(body).unwrap();
        assert_eq!(tenant.tenant_id, "t1");
        assert_eq!(tenant.display_name.as_deref(), Some("Contoso"));
        assert_eq!(tenant.default_domain.as_deref(), Some("contoso.onmicrosoft.com"));
        assert_eq!(tenant.domains, vec!["contoso.com".to_owned()]);
    }
}
