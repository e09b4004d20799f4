//! What Entra remembers between requests: device codes, authorization codes and refresh tokens, the
//! simulated user's answer to device codes, and a count of the tokens issued (and to which application).

use std::collections::{BTreeMap, HashMap};
use std::sync::{Mutex, MutexGuard};
use std::time::Instant;

use serde::{Deserialize, Serialize};

use crate::config::SimConfig;

/// What the simulated user does with a device code once the client has polled
/// `device_code_approve_after_polls` times.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DeviceMode {
    /// Approves it: the next poll gets tokens.
    #[default]
    Auto,
    /// Nothing: it stays pending until `POST /_sim/entra/device/{user_code}/approve` (or decline, expire).
    Manual,
    /// Declines it: `authorization_declined`.
    Decline,
    /// Lets it lapse: `expired_token`.
    Expire,
}

/// Where a device code stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeviceStatus {
    /// Waiting for the user.
    Pending,
    /// Approved; the next poll gets tokens.
    Approved,
    /// Declined by the user.
    Declined,
    /// Past its lifetime, or expired on purpose.
    Expired,
    /// Tokens were issued for it.
    Redeemed,
}

impl DeviceStatus {
    /// The status as the control endpoints show it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Approved => "approved",
            Self::Declined => "declined",
            Self::Expired => "expired",
            Self::Redeemed => "redeemed",
        }
    }
}

/// A device code.
pub struct DeviceGrant {
    /// The code the user types (`FJ3KX7Q2P`).
    pub user_code: String,
    /// The application that asked.
    pub client_id: String,
    /// The tenant the code was asked for (resolved).
    pub tenant_id: String,
    /// The `scope` asked for.
    pub scope: String,
    /// When it was issued.
    pub issued: Instant,
    /// The last poll (or the issue, before any).
    pub last_poll: Instant,
    /// `authorization_pending` answers so far.
    pub pending_answers: u32,
    /// Where it stands.
    pub status: DeviceStatus,
    /// What the user will do with it.
    pub mode: DeviceMode,
    /// Who approved it (object id), once someone has.
    pub user: Option<String>,
}

/// An authorization code.
pub struct AuthCode {
    /// The application that asked.
    pub client_id: String,
    /// The redirect URI it was sent to: the token request must name the same.
    pub redirect_uri: String,
    /// The PKCE challenge (S256).
    pub challenge: String,
    /// The tenant it was issued for (resolved).
    pub tenant_id: String,
    /// The `scope` of the authorize request.
    pub scope: String,
    /// When it was issued (codes live ten minutes).
    pub issued: Instant,
    /// Codes are single-use.
    pub redeemed: bool,
    /// Who signed in (object id).
    pub user: String,
}

/// A refresh token.
pub struct RefreshGrant {
    /// The application it was issued to.
    pub client_id: String,
    /// Unix seconds of issue.
    pub issued_at: u64,
    /// Unix seconds from which it is refused with AADSTS70008.
    pub expires_at: u64,
    /// Revoked through `POST /_sim/entra/revoke`.
    pub revoked: bool,
    /// Whose it is (object id): its tokens are that user's, whoever signs in later.
    pub user: String,
}

/// Everything in one lock: requests are short and never await while holding it.
#[derive(Default)]
pub struct Books {
    /// Device codes by device code.
    pub devices: HashMap<String, DeviceGrant>,
    /// Authorization codes by code.
    pub codes: HashMap<String, AuthCode>,
    /// Refresh tokens by token.
    pub refresh_tokens: HashMap<String, RefreshGrant>,
    /// What the user does with device codes issued from now on.
    pub mode: DeviceMode,
    /// Who signs in from now on (object id): Ada unless `/_sim/entra/user` said otherwise.
    pub user: String,
    /// Tokens issued, by grant type.
    pub issued: BTreeMap<String, u64>,
    /// Tokens issued, by the application (`client_id`) that asked, then grant type: which app a client
    /// signs in and refreshes as, which a test cannot read from the tokens it never sees.
    pub issued_to: BTreeMap<String, BTreeMap<String, u64>>,
}

/// Entra's settings and books for one run.
pub struct EntraState {
    /// `interval` of device codes, in seconds.
    pub device_code_interval_secs: u64,
    /// Pending answers before the user acts on a device code.
    pub device_code_approve_after_polls: u32,
    /// Access and id token lifetime, in seconds.
    pub access_token_lifetime_secs: u64,
    /// Refresh token lifetime, in seconds.
    pub refresh_token_lifetime_secs: u64,
    books: Mutex<Books>,
}

impl EntraState {
    /// Entra's state from a run's config.
    pub fn new(config: &SimConfig) -> Self {
        Self {
            device_code_interval_secs: config.device_code_interval_secs,
            device_code_approve_after_polls: config.device_code_approve_after_polls,
            access_token_lifetime_secs: config.access_token_lifetime_secs,
            refresh_token_lifetime_secs: config.refresh_token_lifetime_secs,
            books: Mutex::new(Books {
                mode: config.device_code_mode,
                user: super::USER_OID.into(),
                ..Books::default()
            }),
        }
    }

    /// The books, locked. Never held across an await.
    pub fn books(&self) -> MutexGuard<'_, Books> {
        self.books.lock().unwrap_or_else(|e| e.into_inner())
    }
}
