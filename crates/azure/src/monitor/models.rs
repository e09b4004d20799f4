//! Azure Monitor's metrics answer (`Microsoft.Insights/metrics`, 2024-02-01), tolerant of what real
//! answers leave out: points without a value, series without dimensions, fields this build never saw.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::query::{Aggregation, MetricInterval};
use crate::arm::models::lenient::null_as_default;

/// The answer to a metrics query: one [`Metric`] per metric name asked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Metrics {
    /// The window answered, `{from}/{to}`; Azure may widen it to whole intervals.
    #[serde(default)]
    pub timespan: String,
    /// The grain answered (`PT1H`); Azure may pick a coarser one than asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interval: Option<String>,
    /// The resource's metric namespace (`Microsoft.CognitiveServices/accounts`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    /// The resource's region (`swedencentral`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resourceregion: Option<String>,
    /// What the query cost Azure (it throttles on it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost: Option<f64>,
    /// One entry per metric.
    #[serde(default, deserialize_with = "null_as_default")]
    pub value: Vec<Metric>,
}

impl Metrics {
    /// The metric of this REST name, compared ignoring case.
    pub fn metric(&self, name: &str) -> Option<&Metric> {
        self.value.iter().find(|metric| metric.name.value.eq_ignore_ascii_case(name))
    }

    /// The grain Azure answered with, when it is one this client knows.
    pub fn answered_interval(&self) -> Option<MetricInterval> {
        MetricInterval::from_iso(self.interval.as_deref()?)
    }
}

/// One metric's timeseries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Metric {
    /// The metric's resource id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// REST name (`value`) and display name (`localizedValue`).
    pub name: LocalizableString,
    /// `Count`, `Milliseconds`, `Percent`, …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// What the metric means, in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_description: Option<String>,
    /// `Success`, or why this metric has no data while the others do.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_code: Option<String>,
    /// Azure's words for a failed `error_code`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_message: Option<String>,
    /// One series per dimension value (or tuple of values) when split; one in all when not.
    #[serde(default, deserialize_with = "null_as_default")]
    pub timeseries: Vec<TimeSeries>,
}

impl Metric {
    /// Whether Azure read this metric (`errorCode` absent or `Success`); a failed one carries no data.
    pub fn is_success(&self) -> bool {
        self.error_code.as_deref().is_none_or(|code| code.eq_ignore_ascii_case("Success"))
    }
}

/// A name with its display form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LocalizableString {
    /// The name as the API spells it.
    #[serde(default)]
    pub value: String,
    /// The name for people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub localized_value: Option<String>,
}

/// The points of one dimension value (or tuple).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TimeSeries {
    /// Which dimension values this series is for; Azure writes the names lowercase.
    #[serde(default, deserialize_with = "null_as_default")]
    pub metadatavalues: Vec<MetadataValue>,
    /// The points, one per interval Azure had (some may be missing or valueless).
    #[serde(default, deserialize_with = "null_as_default")]
    pub data: Vec<MetricValue>,
}

impl TimeSeries {
    /// The value of a dimension, its name compared ignoring case.
    pub fn dimension(&self, name: &str) -> Option<&str> {
        self.metadatavalues.iter().find(|m| m.name.value.eq_ignore_ascii_case(name))?.value.as_deref()
    }
}

/// One dimension's value for a series.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MetadataValue {
    /// The dimension (`modeldeploymentname`).
    #[serde(default)]
    pub name: LocalizableString,
    /// Its value (`gpt-4o`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

/// One point: a timestamp and whichever aggregations were asked for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MetricValue {
    /// Start of the interval this point covers.
    #[serde(serialize_with = "crate::rfc3339::serialize", deserialize_with = "crate::rfc3339::deserialize")]
    pub time_stamp: DateTime<Utc>,
    /// Sum.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<f64>,
    /// Mean.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub average: Option<f64>,
    /// Largest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maximum: Option<f64>,
    /// Smallest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minimum: Option<f64>,
    /// Number of samples.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<f64>,
}

impl MetricValue {
    /// The value of one aggregation, if the point has it.
    pub fn get(&self, aggregation: Aggregation) -> Option<f64> {
        match aggregation {
            Aggregation::Total => self.total,
            Aggregation::Average => self.average,
            Aggregation::Maximum => self.maximum,
            Aggregation::Minimum => self.minimum,
            Aggregation::Count => self.count,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_and_null_parts_decode_and_unknown_fields_are_ignored() {
        let body = r#"{"timespan":"a/b","interval":"PT5M","surprise":{"x":1},"value":[
            {"name":{"value":"AzureOpenAIRequests"},"errorCode":"Throttled","errorMessage":"later","timeseries":null},
            {"name":{"value":"GeneratedTokens"},"timeseries":[{"data":[{"timeStamp":"2026-11-27T00:00:00Z","total":null,"new":2}]}]}
        ]}"#;
        let metrics: Metrics = serde_json::from_str(body).unwrap();
        assert_eq!(metrics.answered_interval(), Some(MetricInterval::FiveMinutes));
        let failed = metrics.metric("azureopenairequests").unwrap();
        assert!(!failed.is_success() && failed.timeseries.is_empty());
        let tokens = metrics.metric("GeneratedTokens").unwrap();
        assert!(tokens.is_success());
        assert!(tokens.timeseries[0].metadatavalues.is_empty());
        assert_eq!(tokens.timeseries[0].data[0].get(Aggregation::Total), None);
    }

    #[test]
    fn a_timestamp_that_is_not_rfc_3339_fails_naming_it() {
        let body =
            r#"{"value":[{"name":{"value":"X"},"timeseries":[{"data":[{"timeStamp":"yesterday"}]}]}]}"#;
        let error = serde_json::from_str::<Metrics>(body).unwrap_err();
        assert!(error.to_string().contains("yesterday"), "{error}");
    }
}
