//! Signing in with Microsoft Entra ID (AZURE.md §3): the device-code and authorization-code + PKCE
//! flows, refresh (one refresh token, tokens per tenant and per resource), and reuse of an Azure CLI
//! login — each ending in a [`crate::token::TokenSource`] the ARM and inference clients use.
//!
//! The OAuth mechanics come from the `oauth2` crate; this module adds what is Entra's: the authority
//! URLs, the scopes, the AADSTS errors read into typed ones, and tokens kept per tenant.

pub mod auth_code;
pub mod authority;
pub mod cli;
pub mod device_code;
pub mod errors;
pub mod refreshing;
pub mod tokens;

pub use authority::Authority;
pub use refreshing::RefreshingTokenSource;
pub use tokens::{RefreshToken, SignedIn};

/// The Azure CLI's public client id: the Azure SDKs' interactive credentials use it by default, and so
/// do we; people with their own app registration set theirs.
pub const DEFAULT_CLIENT_ID: &str = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";

/// The tenant to sign in to when none is known yet: any work or school account.
pub const DEFAULT_TENANT: &str = "organizations";

/// Resource Manager, with a refresh token (`offline_access`).
pub const ARM_SCOPES: [&str; 2] = ["https://management.azure.com/.default", "offline_access"];
