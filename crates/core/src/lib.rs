//! Foundry Desk's core: everything the app does, without a window. The desktop shell (`src-tauri`) and
//! the `fdesk` CLI are thin layers over this crate; it never depends on tauri.

pub mod access;
pub mod account_keys;
pub mod app_info;
pub mod arm_session;
pub mod connections;
pub mod conversations;
pub mod deployment_changes;
pub mod deployment_plan;
pub mod deployments;
pub mod endpoint_keys;
pub mod files;
pub mod inventory;
pub mod links;
pub mod playground;
pub mod privacy;
pub mod profiles;
pub mod saved_keys;
pub mod secrets;
pub mod settings;
pub mod sign_in;
pub mod usage;

/// The app id: the keychain service name, and the bundle identifier in tauri.conf.json.
pub const APP_ID: &str = "dev.foundrydesk.app";
