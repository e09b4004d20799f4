//! The Resource Manager calls the app makes, one `impl ArmClient` block per area.

mod accounts;
pub(crate) mod catalog;
mod deployments;
mod directory;
pub use catalog::ModelQuery;
