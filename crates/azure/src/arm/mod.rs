//! Azure Resource Manager: the management plane (subscriptions, accounts, deployments, quota, …).

pub mod client;
pub mod models;

pub use client::{AccountRef, ApiVersions, ArmClient};
