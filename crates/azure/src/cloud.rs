//! Which Azure a profile talks to: the public cloud, a sovereign cloud, or the local simulator.

use serde::{Deserialize, Serialize};
use url::Url;

/// The hosts of one Azure cloud. Kept configurable: sovereign clouds and the simulator differ.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Cloud {
    /// Display name, e.g. "Azure public cloud".
    pub name: String,
    /// Resource Manager, e.g. `https://management.azure.com`.
    pub resource_manager: Url,
    /// Entra ID sign-in authority host, e.g. `https://login.microsoftonline.com`.
    pub authority_host: Url,
    /// The audience Resource Manager tokens are minted for, when it is not the host itself: the
    /// simulator serves on loopback but plays the public cloud, whose tokens name `management.azure.com`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_manager_audience: Option<String>,
    /// The Retail Prices API, e.g. `https://prices.azure.com`. Sovereign clouds have none of their own
    /// and use the public one; profiles saved before it existed load with that default.
    #[serde(default = "public_retail_prices")]
    pub retail_prices: Url,
    /// Microsoft Graph, for the names of the people, groups and apps that hold roles.
    #[serde(default = "public_graph")]
    pub graph: Url,
}

/// The public, unauthenticated Retail Prices host every cloud's prices are read from.
pub const PUBLIC_RETAIL_PRICES: &str = "https://prices.azure.com";

/// Microsoft Graph of the public cloud.
pub const PUBLIC_GRAPH: &str = "https://graph.microsoft.com";

/// Microsoft Graph of the public cloud, as a URL.
pub fn public_graph() -> Url {
    parse_literal(PUBLIC_GRAPH)
}

/// [`PUBLIC_RETAIL_PRICES`] as a URL.
pub fn public_retail_prices() -> Url {
    parse_literal(PUBLIC_RETAIL_PRICES)
}

/// Only called with hard-coded URLs; the tests parse every one of them.
#[allow(clippy::expect_used)]
fn parse_literal(url: &str) -> Url {
    Url::parse(url).expect("a hard-coded cloud URL")
}

impl Cloud {
    /// The public cloud most users are on.
    pub fn public() -> Self {
        Self::from_hosts(
            "Azure public cloud",
            "https://management.azure.com",
            "https://login.microsoftonline.com",
        )
    }

    /// Azure Government (US).
    pub fn us_government() -> Self {
        let mut cloud = Self::from_hosts(
            "Azure US Government",
            "https://management.usgovcloudapi.net",
            "https://login.microsoftonline.us",
        );
        cloud.graph = parse_literal("https://graph.microsoft.us");
        cloud
    }

    /// Azure operated by 21Vianet (China).
    pub fn china() -> Self {
        let mut cloud = Self::from_hosts(
            "Azure China",
            "https://management.chinacloudapi.cn",
            "https://login.chinacloudapi.cn",
        );
        cloud.graph = parse_literal("https://microsoftgraph.chinacloudapi.cn");
        cloud
    }

    /// A cloud whose Resource Manager and authority are both at `base` (the Sandbox simulator), with
    /// the public cloud's token audience.
    pub fn at(name: &str, base: &Url) -> Self {
        Self {
            name: name.into(),
            resource_manager: base.clone(),
            authority_host: base.clone(),
            resource_manager_audience: Some("https://management.azure.com".into()),
            retail_prices: base.clone(),
            graph: base.clone(),
        }
    }

    /// A cloud with hosts the user typed in (a private or future cloud); prices come from the public host.
    pub fn custom(name: &str, resource_manager: Url, authority_host: Url, audience: Option<String>) -> Self {
        Self {
            name: name.into(),
            resource_manager,
            authority_host,
            resource_manager_audience: audience,
            retail_prices: public_retail_prices(),
            graph: public_graph(),
        }
    }

    fn from_hosts(name: &str, resource_manager: &str, authority_host: &str) -> Self {
        Self::custom(name, parse_literal(resource_manager), parse_literal(authority_host), None)
    }

    /// The OAuth scope for Resource Manager tokens in this cloud (`{audience or host}/.default`).
    pub fn resource_manager_scope(&self) -> String {
        let audience = self.resource_manager_audience.as_deref().unwrap_or(self.resource_manager.as_str());
        format!("{}/.default", audience.trim_end_matches('/'))
    }

    /// The token scope for Microsoft Graph. A cloud that plays the public one under another address (the
    /// simulator: its Resource Manager audience is set) asks for the public Graph's audience.
    pub fn graph_scope(&self) -> String {
        let audience = match &self.resource_manager_audience {
            Some(_) => PUBLIC_GRAPH,
            None => self.graph.as_str(),
        };
        format!("{}/.default", audience.trim_end_matches('/'))
    }

    /// What a sign-in asks for: this cloud's Resource Manager, and a refresh token (`offline_access`).
    pub fn sign_in_scopes(&self) -> [String; 2] {
        [self.resource_manager_scope(), "offline_access".to_string()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_clouds_have_their_real_hosts() {
        assert_eq!(Cloud::public().resource_manager.host_str(), Some("management.azure.com"));
        assert_eq!(Cloud::public().authority_host.host_str(), Some("login.microsoftonline.com"));
        assert_eq!(Cloud::us_government().authority_host.host_str(), Some("login.microsoftonline.us"));
        assert_eq!(Cloud::china().resource_manager.host_str(), Some("management.chinacloudapi.cn"));
        for cloud in [Cloud::public(), Cloud::us_government(), Cloud::china()] {
            assert_eq!(cloud.retail_prices.as_str(), "https://prices.azure.com/", "{}", cloud.name);
        }
    }

    #[test]
    fn a_profile_saved_without_a_prices_host_loads_with_the_public_one() {
        let saved = r#"{"name":"Old","resourceManager":"https://management.azure.com/","authorityHost":"https://login.microsoftonline.com/"}"#;
        let cloud: Cloud = serde_json::from_str(saved).unwrap();
        assert_eq!(cloud.retail_prices, public_retail_prices());
        let again: Cloud = serde_json::from_str(&serde_json::to_string(&cloud).unwrap()).unwrap();
        assert_eq!(again, cloud);
    }

    #[test]
    fn resource_manager_scope_has_no_double_slash() {
        assert_eq!(Cloud::public().resource_manager_scope(), "https://management.azure.com/.default");
    }

    #[test]
    fn a_sign_in_asks_for_its_own_clouds_resource_manager() {
        assert_eq!(
            Cloud::china().sign_in_scopes(),
            ["https://management.chinacloudapi.cn/.default".to_string(), "offline_access".to_string()]
        );
        assert_eq!(
            Cloud::us_government().sign_in_scopes()[0],
            "https://management.usgovcloudapi.net/.default"
        );
    }

    #[test]
    fn simulator_cloud_points_everything_at_loopback() {
        let base = Url::parse("http://127.0.0.1:4000/").expect("url");
        let cloud = Cloud::at("Sandbox (simulated)", &base);
        assert_eq!(cloud.resource_manager, base);
        assert_eq!(cloud.retail_prices, base);
        assert_eq!(cloud.resource_manager_scope(), "https://management.azure.com/.default");
        assert_eq!(cloud.graph, base);
        assert_eq!(cloud.graph_scope(), "https://graph.microsoft.com/.default");
        assert_eq!(Cloud::china().graph_scope(), "https://microsoftgraph.chinacloudapi.cn/.default");
    }
}
