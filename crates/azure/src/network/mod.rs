//! How requests leave this machine: which proxy, which extra certificate authorities, how long to wait.
//! One [`NetworkOptions`] value makes all three HTTP clients (Resource Manager, inference, sign-in), so
//! a settings change is a new value handed to whoever builds clients — never a process-wide switch.

mod probe;
mod proxy;

use std::time::Duration;

use reqwest::{Certificate, Client, ClientBuilder};

use crate::error::{AzureError, ErrorKind};
use crate::inference::InferenceOptions;

pub use probe::{Probe, Unreached};
pub use proxy::{host_port, ManualProxy, ProxyChoice, Route};

/// Longest wait for a TCP (and TLS) connection to open, whatever the request timeout.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(15);
/// Resource Manager's overall request timeout when none is set.
const ARM_TIMEOUT: Duration = Duration::from_secs(120);
/// Sign-in's overall request timeout when none is set.
const SIGN_IN_TIMEOUT: Duration = Duration::from_secs(60);

/// Everything about the network a client is built with. The default is what the app did before it had
/// network settings: the environment's proxy, the platform's certificate authorities, and each client's
/// own timeouts.
#[derive(Debug, Clone, Default)]
pub struct NetworkOptions {
    pub proxy: ProxyChoice,
    /// Certificate authorities trusted besides the platform's.
    pub extra_roots: ExtraRoots,
    /// How long one request may take. Resource Manager and sign-in apply it to the whole request;
    /// inference to the first byte and to each silence within a stream (a whole answer can stream for
    /// minutes). `None` keeps each client's own default.
    pub request_timeout: Option<Duration>,
}

impl NetworkOptions {
    /// The Resource Manager client: the timeout covers the whole request.
    pub fn arm_client(&self) -> Result<Client, AzureError> {
        build(self.builder()?.timeout(self.request_timeout.unwrap_or(ARM_TIMEOUT)))
    }

    /// The inference client: no overall timeout (streams run long); see [`Self::inference_options`].
    pub fn inference_client(&self) -> Result<Client, AzureError> {
        build(self.builder()?)
    }

    /// The inference limits with this timeout as the first-byte and idle timeouts.
    pub fn inference_options(&self) -> InferenceOptions {
        let defaults = InferenceOptions::default();
        match self.request_timeout {
            Some(timeout) => {
                InferenceOptions { first_byte_timeout: timeout, idle_timeout: timeout, ..defaults }
            }
            None => defaults,
        }
    }

    /// The sign-in client. It never follows a redirect: an open redirect could carry a code elsewhere.
    pub fn sign_in_client(&self) -> Result<Client, AzureError> {
        let builder = self.builder()?.redirect(reqwest::redirect::Policy::none());
        build(builder.timeout(self.request_timeout.unwrap_or(SIGN_IN_TIMEOUT)))
    }

    /// A client for a reachability check: like sign-in's (no redirect, so the first answer is the one
    /// reported), with Resource Manager's timeout.
    fn probe_client(&self) -> Result<Client, AzureError> {
        let builder = self.builder()?.redirect(reqwest::redirect::Policy::none());
        build(builder.timeout(self.request_timeout.unwrap_or(ARM_TIMEOUT)))
    }

    fn builder(&self) -> Result<ClientBuilder, AzureError> {
        let mut builder = Client::builder()
            .connect_timeout(CONNECT_TIMEOUT)
            .user_agent(concat!("FoundryDesk/", env!("CARGO_PKG_VERSION")));
        builder = self.proxy.apply(builder)?;
        for certificate in &self.extra_roots.0 {
            builder = builder.add_root_certificate(certificate.clone());
        }
        Ok(builder)
    }
}

fn build(builder: ClientBuilder) -> Result<Client, AzureError> {
    builder
        .build()
        .map_err(|e| AzureError::local(ErrorKind::Network, format!("could not set up HTTPS: {}", causes(&e))))
}

/// Certificate authorities to trust besides the platform's, e.g. the one a company's TLS inspection
/// signs with. Read once, so a file that is not usable is said when the settings are applied.
#[derive(Clone, Default)]
pub struct ExtraRoots(Vec<Certificate>);

impl ExtraRoots {
    /// Every certificate of a PEM file's contents; `source` (the file's path) names it in errors.
    pub fn from_pem(source: &str, pem: &[u8]) -> Result<Self, AzureError> {
        let unusable = |why: String| AzureError::local(ErrorKind::InvalidRequest, why);
        let certificates = Certificate::from_pem_bundle(pem)
            .map_err(|e| unusable(format!("{source} is not a PEM file that can be read: {}", causes(&e))))?;
        if certificates.is_empty() {
            return Err(unusable(format!(
                "{source} holds no certificate: it needs at least one -----BEGIN CERTIFICATE----- block"
            )));
        }
        // The PEM framing can be right around bytes that are no certificate; only adding the certificate
        // to a trust store reads it. A throwaway client without the platform's roots does that cheaply.
        for certificate in &certificates {
            Client::builder()
                .tls_built_in_root_certs(false)
                .add_root_certificate(certificate.clone())
                .build()
                .map_err(|e| {
                    unusable(format!("{source} has a certificate that cannot be used: {}", causes(&e)))
                })?;
        }
        Ok(Self(certificates))
    }

    /// How many certificates there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none (only the platform's are trusted).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl std::fmt::Debug for ExtraRoots {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ExtraRoots({} certificates)", self.0.len())
    }
}

/// An error and every cause under it, joined: reqwest's own message stops at "error sending request",
/// the reason (refused, certificate, DNS) is further down. None of it holds a secret: keys and tokens
/// travel in headers, and URLs in these messages are the request's own.
pub(crate) fn causes(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        let said = cause.to_string();
        // Some layers repeat their cause in their own message.
        if !text.contains(&said) {
            text.push_str(": ");
            text.push_str(&said);
        }
        source = cause.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEST_CA: &[u8] = include_bytes!("test-ca.pem");

    #[test]
    fn a_pem_file_with_a_certificate_is_read() {
        let roots = ExtraRoots::from_pem("/etc/corp-ca.pem", TEST_CA).unwrap();
        assert_eq!(roots.len(), 1);
        let options = NetworkOptions { extra_roots: roots, ..NetworkOptions::default() };
        assert!(options.arm_client().is_ok() && options.sign_in_client().is_ok());
    }

    #[test]
    fn a_pem_file_without_a_usable_certificate_is_refused_naming_the_file() {
        let empty = ExtraRoots::from_pem("/etc/empty.pem", b"just some text\n").unwrap_err();
        assert!(empty.message.contains("/etc/empty.pem") && empty.message.contains("no certificate"));
        let key_only = b"-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n";
        assert!(ExtraRoots::from_pem("/k.pem", key_only).unwrap_err().message.contains("/k.pem"));
        let not_der = b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n";
        let error = ExtraRoots::from_pem("/etc/broken.pem", not_der).unwrap_err();
        assert!(error.message.contains("/etc/broken.pem"), "{}", error.message);
    }

    #[test]
    fn the_timeout_is_inferences_first_byte_and_idle_timeout_and_defaults_stay() {
        let defaults = NetworkOptions::default().inference_options();
        assert_eq!(defaults.first_byte_timeout, InferenceOptions::default().first_byte_timeout);
        let options = NetworkOptions { request_timeout: Some(Duration::from_secs(7)), ..Default::default() };
        let inference = options.inference_options();
        assert_eq!(
            (inference.first_byte_timeout, inference.idle_timeout),
            (Duration::from_secs(7), Duration::from_secs(7))
        );
        assert_eq!(inference.max_attempts, InferenceOptions::default().max_attempts);
    }

    #[test]
    fn causes_are_joined_without_repeating() {
        #[derive(Debug)]
        struct Layer(&'static str, Option<Box<Layer>>);
        impl std::fmt::Display for Layer {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.0)
            }
        }
        impl std::error::Error for Layer {
            fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
                self.1.as_deref().map(|l| l as _)
            }
        }
        let refused = Layer("Connection refused", None);
        let connect = Layer("tcp connect error: Connection refused", Some(Box::new(refused)));
        let request = Layer("error sending request", Some(Box::new(connect)));
        assert_eq!(causes(&request), "error sending request: tcp connect error: Connection refused");
    }
}
