//! One page of an ARM list: `{value: [...], nextLink?}`.

use serde::{Deserialize, Serialize};

use super::lenient::null_as_default;

/// One page of a list; follow `next_link` verbatim until it is absent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", bound(deserialize = "T: Deserialize<'de>"))]
pub struct Page<T> {
    /// The items of this page; a missing or `null` `value` is an empty page.
    #[serde(default = "Vec::new", deserialize_with = "null_as_default")]
    pub value: Vec<T>,
    /// The absolute URL of the next page, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_link: Option<String>,
}

impl<T> Default for Page<T> {
    fn default() -> Self {
        Self { value: Vec::new(), next_link: None }
    }
}
