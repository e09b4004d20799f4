//! What a metrics request asks for: which Azure OpenAI metrics (and what each may be split by), which
//! aggregations, and which dimensions its `$filter` splits or narrows — refused in Azure Monitor's words when
//! the request asks for something the metric does not have.

/// A metric the simulator serves, with how Azure names and describes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Metric {
    /// `ProcessedPromptTokens`: prompt tokens.
    PromptTokens,
    /// `GeneratedTokens`: completion tokens.
    GeneratedTokens,
    /// `TokenTransaction`: both.
    TokenTransaction,
    /// `AzureOpenAIRequests`: calls, by status too.
    Requests,
}

/// Every metric, in the order Azure lists them in its error message.
const METRICS: [Metric; 4] =
    [Metric::Requests, Metric::GeneratedTokens, Metric::PromptTokens, Metric::TokenTransaction];

impl Metric {
    /// The REST name.
    pub fn name(self) -> &'static str {
        match self {
            Self::PromptTokens => "ProcessedPromptTokens",
            Self::GeneratedTokens => "GeneratedTokens",
            Self::TokenTransaction => "TokenTransaction",
            Self::Requests => "AzureOpenAIRequests",
        }
    }

    /// The display name (`name.localizedValue`).
    pub fn localized(self) -> &'static str {
        match self {
            Self::PromptTokens => "Processed Prompt Tokens",
            Self::GeneratedTokens => "Generated Completion Tokens",
            Self::TokenTransaction => "Processed Inference Tokens",
            Self::Requests => "Azure OpenAI Requests",
        }
    }

    /// `displayDescription`.
    pub fn description(self) -> &'static str {
        match self {
            Self::PromptTokens => "Number of prompt tokens processed (input) on an OpenAI model.",
            Self::GeneratedTokens => "Number of generated tokens (output) from an OpenAI model.",
            Self::TokenTransaction => {
                "Number of inference tokens processed on an OpenAI model. Calculated as \
                                        prompt tokens (input) plus generated tokens (output)."
            }
            Self::Requests => "Number of calls made to the Azure OpenAI API over a period of time.",
        }
    }

    /// Whether it can be split by `StatusCode` (every metric has `ModelDeploymentName`).
    pub fn has_status(self) -> bool {
        self == Self::Requests
    }

    /// Whether an interval without traffic reads as zero (requests) rather than as no value (tokens).
    pub fn zero_when_idle(self) -> bool {
        self == Self::Requests
    }
}

/// How the one-minute values of an interval are combined. Azure Monitor stores these metrics as one sample
/// per minute with data, so each aggregation is over those samples.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Aggregation {
    /// `total`: the sum.
    Total,
    /// `average`: the mean of the one-minute values.
    Average,
    /// `minimum`: the smallest one-minute value.
    Minimum,
    /// `maximum`: the largest one-minute value.
    Maximum,
    /// `count`: how many minutes had data.
    Count,
}

impl Aggregation {
    /// The field a point carries it in.
    pub fn field(self) -> &'static str {
        match self {
            Self::Total => "total",
            Self::Average => "average",
            Self::Minimum => "minimum",
            Self::Maximum => "maximum",
            Self::Count => "count",
        }
    }
}

/// What a `$filter` does with one dimension.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Dimension {
    /// Not named: values are summed over it.
    #[default]
    Summed,
    /// `eq '*'`: one timeseries per value.
    Split,
    /// `eq 'a' or eq 'b'`: one timeseries per value named (compared without case).
    Only(Vec<String>),
}

impl Dimension {
    /// Whether timeseries are told apart by it.
    pub fn splits(&self) -> bool {
        *self != Self::Summed
    }

    /// Whether a value passes.
    pub fn keeps(&self, value: &str) -> bool {
        match self {
            Self::Only(values) => values.iter().any(|v| v.eq_ignore_ascii_case(value)),
            Self::Summed | Self::Split => true,
        }
    }
}

/// The dimensions a request splits by.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Split {
    /// `ModelDeploymentName`.
    pub deployment: Dimension,
    /// `StatusCode`.
    pub status: Dimension,
}

/// `metricnames` (comma-separated, any case), refused as Azure refuses an unknown name.
pub fn parse_metrics(text: Option<&str>) -> Result<Vec<Metric>, String> {
    let text =
        text.map(str::trim).filter(|t| !t.is_empty()).ok_or("The metricnames parameter is required.")?;
    text.split(',').map(str::trim).map(|wanted| {
        METRICS.into_iter().find(|m| m.name().eq_ignore_ascii_case(wanted)).ok_or_else(|| {
            let valid: Vec<&str> = METRICS.iter().map(|m| m.name()).collect();
            format!(
                "Failed to find metric configuration for provider: Microsoft.CognitiveServices, resource Type: \
                 accounts, metric: {wanted}, Valid metrics: {}",
                valid.join(",")
            )
        })
    }).collect()
}

/// `aggregation` (comma-separated, any case; Total when absent).
pub fn parse_aggregations(text: Option<&str>) -> Result<Vec<Aggregation>, String> {
    let Some(text) = text.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(vec![Aggregation::Total]);
    };
    text.split(',')
        .map(str::trim)
        .map(|wanted| match wanted.to_ascii_lowercase().as_str() {
            "total" | "sum" => Ok(Aggregation::Total),
            "average" | "avg" => Ok(Aggregation::Average),
            "minimum" | "min" => Ok(Aggregation::Minimum),
            "maximum" | "max" => Ok(Aggregation::Maximum),
            "count" => Ok(Aggregation::Count),
            _ => Err(format!(
            "Aggregation '{wanted}' is not supported. Supported: Average, Count, Maximum, Minimum, Total."
        )),
        })
        .collect()
}

/// `$filter` over `ModelDeploymentName` and `StatusCode`: `and` of `Dim eq 'v'` clauses, each possibly an
/// `or` of values of one dimension; `'*'` splits by every value.
pub fn parse_split(text: Option<&str>, metrics: &[Metric]) -> Result<Split, String> {
    let mut split = Split::default();
    let Some(text) = text.map(str::trim).filter(|t| !t.is_empty()) else { return Ok(split) };
    let filter =
        crate::odata::parse(text).map_err(|problem| format!("Invalid $filter '{text}': {problem}."))?;
    for clause in filter.conjuncts() {
        let fields = clause.fields();
        let Some(dimension) = fields.first().map(|f| f.to_ascii_lowercase()) else { continue };
        if fields.iter().any(|f| !f.eq_ignore_ascii_case(&dimension))
            || matches!(clause, crate::odata::Filter::And(_))
        {
            return Err(format!("Invalid $filter '{text}': each clause may compare only one dimension."));
        }
        let mut values = Vec::new();
        collect_values(clause, &mut values);
        let wanted = if values.iter().any(|v| v == "*") { Dimension::Split } else { Dimension::Only(values) };
        let slot = match dimension.as_str() {
            "modeldeploymentname" => &mut split.deployment,
            "statuscode" => &mut split.status,
            _ => return Err(format!(
                "Invalid $filter '{text}': dimension '{}' was not found. Supported dimensions: ModelDeploymentName, StatusCode.",
                fields[0]
            )),
        };
        if slot.splits() {
            return Err(format!("Invalid $filter '{text}': dimension '{}' appears twice.", fields[0]));
        }
        *slot = wanted;
    }
    if split.status.splits() {
        if let Some(metric) = metrics.iter().find(|m| !m.has_status()) {
            return Err(format!(
                "Metric: {} does not support requested dimension combination: statuscode, supported ones are: \
                 modeldeploymentname",
                metric.name()
            ));
        }
    }
    Ok(split)
}

fn collect_values(filter: &crate::odata::Filter, out: &mut Vec<String>) {
    match filter {
        crate::odata::Filter::Eq(_, value) => out.push(value.clone()),
        crate::odata::Filter::And(parts) | crate::odata::Filter::Or(parts) => {
            parts.iter().for_each(|p| collect_values(p, out))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metric_names_and_aggregations_are_read_without_case() {
        assert_eq!(
            parse_metrics(Some("processedprompttokens,GeneratedTokens")).unwrap(),
            [Metric::PromptTokens, Metric::GeneratedTokens]
        );
        let unknown = parse_metrics(Some("Tokens")).unwrap_err();
        assert!(unknown.contains("metric: Tokens") && unknown.contains("AzureOpenAIRequests"), "{unknown}");
        assert_eq!(parse_aggregations(None).unwrap(), [Aggregation::Total]);
        assert_eq!(
            parse_aggregations(Some("total,Maximum")).unwrap(),
            [Aggregation::Total, Aggregation::Maximum]
        );
        assert_eq!(
            parse_aggregations(Some("average,MINIMUM,Count,max")).unwrap(),
            [Aggregation::Average, Aggregation::Minimum, Aggregation::Count, Aggregation::Maximum]
        );
        assert!(parse_aggregations(Some("Median")).is_err());
    }

    #[test]
    fn filters_split_or_narrow_by_dimension() {
        let requests = [Metric::Requests];
        let split = parse_split(Some("ModelDeploymentName eq '*' and StatusCode eq '*'"), &requests).unwrap();
        assert_eq!(split, Split { deployment: Dimension::Split, status: Dimension::Split });
        let split =
            parse_split(Some("(modeldeploymentname eq 'a' or ModelDeploymentName eq 'B')"), &requests)
                .unwrap();
        assert!(split.deployment.keeps("b") && !split.deployment.keeps("c") && !split.status.splits());
        let refused =
            parse_split(Some("StatusCode eq '*'"), &[Metric::Requests, Metric::PromptTokens]).unwrap_err();
        assert!(refused.contains("ProcessedPromptTokens"), "{refused}");
        assert!(parse_split(Some("Region eq '*'"), &requests).is_err());
        assert!(parse_split(Some("ModelDeploymentName eq 'a' or StatusCode eq '200'"), &requests).is_err());
    }
}
