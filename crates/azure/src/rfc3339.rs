//! RFC 3339 timestamps in and out of JSON, without chrono's serde feature: Azure's metric timestamps
//! and the price cache's dates.

use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Deserialize, Deserializer, Serializer};

/// `2026-11-27T00:00:00Z`: whole seconds, `Z`, as Azure Monitor writes and expects them.
pub(crate) fn format(at: &DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Any RFC 3339 timestamp (any offset, any fraction), in UTC.
pub(crate) fn parse(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text.trim()).ok().map(|at| at.with_timezone(&Utc))
}

/// For `serialize_with`.
pub(crate) fn serialize<S: Serializer>(at: &DateTime<Utc>, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&format(at))
}

/// For `deserialize_with`: a string that is not RFC 3339 fails the decode, naming the value.
pub(crate) fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<DateTime<Utc>, D::Error> {
    let text = String::deserialize(deserializer)?;
    parse(&text).ok_or_else(|| serde::de::Error::custom(format!("not an RFC 3339 timestamp: {text}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_seconds_with_z_out_and_any_offset_in() {
        let at = parse("2026-11-27T01:00:00+01:00").unwrap();
        assert_eq!(format(&at), "2026-11-27T00:00:00Z");
        assert_eq!(format(&parse("2026-11-27T00:00:00.1234567Z").unwrap()), "2026-11-27T00:00:00Z");
        assert!(parse("27 Nov 2026").is_none());
    }
}
