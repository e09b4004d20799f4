//! Typed Azure client for Foundry Desk: Resource Manager, inference and Entra sign-in.
//! It knows nothing of tauri or keychains; it depends on nothing of ours.

pub mod arm;
pub mod cloud;
pub mod entra;
pub mod error;
pub mod http;
pub mod inference;
pub mod lro;
pub mod network;
pub mod paging;
pub mod token;

pub use error::{AzureError, ErrorKind};
