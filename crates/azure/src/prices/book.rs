//! Prices by meter id, from the cache while fresh, from Azure when not, and from the cache (however
//! old, and said so) when Azure cannot be reached.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Duration, SubsecRound, Utc};

use super::cache::{CachedMeter, PriceCache};
use super::client::{currency_code, RetailPrices};
use super::models::{choose, RetailPrice};
use crate::error::AzureError;

/// The price of one meter, and when it was fetched.
#[derive(Debug, Clone, PartialEq)]
pub struct MeterPrice {
    /// The meter id as the caller asked for it.
    pub meter_id: String,
    /// The chosen item (see [`choose`](super::choose)).
    pub price: RetailPrice,
    /// When it was fetched from Azure.
    pub fetched_at: DateTime<Utc>,
}

/// The answer to a [`PriceBook::lookup`].
#[derive(Debug, Clone, PartialEq)]
pub struct PriceLookup {
    /// The meters with a price, in the order asked.
    pub prices: Vec<MeterPrice>,
    /// The oldest `fetched_at` among `prices`: "prices as of …"; `None` when there are none.
    pub as_of: Option<DateTime<Utc>>,
    /// Set when Azure could not be asked and cached prices (perhaps old) were used: the error, for people.
    pub offline: Option<String>,
    /// Meters asked for that have no price: Azure lists none, or (offline) none was cached.
    pub missing: Vec<String>,
}

impl PriceLookup {
    /// The price of one meter, its id compared ignoring case.
    pub fn price(&self, meter_id: &str) -> Option<&MeterPrice> {
        self.prices.iter().find(|p| p.meter_id.eq_ignore_ascii_case(meter_id))
    }
}

/// Retail prices with an on-disk cache. Lookups run side by side; their writes to the file are merged
/// one at a time (see [`PriceCache::update`]), and nothing is locked while Azure is asked.
#[derive(Clone)]
pub struct PriceBook {
    client: RetailPrices,
    cache: PriceCache,
}

impl PriceBook {
    /// Prices from `client`, kept in `cache`.
    pub fn new(client: RetailPrices, cache: PriceCache) -> Self {
        Self { client, cache }
    }

    /// The prices of `meter_ids` in `currency`, preferring items of `region` when a meter has several.
    ///
    /// Cached prices younger than `max_age` are used without a request; the rest are fetched and
    /// cached. When fetching fails, what the cache has is returned (however old) with `offline` set;
    /// only if it has none of them is the error returned.
    pub async fn lookup(
        &self,
        meter_ids: &[String],
        currency: &str,
        region: Option<&str>,
        max_age: Duration,
    ) -> Result<PriceLookup, AzureError> {
        let currency = currency_code(currency)?;
        let mut seen = HashSet::new();
        let ids: Vec<&String> = meter_ids
            .iter()
            .filter(|id| !id.trim().is_empty() && seen.insert(id.to_ascii_lowercase()))
            .collect();
        // The file is small (a few KB); reading it inline costs less than a blocking-pool hop.
        let mut cached = self.cache.load();
        // Whole seconds, as the cache file keeps them: a price reads the same before and after a reload.
        let now = Utc::now().trunc_subsecs(0);
        let stale: Vec<String> = ids
            .iter()
            .filter(|id| cached.get(&currency, id).is_none_or(|meter| now - meter.fetched_at > max_age))
            .map(|id| id.to_string())
            .collect();
        let mut offline = None;
        if !stale.is_empty() {
            match self.client.meter_prices(&stale, &currency).await {
                Ok(items) => {
                    let mut by_meter: HashMap<String, Vec<RetailPrice>> = HashMap::new();
                    for item in items {
                        by_meter.entry(item.meter_id.to_ascii_lowercase()).or_default().push(item);
                    }
                    let (merged, saved) = self.cache.update(|file| {
                        for id in &stale {
                            let items = by_meter.remove(&id.to_ascii_lowercase()).unwrap_or_default();
                            file.insert(&currency, id, CachedMeter { fetched_at: now, items });
                        }
                    });
                    cached = merged;
                    if let Err(error) = saved {
                        // The prices are in hand; only the next start pays for the failed save.
                        tracing::warn!(path = %self.cache.path().display(), %error, "could not save the price cache");
                    }
                }
                Err(error) => {
                    let any_cached =
                        ids.iter().any(|id| cached.get(&currency, id).is_some_and(|m| !m.items.is_empty()));
                    if !any_cached {
                        return Err(error);
                    }
                    tracing::info!(%error, "prices from the cache: Azure's Retail Prices API could not be reached");
                    offline = Some(error.to_string());
                }
            }
        }
        let mut lookup = PriceLookup { prices: Vec::new(), as_of: None, offline, missing: Vec::new() };
        for id in ids {
            let found =
                cached.get(&currency, id).and_then(|meter| Some((choose(&meter.items, region)?, meter)));
            match found {
                Some((price, meter)) => lookup.prices.push(MeterPrice {
                    meter_id: id.clone(),
                    price: price.clone(),
                    fetched_at: meter.fetched_at,
                }),
                None => lookup.missing.push(id.clone()),
            }
        }
        lookup.as_of = lookup.prices.iter().map(|p| p.fetched_at).min();
        Ok(lookup)
    }
}
