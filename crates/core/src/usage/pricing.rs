//! What a deployment costs: its SKU's billing meters (from the model catalog) priced by the Retail
//! Prices API, as per-1M-token prices (pay-as-you-go) or an hourly price (provisioned throughput).

use chrono::{DateTime, Utc};
use foundry_azure::arm::models::{BillingMeter, Model};
use foundry_azure::prices::{price_per_hour, price_per_million_tokens, MeterKind, PriceLookup};
use serde::Serialize;

/// How a deployment is billed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum Billing {
    /// Per token, input and output priced separately: nothing until it is used.
    Tokens,
    /// Per PTU-hour, whether used or not.
    Hourly,
    /// No priced meter was found.
    Unknown,
}

/// The prices of one deployment (or one the wizard is about to create).
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PriceQuote {
    pub currency: String,
    pub billing: Billing,
    pub input_per_million: Option<f64>,
    pub cached_input_per_million: Option<f64>,
    pub output_per_million: Option<f64>,
    /// Provisioned: the price of one PTU for an hour.
    pub per_unit_hour: Option<f64>,
    /// Provisioned: the price per hour at the deployment's capacity.
    pub hourly: Option<f64>,
    /// The day the prices were read from the Retail Prices API (`YYYY-MM-DD`).
    pub as_of: Option<String>,
    /// Why they could not be refreshed: they are the last known ones.
    pub offline: Option<String>,
    /// Why there is no price (no meters in the catalog, no published price, prices unreachable).
    pub unavailable: Option<String>,
}

impl PriceQuote {
    /// A quote with no price, saying why.
    pub fn unavailable(currency: &str, why: impl Into<String>) -> Self {
        Self {
            currency: currency.to_string(),
            billing: Billing::Unknown,
            input_per_million: None,
            cached_input_per_million: None,
            output_per_million: None,
            per_unit_hour: None,
            hourly: None,
            as_of: None,
            offline: None,
            unavailable: Some(why.into()),
        }
    }
}

/// The billing meters of one model version's SKU, found in a catalog.
#[derive(Debug, Clone, PartialEq)]
pub struct SkuMeters {
    pub meters: Vec<BillingMeter>,
}

impl SkuMeters {
    /// The meters of `sku` for the model `name` at `version` among `models` (names compare as Azure
    /// does: case-insensitively); `None` when they do not offer it.
    pub fn find<'a>(
        models: impl IntoIterator<Item = &'a Model>,
        name: &str,
        version: Option<&str>,
        sku: &str,
    ) -> Option<Self> {
        models
            .into_iter()
            .filter(|m| m.name.eq_ignore_ascii_case(name))
            .find(|m| version.is_none_or(|v| m.version.as_deref() == Some(v)))
            .and_then(|m| m.skus.iter().find(|s| s.name.as_str().eq_ignore_ascii_case(sku)))
            .map(|s| Self { meters: s.costs.clone() })
    }

    /// The meter ids to look up.
    pub fn ids(&self) -> Vec<String> {
        self.meters.iter().filter_map(|m| m.meter_id.clone()).collect()
    }
}

/// The quote for one SKU's meters from looked-up prices; `capacity` (PTUs) gives a provisioned
/// deployment's hourly price.
pub fn quote_from_lookup(
    meters: &SkuMeters,
    lookup: &PriceLookup,
    capacity: Option<u32>,
    currency: &str,
) -> PriceQuote {
    if meters.meters.is_empty() {
        return PriceQuote::unavailable(currency, "the model catalog names no billing meters for this SKU");
    }
    let mut quote = PriceQuote::unavailable(currency, "");
    let mut oldest = None;
    for meter in &meters.meters {
        let Some(found) = meter.meter_id.as_deref().and_then(|id| lookup.price(id)) else { continue };
        let price = &found.price;
        // The catalog's meter name says which it is; the price list's name when the catalog has none.
        let name = meter.name.as_deref().unwrap_or(&price.meter_name);
        let kind = MeterKind::classify(name, &price.unit_of_measure);
        let (slot, value) = match kind {
            MeterKind::Input => (&mut quote.input_per_million, price_per_million_tokens(price)),
            MeterKind::CachedInput => (&mut quote.cached_input_per_million, price_per_million_tokens(price)),
            MeterKind::Output => (&mut quote.output_per_million, price_per_million_tokens(price)),
            MeterKind::Hourly => (&mut quote.per_unit_hour, price_per_hour(price)),
            _ => continue,
        };
        if let Some(value) = value {
            *slot = Some(value);
            oldest = Some(oldest.map_or(found.fetched_at, |o: DateTime<Utc>| o.min(found.fetched_at)));
        }
    }
    quote.billing = if quote.per_unit_hour.is_some() {
        Billing::Hourly
    } else if quote.input_per_million.is_some() || quote.output_per_million.is_some() {
        Billing::Tokens
    } else {
        Billing::Unknown
    };
    quote.hourly = quote.per_unit_hour.zip(capacity).map(|(per, ptu)| per * f64::from(ptu));
    quote.as_of = oldest.map(day);
    quote.offline = lookup.offline.clone();
    quote.unavailable = (quote.billing == Billing::Unknown).then(|| match &lookup.offline {
        Some(why) => format!("no saved price for these meters, and the price list cannot be reached: {why}"),
        None => "Azure's price list has no retail price for these meters".to_string(),
    });
    quote
}

/// The day a price was read, as quotes and reports name it (`YYYY-MM-DD`).
pub fn day(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%d").to_string()
}
