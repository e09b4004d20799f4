//! "Test connection" on the Network settings: with settings that may not be saved yet, reach a
//! profile's service without sending any key or token, and say in one sentence what happened — and,
//! when it failed, what to change.

use foundry_azure::arm::ApiVersions;
use foundry_azure::inference::endpoint::CLASSIC_API_VERSION;
use foundry_azure::inference::InferenceEndpoint;
use foundry_azure::network::{host_port, Probe, Route, Unreached};
use serde::Serialize;
use url::Url;

use super::network::{check, network_options};
use super::{ConnectionError, Connections};
use crate::profiles::{Connection, Profile};
use crate::settings::{NetworkSettings, Settings};
use crate::sign_in;

/// What a network test found. Names the proxy by `host:port` only, never its user name or password.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct NetworkTest {
    /// The service answered (any HTTP status: without a key, 401 is the expected answer).
    pub reached: bool,
    /// The service's `host:port`.
    pub host: String,
    /// `direct`, `system proxy host:port` or `proxy host:port`.
    pub via: String,
    /// The HTTP status, when anything answered.
    pub status: Option<u16>,
    pub elapsed_ms: f64,
    /// One sentence for the person: what happened, and what to do when it failed.
    pub summary: String,
    /// Why the service was not reached, for the screen to point at the right setting.
    pub problem: Option<NetworkProblem>,
}

/// Why a network test did not reach the service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum NetworkProblem {
    /// The proxy refused the connection or its name is unknown: its address is wrong.
    ProxyUnreachable,
    /// The proxy answered but would not pass the request on (a sign-in wanted, the host blocked).
    ProxyRefused,
    /// Going direct, the service refused the connection or its name is unknown.
    Unreachable,
    /// The service's certificate is not trusted: a company CA file is probably needed.
    Certificate,
    /// No answer within the timeout.
    Timeout,
    Other,
}

impl Connections {
    /// Reaches `profile_id`'s service — its cloud's Resource Manager, its endpoint, or the Sandbox's
    /// simulator — with a client made from `network`, which need not be saved. No key or token is sent.
    /// Settings the Settings screen would refuse are an error naming each field.
    pub async fn test_network(
        &self,
        profile_id: &str,
        network: &NetworkSettings,
    ) -> Result<NetworkTest, ConnectionError> {
        let profile = self.profile(profile_id)?;
        check(&Settings { network: network.clone(), ..Settings::default() })?;
        let options = network_options(network)?;
        let (url, service) = self.service_of(&profile).await?;
        let probe = options.probe(&url).await?;
        Ok(report(&probe, &host_port(&url), service, network.request_timeout_secs))
    }

    /// A URL of the profile's service that answers without credentials (with a 401), and its name.
    async fn service_of(&self, profile: &Profile) -> Result<(Url, &'static str), ConnectionError> {
        let unusable = |e: url::ParseError| ConnectionError::Input(format!("the service's address: {e}"));
        let (mut url, service, api_version) = match &profile.connection {
            Connection::Sandbox => {
                let cloud = self.sandbox.cloud().await?;
                let url = cloud.resource_manager.join("subscriptions").map_err(unusable)?;
                (url, "the Sandbox", ApiVersions::default().subscriptions)
            }
            Connection::AzureAccount { cloud, .. } => {
                let cloud = sign_in::cloud_of(cloud)?;
                let url = cloud.resource_manager.join("subscriptions").map_err(unusable)?;
                (url, "Azure Resource Manager", ApiVersions::default().subscriptions)
            }
            Connection::EndpointKey { endpoint, .. } => {
                let endpoint =
                    InferenceEndpoint::parse(endpoint).map_err(|e| ConnectionError::Input(e.message))?;
                let url =
                    Url::parse(endpoint.as_str()).and_then(|u| u.join("openai/models")).map_err(unusable)?;
                (url, "the endpoint", CLASSIC_API_VERSION.to_string())
            }
        };
        url.query_pairs_mut().append_pair("api-version", &api_version);
        Ok((url, service))
    }
}

/// The probe told to a person.
fn report(probe: &Probe, host: &str, service: &str, timeout_secs: u32) -> NetworkTest {
    let proxy = probe.route.proxy();
    let (problem, summary) = match (&probe.unreached, proxy) {
        (None, _) => {
            let way = match &probe.route {
                Route::Direct => "directly".to_string(),
                Route::SystemProxy(address) => format!("through the system proxy {address}"),
                Route::Proxy(address) => format!("through the proxy {address}"),
            };
            let ms = probe.elapsed.as_millis();
            (None, format!("Reached {service} ({host}) {way} in {ms} ms."))
        }
        (Some(Unreached::Refused), Some(proxy)) => (
            Some(NetworkProblem::ProxyUnreachable),
            format!("The proxy {proxy} refused the connection: check the proxy address and port."),
        ),
        (Some(Unreached::UnknownHost), Some(proxy)) => (
            Some(NetworkProblem::ProxyUnreachable),
            format!("The proxy {proxy} could not be found: check the proxy address."),
        ),
        (Some(Unreached::Refused), None) => (
            Some(NetworkProblem::Unreachable),
            format!(
                "{host} refused the connection: check the address, or whether your network needs a proxy."
            ),
        ),
        (Some(Unreached::UnknownHost), None) => (
            Some(NetworkProblem::Unreachable),
            format!(
                "{host} could not be found: check your connection, or whether your network needs a proxy."
            ),
        ),
        (Some(Unreached::Certificate), _) => (
            Some(NetworkProblem::Certificate),
            format!(
                "The certificate of {host} is not trusted: if your company inspects HTTPS traffic, add your \
                 company's CA file under CA certificate."
            ),
        ),
        (Some(Unreached::Timeout), _) => (
            Some(NetworkProblem::Timeout),
            format!("{host} did not answer within {timeout_secs} s: raise the timeout, or check the proxy."),
        ),
        (Some(Unreached::TunnelRefused), _) => (
            Some(NetworkProblem::ProxyRefused),
            format!(
                "The proxy {} would not connect to {host}: it may need a sign-in or block this host; ask \
                 your IT department.",
                proxy.unwrap_or("in use")
            ),
        ),
        (Some(Unreached::ProxyAnswered(407)), _) => (
            Some(NetworkProblem::ProxyRefused),
            format!(
                "The proxy {} asks for a user name and password (HTTP 407): ask your IT department for a \
                 way through that needs none.",
                proxy.unwrap_or("in use")
            ),
        ),
        (Some(Unreached::ProxyAnswered(status)), _) => (
            Some(NetworkProblem::ProxyRefused),
            format!(
                "The proxy {} could not reach {host} (HTTP {status}): check that it lets this host through.",
                proxy.unwrap_or("in use")
            ),
        ),
        (Some(Unreached::Other(said)), _) => {
            (Some(NetworkProblem::Other), format!("{host} could not be reached: {said}."))
        }
    };
    NetworkTest {
        reached: probe.unreached.is_none(),
        host: host.to_string(),
        via: probe.route.to_string(),
        status: probe.status,
        elapsed_ms: probe.elapsed.as_secs_f64() * 1000.0,
        summary,
        problem,
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    fn probe(route: Route, status: Option<u16>, unreached: Option<Unreached>) -> Probe {
        Probe { route, status, elapsed: Duration::from_millis(42), unreached }
    }

    #[test]
    fn a_reached_service_says_how() {
        let proxied = probe(Route::Proxy("proxy.corp:3128".into()), Some(401), None);
        let test = report(&proxied, "management.azure.com:443", "Azure Resource Manager", 60);
        assert!(test.reached && test.problem.is_none());
        assert_eq!((test.via.as_str(), test.status), ("proxy proxy.corp:3128", Some(401)));
        assert_eq!(
            test.summary,
            "Reached Azure Resource Manager (management.azure.com:443) through the proxy proxy.corp:3128 in 42 ms."
        );
        assert_eq!(report(&probe(Route::Direct, Some(401), None), "h:443", "the endpoint", 60).via, "direct");
    }

    #[test]
    fn each_failure_says_what_to_change() {
        let cases = [
            (
                Route::Proxy("p:8080".into()),
                Unreached::Refused,
                NetworkProblem::ProxyUnreachable,
                "check the proxy address",
            ),
            (Route::Direct, Unreached::Refused, NetworkProblem::Unreachable, "needs a proxy"),
            (Route::Direct, Unreached::Certificate, NetworkProblem::Certificate, "CA file"),
            (
                Route::SystemProxy("p:8080".into()),
                Unreached::Timeout,
                NetworkProblem::Timeout,
                "within 30 s: raise the timeout",
            ),
            (
                Route::Proxy("p:8080".into()),
                Unreached::ProxyAnswered(407),
                NetworkProblem::ProxyRefused,
                "HTTP 407",
            ),
            (
                Route::Proxy("p:8080".into()),
                Unreached::TunnelRefused,
                NetworkProblem::ProxyRefused,
                "would not connect",
            ),
        ];
        for (route, unreached, problem, says) in cases {
            let test = report(&probe(route, None, Some(unreached)), "h:443", "the endpoint", 30);
            assert!(!test.reached);
            assert_eq!(test.problem, Some(problem));
            assert!(test.summary.contains(says), "{}", test.summary);
        }
    }
}
