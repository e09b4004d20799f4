//! The Retail Prices API client: public and unauthenticated, so no token is ever sent to it; the same
//! network settings (proxy, extra CAs, timeouts) and retries as every other Azure call.

use std::collections::HashSet;

use reqwest::Method;
use url::Url;

use super::models::{RetailPrice, RetailPricePage};
use crate::cloud::Cloud;
use crate::error::{AzureError, ErrorKind};
use crate::http::{HttpRequest, Pipeline, RetryPolicy};
use crate::network::NetworkOptions;
use crate::odata;

/// Meter ids asked per request: a filter of ten `meterId eq '…'` keeps the URL well under any limit.
pub const MAX_METERS_PER_REQUEST: usize = 10;

/// Pages followed for one request before giving up: a few meters fill one page, so more is a loop.
const MAX_PAGES: usize = 50;

/// Reads retail (list) prices by meter id.
#[derive(Clone)]
pub struct RetailPrices {
    pipeline: Pipeline,
    base: Url,
}

impl RetailPrices {
    /// A client for `cloud`'s prices host over `http` (e.g. [`NetworkOptions::arm_client`]'s client).
    pub fn new(cloud: &Cloud, http: reqwest::Client) -> Self {
        Self {
            pipeline: Pipeline::anonymous(http, RetryPolicy::default()),
            base: cloud.retail_prices.clone(),
        }
    }

    /// A client for `cloud`'s prices host with `options`' proxy, certificate authorities and timeout.
    pub fn with_network(cloud: &Cloud, options: &NetworkOptions) -> Result<Self, AzureError> {
        Ok(Self::new(cloud, options.arm_client()?))
    }

    /// The same client retrying as `retry` says (tests, or a caller who would rather fail fast).
    pub fn with_retry(mut self, retry: RetryPolicy) -> Self {
        self.pipeline = self.pipeline.with_retry(retry);
        self
    }

    /// The prices host this client asks.
    pub fn base_url(&self) -> &Url {
        &self.base
    }

    /// `{base}/api/retail/prices?currencyCode='EUR'&$filter=meterId eq 'a' or meterId eq 'b'` (encoded).
    pub fn meter_prices_url(&self, meter_ids: &[String], currency: &str) -> Result<String, AzureError> {
        let currency = currency_code(currency)?;
        let filter = meter_ids
            .iter()
            .map(|id| format!("meterId eq {}", odata::quote(id)))
            .collect::<Vec<_>>()
            .join(" or ");
        let mut url = self.base.join("api/retail/prices").map_err(|e| {
            AzureError::local(
                ErrorKind::InvalidRequest,
                format!("not a valid prices host {}: {e}", self.base),
            )
        })?;
        url.set_query(Some(&odata::query(&[("currencyCode", odata::quote(&currency)), ("$filter", filter)])));
        Ok(url.to_string())
    }

    /// Every listed price of these meters in `currency` (an ISO code: `EUR`, `USD`), in requests of at
    /// most [`MAX_METERS_PER_REQUEST`] ids, each followed over its pages. A meter may have several items
    /// (one per region or price type; see [`choose`](super::choose)) or none.
    pub async fn meter_prices(
        &self,
        meter_ids: &[String],
        currency: &str,
    ) -> Result<Vec<RetailPrice>, AzureError> {
        let mut seen = HashSet::new();
        let ids: Vec<String> = meter_ids
            .iter()
            .map(|id| id.trim().to_string())
            .filter(|id| !id.is_empty() && seen.insert(id.to_ascii_lowercase()))
            .collect();
        let mut items = Vec::new();
        for batch in ids.chunks(MAX_METERS_PER_REQUEST) {
            items.extend(self.all_pages(self.meter_prices_url(batch, currency)?).await?);
        }
        Ok(items)
    }

    async fn all_pages(&self, first: String) -> Result<Vec<RetailPrice>, AzureError> {
        let mut items = Vec::new();
        let mut links = HashSet::new();
        let mut url = first;
        for _ in 0..MAX_PAGES {
            // No scope: the pipeline is anonymous and sends no token.
            let request = HttpRequest { method: Method::GET, url, body: None, scope: String::new() };
            let answer = self.pipeline.send(&request).await?;
            let page: RetailPricePage = serde_json::from_slice(&answer.body).map_err(|e| {
                AzureError::local(
                    ErrorKind::Decode,
                    format!("a Retail Prices page was not in its shape: {e}"),
                )
            })?;
            items.extend(page.items);
            match page.next_page_link.filter(|link| !link.is_empty()) {
                Some(link) if links.insert(link.clone()) => url = link,
                Some(link) => {
                    return Err(AzureError::local(
                        ErrorKind::Decode,
                        format!("the Retail Prices API sent the same NextPageLink twice: {link}"),
                    ))
                }
                None => return Ok(items),
            }
        }
        Err(AzureError::local(
            ErrorKind::Decode,
            format!("the Retail Prices answer had more than {MAX_PAGES} pages"),
        ))
    }
}

/// An ISO 4217 code, upper-cased: three letters and nothing that could change the filter.
pub(crate) fn currency_code(currency: &str) -> Result<String, AzureError> {
    let code = currency.trim().to_ascii_uppercase();
    if code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(code)
    } else {
        Err(AzureError::local(
            ErrorKind::InvalidRequest,
            format!("'{currency}' is not a currency code like EUR"),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn client() -> RetailPrices {
        RetailPrices::new(&Cloud::public(), reqwest::Client::new())
    }

    #[test]
    fn the_url_names_the_currency_and_every_meter() {
        let url = client().meter_prices_url(&["a".into(), "b'c".into()], "eur").unwrap();
        assert_eq!(
            url,
            "https://prices.azure.com/api/retail/prices?currencyCode=%27EUR%27\
             &$filter=meterId%20eq%20%27a%27%20or%20meterId%20eq%20%27b%27%27c%27"
        );
    }

    #[test]
    fn a_currency_that_is_not_a_code_is_refused() {
        for bad in ["EURO", "E'R", "", "€"] {
            let error = client().meter_prices_url(&["a".into()], bad).unwrap_err();
            assert_eq!(error.kind, ErrorKind::InvalidRequest, "{bad}");
        }
    }
}
