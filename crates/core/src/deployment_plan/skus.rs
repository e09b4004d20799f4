//! Steps 2 and 3 of the wizard: the deployment types a model offers here, each explained in a line, and
//! a capacity checked against the SKU's range and the free quota (limit − used) of its usage name.

use foundry_azure::arm::models::{ModelSku, Usage};
use serde::Serialize;

/// Where to ask for more quota.
pub const QUOTA_REQUEST_URL: &str = "https://aka.ms/oai/quotaincrease";

/// One deployment type a model offers.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SkuChoice {
    pub name: String,
    /// What it means, in a line.
    pub explanation: String,
    /// Provisioned types are bought in PTUs, the others in thousands of tokens per minute.
    pub provisioned: bool,
    pub min_capacity: u32,
    pub max_capacity: u32,
    pub step: u32,
    pub default_capacity: u32,
    /// The quota this type draws from (`OpenAI.Standard.gpt-4o`).
    pub usage_name: Option<String>,
    /// Requests per minute per capacity unit, when the catalog says.
    pub rpm_per_unit: Option<f64>,
    /// When it stops being offered for this model.
    pub retires_on: Option<String>,
}

/// A line saying where a deployment type runs and how it is paid for.
pub fn explain_sku(name: &str) -> String {
    let lower = name.to_ascii_lowercase();
    let place = if lower.starts_with("global") {
        "Global: served from any Azure region, the most quota"
    } else if lower.starts_with("datazone") {
        "Data zone: served within the EU or the US data zone"
    } else {
        "Regional: served in this resource's region only"
    };
    let pay = if lower.contains("provisioned") {
        "provisioned throughput units (PTU), billed per hour whether used or not"
    } else if lower.contains("batch") {
        "batch jobs answered within 24 hours, at about half the price"
    } else if lower == "developertier" {
        "for evaluating fine-tuned models, no uptime guarantee"
    } else {
        "pay per token"
    };
    format!("{place}; {pay}.")
}

/// The deployment types of a catalog entry.
pub fn sku_choices(skus: &[ModelSku]) -> Vec<SkuChoice> {
    skus.iter()
        .map(|sku| {
            let name = sku.name.to_string();
            let range = sku.capacity.as_ref();
            let min = range.and_then(|r| r.minimum).unwrap_or(1);
            let max = range.and_then(|r| r.maximum).unwrap_or(min).max(min);
            let rpm_per_unit = sku
                .rate_limits
                .iter()
                .find(|r| r.key.as_deref() == Some("request"))
                .and_then(|r| r.count.map(|count| count * 60.0 / r.renewal_period.unwrap_or(60.0)));
            SkuChoice {
                explanation: explain_sku(&name),
                provisioned: name.to_ascii_lowercase().contains("provisioned"),
                min_capacity: min,
                max_capacity: max,
                step: range.and_then(|r| r.step).unwrap_or(1).max(1),
                default_capacity: range.and_then(|r| r.default).unwrap_or(min).clamp(min, max),
                usage_name: sku.usage_name.clone(),
                rpm_per_unit,
                retires_on: sku.deprecation_date.as_deref().map(|d| d.chars().take(10).collect()),
                name,
            }
        })
        .collect()
}

/// Quota for one usage name in a region.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Quota {
    pub limit: f64,
    pub used: f64,
    /// `limit − used`, never below zero.
    pub free: f64,
}

/// The quota of `usage_name` among a region's usages.
pub fn quota_for(usages: &[Usage], usage_name: &str) -> Option<Quota> {
    usages.iter().find(|u| u.name.value.eq_ignore_ascii_case(usage_name)).map(|u| Quota {
        limit: u.limit,
        used: u.current_value,
        free: (u.limit - u.current_value).max(0.0),
    })
}

/// Why a capacity cannot be asked for.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type, thiserror::Error)]
#[serde(rename_all = "camelCase", rename_all_fields = "camelCase", tag = "kind")]
pub enum CapacityProblem {
    #[error("{sku} takes at least {min}")]
    BelowMinimum { sku: String, min: u32 },
    #[error("{sku} takes at most {max}")]
    AboveMaximum { sku: String, max: u32 },
    #[error("{sku} takes capacity in steps of {step} (e.g. {below} or {above})")]
    OffStep { sku: String, step: u32, below: u32, above: u32 },
    #[error(
        "{asked} is more than the {free} free in this region ({used} of {limit} used for {usage_name}); \
         lower it, free some up, or request more quota at {url}"
    )]
    OverQuota { asked: u32, free: f64, used: f64, limit: f64, usage_name: String, url: String },
}

/// What a valid capacity gives.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CapacityFacts {
    /// Tokens per minute (Standard-family types); `None` for provisioned ones.
    pub tokens_per_minute: Option<u32>,
    /// Requests per minute, when the catalog gives the ratio.
    pub requests_per_minute: Option<u32>,
}

/// Checks `capacity` for `sku` against its range, step and the free quota (when known); `extra_free`
/// is capacity the change gives back (a deployment's current capacity when it is being resized).
pub fn check_capacity(
    sku: &SkuChoice,
    capacity: u32,
    quota: Option<Quota>,
    extra_free: u32,
) -> Result<CapacityFacts, CapacityProblem> {
    if capacity < sku.min_capacity {
        return Err(CapacityProblem::BelowMinimum { sku: sku.name.clone(), min: sku.min_capacity });
    }
    if capacity > sku.max_capacity {
        return Err(CapacityProblem::AboveMaximum { sku: sku.name.clone(), max: sku.max_capacity });
    }
    let offset = (capacity - sku.min_capacity) % sku.step;
    if offset != 0 {
        let below = capacity - offset;
        return Err(CapacityProblem::OffStep {
            sku: sku.name.clone(),
            step: sku.step,
            below,
            above: (below + sku.step).min(sku.max_capacity),
        });
    }
    if let (Some(quota), Some(usage_name)) = (quota, &sku.usage_name) {
        let free = quota.free + f64::from(extra_free);
        if f64::from(capacity) > free {
            return Err(CapacityProblem::OverQuota {
                asked: capacity,
                free,
                used: quota.used,
                limit: quota.limit,
                usage_name: usage_name.clone(),
                url: QUOTA_REQUEST_URL.into(),
            });
        }
    }
    Ok(CapacityFacts {
        tokens_per_minute: (!sku.provisioned).then(|| capacity.saturating_mul(1000)),
        requests_per_minute: sku.rpm_per_unit.map(|per_unit| (per_unit * f64::from(capacity)).round() as u32),
    })
}
