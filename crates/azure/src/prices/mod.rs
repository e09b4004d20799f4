//! Azure's public Retail Prices API by meter id (the model catalog's `costs[].meterId`), what a price's
//! unit means, cost arithmetic, and a price book that caches on disk and still answers offline.

mod book;
mod cache;
mod client;
mod models;
mod unit;

pub use book::{MeterPrice, PriceBook, PriceLookup};
pub use cache::{CachedMeter, CachedPrices, PriceCache};
pub use client::{RetailPrices, MAX_METERS_PER_REQUEST};
pub use models::{choose, RetailPrice, RetailPricePage};
pub use unit::{price_per_hour, price_per_million_tokens, token_cost, MeterKind, PriceUnit, UnitKind};
