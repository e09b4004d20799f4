//! The Retail Prices client and price book over loopback to a stub: the request (URL, filter, currency, no
//! token), paging, batching, and the cache (fresh, stale, offline, corrupt).
#![allow(clippy::unwrap_used)] // test steps: a failed call should fail the test loudly

mod stub;

use std::time::Duration;

use chrono::{DateTime, SubsecRound, Utc};
use foundry_azure::cloud::Cloud;
use foundry_azure::http::RetryPolicy;
use foundry_azure::prices::{CachedMeter, CachedPrices, PriceBook, PriceCache, RetailPrice, RetailPrices};
use foundry_azure::ErrorKind;
use serde_json::{json, Value};
use stub::{answer, Scripted, Stub};
use url::Url;

fn prices_at(base: &str) -> RetailPrices {
    let once = RetryPolicy {
        max_attempts: 1,
        base_delay: Duration::from_millis(1),
        max_delay: Duration::from_secs(1),
    };
    RetailPrices::new(&Cloud::at("stub", &Url::parse(base).unwrap()), reqwest::Client::new()).with_retry(once)
}

/// A loopback address nothing listens on: the prices host is down.
fn dead_address() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    drop(listener);
    format!("http://{address}")
}

fn item(meter_id: &str, region: &str, price: f64) -> Value {
    json!({
        "currencyCode": "EUR", "tierMinimumUnits": 0.0, "retailPrice": price, "unitPrice": price,
        "armRegionName": region, "location": "Somewhere", "effectiveStartDate": "2025-08-01T00:00:00Z",
        "meterId": meter_id, "meterName": "gpt-4o-0806-Inp-glbl", "productName": "Azure OpenAI",
        "skuName": "gpt-4o-0806-Inp-glbl", "serviceName": "Cognitive Services", "unitOfMeasure": "1M",
        "type": "Consumption", "isPrimaryMeterRegion": true, "serviceFamily": "AI + Machine Learning"
    })
}

fn page(items: &[Value], next: Option<&str>) -> Scripted {
    let body = json!({"BillingCurrency": "EUR", "CustomerEntityId": "Default", "Items": items,
                      "NextPageLink": next, "Count": items.len()});
    answer(200, &[], &body.to_string())
}

fn ids(ids: &[&str]) -> Vec<String> {
    ids.iter().map(|id| id.to_string()).collect()
}

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text).unwrap().with_timezone(&Utc)
}

fn day() -> chrono::Duration {
    chrono::Duration::days(1)
}

/// A cache file holding `meter_id` at `price`, fetched at `fetched_at`.
fn cache_with(dir: &tempfile::TempDir, entries: &[(&str, f64, DateTime<Utc>)]) -> PriceCache {
    let cache = PriceCache::new(dir.path().join("prices.json"));
    let mut prices = CachedPrices::default();
    for (meter_id, price, fetched_at) in entries {
        let items: Vec<RetailPrice> =
            vec![serde_json::from_value(item(meter_id, "swedencentral", *price)).unwrap()];
        prices.insert("EUR", meter_id, CachedMeter { fetched_at: *fetched_at, items });
    }
    cache.save(&prices).unwrap();
    cache
}

#[tokio::test]
async fn the_request_names_the_currency_and_each_meter_and_carries_no_token() {
    let stub =
        Stub::start(vec![page(&[item("m-1", "swedencentral", 2.5), item("m-2", "", 10.0)], None)]).await;
    let items = prices_at(&stub.base).meter_prices(&ids(&["m-1", "m-2", "M-1"]), "usd").await.unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(
        (items[0].meter_id.as_str(), items[0].retail_price, items[0].unit_of_measure.as_str()),
        ("m-1", 2.5, "1M")
    );
    let seen = stub.seen();
    assert_eq!(seen.len(), 1);
    assert_eq!(
        seen[0].uri,
        "/api/retail/prices?currencyCode=%27USD%27&$filter=meterId%20eq%20%27m-1%27%20or%20meterId%20eq%20%27m-2%27"
    );
    assert!(!seen[0].headers.contains_key("authorization"), "the public prices API gets no token");
}

#[tokio::test]
async fn pages_are_followed_and_each_item_comes_once() {
    let next = "{base}/api/retail/prices?currencyCode='EUR'&$filter=meterId%20eq%20'm-1'&$skip=2";
    let stub = Stub::start(vec![
        page(&[item("m-1", "eastus", 1.0), item("m-1", "westus", 2.0)], Some(next)),
        page(&[item("m-1", "swedencentral", 3.0)], None),
    ])
    .await;
    let items = prices_at(&stub.base).meter_prices(&ids(&["m-1"]), "EUR").await.unwrap();
    let prices: Vec<f64> = items.iter().map(|i| i.retail_price).collect();
    assert_eq!(prices, vec![1.0, 2.0, 3.0]);
    let seen = stub.seen();
    assert_eq!(seen.len(), 2);
    assert!(seen[1].uri.ends_with("&$skip=2"), "{}", seen[1].uri);
}

#[tokio::test]
async fn a_page_link_seen_twice_is_an_error_not_a_loop() {
    let next = "{base}/api/retail/prices?page=2";
    let stub = Stub::start(vec![page(&[], Some(next)), page(&[], Some(next)), page(&[], None)]).await;
    let error = prices_at(&stub.base).meter_prices(&ids(&["m-1"]), "EUR").await.unwrap_err();
    assert_eq!(error.kind, ErrorKind::Decode);
    assert_eq!(stub.seen().len(), 2);
}

#[tokio::test]
async fn twenty_five_meters_go_in_three_requests() {
    let meters: Vec<String> = (0..25).map(|i| format!("m-{i:02}")).collect();
    let stub = Stub::start(vec![page(&[], None), page(&[], None), page(&[], None)]).await;
    prices_at(&stub.base).meter_prices(&meters, "EUR").await.unwrap();
    let seen = stub.seen();
    let per_request: Vec<usize> = seen.iter().map(|s| s.uri.matches("meterId%20eq").count()).collect();
    assert_eq!(per_request, vec![10, 10, 5]);
    assert!(seen[2].uri.contains("%27m-20%27") && seen[2].uri.ends_with("%27m-24%27"));
}

#[tokio::test]
async fn a_second_lookup_is_answered_from_the_cache() {
    let dir = tempfile::tempdir().unwrap();
    let stub =
        Stub::start(vec![page(&[item("m-1", "eastus", 1.0), item("m-1", "swedencentral", 2.0)], None)]).await;
    let book = PriceBook::new(prices_at(&stub.base), PriceCache::new(dir.path().join("prices.json")));
    let first = book.lookup(&ids(&["m-1", "m-2"]), "EUR", Some("swedencentral"), day()).await.unwrap();
    assert_eq!(first.price("M-1").unwrap().price.retail_price, 2.0);
    assert_eq!(first.missing, ids(&["m-2"]), "Azure lists no m-2");
    assert_eq!(first.offline, None);
    let second = book.lookup(&ids(&["m-1", "m-2"]), "eur", Some("eastus"), day()).await.unwrap();
    assert_eq!(stub.seen().len(), 1, "the second lookup makes no request");
    assert_eq!(second.price("m-1").unwrap().price.retail_price, 1.0, "another region's item, from the cache");
    assert_eq!((second.as_of, second.missing.clone()), (first.as_of, ids(&["m-2"])));
}

#[tokio::test]
async fn stale_entries_are_fetched_again_and_fresh_ones_are_not() {
    let dir = tempfile::tempdir().unwrap();
    let now = Utc::now();
    let cache = cache_with(&dir, &[("m-fresh", 1.0, now), ("m-stale", 5.0, now - chrono::Duration::days(3))]);
    let stub = Stub::start(vec![page(&[item("m-stale", "swedencentral", 6.0)], None)]).await;
    let book = PriceBook::new(prices_at(&stub.base), cache.clone());
    let lookup = book.lookup(&ids(&["m-fresh", "m-stale"]), "EUR", None, day()).await.unwrap();
    let seen = stub.seen();
    assert_eq!(seen.len(), 1);
    assert!(seen[0].uri.contains("m-stale") && !seen[0].uri.contains("m-fresh"), "{}", seen[0].uri);
    assert_eq!(lookup.price("m-stale").unwrap().price.retail_price, 6.0);
    assert!(lookup.price("m-stale").unwrap().fetched_at >= now.trunc_subsecs(0));
    assert_eq!(lookup.as_of, Some(lookup.price("m-fresh").unwrap().fetched_at), "the oldest price used");
    assert_eq!(lookup.price("m-fresh").unwrap().price.retail_price, 1.0);
    assert_eq!(
        cache.load().get("EUR", "m-stale").unwrap().items[0].retail_price,
        6.0,
        "the refetch is saved"
    );
}

#[tokio::test]
async fn when_azure_is_unreachable_cached_prices_come_with_their_date_and_offline_set() {
    let dir = tempfile::tempdir().unwrap();
    let fetched = at("2025-11-03T10:00:00Z");
    let book = PriceBook::new(prices_at(&dead_address()), cache_with(&dir, &[("m-1", 2.5, fetched)]));
    let lookup = book.lookup(&ids(&["m-1", "m-2"]), "EUR", None, day()).await.unwrap();
    assert_eq!(lookup.price("m-1").unwrap().price.retail_price, 2.5);
    assert_eq!(lookup.price("m-1").unwrap().fetched_at, fetched);
    assert_eq!(lookup.as_of, Some(fetched));
    assert_eq!(lookup.missing, ids(&["m-2"]));
    let offline = lookup.offline.unwrap();
    assert!(offline.contains("could not reach"), "{offline}");
}

#[tokio::test]
async fn when_azure_is_unreachable_and_nothing_is_cached_the_error_is_returned() {
    let dir = tempfile::tempdir().unwrap();
    let book = PriceBook::new(prices_at(&dead_address()), PriceCache::new(dir.path().join("prices.json")));
    let error = book.lookup(&ids(&["m-1"]), "EUR", None, day()).await.unwrap_err();
    assert_eq!(error.kind, ErrorKind::Network);
}

#[tokio::test]
async fn a_corrupt_cache_file_counts_as_empty_and_is_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("prices.json");
    std::fs::write(&path, b"{\"currencies\": {\"EUR\": [truncated").unwrap();
    let stub = Stub::start(vec![page(&[item("m-1", "swedencentral", 2.5)], None)]).await;
    let book = PriceBook::new(prices_at(&stub.base), PriceCache::new(&path));
    let lookup = book.lookup(&ids(&["m-1"]), "EUR", None, day()).await.unwrap();
    assert_eq!(lookup.price("m-1").unwrap().price.retail_price, 2.5);
    assert_eq!(stub.seen().len(), 1);
    let saved: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(saved["currencies"]["EUR"]["m-1"]["items"][0]["retailPrice"], 2.5);
}

#[tokio::test]
async fn two_lookups_finishing_together_both_keep_what_they_fetched_in_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("prices.json");
    let stub = Stub::start(vec![
        page(&[item("m-a", "eastus", 1.0), item("m-b", "eastus", 2.0)], None),
        page(&[item("m-a", "eastus", 1.0), item("m-b", "eastus", 2.0)], None),
    ])
    .await;
    // Two books on one file, as the usage tab and the playground each make their own.
    let first = PriceBook::new(prices_at(&stub.base), PriceCache::new(&path));
    let second = PriceBook::new(prices_at(&stub.base), PriceCache::new(&path));
    let (only_a, only_b) = (ids(&["m-a"]), ids(&["m-b"]));
    let (a, b) =
        tokio::join!(first.lookup(&only_a, "USD", None, day()), second.lookup(&only_b, "USD", None, day()),);
    assert_eq!(a.unwrap().price("m-a").unwrap().price.retail_price, 1.0);
    assert_eq!(b.unwrap().price("m-b").unwrap().price.retail_price, 2.0);
    let saved = PriceCache::new(&path).load();
    assert!(
        saved.get("USD", "m-a").is_some() && saved.get("USD", "m-b").is_some(),
        "neither write lost the other"
    );
    let again = PriceBook::new(prices_at(&stub.base), PriceCache::new(&path));
    again.lookup(&ids(&["m-a", "m-b"]), "USD", None, day()).await.unwrap();
    assert_eq!(stub.seen().len(), 2, "both are answered from the file now");
}
