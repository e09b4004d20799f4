//! The app's saved network and Azure settings — proxy, CA file, timeout, Resource Manager api-version,
//! sign-in app registration and tenant, currency — honoured by fdesk's requests as by the app's. Read only; a settings file that cannot be used gives
//! the defaults, as the app starts on them.

use foundry_azure::arm::ApiVersions;
use foundry_azure::network::NetworkOptions;
use foundry_desk_core::app_info::AppPaths;
use foundry_desk_core::connections::{api_versions, network_options};
use foundry_desk_core::settings::{Settings, SettingsStore};
use foundry_desk_core::sign_in::SignInDefaults;

use crate::output::Failure;

/// What requests are made with.
pub struct SavedNetwork {
    pub options: NetworkOptions,
    /// The api-versions Resource Manager calls carry.
    pub api: ApiVersions,
    /// The app registration and tenant `login` uses when its flags name none.
    pub sign_in: SignInDefaults,
    /// The currency prices are shown in.
    pub currency: String,
}

impl SavedNetwork {
    /// The saved settings' network options (the CA file read now), api-versions and sign-in defaults.
    pub fn read() -> Result<Self, Failure> {
        let settings = saved_settings();
        let options = network_options(&settings.network)
            .map_err(|e| Failure::Usage(format!("the saved network settings cannot be used: {e}")))?;
        Ok(Self {
            options,
            api: api_versions(&settings.azure),
            sign_in: SignInDefaults::from_settings(&settings.azure),
            currency: settings.azure.currency.clone(),
        })
    }

    /// The sign-in HTTP client.
    pub fn sign_in_http(&self) -> Result<reqwest::Client, Failure> {
        Ok(self.options.sign_in_client()?)
    }
}

fn saved_settings() -> Settings {
    let Some(paths) = AppPaths::for_cli() else { return Settings::default() };
    let store = SettingsStore::new(paths.settings_file());
    store.read().unwrap_or_else(|problem| {
        eprintln!(
            "fdesk: {} cannot be used ({problem}); the default network settings are used",
            store.path().display()
        );
        Settings::default()
    })
}
