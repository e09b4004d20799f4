//! Reusing an Azure CLI login: `az account get-access-token` for the scope (and tenant). A GUI process
//! may not inherit the shell's PATH, so `az` is also looked for where its installers put it.

use std::collections::HashMap;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::Deserialize;

use crate::error::{AzureError, ErrorKind};
use crate::token::{AccessToken, BoxFuture, TokenSource};

/// Where the Azure CLI's installers put `az`, for when PATH does not say.
pub const USUAL_PLACES: &[&str] = &[
    "/usr/bin/az",
    "/usr/local/bin/az",
    "/opt/homebrew/bin/az",
    "/home/linuxbrew/.linuxbrew/bin/az",
    "/opt/az/bin/az",
    r"C:\Program Files\Microsoft SDKs\Azure\CLI2\wbin\az.cmd",
    r"C:\Program Files (x86)\Microsoft SDKs\Azure\CLI2\wbin\az.cmd",
];

/// Finds `az` on `path` (a PATH value), else in `usual` places.
pub fn find_az(path: Option<OsString>, usual: &[&str]) -> Option<PathBuf> {
    let names: &[&str] = if cfg!(windows) { &["az.cmd", "az.exe"] } else { &["az"] };
    let on_path =
        path.iter().flat_map(std::env::split_paths).flat_map(|dir| names.iter().map(move |n| dir.join(n)));
    on_path.chain(usual.iter().map(PathBuf::from)).find(|candidate| is_file(candidate))
}

fn is_file(path: &Path) -> bool {
    path.metadata().is_ok_and(|m| m.is_file())
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct CliToken {
    access_token: String,
    /// Unix seconds (newer CLIs).
    #[serde(rename = "expires_on")]
    expires_on_unix: Option<u64>,
}

/// Tokens from the Azure CLI's login.
pub struct AzureCliTokenSource {
    az: PathBuf,
    tenant: Option<String>,
    cache: Mutex<HashMap<String, AccessToken>>,
}

impl AzureCliTokenSource {
    /// Uses the `az` found on PATH or in its usual places.
    pub fn new(tenant: Option<&str>) -> Result<Self, AzureError> {
        let az = find_az(std::env::var_os("PATH"), USUAL_PLACES).ok_or_else(|| {
            AzureError::local(
                ErrorKind::Auth,
                "the Azure CLI (az) was not found: install it and run `az login`, or sign in here instead",
            )
        })?;
        Ok(Self::with_az(az, tenant))
    }

    /// Uses a given `az`.
    pub fn with_az(az: PathBuf, tenant: Option<&str>) -> Self {
        Self { az, tenant: tenant.map(str::to_string), cache: Mutex::default() }
    }

    async fn fetch(&self, scope: &str) -> Result<AccessToken, AzureError> {
        let mut command = tokio::process::Command::new(&self.az);
        command.args(["account", "get-access-token", "--output", "json", "--scope", scope]);
        if let Some(tenant) = &self.tenant {
            command.args(["--tenant", tenant]);
        }
        let output = tokio::time::timeout(Duration::from_secs(60), command.kill_on_drop(true).output())
            .await
            .map_err(|_| {
                AzureError::local(ErrorKind::Timeout, "the Azure CLI did not answer within a minute")
            })?
            .map_err(|e| AzureError::local(ErrorKind::Auth, format!("could not run the Azure CLI: {e}")))?;
        if !output.status.success() {
            let stderr = String::from_utf8_lossy(&output.stderr);
            let said =
                stderr.lines().find(|l| !l.trim().is_empty()).unwrap_or("it failed").trim().to_string();
            return Err(AzureError::local(
                ErrorKind::Auth,
                format!("the Azure CLI could not give a token ({said}); run `az login`"),
            ));
        }
        let token: CliToken = serde_json::from_slice(&output.stdout).map_err(|e| {
            AzureError::local(ErrorKind::Decode, format!("the Azure CLI's answer could not be read: {e}"))
        })?;
        let expires =
            token.expires_on_unix.map(|s| UNIX_EPOCH + Duration::from_secs(s.min(u64::from(u32::MAX))));
        Ok(AccessToken::new(token.access_token, expires))
    }
}

impl TokenSource for AzureCliTokenSource {
    fn token<'a>(&'a self, scope: &'a str) -> BoxFuture<'a, Result<AccessToken, AzureError>> {
        Box::pin(async move {
            let cached = self.cache.lock().unwrap_or_else(|e| e.into_inner()).get(scope).cloned();
            let margin = SystemTime::now() + Duration::from_secs(300);
            if let Some(token) = cached.filter(|t| t.expires_on.is_some_and(|e| e > margin)) {
                return Ok(token);
            }
            let token = self.fetch(scope).await?;
            self.cache.lock().unwrap_or_else(|e| e.into_inner()).insert(scope.to_string(), token.clone());
            Ok(token)
        })
    }
}
