//! Calendar days, for retirement dates: Azure writes them as RFC 3339 (`2025-02-27T00:00:00Z`) or as a
//! bare date; only the day matters here.

use chrono::NaiveDate;

/// A calendar day (UTC).
pub type Day = NaiveDate;

/// Today (UTC).
pub fn today() -> Day {
    chrono::Utc::now().date_naive()
}

/// The day an Azure date names (its first ten characters), if it is one.
pub fn parse_day(text: &str) -> Option<Day> {
    NaiveDate::parse_from_str(text.get(..10)?, "%Y-%m-%d").ok()
}

/// Days from `today` until `date` (negative once past); `None` when `date` is not a date.
pub fn days_until(date: &str, today: Day) -> Option<i64> {
    Some((parse_day(date)? - today).num_days())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_either_form_count_whole_days() {
        let today = parse_day("2026-11-28").unwrap();
        assert_eq!(days_until("2026-12-01T00:00:00Z", today), Some(3));
        assert_eq!(days_until("2026-11-01", today), Some(-27));
        assert_eq!(days_until("soon", today), None);
    }
}
