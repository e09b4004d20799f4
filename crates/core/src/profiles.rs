//! Connection profiles: how the app reaches Azure — a signed-in Azure account, an endpoint with a key, or
//! the Sandbox. Saved as `profiles.json` in the app's data dir (shared by the app and `fdesk`), holding
//! no secret: keys and refresh tokens live in the keychain under names derived from the profile.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::secrets::SecretKey;

/// The file's schema version; older files are migrated on load.
pub const PROFILES_VERSION: u32 = 1;

/// Which Azure a signed-in profile talks to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase", rename_all_fields = "camelCase", tag = "kind")]
pub enum CloudChoice {
    Public,
    China,
    UsGovernment,
    /// Own Resource Manager and authority hosts, and the token audience when it is not the host (the
    /// Sandbox simulator plays the public cloud on a loopback address).
    Custom {
        resource_manager: String,
        authority_host: String,
        audience: Option<String>,
    },
}

/// How requests reach inference, for an endpoint + key profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase", rename_all_fields = "camelCase", tag = "style")]
pub enum ApiStyleChoice {
    V1,
    Classic { api_version: String },
}

/// What a profile connects with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase", rename_all_fields = "camelCase", tag = "kind")]
pub enum Connection {
    /// Signed in with Microsoft Entra ID.
    AzureAccount {
        cloud: CloudChoice,
        /// The tenant picked after sign-in (`organizations` until then).
        tenant: String,
        /// Own app registration, when not the default.
        client_id: Option<String>,
        /// Who is signed in (shown, never used to authenticate).
        user: Option<String>,
        /// Signed in through the Azure CLI's login instead of our own.
        use_azure_cli: bool,
    },
    /// An endpoint and its key, for people without Resource Manager rights.
    EndpointKey {
        endpoint: String,
        api: ApiStyleChoice,
        deployments: Vec<String>,
        /// The Azure account (or Sandbox) profile whose Entra sign-in reaches this endpoint instead of
        /// the key — once the resource stopped accepting keys.
        sign_in_with: Option<String>,
    },
    /// The built-in simulator.
    Sandbox,
}

/// One connection profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Profile {
    /// Stable id (names the keychain entries).
    pub id: String,
    /// What the person calls it; unique.
    pub name: String,
    pub connection: Connection,
}

impl Profile {
    /// Where this profile's refresh token is kept.
    pub fn refresh_token_key(&self) -> SecretKey {
        SecretKey::new(format!("refresh-token:{}", self.id))
    }
}

/// The saved profiles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct ProfilesFile {
    version: u32,
    profiles: Vec<Profile>,
}

/// Why profiles could not be read or changed.
#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    #[error("a profile named '{0}' already exists")]
    NameTaken(String),
    #[error("no profile named '{0}'")]
    NotFound(String),
    #[error("a profile needs a name")]
    EmptyName,
    #[error("the profiles file {path} could not be used: {reason}")]
    File { path: String, reason: String },
}

/// The profiles file of one data dir.
pub struct ProfileStore {
    path: PathBuf,
}

/// The Sandbox profile every install starts with.
pub fn sandbox_profile() -> Profile {
    Profile { id: "sandbox".into(), name: "Sandbox".into(), connection: Connection::Sandbox }
}

impl ProfileStore {
    /// The store in `data_dir` (`profiles.json`).
    pub fn in_dir(data_dir: &Path) -> Self {
        Self { path: data_dir.join("profiles.json") }
    }

    /// Every profile; a first start gets the Sandbox.
    pub fn list(&self) -> Result<Vec<Profile>, ProfileError> {
        match std::fs::read_to_string(&self.path) {
            Ok(text) => {
                let file: ProfilesFile = serde_json::from_str(&text).map_err(|e| self.file_error(e))?;
                Ok(file.profiles)
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(vec![sandbox_profile()]),
            Err(e) => Err(self.file_error(e)),
        }
    }

    /// The profile called `name` (any case).
    pub fn get(&self, name: &str) -> Result<Profile, ProfileError> {
        self.list()?
            .into_iter()
            .find(|p| p.name.eq_ignore_ascii_case(name))
            .ok_or_else(|| ProfileError::NotFound(name.to_string()))
    }

    /// The profile with this id.
    pub fn by_id(&self, id: &str) -> Result<Profile, ProfileError> {
        self.list()?.into_iter().find(|p| p.id == id).ok_or_else(|| ProfileError::NotFound(id.to_string()))
    }

    /// Adds a profile under a new id; names are unique (any case).
    pub fn add(&self, name: &str, connection: Connection) -> Result<Profile, ProfileError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(ProfileError::EmptyName);
        }
        let mut profiles = self.list()?;
        if profiles.iter().any(|p| p.name.eq_ignore_ascii_case(name)) {
            return Err(ProfileError::NameTaken(name.to_string()));
        }
        let profile = Profile { id: new_id(), name: name.to_string(), connection };
        profiles.push(profile.clone());
        self.save(profiles)?;
        Ok(profile)
    }

    /// Renames a profile.
    pub fn rename(&self, name: &str, new_name: &str) -> Result<Profile, ProfileError> {
        let new_name = new_name.trim();
        if new_name.is_empty() {
            return Err(ProfileError::EmptyName);
        }
        let mut profiles = self.list()?;
        if profiles
            .iter()
            .any(|p| p.name.eq_ignore_ascii_case(new_name) && !p.name.eq_ignore_ascii_case(name))
        {
            return Err(ProfileError::NameTaken(new_name.to_string()));
        }
        let profile = profiles
            .iter_mut()
            .find(|p| p.name.eq_ignore_ascii_case(name))
            .ok_or_else(|| ProfileError::NotFound(name.to_string()))?;
        profile.name = new_name.to_string();
        let renamed = profile.clone();
        self.save(profiles)?;
        Ok(renamed)
    }

    /// Replaces a profile's connection (after sign-in picks a tenant, say).
    pub fn update(&self, profile: &Profile) -> Result<(), ProfileError> {
        let mut profiles = self.list()?;
        let slot = profiles
            .iter_mut()
            .find(|p| p.id == profile.id)
            .ok_or_else(|| ProfileError::NotFound(profile.name.clone()))?;
        *slot = profile.clone();
        self.save(profiles)
    }

    /// Removes a profile and returns it, so its keychain entries can be removed too.
    pub fn remove(&self, name: &str) -> Result<Profile, ProfileError> {
        let mut profiles = self.list()?;
        let index = profiles
            .iter()
            .position(|p| p.name.eq_ignore_ascii_case(name))
            .ok_or_else(|| ProfileError::NotFound(name.to_string()))?;
        let removed = profiles.remove(index);
        self.save(profiles)?;
        Ok(removed)
    }

    /// Writes the file atomically (a crash mid-write leaves the old file whole).
    fn save(&self, profiles: Vec<Profile>) -> Result<(), ProfileError> {
        let file = ProfilesFile { version: PROFILES_VERSION, profiles };
        let text = serde_json::to_string_pretty(&file).map_err(|e| self.file_error(e))?;
        crate::files::write_atomically(&self.path, text.as_bytes()).map_err(|e| self.file_error(e))
    }

    fn file_error(&self, error: impl std::fmt::Display) -> ProfileError {
        ProfileError::File { path: self.path.display().to_string(), reason: error.to_string() }
    }
}

/// A random id for a new profile.
fn new_id() -> String {
    format!("p-{:016x}", fastrand::u64(..))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key_profile(endpoint: &str) -> Connection {
        Connection::EndpointKey {
            endpoint: endpoint.into(),
            api: ApiStyleChoice::V1,
            deployments: vec![],
            sign_in_with: None,
        }
    }

    #[test]
    fn a_first_start_has_the_sandbox_and_profiles_are_added_renamed_and_removed() {
        let dir = tempfile::tempdir().unwrap();
        let store = ProfileStore::in_dir(dir.path());
        assert_eq!(store.list().unwrap(), vec![sandbox_profile()]);
        let work = store.add("Work", key_profile("https://a.openai.azure.com/")).unwrap();
        assert!(matches!(store.add(" work ", key_profile("x")), Err(ProfileError::NameTaken(_))));
        assert!(matches!(store.add("  ", key_profile("x")), Err(ProfileError::EmptyName)));
        store.rename("work", "Work EU").unwrap();
        assert_eq!(store.get("WORK eu").unwrap().id, work.id);
        assert!(matches!(store.rename("Sandbox", "work eu"), Err(ProfileError::NameTaken(_))));
        let removed = store.remove("Work EU").unwrap();
        assert_eq!(removed.refresh_token_key().as_str(), format!("refresh-token:{}", work.id));
        assert_eq!(store.list().unwrap(), vec![sandbox_profile()]);
        assert!(!std::fs::read_to_string(dir.path().join("profiles.json")).unwrap().contains("refresh"));
    }

    #[test]
    fn a_broken_file_is_an_error_not_an_empty_list() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("profiles.json"), "{not json").unwrap();
        assert!(matches!(ProfileStore::in_dir(dir.path()).list(), Err(ProfileError::File { .. })));
    }
}
