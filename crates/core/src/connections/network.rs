//! The network settings in effect: the HTTP clients every request uses (Resource Manager, inference,
//! sign-in), made from the saved proxy, CA file and timeout, the Resource Manager api-version, and the
//! app registration and tenant sign-ins default to. Applying settings swaps them whole; a request already
//! running keeps the clients it started with.

use std::sync::{Arc, OnceLock};
use std::time::Duration;

use foundry_azure::arm::ApiVersions;
use foundry_azure::inference::InferenceOptions;
use foundry_azure::network::{ExtraRoots, ManualProxy, NetworkOptions, ProxyChoice};
use foundry_azure::AzureError;
use reqwest::Client;

use super::{ConnectionError, Connections};
use crate::settings::{AzureSettings, FieldProblem, NetworkSettings, ProxySetting, Settings, SettingsError};
use crate::sign_in::SignInDefaults;

/// One generation of network settings and the clients made from them, each on first use.
pub(super) struct Network {
    /// Tells clients kept elsewhere (per profile) which settings they were made with.
    generation: u64,
    options: NetworkOptions,
    api: ApiVersions,
    /// The settings' app registration and tenant for sign-ins, when a profile names none.
    sign_in_defaults: SignInDefaults,
    /// The currency prices are asked in.
    currency: String,
    arm: OnceLock<Client>,
    inference: OnceLock<Client>,
    sign_in: OnceLock<Client>,
}

impl Network {
    fn new(
        generation: u64,
        options: NetworkOptions,
        api: ApiVersions,
        sign_in_defaults: SignInDefaults,
        currency: String,
    ) -> Self {
        Self {
            generation,
            options,
            api,
            sign_in_defaults,
            currency,
            arm: OnceLock::new(),
            inference: OnceLock::new(),
            sign_in: OnceLock::new(),
        }
    }

    /// What the app uses before any settings are applied: the defaults it always had.
    pub(super) fn initial() -> Self {
        let currency = AzureSettings::default().currency;
        Self::new(0, NetworkOptions::default(), ApiVersions::default(), SignInDefaults::default(), currency)
    }

    pub(super) fn generation(&self) -> u64 {
        self.generation
    }

    pub(super) fn options(&self) -> &NetworkOptions {
        &self.options
    }

    /// The api-versions Resource Manager calls carry.
    pub(super) fn api(&self) -> &ApiVersions {
        &self.api
    }

    /// The currency prices are shown in.
    pub(super) fn currency(&self) -> &str {
        &self.currency
    }

    /// Where sign-ins go and as which app when a profile does not say.
    pub(super) fn sign_in_defaults(&self) -> &SignInDefaults {
        &self.sign_in_defaults
    }

    /// The Resource Manager client, shared by every profile (one connection pool).
    pub(super) fn arm_http(&self) -> Result<Client, AzureError> {
        cached(&self.arm, || self.options.arm_client())
    }

    /// The inference client, shared by every answer.
    pub(super) fn inference_http(&self) -> Result<Client, AzureError> {
        cached(&self.inference, || self.options.inference_client())
    }

    /// Inference's timeouts under these settings.
    pub(super) fn inference_options(&self) -> InferenceOptions {
        self.options.inference_options()
    }

    /// The sign-in client (no redirects), for sign-ins and token refreshes.
    pub(super) fn sign_in_http(&self) -> Result<Client, AzureError> {
        cached(&self.sign_in, || self.options.sign_in_client())
    }
}

fn cached(
    cell: &OnceLock<Client>,
    make: impl FnOnce() -> Result<Client, AzureError>,
) -> Result<Client, AzureError> {
    if let Some(client) = cell.get() {
        return Ok(client.clone());
    }
    let made = make()?;
    Ok(cell.get_or_init(|| made).clone())
}

impl Connections {
    /// Makes saved network and Azure settings take effect for every later request: the proxy, the CA
    /// file (read now), the timeout, the Resource Manager api-version, and the sign-in app registration
    /// and tenant (for new profiles and sign-ins; a signed-in profile keeps refreshing as the app it
    /// signed in as). Answers streaming now finish on the clients they started with. On an error nothing
    /// changes.
    pub fn apply_settings(&self, settings: &Settings) -> Result<(), ConnectionError> {
        check(settings)?;
        let options = network_options(&settings.network)?;
        let sign_in_defaults = SignInDefaults::from_settings(&settings.azure);
        let currency = settings.azure.currency.clone();
        let mut next = Network::new(0, options, api_versions(&settings.azure), sign_in_defaults, currency);
        // Made now, so a client that cannot be built is said here rather than at the next request.
        next.arm_http()?;
        next.inference_http()?;
        next.sign_in_http()?;
        let mut current = self.network.write().unwrap_or_else(|poisoned| poisoned.into_inner());
        next.generation = current.generation + 1;
        *current = Arc::new(next);
        tracing::info!(
            generation = current.generation,
            proxy = proxy_kind(&current.options.proxy),
            extra_roots = current.options.extra_roots.len(),
            "network settings applied"
        );
        Ok(())
    }

    /// The network settings in effect now.
    pub(super) fn network(&self) -> Arc<Network> {
        self.network.read().unwrap_or_else(|poisoned| poisoned.into_inner()).clone()
    }
}

/// For the log: which kind of proxy, never its URL (it may hold a password).
fn proxy_kind(proxy: &ProxyChoice) -> &'static str {
    match proxy {
        ProxyChoice::System => "system",
        ProxyChoice::Direct => "none",
        ProxyChoice::Manual(_) => "manual",
    }
}

/// Refuses settings the Settings screen would refuse, with the same field-by-field problems.
pub(super) fn check(settings: &Settings) -> Result<(), ConnectionError> {
    let problems = settings.problems_to_save();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(ConnectionError::Settings(SettingsError::Invalid(problems)))
    }
}

/// The client options the network settings describe; the CA file is read here.
pub fn network_options(network: &NetworkSettings) -> Result<NetworkOptions, ConnectionError> {
    let proxy = match &network.proxy {
        ProxySetting::System => ProxyChoice::System,
        ProxySetting::None => ProxyChoice::Direct,
        ProxySetting::Manual { url, no_proxy } => ProxyChoice::Manual(
            ManualProxy::new(url, no_proxy).map_err(|e| field("network.proxy.url", e.message))?,
        ),
    };
    let extra_roots = match &network.ca_certificate {
        None => ExtraRoots::default(),
        Some(path) => {
            let pem = std::fs::read(path)
                .map_err(|e| field("network.caCertificate", format!("{path} cannot be read: {e}")))?;
            ExtraRoots::from_pem(path, &pem).map_err(|e| field("network.caCertificate", e.message))?
        }
    };
    let request_timeout = Some(Duration::from_secs(u64::from(network.request_timeout_secs)));
    Ok(NetworkOptions { proxy, extra_roots, request_timeout })
}

/// The Resource Manager api-versions: the configured Cognitive Services one, else this build's.
pub fn api_versions(azure: &AzureSettings) -> ApiVersions {
    let mut api = ApiVersions::default();
    if let Some(version) = azure.arm_api_version.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
        api.cognitive_services = version.to_string();
    }
    api
}

fn field(field: &str, message: String) -> ConnectionError {
    ConnectionError::Settings(SettingsError::Invalid(vec![FieldProblem { field: field.into(), message }]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_become_client_options() {
        let mut network = NetworkSettings::default();
        let options = network_options(&network).unwrap();
        assert!(matches!(options.proxy, ProxyChoice::System));
        let default_timeout = u64::from(crate::settings::DEFAULT_TIMEOUT_SECS);
        assert_eq!(options.request_timeout, Some(Duration::from_secs(default_timeout)));
        network.proxy = ProxySetting::Manual { url: "http://proxy.corp:3128".into(), no_proxy: vec![] };
        network.request_timeout_secs = 5;
        let options = network_options(&network).unwrap();
        assert!(matches!(&options.proxy, ProxyChoice::Manual(p) if p.address() == "proxy.corp:3128"));
        assert_eq!(options.inference_options().first_byte_timeout, Duration::from_secs(5));
        network.proxy = ProxySetting::None;
        assert!(matches!(network_options(&network).unwrap().proxy, ProxyChoice::Direct));
    }

    #[test]
    fn the_configured_api_version_is_the_cognitive_services_one() {
        let mut azure = AzureSettings::default();
        assert_eq!(api_versions(&azure), ApiVersions::default());
        azure.arm_api_version = Some("2025-06-01".into());
        let api = api_versions(&azure);
        assert_eq!(api.cognitive_services, "2025-06-01");
        assert_eq!(api.subscriptions, ApiVersions::default().subscriptions);
    }

    #[test]
    fn values_the_settings_screen_refuses_are_refused_by_field() {
        let mut settings = Settings::default();
        settings.network.request_timeout_secs = 1;
        settings.network.proxy =
            ProxySetting::Manual { url: "http://ada:hunter2@proxy.corp".into(), no_proxy: vec![] };
        let Err(ConnectionError::Settings(SettingsError::Invalid(problems))) = check(&settings) else {
            panic!("refused")
        };
        let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, ["network.proxy.url", "network.requestTimeoutSecs"]);
        assert!(problems.iter().all(|p| !p.message.contains("hunter2")));
    }
}
