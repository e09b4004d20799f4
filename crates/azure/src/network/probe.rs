//! Whether a service can be reached with some network options, without sending any credential: one
//! timed GET, and when it got no answer, why — in terms a person can act on.

use std::time::{Duration, Instant};

use url::Url;

use super::{causes, NetworkOptions, Route};
use crate::error::AzureError;

/// What one unauthenticated GET found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Probe {
    /// Where the request went first.
    pub route: Route,
    /// The HTTP status, when anything answered.
    pub status: Option<u16>,
    pub elapsed: Duration,
    /// Why the service was not reached; `None` when it answered (any status: 401 is an answer).
    pub unreached: Option<Unreached>,
}

/// Why a request did not reach its service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreached {
    /// Nothing accepted the connection (at the proxy, when there is one).
    Refused,
    /// The host name (the proxy's, when there is one) is not known.
    UnknownHost,
    /// The server's certificate is not signed by a trusted authority.
    Certificate,
    /// No answer in time.
    Timeout,
    /// The proxy would not open a tunnel to the host (how HTTPS goes through a proxy).
    TunnelRefused,
    /// The proxy answered instead of the service: 407 (it wants a sign-in) or 502 (it could not reach it).
    ProxyAnswered(u16),
    /// Anything else, in the transport's words.
    Other(String),
}

impl NetworkOptions {
    /// GETs `url` with no credential. `Err` only when no client can be built from these options.
    pub async fn probe(&self, url: &Url) -> Result<Probe, AzureError> {
        let client = self.probe_client()?;
        let route = self.proxy.route(url);
        let started = Instant::now();
        let sent = client.get(url.clone()).send().await;
        let elapsed = started.elapsed();
        Ok(match sent {
            Ok(response) => {
                let status = response.status().as_u16();
                let from_proxy = route.proxy().is_some() && matches!(status, 407 | 502);
                Probe {
                    route,
                    status: Some(status),
                    elapsed,
                    unreached: from_proxy.then_some(Unreached::ProxyAnswered(status)),
                }
            }
            Err(error) => Probe { route, status: None, elapsed, unreached: Some(Unreached::of(&error)) },
        })
    }
}

impl Unreached {
    fn of(error: &reqwest::Error) -> Self {
        if error.is_timeout() {
            return Self::Timeout;
        }
        let mut refused = false;
        let mut source: Option<&(dyn std::error::Error + 'static)> = Some(error);
        while let Some(cause) = source {
            if let Some(io) = cause.downcast_ref::<std::io::Error>() {
                refused |= io.kind() == std::io::ErrorKind::ConnectionRefused;
            }
            source = cause.source();
        }
        Self::from_words(refused, &causes(error))
    }

    /// Reads the transport's words where it gives no type to match: rustls's certificate errors, the
    /// resolver's, and the proxy tunnel's come as text through hyper's connector.
    fn from_words(refused: bool, said: &str) -> Self {
        let lower = said.to_ascii_lowercase();
        if refused {
            Self::Refused
        } else if lower.contains("certificate") || lower.contains("unknownissuer") {
            Self::Certificate
        } else if lower.contains("dns error") || lower.contains("failed to lookup address") {
            Self::UnknownHost
        } else if lower.contains("tunnel") {
            Self::TunnelRefused
        } else {
            Self::Other(said.to_string())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_transports_words_say_why() {
        let tls = "error sending request: client error (Connect): invalid peer certificate: UnknownIssuer";
        assert_eq!(Unreached::from_words(false, tls), Unreached::Certificate);
        let dns =
            "error sending request: client error (Connect): dns error: failed to lookup address information";
        assert_eq!(Unreached::from_words(false, dns), Unreached::UnknownHost);
        assert_eq!(
            Unreached::from_words(false, "client error (Connect): unsuccessful tunnel"),
            Unreached::TunnelRefused
        );
        assert_eq!(Unreached::from_words(true, "tcp connect error"), Unreached::Refused);
        assert_eq!(Unreached::from_words(false, "reset"), Unreached::Other("reset".into()));
    }
}
