//! The checks a deployment PUT/PATCH passes, answering with the codes Azure really returns:
//! DeploymentModelNotSupported, ServiceModelDeprecated/Deprecating, InvalidResourceProperties (SKU),
//! InvalidCapacity, InsufficientQuota, and InvalidResourceProperties for an unknown content filter.

use crate::errors::ArmError;

use super::rejected;
use crate::seed::{CatalogEntry, CatalogSku};
use crate::world::{Account, World};

/// The catalog entry for a requested model (the default version when none is given).
pub fn model(
    world: &World,
    account: &Account,
    format: &str,
    name: &str,
    version: Option<&str>,
) -> Result<CatalogEntry, ArmError> {
    let matches_name = |e: &&CatalogEntry| {
        e.model.format.eq_ignore_ascii_case(format) && e.model.name.eq_ignore_ascii_case(name)
    };
    let found = match version {
        Some(version) => world
            .catalog_for(&account.location, Some(&account.kind))
            .filter(matches_name)
            .find(|e| e.model.version == version),
        None => world
            .catalog_for(&account.location, Some(&account.kind))
            .filter(matches_name)
            .find(|e| e.model.is_default_version == Some(true)),
    };
    found.cloned().ok_or_else(|| {
        rejected(
            "DeploymentModelNotSupported",
            &format!(
                "The model 'Format:{format}, Name:{name}, Version:{}' of account deployment is not supported.",
                version.unwrap_or("")
            ),
        )
    })
}

/// Refuses models that take no new deployments.
pub fn lifecycle(entry: &CatalogEntry) -> Result<(), ArmError> {
    let model = &entry.model;
    let retires = model
        .extra
        .get("deprecation")
        .and_then(|d| d.get("inference"))
        .and_then(|d| d.as_str())
        .unwrap_or("an announced date");
    match model.lifecycle_status.as_deref() {
        Some("Deprecated") => Err(rejected(
            "ServiceModelDeprecated",
            &format!("The model '{}' version '{}' has been deprecated since {retires}.", model.name, model.version),
        )),
        Some("Deprecating") => Err(rejected(
            "ServiceModelDeprecating",
            &format!(
                "The model '{}' version '{}' is being deprecated and no new deployments are allowed. It will be \
                 retired on {retires}.",
                model.name, model.version
            ),
        )),
        _ => Ok(()),
    }
}

/// The catalog SKU for a requested SKU name (`S0`, an account SKU, is never one).
pub fn sku(entry: &CatalogEntry, account: &Account, sku_name: &str) -> Result<CatalogSku, ArmError> {
    entry.model.skus.iter().find(|s| s.name.eq_ignore_ascii_case(sku_name)).cloned().ok_or_else(|| {
        rejected(
            "InvalidResourceProperties",
            &format!(
                "The specified SKU '{sku_name}' of account deployment is not supported by the model '{} {}' in \
                 region '{}'. Supported SKUs: {}.",
                entry.model.name,
                entry.model.version,
                account.location,
                entry.model.skus.iter().map(|s| s.name.as_str()).collect::<Vec<_>>().join(", ")
            ),
        )
    })
}

/// The capacity to use: the requested one within `{minimum, maximum, step}`, or the SKU's default.
pub fn capacity(sku: &CatalogSku, requested: Option<u64>) -> Result<u64, ArmError> {
    let c = sku.capacity;
    let capacity = requested.or(c.default).unwrap_or(1);
    let minimum = c.minimum.unwrap_or(1);
    let maximum = c.maximum.unwrap_or(u64::MAX);
    let step = c.step.unwrap_or(1).max(1);
    if capacity < minimum || capacity > maximum || !(capacity - minimum).is_multiple_of(step) {
        return Err(rejected(
            "InvalidCapacity",
            &format!(
                "The capacity '{capacity}' of SKU '{}' is invalid: it must be between {minimum} and {maximum}, in \
                 steps of {step}.",
                sku.name
            ),
        ));
    }
    Ok(capacity)
}

/// Refuses `capacity` beyond the free quota of the SKU's usage name; `credit` is capacity the deployment
/// already holds in that usage (a resize only needs the difference).
pub fn quota(
    world: &World,
    account: &Account,
    sku: &CatalogSku,
    capacity: u64,
    credit: u64,
) -> Result<(), ArmError> {
    let Some(usage) = sku.usage_name.as_deref() else { return Ok(()) };
    let limit = world.quota_limit(&account.subscription_id, &account.location, usage);
    let used = world.quota_used(&account.subscription_id, &account.location, usage).saturating_sub(credit);
    let free = limit.saturating_sub(used);
    if capacity > free {
        return Err(rejected(
            "InsufficientQuota",
            &format!(
                "This operation require {capacity} new capacity in quota {usage}, which is bigger than the current \
                 available capacity {free}. The current quota usage is {used} and the quota limit is {limit} for \
                 quota {usage}."
            ),
        ));
    }
    Ok(())
}

/// The content filter named by `raiPolicyName` must exist on the account (built-in or custom).
pub fn rai_policy(account: &Account, policy: &str) -> Result<(), ArmError> {
    if account.rai_policies.iter().any(|(name, _)| name.eq_ignore_ascii_case(policy)) {
        return Ok(());
    }
    let known: Vec<&str> = account.rai_policies.iter().map(|(name, _)| name.as_str()).collect();
    Err(rejected(
        "InvalidResourceProperties",
        &format!(
            "The RAI policy '{policy}' does not exist on account '{}'. Available policies: {}.",
            account.name,
            known.join(", ")
        ),
    ))
}
