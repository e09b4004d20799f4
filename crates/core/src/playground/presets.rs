//! Named parameter presets per deployment, kept in one small file (written atomically). The
//! playground saves and restores them; the Settings screen lists and edits them too.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};

use crate::conversations::{ConversationTarget, PlaygroundParameters};
use crate::files::write_atomically;

/// A named set of parameters for one deployment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Preset {
    pub id: String,
    pub name: String,
    /// Which deployment it is for (profile, endpoint and deployment name).
    pub profile_id: String,
    pub endpoint: String,
    pub deployment: String,
    pub parameters: PlaygroundParameters,
    pub updated_at_ms: f64,
}

impl Preset {
    fn is_for(&self, target: &ConversationTarget) -> bool {
        self.profile_id == target.profile_id
            && self.endpoint == target.endpoint
            && self.deployment == target.deployment
    }

    fn is_for_same_deployment(&self, other: &Preset) -> bool {
        self.profile_id == other.profile_id
            && self.endpoint == other.endpoint
            && self.deployment == other.deployment
    }
}

/// Names are compared as people read them: "Terse" and "terse " are one name.
fn same_name(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

fn new_preset_id() -> String {
    let letters: String = (0..10).map(|_| fastrand::alphanumeric()).collect();
    format!("p-{letters}")
}

fn sort(presets: &mut [Preset]) {
    presets.sort_by(|a, b| (&a.deployment, &a.name).cmp(&(&b.deployment, &b.name)));
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct PresetFile {
    version: u32,
    presets: Vec<Preset>,
}

/// Why presets could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum PresetError {
    #[error("could not {action} the presets file {path}: {source}")]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("the presets file {path} is damaged ({source}); it was left as it is")]
    Corrupt {
        path: PathBuf,
        #[source]
        source: serde_json::Error,
    },
    #[error("a preset needs a name")]
    NoName,
    #[error("no preset '{0}': it was deleted meanwhile")]
    NotFound(String),
    #[error("this deployment already has a preset named '{0}'")]
    NameTaken(String),
}

/// The presets in one file.
#[derive(Debug, Clone)]
pub struct PresetStore {
    path: PathBuf,
    /// One read-change-write at a time.
    lock: Arc<Mutex<()>>,
}

impl PresetStore {
    /// The presets kept at `path` (created on first save).
    pub fn new(path: impl Into<PathBuf>) -> Self {
        Self { path: path.into(), lock: Arc::default() }
    }

    /// Every preset, by deployment then name.
    pub fn list(&self) -> Result<Vec<Preset>, PresetError> {
        Ok(self.read()?.presets)
    }

    /// The presets of one deployment.
    pub fn for_target(&self, target: &ConversationTarget) -> Result<Vec<Preset>, PresetError> {
        Ok(self.list()?.into_iter().filter(|p| p.is_for(target)).collect())
    }

    /// Saves `parameters` as the preset `name` of `target`: a preset of that name is replaced.
    pub fn save(
        &self,
        target: &ConversationTarget,
        name: &str,
        parameters: PlaygroundParameters,
        now_ms: f64,
    ) -> Result<Preset, PresetError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(PresetError::NoName);
        }
        self.change(|presets| {
            // Names are compared as people read them: "Terse" and "terse " are one preset.
            let existing = presets.iter_mut().find(|p| p.is_for(target) && same_name(&p.name, name));
            let preset = match existing {
                Some(preset) => {
                    preset.name = name.to_string();
                    preset.parameters = parameters;
                    preset.updated_at_ms = now_ms;
                    preset.clone()
                }
                None => {
                    let preset = Preset {
                        id: new_preset_id(),
                        name: name.to_string(),
                        profile_id: target.profile_id.clone(),
                        endpoint: target.endpoint.clone(),
                        deployment: target.deployment.clone(),
                        parameters,
                        updated_at_ms: now_ms,
                    };
                    presets.push(preset.clone());
                    preset
                }
            };
            sort(presets);
            preset
        })
    }

    /// Changes a preset's name and parameters (the Settings screen's editor).
    pub fn update(
        &self,
        id: &str,
        name: &str,
        parameters: PlaygroundParameters,
        now_ms: f64,
    ) -> Result<Preset, PresetError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(PresetError::NoName);
        }
        self.change(|presets| {
            let index = presets.iter().position(|p| p.id == id).ok_or(PresetError::NotFound(id.into()))?;
            let taken = presets
                .iter()
                .any(|p| p.id != id && p.is_for_same_deployment(&presets[index]) && same_name(&p.name, name));
            if taken {
                return Err(PresetError::NameTaken(name.into()));
            }
            let preset = &mut presets[index];
            preset.name = name.to_string();
            preset.parameters = parameters;
            preset.updated_at_ms = now_ms;
            Ok(preset.clone())
        })?
    }

    /// Copies a preset under a free name ("Terse (copy)", "Terse (copy 2)", …).
    pub fn duplicate(&self, id: &str, now_ms: f64) -> Result<Preset, PresetError> {
        self.change(|presets| {
            let original =
                presets.iter().find(|p| p.id == id).cloned().ok_or(PresetError::NotFound(id.into()))?;
            let taken = |name: &str| {
                presets.iter().any(|p| p.is_for_same_deployment(&original) && same_name(&p.name, name))
            };
            let mut name = format!("{} (copy)", original.name);
            let mut n = 2;
            while taken(&name) {
                name = format!("{} (copy {n})", original.name);
                n += 1;
            }
            let copy = Preset { id: new_preset_id(), name, updated_at_ms: now_ms, ..original };
            presets.push(copy.clone());
            sort(presets);
            Ok(copy)
        })?
    }

    /// Deletes a preset; true when it existed.
    pub fn delete(&self, id: &str) -> Result<bool, PresetError> {
        self.change(|presets| {
            let before = presets.len();
            presets.retain(|p| p.id != id);
            presets.len() != before
        })
    }

    /// Adds `incoming` (one with the same id as a kept preset replaces it), in one read-change-write so
    /// an edit made meanwhile is not lost; returns the presets as they were, to undo with.
    pub fn merge_in(&self, incoming: Vec<Preset>) -> Result<Vec<Preset>, PresetError> {
        self.change(|kept| {
            let before = kept.clone();
            kept.retain(|old| !incoming.iter().any(|p| p.id == old.id));
            kept.extend(incoming);
            sort(kept);
            before
        })
    }

    /// Puts `presets` in place of every preset, in one write (undoing an import).
    pub fn replace_all(&self, presets: Vec<Preset>) -> Result<(), PresetError> {
        self.change(|kept| {
            *kept = presets;
            sort(kept);
        })
    }

    fn change<T>(&self, apply: impl FnOnce(&mut Vec<Preset>) -> T) -> Result<T, PresetError> {
        let _one_at_a_time = self.lock.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let mut file = self.read()?;
        let result = apply(&mut file.presets);
        file.version = 1;
        let bytes = serde_json::to_vec_pretty(&file).map_err(|e| PresetError::Io {
            action: "encode",
            path: self.path.clone(),
            source: std::io::Error::other(e),
        })?;
        write_atomically(&self.path, &bytes).map_err(|source| PresetError::Io {
            action: "write",
            path: self.path.clone(),
            source,
        })?;
        Ok(result)
    }

    fn read(&self) -> Result<PresetFile, PresetError> {
        match std::fs::read(&self.path) {
            Ok(bytes) => serde_json::from_slice(&bytes)
                .map_err(|source| PresetError::Corrupt { path: self.path.clone(), source }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(PresetFile::default()),
            Err(source) => Err(PresetError::Io { action: "read", path: self.path.clone(), source }),
        }
    }
}
