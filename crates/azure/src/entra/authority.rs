//! Where to sign in: the authority host (public, sovereign, or the simulator) and the tenant.

use oauth2::basic::BasicClient;
use oauth2::{AuthUrl, ClientId, DeviceAuthorizationUrl, EndpointNotSet, EndpointSet, RedirectUrl, TokenUrl};
use url::Url;

use crate::error::{AzureError, ErrorKind};

/// An OAuth client with Entra's three endpoints set.
pub type EntraClient = BasicClient<EndpointSet, EndpointSet, EndpointNotSet, EndpointNotSet, EndpointSet>;

/// An authority: `{host}/{tenant}/oauth2/v2.0/…`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Authority {
    pub host: Url,
    /// A tenant id, `organizations` or `common`.
    pub tenant: String,
}

impl Authority {
    /// The authority of `tenant` at `host`.
    pub fn new(host: &Url, tenant: &str) -> Self {
        Self { host: host.clone(), tenant: tenant.to_string() }
    }

    /// The same host, another tenant (tokens are per tenant).
    pub fn for_tenant(&self, tenant: &str) -> Self {
        Self::new(&self.host, tenant)
    }

    /// `{host}/{tenant}/oauth2/v2.0/{endpoint}`.
    pub fn endpoint(&self, endpoint: &str) -> Result<Url, AzureError> {
        let tenant = crate::arm::client::path_segment("tenant", &self.tenant)?;
        self.host.join(&format!("{tenant}/oauth2/v2.0/{endpoint}")).map_err(|e| {
            AzureError::local(ErrorKind::InvalidRequest, format!("not a valid sign-in authority: {e}"))
        })
    }

    /// The OAuth client for `client_id` here; `redirect` for the browser flow.
    pub fn client(&self, client_id: &str, redirect: Option<&str>) -> Result<EntraClient, AzureError> {
        let invalid = |e: url::ParseError| {
            AzureError::local(ErrorKind::InvalidRequest, format!("bad sign-in URL: {e}"))
        };
        let mut client = BasicClient::new(ClientId::new(client_id.to_string()))
            .set_auth_uri(AuthUrl::from_url(self.endpoint("authorize")?))
            .set_token_uri(TokenUrl::from_url(self.endpoint("token")?))
            .set_device_authorization_url(DeviceAuthorizationUrl::from_url(self.endpoint("devicecode")?));
        if let Some(redirect) = redirect {
            client = client.set_redirect_uri(RedirectUrl::new(redirect.to_string()).map_err(invalid)?);
        }
        Ok(client)
    }
}

/// The sign-in HTTP client of default [`crate::network::NetworkOptions`]: never follows redirects (an
/// open redirect could leak a code). Callers with network settings use
/// [`crate::network::NetworkOptions::sign_in_client`].
pub fn http_client() -> Result<reqwest::Client, AzureError> {
    crate::network::NetworkOptions::default().sign_in_client()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoints_per_tenant_and_host() {
        let public =
            Authority::new(&Url::parse("https://login.microsoftonline.com").unwrap(), "organizations");
        assert_eq!(
            public.endpoint("token").unwrap().as_str(),
            "https://login.microsoftonline.com/organizations/oauth2/v2.0/token"
        );
        let sim = Authority::new(&Url::parse("http://127.0.0.1:9/").unwrap(), "t1").for_tenant("t2");
        assert_eq!(
            sim.endpoint("devicecode").unwrap().as_str(),
            "http://127.0.0.1:9/t2/oauth2/v2.0/devicecode"
        );
        assert!(public.for_tenant("../x").endpoint("token").is_err(), "a tenant never changes the path");
    }
}
