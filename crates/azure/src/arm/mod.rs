//! Azure Resource Manager: the management plane (subscriptions, accounts, deployments, quota, …).

pub mod models;
