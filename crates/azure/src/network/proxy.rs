//! Which proxy a request goes through, and saying so by `host:port` only: a proxy URL may carry a
//! password, so it is never repeated in an error, a log line or a `Debug`.

use hyper_util::client::proxy::matcher::Matcher;
use reqwest::ClientBuilder;
use url::Url;

use crate::error::{AzureError, ErrorKind};

/// Which proxy requests go through.
#[derive(Debug, Clone, Default)]
pub enum ProxyChoice {
    /// The environment's (`HTTPS_PROXY`, `HTTP_PROXY`, `ALL_PROXY`, `NO_PROXY`), read as reqwest reads it.
    #[default]
    System,
    /// No proxy, whatever the environment says.
    Direct,
    /// One proxy for every host but those it lists.
    Manual(ManualProxy),
}

/// A proxy the person named. Hosts are bypassed only when listed: loopback is proxied too, so a
/// local service behind the proxy (the Sandbox in tests) goes where the settings say.
#[derive(Clone)]
pub struct ManualProxy {
    url: Url,
    no_proxy: Vec<String>,
}

impl ManualProxy {
    /// The proxy at `url` (http or https) for every host but `no_proxy`'s (names, which also cover their
    /// subdomains, `.suffixes`, IP addresses, CIDR ranges, or `*`).
    pub fn new(url: &str, no_proxy: &[String]) -> Result<Self, AzureError> {
        // Errors describe the URL, never repeat it.
        let invalid = |why: String| AzureError::local(ErrorKind::InvalidRequest, why);
        let url = Url::parse(url.trim()).map_err(|e| invalid(format!("the proxy URL is not a URL ({e})")))?;
        match url.scheme() {
            "http" | "https" => {}
            "socks4" | "socks4a" | "socks5" | "socks5h" => {
                return Err(invalid(
                    "SOCKS proxies are not supported: use the proxy's http:// address".into(),
                ))
            }
            other => return Err(invalid(format!("proxies are reached over http or https, not {other}"))),
        }
        if url.host_str().is_none_or(str::is_empty) {
            return Err(invalid("the proxy URL names no host".into()));
        }
        let no_proxy: Vec<String> =
            no_proxy.iter().map(|h| h.trim().to_string()).filter(|h| !h.is_empty()).collect();
        let manual = Self { url, no_proxy };
        manual.reqwest_proxy()?;
        Ok(manual)
    }

    /// The proxy as reqwest takes it (made when a client is built: it is large to keep).
    fn reqwest_proxy(&self) -> Result<reqwest::Proxy, AzureError> {
        let proxy = reqwest::Proxy::all(self.url.as_str())
            .map_err(|_| AzureError::local(ErrorKind::InvalidRequest, "the proxy URL cannot be used"))?;
        Ok(proxy.no_proxy(reqwest::NoProxy::from_string(&self.no_proxy.join(","))))
    }

    /// `host:port`, without the user name or password.
    pub fn address(&self) -> String {
        host_port(&self.url)
    }

    /// The same rules reqwest applies (it uses this matcher itself), to tell where a URL would go.
    fn matcher(&self) -> Matcher {
        Matcher::builder().all(self.url.to_string()).no(self.no_proxy.join(",")).build()
    }
}

impl std::fmt::Debug for ManualProxy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ManualProxy")
            .field("address", &self.address())
            .field("no_proxy", &self.no_proxy)
            .finish()
    }
}

impl ProxyChoice {
    /// `builder` set up to use this proxy.
    pub(super) fn apply(&self, builder: ClientBuilder) -> Result<ClientBuilder, AzureError> {
        Ok(match self {
            // reqwest reads the environment unless told otherwise.
            Self::System => builder,
            Self::Direct => builder.no_proxy(),
            Self::Manual(manual) => builder.proxy(manual.reqwest_proxy()?),
        })
    }

    /// Where a request to `url` goes first.
    pub fn route(&self, url: &Url) -> Route {
        let Ok(uri) = url.as_str().parse::<http::Uri>() else { return Route::Direct };
        match self {
            Self::Direct => Route::Direct,
            Self::System => match Matcher::from_system().intercept(&uri) {
                Some(proxy) => Route::SystemProxy(uri_host_port(proxy.uri())),
                None => Route::Direct,
            },
            Self::Manual(manual) => match manual.matcher().intercept(&uri) {
                Some(_) => Route::Proxy(manual.address()),
                None => Route::Direct,
            },
        }
    }
}

/// Where a request goes first: straight to its host, or to a proxy (by `host:port`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Direct,
    /// The proxy the environment names.
    SystemProxy(String),
    /// The proxy the settings name.
    Proxy(String),
}

impl Route {
    /// The proxy's `host:port`, when there is one.
    pub fn proxy(&self) -> Option<&str> {
        match self {
            Self::Direct => None,
            Self::SystemProxy(address) | Self::Proxy(address) => Some(address),
        }
    }
}

impl std::fmt::Display for Route {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Direct => f.write_str("direct"),
            Self::SystemProxy(address) => write!(f, "system proxy {address}"),
            Self::Proxy(address) => write!(f, "proxy {address}"),
        }
    }
}

/// `host:port` of a URL, the scheme's port when none is written.
pub fn host_port(url: &Url) -> String {
    let host = url.host_str().unwrap_or_default();
    match url.port_or_known_default() {
        Some(port) => format!("{host}:{port}"),
        None => host.to_string(),
    }
}

fn uri_host_port(uri: &http::Uri) -> String {
    let host = uri.host().unwrap_or_default();
    let port = uri.port_u16().or(match uri.scheme_str() {
        Some("https") => Some(443),
        Some("http") => Some(80),
        _ => None,
    });
    match port {
        Some(port) => format!("{host}:{port}"),
        None => host.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(text: &str) -> Url {
        Url::parse(text).unwrap()
    }

    #[test]
    fn a_manual_proxy_takes_loopback_too_unless_it_is_listed() {
        let proxy = ManualProxy::new("http://proxy.corp:3128", &[]).unwrap();
        let choice = ProxyChoice::Manual(proxy);
        assert_eq!(choice.route(&url("http://127.0.0.1:4000/x")), Route::Proxy("proxy.corp:3128".into()));
        assert_eq!(choice.route(&url("https://management.azure.com/")).to_string(), "proxy proxy.corp:3128");
        let listed =
            ManualProxy::new("http://proxy.corp:3128", &["127.0.0.1".into(), ".corp.example".into()]);
        let choice = ProxyChoice::Manual(listed.unwrap());
        assert_eq!(choice.route(&url("http://127.0.0.1:4000/x")), Route::Direct);
        assert_eq!(choice.route(&url("https://ai.corp.example/")), Route::Direct);
        assert_eq!(choice.route(&url("https://management.azure.com/")).proxy(), Some("proxy.corp:3128"));
        assert_eq!(ProxyChoice::Direct.route(&url("https://management.azure.com/")), Route::Direct);
    }

    #[test]
    fn a_proxy_is_named_by_host_and_port_only() {
        let proxy = ManualProxy::new("http://ada:hunter2@proxy.corp", &[]).unwrap();
        assert_eq!(proxy.address(), "proxy.corp:80");
        assert!(!format!("{proxy:?}").contains("hunter2"));
        assert!(!format!("{:?}", ProxyChoice::Manual(proxy)).contains("hunter2"));
    }

    #[test]
    fn unusable_proxy_urls_are_refused_without_repeating_them() {
        for bad in ["not a url hunter2", "ftp://hunter2@proxy:21", "socks5://hunter2@proxy:1080"] {
            let error = ManualProxy::new(bad, &[]).unwrap_err();
            assert!(!error.message.contains("hunter2"), "{}", error.message);
        }
        assert!(ManualProxy::new("socks5://proxy:1080", &[]).unwrap_err().message.contains("SOCKS"));
    }
}
