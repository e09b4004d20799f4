//! A metric laid on a dense grid: one slot per interval of the asked window, one row per dimension value
//! (or tuple), so a chart or a sum never has to guess where Azure left a point out.

use chrono::{DateTime, Duration, Utc};

use super::models::Metric;
use super::query::{Aggregation, MetricInterval, MetricsQuery};

/// One metric on the grid of a query's window and interval.
#[derive(Debug, Clone, PartialEq)]
pub struct MetricGrid {
    /// Start of each slot: `from`, `from + interval`, … up to (not including) `to`.
    pub timestamps: Vec<DateTime<Utc>>,
    /// The grain of the slots.
    pub interval: MetricInterval,
    /// The dimensions each row's key gives values for, in the query's `split_by` order.
    pub dimensions: Vec<String>,
    /// One row per dimension value (or tuple), in the order Azure first sent them.
    pub rows: Vec<GridRow>,
}

/// The points of one dimension value (or tuple) on the grid.
#[derive(Debug, Clone, PartialEq)]
pub struct GridRow {
    /// The value of each of the grid's `dimensions`; empty when unsplit, `""` where Azure gave none.
    pub key: Vec<String>,
    /// One per slot; `None` where Azure sent no point or a point without the asked aggregation.
    pub points: Vec<Option<f64>>,
}

impl Metric {
    /// This metric on the grid of `query`: its window `[from, to)`, its interval, its aggregation, one row
    /// per value of its `split_by` dimensions (names compared ignoring case, as Azure lowercases them).
    /// Points outside the window are ignored; points between slot starts fall in the slot they are in.
    /// Series with the same key (Azure split by more than asked) are combined as the aggregation allows.
    pub fn grid(&self, query: &MetricsQuery) -> MetricGrid {
        let step = query.interval.seconds();
        let span = (query.to - query.from).num_seconds().max(0);
        let slots = usize::try_from((span + step - 1) / step).unwrap_or(0);
        let timestamps =
            (0..slots).map(|i| query.from + Duration::seconds(step.saturating_mul(i as i64))).collect();
        let mut rows: Vec<GridRow> = Vec::new();
        for series in &self.timeseries {
            let key: Vec<String> = query
                .split_by
                .iter()
                .map(|dimension| series.dimension(dimension).unwrap_or_default().to_string())
                .collect();
            let index = match rows.iter().position(|row| same_key(&row.key, &key)) {
                Some(index) => index,
                None => {
                    rows.push(GridRow { key, points: vec![None; slots] });
                    rows.len() - 1
                }
            };
            let points = &mut rows[index].points;
            for point in &series.data {
                let Some(value) = point.get(query.aggregation) else { continue };
                let Some(slot) = slot_of(point.time_stamp, query.from, step, slots) else { continue };
                points[slot] = Some(match points[slot] {
                    Some(earlier) => combine(query.aggregation, earlier, value),
                    None => value,
                });
            }
        }
        MetricGrid { timestamps, interval: query.interval, dimensions: query.split_by.clone(), rows }
    }
}

impl MetricGrid {
    /// The points of the row whose key is `key` (values compared ignoring case).
    pub fn row(&self, key: &[&str]) -> Option<&[Option<f64>]> {
        let row = self.rows.iter().find(|row| {
            row.key.len() == key.len() && row.key.iter().zip(key).all(|(a, b)| a.eq_ignore_ascii_case(b))
        })?;
        Some(&row.points)
    }

    /// Each slot summed over every row (`None` where no row has a point): e.g. all deployments' tokens.
    pub fn column_totals(&self) -> Vec<Option<f64>> {
        (0..self.timestamps.len())
            .map(|slot| {
                self.rows
                    .iter()
                    .filter_map(|row| row.points[slot])
                    .fold(None, |sum, v| Some(sum.unwrap_or(0.0) + v))
            })
            .collect()
    }
}

/// Deployment names and the like are case-insensitive in Azure.
fn same_key(a: &[String], b: &[String]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.eq_ignore_ascii_case(y))
}

/// The slot a timestamp falls in, if inside the window.
fn slot_of(at: DateTime<Utc>, from: DateTime<Utc>, step: i64, slots: usize) -> Option<usize> {
    let offset = (at - from).num_seconds();
    if offset < 0 {
        return None;
    }
    usize::try_from(offset / step).ok().filter(|slot| *slot < slots)
}

/// Two values for one slot: sums add, extremes keep the extreme; averages cannot be merged without
/// their counts, so the first is kept.
fn combine(aggregation: Aggregation, earlier: f64, value: f64) -> f64 {
    match aggregation {
        Aggregation::Total | Aggregation::Count => earlier + value,
        Aggregation::Maximum => earlier.max(value),
        Aggregation::Minimum => earlier.min(value),
        Aggregation::Average => earlier,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::monitor::Metrics;
    use crate::rfc3339;

    fn query(split_by: &[&str], aggregation: Aggregation) -> MetricsQuery {
        let mut query = MetricsQuery::new(
            &["X"],
            rfc3339::parse("2026-11-27T00:00:00Z").unwrap(),
            rfc3339::parse("2026-11-27T00:04:30Z").unwrap(),
            MetricInterval::OneMinute,
        );
        query.split_by = split_by.iter().map(|s| s.to_string()).collect();
        query.aggregation = aggregation;
        query
    }

    fn metric(series: &str) -> Metric {
        let body = format!(r#"{{"value":[{{"name":{{"value":"X"}},"timeseries":{series}}}]}}"#);
        serde_json::from_str::<Metrics>(&body).unwrap().value.remove(0)
    }

    fn series(dims: &[(&str, &str)], points: &[(&str, f64)]) -> String {
        let dims: Vec<String> =
            dims.iter().map(|(n, v)| format!(r#"{{"name":{{"value":"{n}"}},"value":"{v}"}}"#)).collect();
        let data: Vec<String> = points
            .iter()
            .map(|(t, v)| format!(r#"{{"timeStamp":"2026-11-27T00:{t}Z","total":{v},"maximum":{v}}}"#))
            .collect();
        format!(r#"{{"metadatavalues":[{}],"data":[{}]}}"#, dims.join(","), data.join(","))
    }

    #[test]
    fn a_partial_last_interval_is_a_slot_and_points_outside_are_ignored() {
        let s = series(&[], &[("00:00", 1.0), ("02:30", 2.0), ("04:00", 3.0), ("05:00", 9.0)]);
        let grid = metric(&format!("[{s}]")).grid(&query(&[], Aggregation::Total));
        assert_eq!(grid.timestamps.len(), 5);
        assert_eq!(grid.row(&[]).unwrap(), &[Some(1.0), None, Some(2.0), None, Some(3.0)]);
    }

    #[test]
    fn rows_are_keyed_by_tuples_ignoring_case_and_duplicates_combine() {
        let a = series(&[("modeldeploymentname", "gpt-4o"), ("statuscode", "200")], &[("00:00", 2.0)]);
        let b = series(&[("modeldeploymentname", "GPT-4o"), ("statuscode", "200")], &[("00:00", 5.0)]);
        let c = series(&[("modeldeploymentname", "gpt-4o"), ("statuscode", "429")], &[("01:00", 1.0)]);
        let m = metric(&format!("[{a},{b},{c}]"));
        let grid = m.grid(&query(&["ModelDeploymentName", "StatusCode"], Aggregation::Total));
        assert_eq!(grid.rows.len(), 2);
        assert_eq!(grid.row(&["gpt-4o", "200"]).unwrap()[0], Some(7.0));
        assert_eq!(grid.row(&["gpt-4o", "429"]).unwrap()[1], Some(1.0));
        assert_eq!(grid.column_totals()[..3], [Some(7.0), Some(1.0), None]);
        let by_max = m.grid(&query(&["ModelDeploymentName"], Aggregation::Maximum));
        assert_eq!(by_max.row(&["gpt-4o"]).unwrap()[..2], [Some(5.0), Some(1.0)]);
    }

    #[test]
    fn an_empty_or_inverted_window_is_an_empty_grid() {
        let mut q = query(&[], Aggregation::Total);
        q.to = q.from;
        let grid = metric(&format!("[{}]", series(&[], &[("00:00", 1.0)]))).grid(&q);
        assert!(grid.timestamps.is_empty() && grid.row(&[]).unwrap().is_empty());
    }
}
