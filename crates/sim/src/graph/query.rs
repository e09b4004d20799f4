//! The OData a people picker sends Graph: `$filter` of `startswith(field,'text')` and `field eq 'text'`
//! clauses joined by `or` (values quoted, `''` for a quote, compared without case), `$top`, `$select` and
//! the `$skiptoken` of a next page. Anything else in a `$filter`, and `$search`, is `Request_UnsupportedQuery`.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::errors::{self, GraphError};

/// Graph's default page size for directory lists.
const DEFAULT_TOP: usize = 100;

/// One filter clause (field names lower case).
#[derive(Debug, PartialEq, Eq)]
pub enum Clause {
    /// `startswith(field,'value')`.
    StartsWith(String, String),
    /// `field eq 'value'`.
    Eq(String, String),
}

/// A list request's options.
#[derive(Debug)]
pub struct ListQuery {
    /// Clauses of which one must hold (none: everything).
    pub any_of: Vec<Clause>,
    /// Page size.
    pub top: usize,
    /// Items skipped (the next-page token).
    pub skip: usize,
    /// Properties to keep, when `$select` was given.
    pub select: Option<Vec<String>>,
}

impl ListQuery {
    /// Reads `$filter`, `$top`, `$select`, `$skiptoken` (with or without `$`); `fields` are those the collection
    /// can be filtered on (`startswith` only on `text_fields`).
    pub fn parse(query: &HashMap<String, String>, fields: &[&str]) -> Result<Self, GraphError> {
        let param =
            |name: &str| query.get(&format!("${name}")).or_else(|| query.get(name)).map(String::as_str);
        if param("search").is_some() {
            return Err(errors::unsupported_query());
        }
        let any_of = match param("filter").map(str::trim).filter(|f| !f.is_empty()) {
            Some(filter) => parse_filter(filter, fields).ok_or_else(errors::unsupported_query)?,
            None => Vec::new(),
        };
        let top = match param("top") {
            None => DEFAULT_TOP,
            Some(text) => {
                text.trim().parse::<usize>().ok().filter(|n| (1..=999).contains(n)).ok_or_else(|| {
                    errors::bad_request(format!(
                        "Invalid page size specified: '{text}'. Must be between 1 and 999 inclusive."
                    ))
                })?
            }
        };
        let skip = param("skiptoken").and_then(|t| t.parse::<usize>().ok()).unwrap_or(0);
        let select = param("select")
            .map(|s| s.split(',').map(|f| f.trim().to_string()).filter(|f| !f.is_empty()).collect::<Vec<_>>())
            .filter(|s| !s.is_empty());
        Ok(Self { any_of, top, skip, select })
    }

    /// Whether an object passes the filter; `value_of` gives a field's value (lower-case name).
    pub fn admits(&self, value_of: impl Fn(&str) -> Option<String>) -> bool {
        self.any_of.is_empty()
            || self.any_of.iter().any(|clause| match clause {
                Clause::StartsWith(field, prefix) => {
                    value_of(field).is_some_and(|v| v.to_lowercase().starts_with(&prefix.to_lowercase()))
                }
                Clause::Eq(field, value) => {
                    value_of(field).is_some_and(|v| v.to_lowercase() == value.to_lowercase())
                }
            })
    }

    /// Keeps only the selected properties (all without `$select`).
    pub fn shape(&self, item: Value) -> Value {
        let (Some(select), Value::Object(map)) = (&self.select, &item) else { return item };
        let kept: Map<String, Value> = map
            .iter()
            .filter(|(k, _)| select.iter().any(|s| s.eq_ignore_ascii_case(k)))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        Value::Object(kept)
    }

    /// `@odata.context` of a list of `collection` (`users`), naming the selection as Graph does.
    pub fn context(&self, collection: &str) -> String {
        match &self.select {
            Some(select) => {
                format!("https://graph.microsoft.com/v1.0/$metadata#{collection}({})", select.join(","))
            }
            None => format!("https://graph.microsoft.com/v1.0/$metadata#{collection}"),
        }
    }
}

/// `a or b or c`, each clause `startswith(field,'v')` or `field eq 'v'` on one of `fields` (any case).
fn parse_filter(text: &str, fields: &[&str]) -> Option<Vec<Clause>> {
    let known = |field: &str| {
        let field = field.trim().to_ascii_lowercase();
        fields.iter().any(|f| f.eq_ignore_ascii_case(&field)).then_some(field)
    };
    split_outside_quotes(text, " or ")
        .into_iter()
        .map(|clause| {
            let clause = clause.trim();
            let lower = clause.to_ascii_lowercase();
            if lower.starts_with("startswith(") && clause.ends_with(')') {
                let inner = &clause["startswith(".len()..clause.len() - 1];
                let (field, value) = inner.split_once(',')?;
                Some(Clause::StartsWith(known(field)?, quoted(value)?))
            } else {
                let (field, rest) = clause.split_once(char::is_whitespace)?;
                let rest = rest.trim_start();
                let value = rest.get(..3).filter(|op| op.eq_ignore_ascii_case("eq ")).and(rest.get(3..))?;
                Some(Clause::Eq(known(field)?, quoted(value)?))
            }
        })
        .collect()
}

/// The text of one OData string literal (`'it''s'` → `it's`), or None when `value` is not exactly one.
fn quoted(value: &str) -> Option<String> {
    let inner = value.trim().strip_prefix('\'')?.strip_suffix('\'')?;
    // A lone quote inside would have ended the literal.
    let unescaped = inner.replace("''", "\u{0}");
    (!unescaped.contains('\'')).then(|| unescaped.replace('\u{0}', "'"))
}

/// Splits on `separator` (without case) where it is not inside a quoted string.
fn split_outside_quotes<'a>(text: &'a str, separator: &str) -> Vec<&'a str> {
    let lower = text.to_ascii_lowercase();
    let (mut parts, mut start, mut quoted, mut i) = (Vec::new(), 0, false, 0);
    while i < text.len() {
        if text.as_bytes()[i] == b'\'' {
            quoted = !quoted;
        } else if !quoted && lower.as_bytes()[i..].starts_with(separator.as_bytes()) {
            parts.push(&text[start..i]);
            start = i + separator.len();
            i = start;
            continue;
        }
        i += 1;
    }
    parts.push(&text[start..]);
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIELDS: [&str; 3] = ["displayName", "userPrincipalName", "mail"];

    #[test]
    fn people_picker_filters_parse() {
        let clauses = parse_filter(
            "startswith(displayName,'gr') or startswith(userPrincipalName,'O''Brien') OR mail eq 'a@b.c'",
            &FIELDS,
        )
        .unwrap();
        assert_eq!(
            clauses,
            [
                Clause::StartsWith("displayname".into(), "gr".into()),
                Clause::StartsWith("userprincipalname".into(), "O'Brien".into()),
                Clause::Eq("mail".into(), "a@b.c".into()),
            ]
        );
        assert_eq!(parse_filter("startswith(displayName, 'a or b')", &FIELDS).unwrap().len(), 1);
        for bad in [
            "contains(displayName,'a')",
            "jobTitle eq 'x'",
            "displayName ne 'x'",
            "mail eq x",
            "mail eq 'a'b'",
        ] {
            assert!(parse_filter(bad, &FIELDS).is_none(), "{bad}");
        }
    }

    #[test]
    fn top_and_select_are_read() {
        let query: HashMap<String, String> = [("$top", "2"), ("$select", "id,displayName")]
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let list = ListQuery::parse(&query, &FIELDS).unwrap();
        assert_eq!((list.top, list.skip), (2, 0));
        assert_eq!(list.context("users"), "https://graph.microsoft.com/v1.0/$metadata#users(id,displayName)");
        let shaped = list.shape(serde_json::json!({"id": "1", "displayName": "A", "mail": "m"}));
        assert_eq!(shaped, serde_json::json!({"id": "1", "displayName": "A"}));
        let zero: HashMap<String, String> = [("$top".to_string(), "0".to_string())].into();
        assert!(ListQuery::parse(&zero, &FIELDS).is_err());
    }
}
