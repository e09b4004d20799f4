//! The app's non-secret settings: the model and its defaults (here), what a valid value is
//! (`validate`), reading any earlier file (`migrate`), the file itself with its recovery
//! (`store`), and moving settings between machines (`transfer`).

mod migrate;
mod store;
mod transfer;
mod validate;

use serde::{Deserialize, Serialize};

use crate::conversations::PlaygroundParameters;
use crate::profiles::ApiStyleChoice;

pub use store::{Loaded, Recovery, SettingsStore};
pub use transfer::{ImportPlan, SettingChange, SettingsExport};
pub use validate::{FieldProblem, MAX_TIMEOUT_SECS, MIN_TIMEOUT_SECS};

/// The settings format this build writes. Every earlier version is migrated on load.
pub const SETTINGS_VERSION: u32 = 2;

/// Everything the user can set that is not a secret. A field missing from the file takes its
/// default (see `migrate`), so a file written before a field existed still loads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Settings {
    /// Format version, for migrations.
    pub version: u32,
    pub appearance: Appearance,
    pub azure: AzureSettings,
    pub network: NetworkSettings,
    pub playground: PlaygroundDefaults,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            version: SETTINGS_VERSION,
            appearance: Appearance::default(),
            azure: AzureSettings::default(),
            network: NetworkSettings::default(),
            playground: PlaygroundDefaults::default(),
        }
    }
}

/// How the app looks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Appearance {
    /// Light, dark, or follow the OS.
    pub theme: ThemePreference,
    /// The base text size in CSS pixels.
    pub font_size: u8,
    /// Tighter rows and spacing, for small screens and long tables.
    pub compact: bool,
}

/// The base text size when none is chosen.
pub const DEFAULT_FONT_SIZE: u8 = 14;

impl Default for Appearance {
    fn default() -> Self {
        Self { theme: ThemePreference::default(), font_size: DEFAULT_FONT_SIZE, compact: false }
    }
}

/// The colour theme: follow the OS unless the user picked one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum ThemePreference {
    #[default]
    System,
    Light,
    Dark,
}

/// The Azure clouds a new Azure-account profile can start in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum NamedCloud {
    #[default]
    Public,
    UsGovernment,
    China,
}

/// How the app talks to Azure when a profile does not say otherwise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AzureSettings {
    /// The cloud a new Azure-account profile starts in.
    pub default_cloud: NamedCloud,
    /// Resource Manager's api-version for Cognitive Services calls; none uses the one this build
    /// was tested with.
    pub arm_api_version: Option<String>,
    /// The inference URL form a new endpoint + key profile starts with.
    pub inference_style: ApiStyleChoice,
    /// The region the deployment lists and the model catalog open filtered to; none shows all.
    pub default_region: Option<String>,
    /// Own app registration for signing in; none uses the built-in one.
    pub sign_in_client_id: Option<String>,
    /// The tenant to sign in to; none lets the account choose (`organizations`).
    pub sign_in_tenant: Option<String>,
    /// The currency prices and costs are shown in (a Retail Prices API `currencyCode`).
    pub currency: String,
}

fn default_currency() -> String {
    "USD".into()
}

impl Default for AzureSettings {
    fn default() -> Self {
        Self {
            default_cloud: NamedCloud::Public,
            arm_api_version: None,
            inference_style: ApiStyleChoice::V1,
            default_region: None,
            sign_in_client_id: None,
            sign_in_tenant: None,
            currency: default_currency(),
        }
    }
}

/// How requests leave this machine.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct NetworkSettings {
    pub proxy: ProxySetting,
    /// A PEM file of extra certificate authorities to trust (a company's TLS inspection).
    pub ca_certificate: Option<String>,
    /// How long one request may take before it is given up, in seconds.
    pub request_timeout_secs: u32,
}

/// The request timeout when none is chosen: a reasoning model can think for over a minute before
/// its first token, so less would cut answers that work.
pub const DEFAULT_TIMEOUT_SECS: u32 = 120;

impl Default for NetworkSettings {
    fn default() -> Self {
        Self { proxy: ProxySetting::System, ca_certificate: None, request_timeout_secs: DEFAULT_TIMEOUT_SECS }
    }
}

/// Which proxy requests go through.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase", rename_all_fields = "camelCase", tag = "mode")]
pub enum ProxySetting {
    /// The environment's (`HTTPS_PROXY`, `NO_PROXY`).
    #[default]
    System,
    /// Straight to the internet.
    None,
    /// This proxy, except for the hosts listed.
    Manual { url: String, no_proxy: Vec<String> },
}

/// What a new conversation starts with, and where conversations are kept.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PlaygroundDefaults {
    /// For chat models.
    pub chat: PlaygroundParameters,
    /// For reasoning models (o-series, gpt-5).
    pub reasoning: PlaygroundParameters,
    /// Conversations are saved as they change.
    pub autosave: bool,
    /// Where conversations are kept; none keeps them in the app's data folder.
    pub history_dir: Option<String>,
}

impl Default for PlaygroundDefaults {
    fn default() -> Self {
        Self {
            chat: PlaygroundParameters::default(),
            reasoning: PlaygroundParameters::default(),
            autosave: true,
            history_dir: None,
        }
    }
}

/// One part of the settings screen, for "Reset section to defaults".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum SettingsSection {
    Appearance,
    Azure,
    Network,
    Playground,
}

impl Settings {
    /// Every value by its dotted field name (`network.proxy.mode`) as JSON text, in name order;
    /// the format version is not a setting and is left out.
    pub fn fields(&self) -> Vec<(String, String)> {
        let mut fields = Vec::new();
        leaves("", &serde_json::to_value(self).unwrap_or_default(), &mut fields);
        fields.retain(|(name, _)| name != "version");
        fields.sort();
        fields
    }

    /// Everything a save would refuse, each by its field (the files they name are read too).
    pub fn problems_to_save(&self) -> Vec<FieldProblem> {
        validate::problems_to_save(self)
    }

    /// These settings with one section back to its defaults.
    pub fn with_section_reset(mut self, section: SettingsSection) -> Self {
        match section {
            SettingsSection::Appearance => self.appearance = Appearance::default(),
            SettingsSection::Azure => self.azure = AzureSettings::default(),
            SettingsSection::Network => self.network = NetworkSettings::default(),
            SettingsSection::Playground => self.playground = PlaygroundDefaults::default(),
        }
        self
    }
}

/// Objects are walked into; anything else (a list included) is one value.
fn leaves(prefix: &str, value: &serde_json::Value, out: &mut Vec<(String, String)>) {
    match value {
        serde_json::Value::Object(fields) => {
            for (name, inner) in fields {
                let path = if prefix.is_empty() { name.clone() } else { format!("{prefix}.{name}") };
                leaves(&path, inner, out);
            }
        }
        other => out.push((prefix.to_string(), other.to_string())),
    }
}

/// Why settings could not be read or saved.
#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    /// The saved settings are not valid JSON of the expected shape.
    #[error("the settings could not be read: {0}")]
    Corrupt(String),
    /// Written by a newer Foundry Desk; reading them could lose what it added.
    #[error("the settings are version {found}, newer than this app understands ({SETTINGS_VERSION}); update Foundry Desk")]
    TooNew { found: u32 },
    /// The file could not be read at start, so this run does not write over it.
    #[error("{0} could not be read when the app started, so changes are not saved over it: restart Foundry Desk once it can be read")]
    ReadOnly(String),
    /// A file to import that cannot be used as a whole; nothing was applied.
    #[error("this file cannot be imported: {0}")]
    Import(String),
    /// Values that are not allowed; nothing was saved.
    #[error("{}", validate::summary(.0))]
    Invalid(Vec<FieldProblem>),
    /// The file could not be read or written.
    #[error("the settings file {path} could not be {action}: {source}")]
    Io {
        path: String,
        action: &'static str,
        #[source]
        source: std::io::Error,
    },
}

#[cfg(test)]
mod tests;
