//! Azure Monitor's time parameters: `timespan` (`start/end`, `start/duration` or a duration ending now),
//! the `interval` grain, and the grid of points a query answers with.

use chrono::{DateTime, Duration, SecondsFormat, Utc};

/// The grains Azure Monitor answers in, with their length in minutes.
pub const INTERVALS: [(&str, i64); 8] = [
    ("PT1M", 1),
    ("PT5M", 5),
    ("PT15M", 15),
    ("PT30M", 30),
    ("PT1H", 60),
    ("PT6H", 360),
    ("PT12H", 720),
    ("P1D", 1440),
];

/// The longest timespan one query may cover: Azure Monitor keeps 93 days of platform metrics.
const MAX_DAYS: i64 = 93;

/// A query's time range, `[start, end)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timespan {
    /// Inclusive start.
    pub start: DateTime<Utc>,
    /// Exclusive end.
    pub end: DateTime<Utc>,
}

impl Timespan {
    /// As Azure echoes it: `2026-11-27T00:00:00Z/2026-11-27T03:00:00Z`.
    pub fn render(&self) -> String {
        format!("{}/{}", stamp(self.start), stamp(self.end))
    }

    /// The minutes it covers, `[from, to)` in minutes since the epoch (a part-minute counts as covered).
    pub fn minutes(&self) -> (i64, i64) {
        (self.start.timestamp().div_euclid(60), (self.end.timestamp() + 59).div_euclid(60))
    }

    /// The points of an `interval_minutes` grain: each `(timestamp, [from, to))`, on the grain's UTC grid
    /// (PT1H points fall on the hour, P1D at midnight), the first holding `start`, the last before `end`;
    /// each covers the part of its interval inside the timespan.
    pub fn points(&self, interval_minutes: i64) -> Vec<(DateTime<Utc>, i64, i64)> {
        let (from, to) = self.minutes();
        let step = interval_minutes.max(1);
        let mut at = from.div_euclid(step) * step;
        let mut out = Vec::new();
        while at < to {
            if let Some(when) = DateTime::from_timestamp(at * 60, 0) {
                out.push((when, at.max(from), (at + step).min(to)));
            }
            at += step;
        }
        out
    }
}

/// `2026-11-27T01:00:00Z`.
pub fn stamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// An ISO 8601 instant with an offset or `Z` (fractions allowed), in UTC.
pub fn parse_instant(text: &str) -> Result<DateTime<Utc>, String> {
    DateTime::parse_from_rfc3339(text.trim())
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| format!("'{text}' is not an ISO 8601 date and time such as 2026-11-27T00:00:00Z"))
}

/// Parses `timespan`; absent, it is the last hour, as Azure's default. A duration or an end too far out to
/// reckon with is refused as too long (no date arithmetic may overflow: that would panic in the handler).
pub fn parse_timespan(text: Option<&str>, now: DateTime<Utc>) -> Result<Timespan, String> {
    let too_long = |text: &str| format!("the timespan '{text}' is longer than {MAX_DAYS} days");
    let span = match text.map(str::trim).filter(|t| !t.is_empty()) {
        None => Timespan { start: now - Duration::hours(1), end: now },
        Some(text) => match text.split_once('/') {
            Some((start, end)) => {
                let start = parse_instant(start)?;
                let end = match parse_duration(end) {
                    Ok(length) => start.checked_add_signed(length).ok_or_else(|| too_long(text))?,
                    Err(Unread::TooLong) => return Err(too_long(text)),
                    Err(Unread::NotADuration) => parse_instant(end)?,
                };
                Timespan { start, end }
            }
            None => {
                let length = parse_duration(text).map_err(|unread| match unread {
                    Unread::TooLong => too_long(text),
                    Unread::NotADuration => {
                        format!("'{text}' is neither start/end nor an ISO 8601 duration")
                    }
                })?;
                let start = now.checked_sub_signed(length).ok_or_else(|| too_long(text))?;
                Timespan { start, end: now }
            }
        },
    };
    if span.end <= span.start {
        return Err(format!("the timespan '{}' ends before it starts", span.render()));
    }
    if span.end - span.start > Duration::days(MAX_DAYS) {
        return Err(format!("the timespan '{}' is longer than {MAX_DAYS} days", span.render()));
    }
    Ok(span)
}

/// One of [`INTERVALS`] (any case); absent, one minute, as Azure's default.
pub fn parse_interval(text: Option<&str>) -> Result<(&'static str, i64), String> {
    let Some(text) = text.map(str::trim).filter(|t| !t.is_empty()) else { return Ok(INTERVALS[0]) };
    INTERVALS.iter().find(|(name, _)| name.eq_ignore_ascii_case(text)).copied().ok_or_else(|| {
        let names: Vec<&str> = INTERVALS.iter().map(|(name, _)| *name).collect();
        format!("Invalid interval '{text}'. Supported intervals are: {}.", names.join(", "))
    })
}

/// Why a text is not read as a duration.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unread {
    /// It is not one (it may be an instant).
    NotADuration,
    /// It is one, but longer than a duration can hold.
    TooLong,
}

/// A simple ISO 8601 duration (`P1D`, `PT3H`, `P2DT12H`, `PT90M`, `PT30S`). Each part is built and added
/// with chrono's checked operations, since its panicking ones abort the request on a huge count.
fn parse_duration(text: &str) -> Result<Duration, Unread> {
    let upper = text.trim().to_ascii_uppercase();
    let rest = upper.strip_prefix('P').ok_or(Unread::NotADuration)?;
    let (days, time) = rest.split_once('T').unwrap_or((rest, ""));
    let mut total = Duration::zero();
    if !days.is_empty() {
        let n = count(days.strip_suffix('D').ok_or(Unread::NotADuration)?)?;
        total = add(total, Duration::try_days(n))?;
    }
    let mut number = String::new();
    for c in time.chars() {
        if c.is_ascii_digit() {
            number.push(c);
            continue;
        }
        let n = count(&number)?;
        number.clear();
        let part = match c {
            'H' => Duration::try_hours(n),
            'M' => Duration::try_minutes(n),
            'S' => Duration::try_seconds(n),
            _ => return Err(Unread::NotADuration),
        };
        total = add(total, part)?;
    }
    if number.is_empty() && total > Duration::zero() {
        Ok(total)
    } else {
        Err(Unread::NotADuration)
    }
}

/// A part's count: digits only (no sign), too many of them being too long rather than unreadable.
fn count(digits: &str) -> Result<i64, Unread> {
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Unread::NotADuration);
    }
    digits.parse().map_err(|_| Unread::TooLong)
}

/// `total + part`, where a part that could not be built (None) or a sum past chrono's range is too long.
fn add(total: Duration, part: Option<Duration>) -> Result<Duration, Unread> {
    part.and_then(|part| total.checked_add(&part)).ok_or(Unread::TooLong)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        parse_instant(text).unwrap()
    }

    #[test]
    fn timespans_take_both_ends_or_a_duration() {
        let now = at("2026-11-27T05:00:00Z");
        let span = parse_timespan(Some("2026-11-27T00:00:00Z/2026-11-27T03:00:00Z"), now).unwrap();
        assert_eq!(span.render(), "2026-11-27T00:00:00Z/2026-11-27T03:00:00Z");
        let span = parse_timespan(Some("2026-11-27T00:00:00.000+00:00/PT3H"), now).unwrap();
        assert_eq!(span.end, at("2026-11-27T03:00:00Z"));
        assert_eq!(parse_timespan(Some("P1D"), now).unwrap().start, at("2026-11-26T05:00:00Z"));
        assert_eq!(parse_timespan(None, now).unwrap().start, at("2026-11-27T04:00:00Z"));
        for bad in ["2026-11-27T03:00:00Z/2026-11-27T00:00:00Z", "yesterday", "2026-01-01T00:00:00Z/P100D"] {
            assert!(parse_timespan(Some(bad), now).is_err(), "{bad}");
        }
        assert_eq!(
            parse_timespan(Some("P1DT-3H"), now),
            Err("'P1DT-3H' is neither start/end nor an ISO 8601 duration".into())
        );
        assert_eq!(parse_interval(Some("pt1h")).unwrap(), ("PT1H", 60));
        assert!(parse_interval(Some("PT2M")).is_err());
    }

    #[test]
    fn a_duration_too_large_for_chrono_is_refused_not_a_panic() {
        let now = at("2026-11-27T05:00:00Z");
        for huge in [
            "P99999999999999D",
            "2026-11-27T00:00:00Z/P99999999999999D",
            "PT99999999999999999H",
            "PT9223372036854775807S",
            "P99999999999999999999D",
            // Each part fits, but their sum or the end date does not.
            "P100000000000DT2562047788015H",
            "2026-11-27T00:00:00Z/P99999999D",
            "P99999999D",
        ] {
            let refused = parse_timespan(Some(huge), now).unwrap_err();
            assert!(refused.contains("longer than 93 days"), "{huge}: {refused}");
        }
    }

    #[test]
    fn points_fall_on_the_grain_and_cover_the_timespan() {
        let span = parse_timespan(Some("2026-11-27T00:30:00Z/2026-11-27T03:00:00Z"), Utc::now()).unwrap();
        let points = span.points(60);
        let stamps: Vec<String> = points.iter().map(|(t, _, _)| stamp(*t)).collect();
        assert_eq!(stamps, ["2026-11-27T00:00:00Z", "2026-11-27T01:00:00Z", "2026-11-27T02:00:00Z"]);
        let (from, _) = span.minutes();
        assert_eq!((points[0].1, points[0].2), (from, from + 30), "the first point covers only the timespan");
        assert_eq!(span.points(1).len(), 150);
    }
}
