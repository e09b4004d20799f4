//! What a valid setting is. Every problem names its field (as the settings screen does, e.g.
//! `network.proxy.url`) and says what would be accepted, so the form can show it by the field.

use std::path::Path;

use serde::Serialize;

use super::{AzureSettings, ProxySetting, Settings};
use crate::conversations::PlaygroundParameters;
use crate::profiles::ApiStyleChoice;

/// The shortest request timeout allowed, in seconds: Azure's first byte can take this long.
pub const MIN_TIMEOUT_SECS: u32 = 5;
/// The longest: a long reasoning answer streams for minutes.
pub const MAX_TIMEOUT_SECS: u32 = 600;
const FONT_SIZES: std::ops::RangeInclusive<u8> = 11..=22;

/// A value that is not allowed, and what would be.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct FieldProblem {
    /// The field, as a dotted path (`azure.armApiVersion`).
    pub field: String,
    pub message: String,
}

/// Collects the problems of one settings value.
#[derive(Default)]
struct Problems(Vec<FieldProblem>);

impl Problems {
    fn add(&mut self, field: &str, message: impl Into<String>) {
        self.0.push(FieldProblem { field: field.into(), message: message.into() });
    }
}

/// Everything wrong with `settings` before they are saved or imported, the files they name
/// included (the CA certificate must be there and readable).
pub(super) fn problems_to_save(settings: &Settings) -> Vec<FieldProblem> {
    let mut found = Problems(problems(settings));
    if let Some(path) = &settings.network.ca_certificate {
        if let Err(problem) = ca_certificate(Path::new(path)) {
            found.add("network.caCertificate", problem);
        }
    }
    found.0
}

/// Everything wrong with the values themselves. The files they name are not read: a CA file on a
/// drive not mounted yet must not make the saved settings unusable.
pub(super) fn problems(settings: &Settings) -> Vec<FieldProblem> {
    let mut found = Problems::default();
    let size = settings.appearance.font_size;
    if !FONT_SIZES.contains(&size) {
        found.add(
            "appearance.fontSize",
            format!("{size} px is not offered: choose {} to {} px", FONT_SIZES.start(), FONT_SIZES.end()),
        );
    }
    azure(settings, &mut found);
    currency(&settings.azure, &mut found);
    network(settings, &mut found);
    let playground = &settings.playground;
    parameters("playground.chat", &playground.chat, &mut found);
    parameters("playground.reasoning", &playground.reasoning, &mut found);
    if let Some(dir) = &playground.history_dir {
        if !Path::new(dir).is_absolute() {
            found.add("playground.historyDir", format!("\"{dir}\" is not a full path (like /home/me/chats)"));
        }
    }
    found.0
}

/// One line for an error message: the first problem, and how many more there are.
pub(super) fn summary(problems: &[FieldProblem]) -> String {
    match problems {
        [] => "the settings are valid".into(),
        [one] => format!("{}: {}", one.field, one.message),
        [first, rest @ ..] => format!("{}: {} (and {} more)", first.field, first.message, rest.len()),
    }
}

fn azure(settings: &Settings, found: &mut Problems) {
    let azure = &settings.azure;
    if let Some(version) = &azure.arm_api_version {
        if !is_api_version(version) {
            found.add("azure.armApiVersion", api_version_hint(version));
        }
    }
    if let ApiStyleChoice::Classic { api_version } = &azure.inference_style {
        if !is_api_version(api_version) {
            found.add("azure.inferenceStyle.apiVersion", api_version_hint(api_version));
        }
    }
    if let Some(region) = &azure.default_region {
        let name_like = (2..=40).contains(&region.len())
            && region.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
        if !name_like {
            found.add(
                "azure.defaultRegion",
                format!("\"{region}\" is not a region name: use Azure's name, like eastus or swedencentral"),
            );
        }
    }
    if let Some(client) = &azure.sign_in_client_id {
        if !crate::access::is_guid(client) {
            found.add(
                "azure.signInClientId",
                format!("\"{client}\" is not an application (client) id: it looks like 00000000-0000-0000-0000-000000000000"),
            );
        }
    }
    if let Some(tenant) = &azure.sign_in_tenant {
        let named = ["organizations", "common", "consumers"].contains(&tenant.as_str());
        if !(named || crate::access::is_guid(tenant) || is_domain(tenant)) {
            found.add(
                "azure.signInTenant",
                format!("\"{tenant}\" is not a tenant: use its id, a domain like contoso.onmicrosoft.com, or organizations"),
            );
        }
    }
}

fn currency(azure: &AzureSettings, found: &mut Problems) {
    if !crate::usage::CURRENCIES.contains(&azure.currency.as_str()) {
        found.add(
            "azure.currency",
            format!(
                "\"{}\" is not a currency Azure's price list uses: pick one of {}",
                azure.currency,
                crate::usage::CURRENCIES.join(", ")
            ),
        );
    }
}

fn network(settings: &Settings, found: &mut Problems) {
    let network = &settings.network;
    if let ProxySetting::Manual { url, no_proxy } = &network.proxy {
        if let Err(problem) = proxy_url(url) {
            found.add("network.proxy.url", problem);
        }
        for host in no_proxy {
            let fits =
                !host.is_empty() && host.chars().all(|c| c.is_ascii_alphanumeric() || ".-*:/[]_".contains(c));
            if !fits {
                found.add(
                    "network.proxy.noProxy",
                    format!(
                        "\"{host}\" is not a host: use names like localhost, .corp.example or 10.0.0.0/8"
                    ),
                );
            }
        }
    }
    if let Some(path) = &network.ca_certificate {
        if !Path::new(path).is_absolute() {
            found.add("network.caCertificate", format!("\"{path}\" is not a full path"));
        }
    }
    let timeout = network.request_timeout_secs;
    if !(MIN_TIMEOUT_SECS..=MAX_TIMEOUT_SECS).contains(&timeout) {
        found.add(
            "network.requestTimeoutSecs",
            format!("{timeout} s is outside {MIN_TIMEOUT_SECS} to {MAX_TIMEOUT_SECS} seconds"),
        );
    }
}

/// The problems of one set of playground parameters, named under `section`.
pub(super) fn parameter_problems(section: &str, p: &PlaygroundParameters) -> Vec<FieldProblem> {
    let mut found = Problems::default();
    parameters(section, p, &mut found);
    found.0
}

fn parameters(section: &str, p: &PlaygroundParameters, found: &mut Problems) {
    let mut range = |name: &str, value: Option<f64>, low: f64, high: f64| {
        if let Some(value) = value {
            if !(low..=high).contains(&value) {
                found.add(&format!("{section}.{name}"), format!("{value} is outside {low} to {high}"));
            }
        }
    };
    range("temperature", p.temperature, 0.0, 2.0);
    range("topP", p.top_p, 0.0, 1.0);
    range("frequencyPenalty", p.frequency_penalty, -2.0, 2.0);
    range("presencePenalty", p.presence_penalty, -2.0, 2.0);
    if p.max_tokens == Some(0) {
        found.add(&format!("{section}.maxTokens"), "0 tokens leaves no room for an answer: at least 1");
    }
    if p.stop.len() > 4 {
        found.add(
            &format!("{section}.stop"),
            format!("{} stop sequences: Azure takes at most 4", p.stop.len()),
        );
    }
    if p.stop.iter().any(String::is_empty) {
        found.add(&format!("{section}.stop"), "an empty stop sequence would end every answer at once");
    }
    if let Some(effort) = &p.reasoning_effort {
        if !["minimal", "low", "medium", "high"].contains(&effort.as_str()) {
            found.add(
                &format!("{section}.reasoningEffort"),
                format!("\"{effort}\" is not an effort: minimal, low, medium or high"),
            );
        }
    }
    if p.past_messages > 100 {
        found.add(
            &format!("{section}.pastMessages"),
            format!("{}: at most 100 earlier messages", p.past_messages),
        );
    }
}

/// Azure's api-version form: a date, maybe `-preview`.
fn is_api_version(text: &str) -> bool {
    let date = text.strip_suffix("-preview").unwrap_or(text);
    let parts: Vec<&str> = date.split('-').collect();
    matches!(parts.as_slice(), [y, m, d]
        if y.len() == 4 && m.len() == 2 && d.len() == 2
            && [y, m, d].iter().all(|part| part.chars().all(|c| c.is_ascii_digit()))
            && (1..=12).contains(&m.parse::<u8>().unwrap_or(0))
            && (1..=31).contains(&d.parse::<u8>().unwrap_or(0)))
}

fn api_version_hint(text: &str) -> String {
    format!("\"{text}\" is not an api-version: a date like 2024-10-21 or 2025-04-01-preview")
}

fn is_domain(text: &str) -> bool {
    text.contains('.')
        && text
            .split('.')
            .all(|label| !label.is_empty() && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
}

/// The URL is never repeated in a message: it may hold a password, and messages reach the log.
fn proxy_url(text: &str) -> Result<(), String> {
    let url = url::Url::parse(text)
        .map_err(|e| format!("not a URL ({e}): write it like http://proxy.corp:8080"))?;
    // SOCKS would need another TLS-and-proxy stack in the client; company proxies speak HTTP.
    if !["http", "https"].contains(&url.scheme()) {
        return Err(format!("{}: proxies are reached over http or https", url.scheme()));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err("the URL names no host: write it like http://proxy.corp:8080".into());
    }
    // A password here would sit in a plain file: credentials belong to the keychain.
    if !url.username().is_empty() || url.password().is_some() {
        return Err(
            "a user name or password in the proxy URL would be kept in a plain file: leave them out".into()
        );
    }
    Ok(())
}

/// Read as the HTTP clients will read it (one reader, so a file accepted here is one they can use).
fn ca_certificate(path: &Path) -> Result<(), String> {
    if !path.is_absolute() {
        // Said by `problems` already.
        return Ok(());
    }
    let pem = std::fs::read(path).map_err(|e| format!("{} cannot be read: {e}", path.display()))?;
    foundry_azure::network::ExtraRoots::from_pem(&path.display().to_string(), &pem)
        .map(|_| ())
        .map_err(|e| e.message)
}
