//! OData query text for the APIs that take `$filter`: quoting literals and percent-encoding values.
//!
//! `url`'s `query_pairs_mut` writes spaces as `+` and `$filter` as `%24filter`; not every Azure service
//! reads `+` as a space in `$filter` (Azure's own SDKs rewrite it to `%20`), so these queries are
//! encoded here: `%20` for spaces, `$filter` spelled as Azure documents it.

/// A string literal for a filter: in single quotes, a quote inside doubled (`O'Neil` → `'O''Neil'`).
pub(crate) fn quote(value: &str) -> String {
    format!("'{}'", value.replace('\'', "''"))
}

/// A query value percent-encoded: RFC 3986 unreserved characters and `* , : /` (legal in a query and
/// common in Azure's values) stay as they are; everything else, quotes and spaces included, is `%XX`.
pub(crate) fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len() * 3 / 2);
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric()
            || matches!(byte, b'-' | b'.' | b'_' | b'~' | b'*' | b',' | b':' | b'/')
        {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// `name=value&…` with each value encoded; names are ours (`$filter`, `timespan`) and go as they are.
pub(crate) fn query(pairs: &[(&str, String)]) -> String {
    pairs.iter().map(|(name, value)| format!("{name}={}", encode(value))).collect::<Vec<_>>().join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_are_doubled_inside_a_literal() {
        assert_eq!(quote("gpt-4o"), "'gpt-4o'");
        assert_eq!(quote("it's"), "'it''s'");
    }

    #[test]
    fn spaces_quotes_and_separators_are_encoded_and_the_rest_kept() {
        assert_eq!(encode("ModelDeploymentName eq '*'"), "ModelDeploymentName%20eq%20%27*%27");
        assert_eq!(encode("a+b&c=d#e%f?"), "a%2Bb%26c%3Dd%23e%25f%3F");
        assert_eq!(
            encode("2026-11-27T00:00:00Z/2026-11-27T03:00:00Z"),
            "2026-11-27T00:00:00Z/2026-11-27T03:00:00Z"
        );
        assert_eq!(encode("é"), "%C3%A9");
        assert_eq!(
            query(&[("$filter", "x eq 'y'".into()), ("n", "1".into())]),
            "$filter=x%20eq%20%27y%27&n=1"
        );
    }
}
