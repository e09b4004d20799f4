//! The app's non-secret settings: the model, its defaults, and reading what was saved.
//! The shell persists them (tauri-plugin-store); the rules about what a valid file is live here.

use serde::{Deserialize, Serialize};

/// The settings format this build writes. Older versions are migrated on load.
pub const SETTINGS_VERSION: u32 = 1;

/// Everything the user can set that is not a secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Settings {
    /// Format version, for migrations.
    pub version: u32,
    /// Light, dark, or follow the OS.
    pub theme: ThemePreference,
}

impl Default for Settings {
    fn default() -> Self {
        Self { version: SETTINGS_VERSION, theme: ThemePreference::default() }
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

/// Why saved settings could not be used.
#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    /// The saved settings are not valid JSON of the expected shape.
    #[error("the saved settings could not be read ({0}); defaults are in use")]
    Corrupt(String),
    /// Written by a newer Foundry Desk; reading them could lose what it added.
    #[error("the saved settings are version {found}, newer than this app understands ({SETTINGS_VERSION}); update Foundry Desk")]
    TooNew { found: u32 },
}

impl Settings {
    /// Reads settings as saved; `None` (nothing saved yet) gives the defaults.
    pub fn from_saved(saved: Option<serde_json::Value>) -> Result<Self, SettingsError> {
        let Some(value) = saved else { return Ok(Self::default()) };
        let found = value.get("version").and_then(serde_json::Value::as_u64).unwrap_or(0);
        if found > u64::from(SETTINGS_VERSION) {
            return Err(SettingsError::TooNew { found: u32::try_from(found).unwrap_or(u32::MAX) });
        }
        let mut settings: Settings =
            serde_json::from_value(value).map_err(|e| SettingsError::Corrupt(e.to_string()))?;
        settings.version = SETTINGS_VERSION;
        Ok(settings)
    }

    /// The JSON to save.
    pub fn to_saved(&self) -> serde_json::Value {
        // Serializing a plain struct of strings and numbers cannot fail.
        serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn nothing_saved_gives_defaults_that_follow_the_os() {
        let settings = Settings::from_saved(None).expect("defaults");
        assert_eq!(settings.theme, ThemePreference::System);
        assert_eq!(settings.version, SETTINGS_VERSION);
    }

    #[test]
    fn saved_settings_round_trip() {
        let settings = Settings { theme: ThemePreference::Dark, ..Settings::default() };
        let back = Settings::from_saved(Some(settings.to_saved())).expect("round trip");
        assert_eq!(back, settings);
        assert_eq!(settings.to_saved()["theme"], "dark");
    }

    #[test]
    fn unknown_theme_is_reported_not_guessed() {
        let err = Settings::from_saved(Some(json!({"version": 1, "theme": "sepia"}))).unwrap_err();
        assert!(matches!(err, SettingsError::Corrupt(ref m) if m.contains("sepia")), "{err}");
    }

    #[test]
    fn settings_from_a_newer_app_are_left_alone() {
        let err = Settings::from_saved(Some(json!({"version": 7, "theme": "dark"}))).unwrap_err();
        assert!(matches!(err, SettingsError::TooNew { found: 7 }));
    }
}
