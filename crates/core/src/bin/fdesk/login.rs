//! `fdesk login [--use-device-code] [--tenant T]` and `fdesk logout`: sign a profile in with Microsoft
//! Entra ID (browser + PKCE, or a device code), keeping only its refresh token, in the keychain.

use std::sync::Arc;

use clap::Args;
use foundry_azure::entra::auth_code::BrowserSignIn;
use foundry_azure::entra::device_code::DeviceCodeSignIn;
use foundry_azure::entra::Authority;
use foundry_desk_core::app_info::AppPaths;
use foundry_desk_core::profiles::{CloudChoice, Connection, Profile, ProfileError, ProfileStore};
use foundry_desk_core::secrets::{KeychainStore, SecretStore};
use foundry_desk_core::sign_in::{self, cloud_of};
use foundry_desk_core::APP_ID;
use tokio_util::sync::CancellationToken;

use crate::network::SavedNetwork;
use crate::output::Failure;

/// The profile `login` creates when none is named.
pub const DEFAULT_PROFILE: &str = "Azure";

#[derive(Debug, Args)]
pub struct LoginArgs {
    /// Show a code to enter at microsoft.com/devicelogin instead of opening a browser.
    #[arg(long)]
    use_device_code: bool,
    /// The tenant to sign in to (default: the app's sign-in tenant setting, else any work or school
    /// account).
    #[arg(long)]
    tenant: Option<String>,
    /// Your own app registration's client id (default: the app's setting, else the built-in one).
    #[arg(long)]
    client_id: Option<String>,
}

fn profiles() -> Result<ProfileStore, Failure> {
    let paths =
        AppPaths::for_cli().ok_or_else(|| Failure::Usage("no home directory (is HOME set?)".into()))?;
    Ok(ProfileStore::in_dir(&paths.data_dir))
}

fn usage(error: impl std::fmt::Display) -> Failure {
    Failure::Usage(error.to_string())
}

/// Signs `profile_name` in (creating it), against `arm_endpoint`'s cloud when given (the simulator).
pub async fn login(
    args: LoginArgs,
    profile_name: Option<&str>,
    arm_endpoint: Option<&str>,
) -> Result<(), Failure> {
    let store = profiles()?;
    let name = profile_name.unwrap_or(DEFAULT_PROFILE);
    let cloud = match arm_endpoint {
        Some(url) => CloudChoice::Custom {
            resource_manager: url.into(),
            authority_host: url.into(),
            audience: Some("https://management.azure.com".into()),
        },
        None => CloudChoice::Public,
    };
    let network = SavedNetwork::read()?;
    // Flags win over the app's settings. The client id used is named on the profile: its refresh token
    // works only for that app, whatever the setting says later.
    let tenant = args.tenant.clone().unwrap_or_else(|| network.sign_in.tenant().to_string());
    let client_id = network.sign_in.client_id_for(args.client_id.as_deref());
    let connection = Connection::AzureAccount {
        cloud: cloud.clone(),
        tenant: tenant.clone(),
        client_id: client_id.clone(),
        user: None,
        use_azure_cli: false,
    };
    let mut profile = match store.get(name) {
        Ok(existing) => Profile { connection, ..existing },
        Err(ProfileError::NotFound(_)) => store.add(name, connection).map_err(usage)?,
        Err(e) => return Err(usage(e)),
    };
    let cloud = cloud_of(&cloud).map_err(usage)?;
    let authority = Authority::new(&cloud.authority_host, &tenant);
    let scopes = cloud.sign_in_scopes();
    let scopes = scopes.each_ref().map(String::as_str);
    let client_id = sign_in::client_id_or_default(client_id.as_deref());
    let cancel = CancellationToken::new();
    let stop = cancel.clone();
    tokio::spawn(async move {
        if tokio::signal::ctrl_c().await.is_ok() {
            stop.cancel();
        }
    });
    let http = network.sign_in_http()?;
    let signed_in = if args.use_device_code {
        let sign_in = DeviceCodeSignIn::start(&http, &authority, client_id, &scopes).await?;
        eprintln!("{}", sign_in.prompt().message());
        eprintln!("Waiting for you to sign in (Ctrl-C to stop)…");
        sign_in.finish(&cancel).await?
    } else {
        let sign_in = BrowserSignIn::start(&http, &authority, client_id, &scopes).await?;
        eprintln!("Open this page to sign in (Ctrl-C to stop):\n  {}", sign_in.authorize_url());
        sign_in.finish(&cancel).await?
    };
    let refresh = signed_in.refresh_token.as_ref().ok_or_else(|| {
        Failure::Usage(
            "the sign-in gave no refresh token (offline_access was refused); nothing was kept".into(),
        )
    })?;
    let keychain = KeychainStore::open(APP_ID);
    sign_in::keep_sign_in(&keychain, &profile, refresh).map_err(|e| {
        Failure::Usage(format!("{e}; the sign-in was not kept (nothing was written to disk)"))
    })?;
    let user = sign_in::user_of(signed_in.access_token.secret());
    if let Connection::AzureAccount { user: slot, .. } = &mut profile.connection {
        slot.clone_from(&user);
    }
    store.update(&profile).map_err(usage)?;
    eprintln!("Signed in as {} (profile '{}').", user.as_deref().unwrap_or("you"), profile.name);
    Ok(())
}

/// Signs a profile out: its refresh token leaves the keychain; the profile stays.
pub fn logout(profile_name: Option<&str>) -> Result<(), Failure> {
    let profile = profiles()?.get(profile_name.unwrap_or(DEFAULT_PROFILE)).map_err(usage)?;
    let keychain = KeychainStore::open(APP_ID);
    if sign_in::sign_out(&keychain, &profile).map_err(usage)? {
        eprintln!("Signed out of '{}'.", profile.name);
    } else {
        eprintln!("'{}' was not signed in.", profile.name);
    }
    Ok(())
}

/// Whether `name` is an Azure account profile (which authenticates with sign-in, not a key).
pub fn is_account_profile(name: &str) -> Result<bool, Failure> {
    let profile = profiles()?.get(name).map_err(usage)?;
    Ok(matches!(profile.connection, Connection::AzureAccount { .. }))
}

/// The token source of a signed-in profile, for Resource Manager and inference commands; it refreshes
/// over `network`'s sign-in client.
pub fn profile_tokens(
    name: &str,
    network: &SavedNetwork,
) -> Result<(foundry_azure::cloud::Cloud, Arc<dyn foundry_azure::token::TokenSource>), Failure> {
    let profile = profiles()?.get(name).map_err(usage)?;
    let keychain: Arc<dyn SecretStore> = Arc::new(KeychainStore::open(APP_ID));
    let source = sign_in::token_source(keychain, &profile, network.sign_in_http()?)
        .map_err(|e| Failure::Usage(format!("{e} (`fdesk login --profile '{}'`)", profile.name)))?;
    let cloud = match &profile.connection {
        Connection::AzureAccount { cloud, .. } => cloud_of(cloud).map_err(usage)?,
        _ => return Err(Failure::Usage(format!("'{}' is not an Azure account profile", profile.name))),
    };
    Ok((cloud, Arc::new(source)))
}
