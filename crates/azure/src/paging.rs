//! Lists: `{value: [...], nextLink?}`, following `nextLink` verbatim to the end.

use reqwest::Method;
use serde::de::DeserializeOwned;
use serde::Deserialize;

use crate::error::{AzureError, ErrorKind};
use crate::http::{HttpRequest, Pipeline};

/// A list stops here even if Azure keeps sending links: a loop, not data.
const MAX_PAGES: usize = 10_000;

#[derive(Deserialize)]
struct Page<T> {
    #[serde(default = "Vec::new")]
    value: Vec<T>,
    #[serde(rename = "nextLink", default)]
    next_link: Option<String>,
}

/// Every item of a list, across all its pages.
pub async fn collect_all<T: DeserializeOwned>(
    pipeline: &Pipeline,
    first: HttpRequest,
) -> Result<Vec<T>, AzureError> {
    let mut items = Vec::new();
    let mut request = first;
    let mut seen_links = std::collections::HashSet::new();
    for _ in 0..MAX_PAGES {
        let answer = pipeline.send(&request).await?;
        let page: Page<T> = serde_json::from_slice(&answer.body).map_err(|e| {
            AzureError::local(ErrorKind::Decode, format!("a list page was not in Azure's shape: {e}"))
        })?;
        items.extend(page.value);
        match page.next_link.filter(|link| !link.is_empty()) {
            Some(link) if seen_links.insert(link.clone()) => {
                request = HttpRequest { method: Method::GET, url: link, body: None, scope: request.scope };
            }
            Some(link) => {
                return Err(AzureError::local(
                    ErrorKind::Decode,
                    format!("Azure sent the same nextLink twice: {link}"),
                ))
            }
            None => return Ok(items),
        }
    }
    Err(AzureError::local(ErrorKind::Decode, "the list had more pages than any real list has"))
}
