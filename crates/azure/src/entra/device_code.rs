//! The device-code flow: show a code and a link, wait while the person signs in elsewhere.

use std::time::{Duration, SystemTime};

use oauth2::{Scope, StandardDeviceAuthorizationResponse};
use tokio_util::sync::CancellationToken;

use super::authority::{Authority, EntraClient};
use super::errors::entra_error;
use super::tokens::SignedIn;
use crate::error::{AzureError, ErrorKind};

/// What to show: the code to type and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceCodePrompt {
    pub user_code: String,
    pub verification_uri: String,
    /// How long the code stays valid.
    pub expires_in: Duration,
}

impl DeviceCodePrompt {
    /// The line to show a person.
    pub fn message(&self) -> String {
        format!("To sign in, open {} and enter the code {}", self.verification_uri, self.user_code)
    }
}

/// A device-code sign-in waiting for the person.
pub struct DeviceCodeSignIn {
    client: EntraClient,
    http: reqwest::Client,
    details: StandardDeviceAuthorizationResponse,
}

impl DeviceCodeSignIn {
    /// Asks Entra for a code for `scopes`, over `http` (a sign-in client: see
    /// [`crate::network::NetworkOptions::sign_in_client`]).
    pub async fn start(
        http: &reqwest::Client,
        authority: &Authority,
        client_id: &str,
        scopes: &[&str],
    ) -> Result<Self, AzureError> {
        let client = authority.client(client_id, None)?;
        let http = http.clone();
        let details: StandardDeviceAuthorizationResponse = client
            .exchange_device_code()
            .add_scopes(scopes.iter().map(|s| Scope::new((*s).to_string())))
            .request_async(&http)
            .await
            .map_err(entra_error)?;
        Ok(Self { client, http, details })
    }

    /// The code and link to show.
    pub fn prompt(&self) -> DeviceCodePrompt {
        DeviceCodePrompt {
            user_code: self.details.user_code().secret().clone(),
            verification_uri: self.details.verification_uri().to_string(),
            expires_in: self.details.expires_in(),
        }
    }

    /// Polls until the person has signed in (or declined, or the code expired), at the pace Entra
    /// asks (`interval`, longer after `slow_down`). `cancel` stops waiting at once.
    pub async fn finish(self, cancel: &CancellationToken) -> Result<SignedIn, AzureError> {
        let asked = SystemTime::now();
        let poll = self.client.exchange_device_access_token(&self.details).request_async(
            &self.http,
            tokio::time::sleep,
            None,
        );
        let response = tokio::select! {
            biased;
            _ = cancel.cancelled() => return Err(AzureError::local(ErrorKind::Cancelled, "sign-in cancelled")),
            response = poll => response.map_err(entra_error)?,
        };
        Ok(SignedIn::from_response(&response, asked))
    }
}
