//! The Resource Manager calls the app makes, one `impl ArmClient` block per area.

mod access;
mod accounts;
pub(crate) mod catalog;
mod deployments;
mod directory;
mod metrics;
pub use catalog::ModelQuery;
