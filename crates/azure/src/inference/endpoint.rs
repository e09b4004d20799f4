//! Where chat requests go: an account's endpoint in any of its three host forms, with or without the
//! `/openai/v1` suffix people paste, and the URL form (v1, classic, Foundry models) that decides the path.

use std::net::IpAddr;

use url::Url;

use crate::error::{AzureError, ErrorKind};

/// The classic form's api-version when none is chosen: the newest GA one.
pub const CLASSIC_API_VERSION: &str = "2024-10-21";
/// The Foundry models form's api-version.
pub const FOUNDRY_MODELS_API_VERSION: &str = "2024-05-01-preview";

/// Which URL form a request uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiStyle {
    /// `{ep}/openai/v1/chat/completions`, deployment in the body's `model`; api-version optional.
    V1 { api_version: Option<String> },
    /// `{ep}/openai/deployments/{deployment}/chat/completions?api-version=…`.
    Classic { api_version: String },
    /// `{ep}/models/chat/completions?api-version=…`, deployment in the body's `model`.
    FoundryModels { api_version: String },
}

impl Default for ApiStyle {
    fn default() -> Self {
        Self::V1 { api_version: None }
    }
}

impl ApiStyle {
    /// Whether the deployment name travels in the body (`model`) rather than the path.
    pub fn names_deployment_in_body(&self) -> bool {
        !matches!(self, Self::Classic { .. })
    }
}

/// Which of Azure's host names an endpoint uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HostForm {
    /// `{res}.openai.azure.com`
    OpenAi,
    /// `{res}.cognitiveservices.azure.com`
    CognitiveServices,
    /// `{res}.services.ai.azure.com`
    AiServices,
    /// Anything else (a custom domain, a proxy, the simulator).
    Other,
}

/// An account's inference endpoint, normalised: scheme, host and any base path, ending in `/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InferenceEndpoint {
    base: Url,
}

impl InferenceEndpoint {
    /// Reads what a person pasted or ARM returned. Accepts the three host forms with or without
    /// `/openai`, `/openai/v1` or `/models` and a trailing slash; `https://` is required except for
    /// loopback addresses (the simulator).
    pub fn parse(input: &str) -> Result<Self, AzureError> {
        // Errors never repeat the input: a paste can carry a key (`?api-key=…`) or a password.
        let invalid =
            |why: &str| AzureError::local(ErrorKind::InvalidRequest, format!("not an endpoint URL: {why}"));
        let mut url = Url::parse(input.trim()).map_err(|e| invalid(&e.to_string()))?;
        if url.cannot_be_a_base() || url.host_str().is_none() {
            return Err(invalid("it has no host"));
        }
        match url.scheme() {
            "https" => {}
            "http" if is_loopback(&url) => {}
            "http" => return Err(invalid(
                "it must start with https:// (plain http is only allowed for this computer's own addresses)",
            )),
            other => return Err(invalid(&format!("'{other}' is not http or https"))),
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err(invalid("credentials do not belong in the URL; save the key instead"));
        }
        url.set_query(None);
        url.set_fragment(None);
        // People paste the endpoint with an API path on it (`/openai/v1`, or the portal's whole target URI
        // `/openai/deployments/x/chat/completions`): the path from `openai` or `models` on is ours to add.
        let segments: Vec<String> = url
            .path_segments()
            .map(|s| s.filter(|p| !p.is_empty()).map(str::to_string).collect())
            .unwrap_or_default();
        let api = segments
            .iter()
            .position(|s| s.eq_ignore_ascii_case("openai") || s.eq_ignore_ascii_case("models"))
            .unwrap_or(segments.len());
        let path = segments[..api].iter().map(|s| format!("{s}/")).collect::<String>();
        url.set_path(&format!("/{path}"));
        Ok(Self { base: url })
    }

    /// The endpoint, ending in `/`.
    pub fn as_str(&self) -> &str {
        self.base.as_str()
    }

    /// Which host form it uses.
    pub fn host_form(&self) -> HostForm {
        let host = self.base.host_str().unwrap_or_default().to_ascii_lowercase();
        let host = host.trim_end_matches('.');
        if host.ends_with(".openai.azure.com") {
            HostForm::OpenAi
        } else if host.ends_with(".cognitiveservices.azure.com") {
            HostForm::CognitiveServices
        } else if host.ends_with(".services.ai.azure.com") {
            HostForm::AiServices
        } else {
            HostForm::Other
        }
    }

    /// The chat-completions URL for `deployment` in `style`.
    pub fn chat_url(&self, style: &ApiStyle, deployment: &str) -> Result<Url, AzureError> {
        let (path, api_version) = match style {
            ApiStyle::V1 { api_version } => ("openai/v1/chat/completions".to_string(), api_version.clone()),
            ApiStyle::Classic { api_version } => {
                let name = crate::arm::client::path_segment("deployment", deployment)?;
                (format!("openai/deployments/{name}/chat/completions"), Some(api_version.clone()))
            }
            ApiStyle::FoundryModels { api_version } => {
                ("models/chat/completions".to_string(), Some(api_version.clone()))
            }
        };
        let mut url = self.base.join(&path).map_err(|e| {
            AzureError::local(ErrorKind::InvalidRequest, format!("could not build the request URL: {e}"))
        })?;
        if let Some(version) = api_version.filter(|v| !v.trim().is_empty()) {
            url.query_pairs_mut().append_pair("api-version", version.trim());
        }
        Ok(url)
    }
}

fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => IpAddr::V4(ip).is_loopback(),
        Some(url::Host::Ipv6(ip)) => IpAddr::V6(ip).is_loopback(),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_host_forms_and_pasted_suffixes_normalise_to_the_bare_endpoint() {
        for (input, form) in [
            ("https://acct.openai.azure.com", HostForm::OpenAi),
            ("https://acct.openai.azure.com/openai/v1/", HostForm::OpenAi),
            ("  https://ACCT.cognitiveservices.azure.com/openai ", HostForm::CognitiveServices),
            ("https://acct.services.ai.azure.com/models", HostForm::AiServices),
            ("https://acct.services.ai.azure.com/openai/v1?api-version=preview", HostForm::AiServices),
            (
                "https://acct.openai.azure.com/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21",
                HostForm::OpenAi,
            ),
            ("https://acct.openai.azure.com/openai/v1/chat/completions", HostForm::OpenAi),
        ] {
            let endpoint = InferenceEndpoint::parse(input).unwrap();
            assert_eq!(endpoint.host_form(), form, "{input}");
            assert!(endpoint.as_str().ends_with(".azure.com/"), "{input} → {}", endpoint.as_str());
        }
    }

    #[test]
    fn plain_http_only_for_loopback() {
        assert!(InferenceEndpoint::parse("http://127.0.0.1:8080/acct.openai.azure.com/").is_ok());
        assert!(InferenceEndpoint::parse("http://localhost:1/").is_ok());
        assert!(InferenceEndpoint::parse("http://[::1]:1/").is_ok());
        let err = InferenceEndpoint::parse("http://acct.openai.azure.com").unwrap_err();
        assert!(err.message.contains("must start with https://"), "{err}");
        assert!(InferenceEndpoint::parse("ftp://x").is_err());
        assert!(InferenceEndpoint::parse("acct.openai.azure.com").is_err());
        let err = InferenceEndpoint::parse("https://user:s3cret@acct.openai.azure.com").unwrap_err();
        assert!(!err.message.contains("s3cret"), "{err}");
        let err = InferenceEndpoint::parse("http://acct.openai.azure.com/?api-key=SECRETKEY").unwrap_err();
        assert!(!err.message.contains("SECRETKEY"), "{err}");
    }

    #[test]
    fn a_base_path_is_kept_for_proxies_and_the_simulator() {
        let endpoint =
            InferenceEndpoint::parse("http://127.0.0.1:9/acct.openai.azure.com/openai/v1").unwrap();
        assert_eq!(endpoint.as_str(), "http://127.0.0.1:9/acct.openai.azure.com/");
        let url = endpoint.chat_url(&ApiStyle::default(), "d").unwrap();
        assert_eq!(url.as_str(), "http://127.0.0.1:9/acct.openai.azure.com/openai/v1/chat/completions");
    }

    #[test]
    fn each_url_form() {
        let endpoint = InferenceEndpoint::parse("https://acct.openai.azure.com/").unwrap();
        let classic = ApiStyle::Classic { api_version: CLASSIC_API_VERSION.into() };
        assert_eq!(
            endpoint.chat_url(&classic, "gpt-4o").unwrap().as_str(),
            "https://acct.openai.azure.com/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21"
        );
        let foundry = ApiStyle::FoundryModels { api_version: FOUNDRY_MODELS_API_VERSION.into() };
        assert_eq!(
            endpoint.chat_url(&foundry, "gpt-4o").unwrap().as_str(),
            "https://acct.openai.azure.com/models/chat/completions?api-version=2024-05-01-preview"
        );
        assert!(endpoint.chat_url(&classic, "../x").is_err(), "a name never changes the path");
        assert!(!classic.names_deployment_in_body() && foundry.names_deployment_in_body());
    }
}
