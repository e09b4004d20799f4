//! What to ask Azure Monitor: which metrics, over which window, at which grain, split how.

use chrono::{DateTime, Utc};

use crate::error::{AzureError, ErrorKind};
use crate::{odata, rfc3339};

/// The time grains Azure Monitor offers for platform metrics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MetricInterval {
    /// `PT1M`.
    OneMinute,
    /// `PT5M`.
    FiveMinutes,
    /// `PT15M`.
    FifteenMinutes,
    /// `PT30M`.
    ThirtyMinutes,
    /// `PT1H`.
    OneHour,
    /// `PT6H`.
    SixHours,
    /// `PT12H`.
    TwelveHours,
    /// `P1D`.
    OneDay,
}

impl MetricInterval {
    /// Every grain, shortest first.
    pub const ALL: [Self; 8] = [
        Self::OneMinute,
        Self::FiveMinutes,
        Self::FifteenMinutes,
        Self::ThirtyMinutes,
        Self::OneHour,
        Self::SixHours,
        Self::TwelveHours,
        Self::OneDay,
    ];

    /// The ISO 8601 duration Azure takes and answers (`PT1H`).
    pub fn as_iso(self) -> &'static str {
        match self {
            Self::OneMinute => "PT1M",
            Self::FiveMinutes => "PT5M",
            Self::FifteenMinutes => "PT15M",
            Self::ThirtyMinutes => "PT30M",
            Self::OneHour => "PT1H",
            Self::SixHours => "PT6H",
            Self::TwelveHours => "PT12H",
            Self::OneDay => "P1D",
        }
    }

    /// Its length in seconds.
    pub fn seconds(self) -> i64 {
        match self {
            Self::OneMinute => 60,
            Self::FiveMinutes => 300,
            Self::FifteenMinutes => 900,
            Self::ThirtyMinutes => 1_800,
            Self::OneHour => 3_600,
            Self::SixHours => 21_600,
            Self::TwelveHours => 43_200,
            Self::OneDay => 86_400,
        }
    }

    /// The grain an ISO duration names (`PT1H`, any case), if it is one of these.
    pub fn from_iso(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|interval| interval.as_iso().eq_ignore_ascii_case(text.trim()))
    }
}

/// How the values within one interval are combined.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Aggregation {
    /// The sum (token and request counts).
    Total,
    /// The mean (latencies, rates).
    Average,
    /// The largest value (utilization peaks).
    Maximum,
    /// The smallest value.
    Minimum,
    /// How many values were recorded.
    Count,
}

impl Aggregation {
    /// As Azure spells it in `aggregation=`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Total => "Total",
            Self::Average => "Average",
            Self::Maximum => "Maximum",
            Self::Minimum => "Minimum",
            Self::Count => "Count",
        }
    }
}

/// One dimension held to one value, e.g. `ModelDeploymentName` = `gpt-4o`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DimensionValue {
    /// The dimension's name (`ModelDeploymentName`).
    pub dimension: String,
    /// The value to keep (`gpt-4o`).
    pub value: String,
}

/// A metrics question about one resource.
#[derive(Debug, Clone, PartialEq)]
pub struct MetricsQuery {
    /// REST metric names, e.g. `ProcessedPromptTokens`, `GeneratedTokens`.
    pub metric_names: Vec<String>,
    /// Start of the window (inclusive).
    pub from: DateTime<Utc>,
    /// End of the window (exclusive).
    pub to: DateTime<Utc>,
    /// The grain of the answer.
    pub interval: MetricInterval,
    /// How values within a grain are combined.
    pub aggregation: Aggregation,
    /// Dimensions to split by, one timeseries per value (or tuple of values): `ModelDeploymentName eq '*'`.
    pub split_by: Vec<String>,
    /// Keep only this dimension value (one deployment); if the dimension is also in `split_by`, the
    /// answer still carries its value.
    pub only: Option<DimensionValue>,
    /// Most timeseries per metric. Azure answers only 10 when a filter splits and this is not sent, so
    /// an account with more deployments needs it.
    pub top: Option<u32>,
}

impl MetricsQuery {
    /// `metric_names` totalled per `interval` over `[from, to)`, unsplit; set the other fields as needed.
    pub fn new(
        metric_names: &[&str],
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        interval: MetricInterval,
    ) -> Self {
        Self {
            metric_names: metric_names.iter().map(|name| name.to_string()).collect(),
            from,
            to,
            interval,
            aggregation: Aggregation::Total,
            split_by: Vec::new(),
            only: None,
            top: None,
        }
    }

    /// `A eq '*' and B eq '*'` for the split, with `only`'s dimension held to its value; `None` if neither.
    pub fn filter(&self) -> Option<String> {
        let only_in_split = |dimension: &str| {
            self.only.as_ref().filter(|only| only.dimension.eq_ignore_ascii_case(dimension))
        };
        let mut clauses: Vec<String> = self
            .split_by
            .iter()
            .map(|dimension| match only_in_split(dimension) {
                Some(only) => format!("{dimension} eq {}", odata::quote(&only.value)),
                None => format!("{dimension} eq '*'"),
            })
            .collect();
        if let Some(only) = &self.only {
            if !self.split_by.iter().any(|d| d.eq_ignore_ascii_case(&only.dimension)) {
                clauses.push(format!("{} eq {}", only.dimension, odata::quote(&only.value)));
            }
        }
        (!clauses.is_empty()).then(|| clauses.join(" and "))
    }

    /// The query string after `api-version`: `metricnames=…&timespan=…&interval=…&aggregation=…[&$filter=…][&top=…]`.
    pub(crate) fn query_string(&self) -> Result<String, AzureError> {
        self.check()?;
        let mut pairs = vec![
            ("metricnames", self.metric_names.join(",")),
            ("timespan", format!("{}/{}", rfc3339::format(&self.from), rfc3339::format(&self.to))),
            ("interval", self.interval.as_iso().to_string()),
            ("aggregation", self.aggregation.as_str().to_string()),
        ];
        if let Some(filter) = self.filter() {
            pairs.push(("$filter", filter));
        }
        if let Some(top) = self.top {
            pairs.push(("top", top.to_string()));
        }
        Ok(odata::query(&pairs))
    }

    /// Refuses what Azure would refuse less clearly, or read differently than meant.
    fn check(&self) -> Result<(), AzureError> {
        let invalid = |why: String| Err(AzureError::local(ErrorKind::InvalidRequest, why));
        if self.metric_names.is_empty() {
            return invalid("a metrics query needs at least one metric name".into());
        }
        // Names are comma-separated on the wire; a comma inside one would split it in two.
        if let Some(name) = self.metric_names.iter().find(|n| n.trim().is_empty() || n.contains(',')) {
            return invalid(format!("'{name}' is not a metric name"));
        }
        if let Some(name) = self.split_by.iter().find(|n| !is_dimension_name(n)) {
            return invalid(format!("'{name}' is not a dimension name"));
        }
        if let Some(only) = self.only.as_ref().filter(|only| !is_dimension_name(&only.dimension)) {
            return invalid(format!("'{}' is not a dimension name", only.dimension));
        }
        if self.to <= self.from {
            return invalid("a metrics window must end after it starts".into());
        }
        Ok(())
    }
}

/// Dimension names are identifiers; anything else could change the meaning of the filter.
fn is_dimension_name(name: &str) -> bool {
    !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        rfc3339::parse(text).unwrap()
    }

    fn query() -> MetricsQuery {
        MetricsQuery::new(
            &["ProcessedPromptTokens", "GeneratedTokens"],
            at("2026-11-27T00:00:00Z"),
            at("2026-11-27T03:00:00Z"),
            MetricInterval::OneHour,
        )
    }

    #[test]
    fn intervals_name_their_iso_duration_and_length() {
        assert_eq!(MetricInterval::OneHour.as_iso(), "PT1H");
        assert_eq!(MetricInterval::OneDay.seconds(), 86_400);
        for interval in MetricInterval::ALL {
            assert_eq!(MetricInterval::from_iso(interval.as_iso()), Some(interval));
        }
        assert_eq!(MetricInterval::from_iso("pt5m"), Some(MetricInterval::FiveMinutes));
        assert_eq!(MetricInterval::from_iso("PT2H"), None);
    }

    #[test]
    fn the_filter_splits_by_each_dimension_and_holds_one_to_a_value() {
        let mut q = query();
        assert_eq!(q.filter(), None);
        q.split_by = vec!["ModelDeploymentName".into(), "StatusCode".into()];
        assert_eq!(q.filter().unwrap(), "ModelDeploymentName eq '*' and StatusCode eq '*'");
        q.only = Some(DimensionValue { dimension: "modeldeploymentname".into(), value: "o'4".into() });
        assert_eq!(q.filter().unwrap(), "ModelDeploymentName eq 'o''4' and StatusCode eq '*'");
        q.split_by = vec!["StatusCode".into()];
        assert_eq!(q.filter().unwrap(), "StatusCode eq '*' and modeldeploymentname eq 'o''4'");
    }

    #[test]
    fn the_query_string_is_encoded_as_azure_reads_it() {
        let mut q = query();
        q.split_by = vec!["ModelDeploymentName".into()];
        q.top = Some(50);
        assert_eq!(
            q.query_string().unwrap(),
            "metricnames=ProcessedPromptTokens,GeneratedTokens&timespan=2026-11-27T00:00:00Z/2026-11-27T03:00:00Z\
             &interval=PT1H&aggregation=Total&$filter=ModelDeploymentName%20eq%20%27*%27&top=50"
        );
    }

    #[test]
    fn nonsense_queries_are_refused_before_sending() {
        let mut q = query();
        q.metric_names.clear();
        assert_eq!(q.query_string().unwrap_err().kind, ErrorKind::InvalidRequest);
        let mut q = query();
        q.to = q.from;
        assert!(q.query_string().unwrap_err().message.contains("end after it starts"));
        let mut q = query();
        q.split_by = vec!["A eq 'x' or B".into()];
        assert!(q.query_string().is_err());
        let mut q = query();
        q.metric_names = vec!["A,B".into()];
        assert!(q.query_string().is_err());
    }
}
