//! Typed Azure client for Foundry Desk: Resource Manager, inference, Entra sign-in, Azure Monitor
//! metrics, retail prices and the Microsoft Graph lookups behind role assignments.
//! It knows nothing of tauri or keychains; it depends on nothing of ours.

pub mod arm;
pub mod cloud;
pub mod entra;
pub mod error;
pub mod graph;
pub mod http;
pub mod inference;
pub mod lro;
pub mod monitor;
pub mod network;
mod odata;
pub mod paging;
pub mod prices;
mod rfc3339;
pub mod token;

pub use error::{AzureError, ErrorKind};
