//! Azure Resource Manager: the management plane (subscriptions, accounts, deployments, quota, …).

pub mod client;
pub mod models;
mod ops;

pub use client::{AccountLocks, AccountRef, ApiVersions, ArmClient};
pub use ops::ModelQuery;
