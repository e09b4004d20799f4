//! Azure Monitor platform metrics of a resource (tokens, requests, latency per deployment), read with
//! [`ArmClient::account_metrics`](crate::arm::ArmClient::account_metrics).

mod grid;
mod models;
mod query;

pub use grid::{GridRow, MetricGrid};
pub use models::{LocalizableString, MetadataValue, Metric, MetricValue, Metrics, TimeSeries};
pub use query::{Aggregation, DimensionValue, MetricInterval, MetricsQuery};
