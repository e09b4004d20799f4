//! The settings file: read (migrated and checked), written atomically, and — when it cannot be
//! used — moved aside with a timestamp so the app starts on defaults and says so once.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use serde::Serialize;

use super::{migrate, validate, Settings, SettingsError, SETTINGS_VERSION};
use crate::files::write_atomically;

/// The settings in one JSON file.
#[derive(Debug, Clone)]
pub struct SettingsStore {
    path: PathBuf,
    /// One read-change-write at a time.
    lock: Arc<Mutex<()>>,
}

/// Settings as the app starts with them.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub settings: Settings,
    /// The saved file could not be used: why, and where it now is.
    pub recovery: Option<Recovery>,
}

/// A settings file that could not be used and was moved aside; defaults are in use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Recovery {
    pub reason: String,
    /// Where the unusable file is now (it is kept, to fix by hand or send to us); none if it could
    /// not be moved.
    pub moved_to: Option<String>,
}

impl SettingsStore {
    /// The settings kept at `path` (created on first save).
    pub fn new(path: impl Into<PathBuf>) -> Self {
        Self { path: path.into(), lock: Arc::default() }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The saved settings, migrated; defaults when none are saved. Changes nothing on disk (the CLI
    /// reads settings this way).
    pub fn read(&self) -> Result<Settings, SettingsError> {
        let bytes = match std::fs::read(&self.path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Settings::default()),
            Err(source) => return Err(self.io("read", source)),
        };
        let json = serde_json::from_slice(&bytes).map_err(|e| SettingsError::Corrupt(e.to_string()))?;
        let settings = migrate::read(json)?;
        let problems = validate::problems(&settings);
        if problems.is_empty() {
            Ok(settings)
        } else {
            Err(SettingsError::Invalid(problems))
        }
    }

    /// The settings to start with. A file that cannot be used (damaged, hand-edited into invalid
    /// values, or from a newer Foundry Desk) is moved aside — never deleted — and defaults load.
    pub fn load(&self) -> Loaded {
        let _one_at_a_time = self.lock();
        match self.read() {
            Ok(settings) => Loaded { settings, recovery: None },
            // Unreadable now (permissions, a lock): defaults for this run, the file left alone.
            Err(problem @ SettingsError::Io { .. }) => {
                let reason = problem.to_string();
                tracing::warn!(%reason, "settings file unreadable; defaults in use");
                Loaded { settings: Settings::default(), recovery: Some(Recovery { reason, moved_to: None }) }
            }
            Err(problem) => {
                let aside = self.aside_path();
                let moved_to = std::fs::rename(&self.path, &aside).ok().map(|()| aside.display().to_string());
                let reason = problem.to_string();
                tracing::warn!(%reason, moved_to = ?moved_to, "settings file set aside; defaults in use");
                Loaded { settings: Settings::default(), recovery: Some(Recovery { reason, moved_to }) }
            }
        }
    }

    /// Checks and writes `settings`; nothing is written when any value is not allowed.
    pub fn save(&self, settings: Settings) -> Result<Settings, SettingsError> {
        let _one_at_a_time = self.lock();
        self.write(settings)
    }

    /// Applies `change` to the saved settings and writes them (defaults if none are saved).
    pub fn update(&self, change: impl FnOnce(&mut Settings)) -> Result<Settings, SettingsError> {
        let _one_at_a_time = self.lock();
        let mut settings = self.read()?;
        change(&mut settings);
        self.write(settings)
    }

    fn write(&self, mut settings: Settings) -> Result<Settings, SettingsError> {
        settings.version = SETTINGS_VERSION;
        let problems = validate::problems_to_save(&settings);
        if !problems.is_empty() {
            return Err(SettingsError::Invalid(problems));
        }
        let bytes =
            serde_json::to_vec_pretty(&settings).map_err(|e| self.io("encoded", std::io::Error::other(e)))?;
        write_atomically(&self.path, &bytes).map_err(|source| self.io("written", source))?;
        Ok(settings)
    }

    /// `settings.json.invalid-20261129-041502` next to the file.
    fn aside_path(&self) -> PathBuf {
        let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
        let mut name = self.path.file_name().unwrap_or_default().to_os_string();
        name.push(format!(".invalid-{stamp}"));
        self.path.with_file_name(name)
    }

    fn io(&self, action: &'static str, source: std::io::Error) -> SettingsError {
        SettingsError::Io { path: self.path.display().to_string(), action, source }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, ()> {
        self.lock.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
