//! The periods the usage screen offers, and the metrics query window of each.

use chrono::{DateTime, Duration, DurationRound, Utc};
use foundry_azure::monitor::MetricInterval;
use serde::{Deserialize, Serialize};

/// A period ending now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum UsageRange {
    /// The last hour, per minute: the only interval a tokens-per-minute limit can be drawn on.
    Hour,
    /// The last 24 hours, per 15 minutes.
    Day,
    /// The last 7 days, per hour.
    Week,
    /// The last 30 days, per hour.
    Month,
}

/// What to ask Azure Monitor for: `[from, to)` in steps of `interval`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UsageWindow {
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    pub interval: MetricInterval,
}

impl UsageRange {
    /// The interval between points.
    pub fn interval(self) -> MetricInterval {
        match self {
            Self::Hour => MetricInterval::OneMinute,
            Self::Day => MetricInterval::FifteenMinutes,
            Self::Week | Self::Month => MetricInterval::OneHour,
        }
    }

    /// How many points the period has.
    pub fn points(self) -> i64 {
        match self {
            Self::Hour => 60,
            Self::Day => 96,
            Self::Week => 168,
            Self::Month => 720,
        }
    }

    /// The window ending with the interval `now` falls in, so the latest (partial) interval is shown.
    pub fn window(self, now: DateTime<Utc>) -> UsageWindow {
        let interval = self.interval();
        let step = Duration::seconds(interval.seconds());
        let floor = now.duration_trunc(step).unwrap_or(now);
        let to = floor + step;
        UsageWindow { from: to - step * self.points() as i32, to, interval }
    }

    /// Parses `1h`, `24h`, `7d`, `30d` (and the names), as `fdesk usage show --since` takes them.
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "1h" | "60m" | "hour" => Some(Self::Hour),
            "24h" | "1d" | "day" => Some(Self::Day),
            "7d" | "1w" | "week" => Some(Self::Week),
            "30d" | "1mo" | "month" => Some(Self::Month),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn windows_end_with_the_current_interval() {
        let now = at("2026-11-29T08:17:42Z");
        let hour = UsageRange::Hour.window(now);
        assert_eq!((hour.from, hour.to), (at("2026-11-29T07:18:00Z"), at("2026-11-29T08:18:00Z")));
        let day = UsageRange::Day.window(now);
        assert_eq!((day.from, day.to), (at("2026-11-28T08:30:00Z"), at("2026-11-29T08:30:00Z")));
        let month = UsageRange::Month.window(now);
        assert_eq!((month.from, month.to), (at("2026-10-30T09:00:00Z"), at("2026-11-29T09:00:00Z")));
        assert_eq!(month.interval, MetricInterval::OneHour);
    }

    #[test]
    fn since_accepts_durations_and_names() {
        assert_eq!(UsageRange::parse("24h"), Some(UsageRange::Day));
        assert_eq!(UsageRange::parse(" 7D "), Some(UsageRange::Week));
        assert_eq!(UsageRange::parse("month"), Some(UsageRange::Month));
        assert_eq!(UsageRange::parse("2h"), None);
    }
}
