//! Serde helpers for fields whose JSON shape Azure does not keep steady.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer};
use serde_json::Value;

/// Decodes a map of strings, turning a stray number or boolean value into its text.
///
/// Capability values are documented as strings ("true", "4096") but a JSON literal must not fail the
/// whole catalog; `null` values are dropped.
pub(crate) fn string_map<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<BTreeMap<String, String>, D::Error> {
    let raw = Option::<BTreeMap<String, Value>>::deserialize(deserializer)?.unwrap_or_default();
    Ok(raw
        .into_iter()
        .filter_map(|(key, value)| {
            let text = match value {
                Value::Null => return None,
                Value::String(text) => text,
                other => other.to_string(),
            };
            Some((key, text))
        })
        .collect())
}

/// Decodes `null` as the default (empty list, empty map, default struct): Azure sends `null` as often as
/// it omits a field.
pub(crate) fn null_as_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}

/// For `skip_serializing_if`: omit a defaulted struct so re-encoding never invents an empty object.
pub(crate) fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

/// Azure sends counts and limits as JSON integers (`60`); we hold them as `f64` because some are
/// fractional, and write whole values back as integers so a round trip never turns `60` into `60.0`.
pub(crate) fn whole_number<S: serde::Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    if value.fract() == 0.0 && value.abs() < 9.0e15 {
        serializer.serialize_i64(*value as i64)
    } else {
        serializer.serialize_f64(*value)
    }
}

/// [`whole_number`] for optional fields.
pub(crate) fn optional_whole_number<S: serde::Serializer>(
    value: &Option<f64>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) => whole_number(v, serializer),
        None => serializer.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::Deserialize;

    #[derive(Deserialize)]
    struct Holder {
        #[serde(default, deserialize_with = "super::string_map")]
        map: BTreeMap<String, String>,
    }

    #[test]
    fn whole_numbers_are_written_as_integers() {
        #[derive(serde::Serialize)]
        struct Counts {
            #[serde(serialize_with = "super::whole_number")]
            limit: f64,
            #[serde(serialize_with = "super::optional_whole_number")]
            count: Option<f64>,
        }
        let json = serde_json::to_string(&Counts { limit: 60.0, count: Some(0.5) }).unwrap();
        assert_eq!(json, r#"{"limit":60,"count":0.5}"#);
    }

    #[test]
    fn literals_become_text_and_nulls_are_dropped() {
        let holder: Holder =
            serde_json::from_str(r#"{"map":{"a":"true","b":4096,"c":false,"d":null}}"#).unwrap();
        assert_eq!(holder.map.get("a").map(String::as_str), Some("true"));
        assert_eq!(holder.map.get("b").map(String::as_str), Some("4096"));
        assert_eq!(holder.map.get("c").map(String::as_str), Some("false"));
        assert!(!holder.map.contains_key("d"));
    }

    #[test]
    fn null_or_missing_map_is_empty() {
        let holder: Holder = serde_json::from_str(r#"{"map":null}"#).unwrap();
        assert!(holder.map.is_empty());
        let holder: Holder = serde_json::from_str("{}").unwrap();
        assert!(holder.map.is_empty());
    }
}
