//! Settings and presets as one JSON file, to move to another machine or keep as a backup. An
//! import is read and checked whole before anything is applied, shows what it would change, and
//! applies all of it or nothing.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{migrate, validate, FieldProblem, Settings, SettingsError, SettingsStore};
use crate::playground::{Preset, PresetError, PresetStore};

/// What the export file says it is.
pub const EXPORT_FORMAT: &str = "foundry-desk-settings";
const EXPORT_NOTE: &str =
    "Foundry Desk settings and presets. It never holds keys, tokens or passwords: those stay in the keychain.";

/// The export file.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SettingsExport {
    pub format: String,
    pub note: String,
    pub settings: Settings,
    pub presets: Vec<Preset>,
}

impl SettingsExport {
    pub fn new(settings: Settings, presets: Vec<Preset>) -> Self {
        Self { format: EXPORT_FORMAT.into(), note: EXPORT_NOTE.into(), settings, presets }
    }

    /// The file's text.
    pub fn to_json(&self) -> String {
        // Plain data of strings and numbers: encoding cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Writes the file into `dir` (`foundry-desk-settings-2026-11-29.json`, never over another file).
    pub fn write_to(&self, dir: &std::path::Path) -> Result<std::path::PathBuf, SettingsError> {
        let stem = format!("foundry-desk-settings-{}", chrono::Local::now().format("%Y-%m-%d"));
        crate::files::write_new_file(dir, &stem, "json", self.to_json().as_bytes()).map_err(|source| {
            SettingsError::Io { path: dir.display().to_string(), action: "written to", source }
        })
    }
}

/// One setting an import would change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SettingChange {
    /// The field, as a dotted path (`network.proxy.url`).
    pub field: String,
    /// The value now and after, as JSON text (`"dark"`, `60`, none as `null`).
    pub before: String,
    pub after: String,
}

/// A checked import: what it holds and what it would change. Nothing is applied yet.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ImportPlan {
    pub settings: Settings,
    pub presets: Vec<Preset>,
    pub changes: Vec<SettingChange>,
    /// Presets new to this machine, and those that replace one of the same id.
    pub presets_added: u32,
    pub presets_replaced: u32,
}

impl ImportPlan {
    /// Reads an export file and compares it with what is in use. Any problem anywhere in the file
    /// refuses it whole.
    pub fn read(text: &str, current: &Settings, current_presets: &[Preset]) -> Result<Self, SettingsError> {
        let file: Value =
            serde_json::from_str(text).map_err(|e| SettingsError::Import(format!("it is not JSON ({e})")))?;
        if file.get("format").and_then(Value::as_str) != Some(EXPORT_FORMAT) {
            return Err(SettingsError::Import(
                "it is not a Foundry Desk settings export (its \"format\" is not foundry-desk-settings)"
                    .into(),
            ));
        }
        let settings =
            migrate::read(file.get("settings").cloned().unwrap_or(Value::Object(Default::default())))
                .map_err(|e| match e {
                    SettingsError::Corrupt(_) | SettingsError::TooNew { .. } => {
                        SettingsError::Import(e.to_string())
                    }
                    other => other,
                })?;
        let mut problems: Vec<FieldProblem> = validate::problems_to_save(&settings);
        let presets: Vec<Preset> =
            serde_json::from_value(file.get("presets").cloned().unwrap_or(Value::Array(vec![])))
                .map_err(|e| SettingsError::Import(format!("its presets cannot be read ({e})")))?;
        problems.extend(preset_problems(&presets));
        if !problems.is_empty() {
            return Err(SettingsError::Invalid(problems));
        }
        let replaced = presets.iter().filter(|p| current_presets.iter().any(|c| c.id == p.id)).count();
        Ok(Self {
            changes: changes(current, &settings),
            presets_added: count(presets.len() - replaced),
            presets_replaced: count(replaced),
            settings,
            presets,
        })
    }

    /// Reads an export file against the settings and presets in these stores.
    pub fn against(text: &str, store: &SettingsStore, presets: &PresetStore) -> Result<Self, SettingsError> {
        Self::read(text, &store.in_use()?, &presets.list().map_err(preset_error)?)
    }

    /// Applies the import: the presets (same id replaced, others added, the rest kept), then the
    /// settings. Should the settings not be written, the presets are put back as they were.
    pub fn apply(self, store: &SettingsStore, presets: &PresetStore) -> Result<Settings, SettingsError> {
        let before = presets.merge_in(self.presets).map_err(preset_error)?;
        store.save(self.settings).inspect_err(|_| {
            if let Err(undo) = presets.replace_all(before) {
                tracing::error!(error = %undo, "the presets could not be put back after a failed import");
            }
        })
    }
}

/// What `PresetStore::save` would refuse: no name, the same name twice for one deployment, the
/// same id twice, parameters out of range.
fn preset_problems(presets: &[Preset]) -> Vec<FieldProblem> {
    let mut found = Vec::new();
    for (index, preset) in presets.iter().enumerate() {
        let field = format!("presets.{index}");
        let earlier = &presets[..index];
        if preset.name.trim().is_empty() {
            found.push(FieldProblem {
                field: format!("{field}.name"),
                message: "a preset needs a name".into(),
            });
        } else if earlier.iter().any(|p| {
            p.profile_id == preset.profile_id
                && p.endpoint == preset.endpoint
                && p.deployment == preset.deployment
                && p.name.trim().to_lowercase() == preset.name.trim().to_lowercase()
        }) {
            found.push(FieldProblem {
                field: format!("{field}.name"),
                message: format!("'{}' is there twice for {}", preset.name, preset.deployment),
            });
        }
        if earlier.iter().any(|p| p.id == preset.id) {
            found.push(FieldProblem {
                field: format!("{field}.id"),
                message: format!("the id {} is there twice", preset.id),
            });
        }
        found.extend(validate::parameter_problems(&format!("{field}.parameters"), &preset.parameters));
    }
    found
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn preset_error(error: PresetError) -> SettingsError {
    SettingsError::Io {
        path: "presets".into(),
        action: "updated",
        source: std::io::Error::other(error.to_string()),
    }
}

/// Every value that differs between two settings, by dotted field name.
fn changes(before: &Settings, after: &Settings) -> Vec<SettingChange> {
    let (old, new) = (before.fields(), after.fields());
    let mut names: Vec<&String> = old.iter().chain(&new).map(|(field, _)| field).collect();
    names.sort();
    names.dedup();
    let value = |list: &[(String, String)], field: &str| {
        list.iter().find(|(f, _)| f == field).map_or_else(|| "null".to_string(), |(_, v)| v.clone())
    };
    names
        .into_iter()
        .map(|field| SettingChange {
            field: field.clone(),
            before: value(&old, field),
            after: value(&new, field),
        })
        .filter(|change| change.before != change.after)
        .collect()
}
