//! The settings file: read (migrated and checked), written atomically, and — when it cannot be
//! used — moved aside with a timestamp so the app starts on defaults and says so once. A file from a
//! newer Foundry Desk is left in place and never written over: this run uses defaults, read-only.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use serde::Serialize;

use super::{migrate, validate, Settings, SettingsError, SETTINGS_VERSION};
use crate::files::write_atomically;

/// The settings in one JSON file.
#[derive(Debug, Clone)]
pub struct SettingsStore {
    path: PathBuf,
    /// One read-change-write at a time; and what `load` decided about the file for this run.
    state: Arc<Mutex<FileState>>,
}

/// Whether the file on disk is the settings in use.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
enum FileState {
    /// It is (or there is none yet).
    #[default]
    InUse,
    /// It could not be used and could not be moved aside: defaults are in use until the next save
    /// replaces it.
    StoodIn,
    /// It could not be read at start: defaults are in use, and nothing is saved over it (it may hold
    /// good settings another program keeps locked).
    Unreadable,
    /// It was written by a newer Foundry Desk: defaults are in use, and nothing is saved over it.
    Newer { found: u32 },
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
    /// not be moved, or was left in place.
    pub moved_to: Option<String>,
    /// The file was left in place for a newer Foundry Desk: no change is saved in this run.
    pub read_only: bool,
}

impl SettingsStore {
    /// The settings kept at `path` (created on first save).
    pub fn new(path: impl Into<PathBuf>) -> Self {
        Self { path: path.into(), state: Arc::default() }
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

    /// The settings the app uses now: the saved ones, or the defaults `load` decided on for this run.
    pub fn in_use(&self) -> Result<Settings, SettingsError> {
        let state = self.lock();
        match *state {
            FileState::InUse => self.read(),
            FileState::StoodIn | FileState::Unreadable | FileState::Newer { .. } => Ok(Settings::default()),
        }
    }

    /// The settings to start with. A file that cannot be used (damaged, hand-edited into invalid
    /// values) is moved aside — never deleted — and defaults load. One from a newer Foundry Desk
    /// stays where it is, untouched: defaults load and saving is refused until the app is updated.
    pub fn load(&self) -> Loaded {
        let mut state = self.lock();
        let (new_state, loaded) = match self.read() {
            Ok(settings) => (FileState::InUse, Loaded { settings, recovery: None }),
            Err(problem @ SettingsError::TooNew { found }) => {
                let reason = format!("{problem}; until then it uses the defaults and saves no change");
                tracing::warn!(%reason, "settings from a newer app; defaults in use, read-only");
                let recovery = Recovery { reason, moved_to: None, read_only: true };
                (
                    FileState::Newer { found },
                    Loaded { settings: Settings::default(), recovery: Some(recovery) },
                )
            }
            // Unreadable now (permissions, another program's lock): defaults for this run, and the file
            // — whatever it holds — is not written over with them.
            Err(problem @ SettingsError::Io { .. }) => {
                let reason = format!("{problem}; this run uses the defaults and saves no change");
                tracing::warn!(%reason, "settings file unreadable; defaults in use, read-only");
                let recovery = Recovery { reason, moved_to: None, read_only: true };
                (FileState::Unreadable, Loaded { settings: Settings::default(), recovery: Some(recovery) })
            }
            Err(problem) => {
                let aside = self.aside_path();
                let moved_to = std::fs::rename(&self.path, &aside).ok().map(|()| aside.display().to_string());
                let reason = problem.to_string();
                tracing::warn!(%reason, moved_to = ?moved_to, "settings file set aside; defaults in use");
                let state = if moved_to.is_some() { FileState::InUse } else { FileState::StoodIn };
                (state, defaults_because(reason, moved_to))
            }
        };
        *state = new_state;
        loaded
    }

    /// Checks and writes `settings`; nothing is written when any value is not allowed.
    pub fn save(&self, settings: Settings) -> Result<Settings, SettingsError> {
        let mut state = self.lock();
        self.write(&mut state, settings)
    }

    /// Applies `change` to the settings in use and writes them (defaults if none are saved).
    pub fn update(&self, change: impl FnOnce(&mut Settings)) -> Result<Settings, SettingsError> {
        let mut state = self.lock();
        let mut settings = match *state {
            FileState::InUse => self.read()?,
            FileState::StoodIn | FileState::Unreadable | FileState::Newer { .. } => Settings::default(),
        };
        change(&mut settings);
        self.write(&mut state, settings)
    }

    fn write(&self, state: &mut FileState, mut settings: Settings) -> Result<Settings, SettingsError> {
        match *state {
            FileState::Newer { found } => return Err(SettingsError::TooNew { found }),
            FileState::Unreadable => return Err(SettingsError::ReadOnly(self.path.display().to_string())),
            FileState::InUse | FileState::StoodIn => {}
        }
        settings.version = SETTINGS_VERSION;
        let problems = validate::problems_to_save(&settings);
        if !problems.is_empty() {
            return Err(SettingsError::Invalid(problems));
        }
        let bytes =
            serde_json::to_vec_pretty(&settings).map_err(|e| self.io("encoded", std::io::Error::other(e)))?;
        write_atomically(&self.path, &bytes).map_err(|source| self.io("written", source))?;
        *state = FileState::InUse;
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

    fn lock(&self) -> std::sync::MutexGuard<'_, FileState> {
        self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

fn defaults_because(reason: String, moved_to: Option<String>) -> Loaded {
    Loaded { settings: Settings::default(), recovery: Some(Recovery { reason, moved_to, read_only: false }) }
}
