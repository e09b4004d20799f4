//! Signing an Azure account profile in: a device code or the browser (auth code + PKCE on a loopback
//! redirect). `start_*` returns what to show at once; `finish_sign_in` waits for the person and keeps
//! only the refresh token (in the keychain); `cancel_sign_in` stops the wait from another call.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};

use foundry_azure::entra::auth_code::BrowserSignIn;
use foundry_azure::entra::device_code::DeviceCodeSignIn;
use foundry_azure::entra::{Authority, SignedIn};
use serde::Serialize;
use tokio_util::sync::CancellationToken;

use super::{ConnectionError, Connections, ProfileView};
use crate::profiles::{Connection, Profile};
use crate::sign_in::{self, SignInDefaults};

/// The code to type and where, for a device-code sign-in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct DeviceCodeView {
    /// Names this sign-in for `finish_sign_in` / `cancel_sign_in`.
    pub sign_in_id: String,
    pub user_code: String,
    pub verification_uri: String,
    pub expires_in_secs: u32,
}

/// The page to open for a browser sign-in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BrowserSignInView {
    pub sign_in_id: String,
    pub authorize_url: String,
}

enum Flow {
    DeviceCode(DeviceCodeSignIn),
    Browser(BrowserSignIn),
}

struct Pending {
    profile_id: String,
    /// The app registration the sign-in asked as, to name on the profile (none: the built-in one).
    client_id: Option<String>,
    cancel: CancellationToken,
    flow: Option<Flow>,
}

/// Sign-ins started and not yet finished.
#[derive(Default)]
pub struct PendingSignIns {
    pending: Mutex<HashMap<String, Pending>>,
}

impl PendingSignIns {
    fn lock(&self) -> MutexGuard<'_, HashMap<String, Pending>> {
        self.pending.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn add(&self, profile_id: &str, client_id: Option<String>, flow: Flow) -> String {
        let id = format!("s-{:016x}", fastrand::u64(..));
        let pending = Pending {
            profile_id: profile_id.to_string(),
            client_id,
            cancel: CancellationToken::new(),
            flow: Some(flow),
        };
        self.lock().insert(id.clone(), pending);
        id
    }
}

/// Where and as which app a profile signs in, and the scopes it asks for.
struct Target {
    authority: Authority,
    /// The profile's own app registration, else the settings'; none is the built-in one.
    client_id: Option<String>,
    /// Its cloud's Resource Manager (China and US Government have their own).
    scopes: [String; 2],
}

impl Target {
    fn of(profile: &Profile, defaults: &SignInDefaults) -> Result<Self, ConnectionError> {
        match &profile.connection {
            Connection::AzureAccount { cloud, tenant, client_id, use_azure_cli: false, .. } => {
                let cloud = sign_in::cloud_of(cloud)?;
                Ok(Self {
                    authority: Authority::new(&cloud.authority_host, tenant),
                    client_id: defaults.client_id_for(client_id.as_deref()),
                    scopes: cloud.sign_in_scopes(),
                })
            }
            Connection::AzureAccount { .. } => Err(ConnectionError::WrongKind(format!(
                "'{}' uses your Azure CLI login: run `az login` in a terminal instead",
                profile.name
            ))),
            _ => Err(ConnectionError::WrongKind(format!("'{}' does not sign in", profile.name))),
        }
    }

    fn app(&self) -> &str {
        sign_in::client_id_or_default(self.client_id.as_deref())
    }

    fn scopes(&self) -> [&str; 2] {
        self.scopes.each_ref().map(String::as_str)
    }
}

impl Connections {
    /// Asks Entra for a device code for the profile.
    pub async fn start_device_code(&self, profile_id: &str) -> Result<DeviceCodeView, ConnectionError> {
        let profile = self.profile(profile_id)?;
        let network = self.network();
        let target = Target::of(&profile, network.sign_in_defaults())?;
        let http = network.sign_in_http()?;
        let flow = DeviceCodeSignIn::start(&http, &target.authority, target.app(), &target.scopes()).await?;
        let prompt = flow.prompt();
        let sign_in_id = self.sign_ins.add(&profile.id, target.client_id, Flow::DeviceCode(flow));
        Ok(DeviceCodeView {
            sign_in_id,
            user_code: prompt.user_code,
            verification_uri: prompt.verification_uri,
            expires_in_secs: u32::try_from(prompt.expires_in.as_secs()).unwrap_or(u32::MAX),
        })
    }

    /// Starts a browser sign-in: a loopback redirect listens; the caller opens `authorize_url`.
    pub async fn start_browser_sign_in(
        &self,
        profile_id: &str,
    ) -> Result<BrowserSignInView, ConnectionError> {
        let profile = self.profile(profile_id)?;
        let network = self.network();
        let target = Target::of(&profile, network.sign_in_defaults())?;
        let http = network.sign_in_http()?;
        let flow = BrowserSignIn::start(&http, &target.authority, target.app(), &target.scopes()).await?;
        let authorize_url = flow.authorize_url().to_string();
        let sign_in_id = self.sign_ins.add(&profile.id, target.client_id, Flow::Browser(flow));
        Ok(BrowserSignInView { sign_in_id, authorize_url })
    }

    /// Waits for the person to finish signing in, then keeps the refresh token, who signed in, and the
    /// app registration it was issued to.
    pub async fn finish_sign_in(&self, sign_in_id: &str) -> Result<ProfileView, ConnectionError> {
        let (profile_id, client_id, cancel, flow) = {
            let mut pending = self.sign_ins.lock();
            let entry = pending.get_mut(sign_in_id).ok_or(ConnectionError::NoSuchSignIn)?;
            let flow = entry.flow.take().ok_or(ConnectionError::NoSuchSignIn)?;
            (entry.profile_id.clone(), entry.client_id.clone(), entry.cancel.clone(), flow)
        };
        let outcome = match flow {
            Flow::DeviceCode(flow) => flow.finish(&cancel).await,
            Flow::Browser(flow) => flow.finish(&cancel).await,
        };
        self.sign_ins.lock().remove(sign_in_id);
        self.keep(&profile_id, client_id, outcome?)
    }

    /// Stops waiting for a sign-in; its `finish_sign_in` answers "cancelled".
    pub fn cancel_sign_in(&self, sign_in_id: &str) {
        if let Some(pending) = self.sign_ins.lock().get(sign_in_id) {
            pending.cancel.cancel();
        }
    }

    fn keep(
        &self,
        profile_id: &str,
        client_id: Option<String>,
        signed_in: SignedIn,
    ) -> Result<ProfileView, ConnectionError> {
        let mut profile = self.profile(profile_id)?;
        let refresh = signed_in.refresh_token.clone().ok_or_else(|| {
            ConnectionError::Input(
                "the sign-in gave no refresh token (offline access was refused); nothing was kept".into(),
            )
        })?;
        sign_in::keep_sign_in(self.secrets.as_ref(), &profile, &refresh)?;
        let user = sign_in::user_of(signed_in.access_token.secret());
        if let Connection::AzureAccount { user: user_slot, client_id: client_slot, .. } =
            &mut profile.connection
        {
            user_slot.clone_from(&user);
            // The refresh token works only for the app it was issued to: a settings' client id this
            // sign-in used becomes the profile's, so a later change of the setting leaves it working.
            *client_slot = client_id;
        }
        self.profiles().update(&profile)?;
        let network = self.network();
        let source = sign_in::token_source(self.secrets(), &profile, network.sign_in_http()?)?;
        let scope = self.arm_scope(&profile)?;
        self.sessions.signed_in(
            &profile.id,
            network.generation(),
            Arc::new(source.with_token(&scope, &signed_in)),
        );
        self.view(profile)
    }
}
