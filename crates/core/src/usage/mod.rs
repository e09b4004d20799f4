//! Usage and cost: what each deployment of an account served over a period (from Azure Monitor's
//! metrics), how close it ran to its tokens-per-minute limit, and what that cost at the public retail
//! prices of its billing meters. Also the price of one deployment before it exists (the wizard) and of
//! one answer (the playground). Pure logic here; the calls are in `connections::usage`.

mod fetch;
mod pricing;
mod range;
mod report;
#[cfg(test)]
mod tests;

pub use fetch::{price_max_age, quote_for, usage_report};
pub use pricing::{quote_from_lookup, Billing, PriceQuote, SkuMeters};
pub use range::{UsageRange, UsageWindow};
pub use report::{
    build_report, CostEstimate, DeploymentUsage, MetricGrids, PriceStatus, Priced, UsageReport, UsageTotals,
};

/// Currencies the Retail Prices API answers in (its `currencyCode`).
pub const CURRENCIES: &[&str] = &[
    "USD", "EUR", "GBP", "JPY", "CAD", "AUD", "CHF", "SEK", "NOK", "DKK", "INR", "BRL", "KRW", "NZD", "TWD",
    "CNY",
];
