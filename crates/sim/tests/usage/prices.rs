//! The Retail Prices API for the catalog's billing meters: one item per meter in the catalog's own unit,
//! priced from the seeded table, in the currency asked for, paged with `NextPageLink`.
#![allow(clippy::unwrap_used)] // in the helpers below as in the tests they serve

use std::collections::BTreeMap;

use foundry_sim::pricing::{self, MeterKind};
use foundry_sim::sandbox::SUBSCRIPTION_ID;
use serde_json::Value;

use crate::helpers::{refusal, Sim, ARM_API};

/// A catalog meter: `(model, sku, name, unit)` by meter id, from both regions' catalogs as ARM lists them.
async fn catalog_meters(sim: &Sim) -> BTreeMap<String, (String, String, String, String)> {
    let mut meters = BTreeMap::new();
    for region in foundry_sim::sandbox::REGIONS {
        let path = format!("/subscriptions/{SUBSCRIPTION_ID}/providers/Microsoft.CognitiveServices/locations/{region}/models?{ARM_API}");
        let body: Value = sim.arm_get(&path, &[]).await.json().await.unwrap();
        for entry in body["value"].as_array().unwrap() {
            for sku in entry["model"]["skus"].as_array().unwrap() {
                for cost in sku["cost"].as_array().unwrap() {
                    let text = |v: &Value| v.as_str().unwrap().to_string();
                    meters.insert(
                        text(&cost["meterId"]),
                        (
                            text(&entry["model"]["name"]),
                            text(&sku["name"]),
                            text(&cost["name"]),
                            text(&cost["unit"]),
                        ),
                    );
                }
            }
        }
    }
    meters
}

fn meter_id<'a>(meters: &'a BTreeMap<String, (String, String, String, String)>, name: &str) -> &'a str {
    meters.iter().find(|(_, m)| m.2 == name).map(|(id, _)| id.as_str()).unwrap()
}

async fn prices(sim: &Sim, query: &str) -> reqwest::Response {
    sim.client.get(format!("{}/api/retail/prices?{query}", sim.base())).send().await.unwrap()
}

async fn prices_json(sim: &Sim, query: &str) -> Value {
    let response = prices(sim, query).await;
    assert_eq!(response.status(), 200, "{query}");
    response.json().await.unwrap()
}

#[tokio::test]
async fn two_meter_ids_give_both_items_in_the_catalogs_units_at_the_seeded_prices() {
    let sim = Sim::fast().await;
    let meters = catalog_meters(&sim).await;
    let old = meter_id(&meters, "gpt-4o-2024-11-20-Inp-GlobalStandard");
    let new = meter_id(&meters, "gpt-4.1-2025-04-14-Outp-GlobalStandard");
    let body = prices_json(&sim, &format!("$filter=meterId eq '{old}' or meterId eq '{new}'")).await;
    assert_eq!(
        (&body["BillingCurrency"], &body["CustomerEntityId"], &body["CustomerEntityType"]),
        (&"USD".into(), &"Default".into(), &"Retail".into())
    );
    assert_eq!(body["Count"], 2);
    assert!(body["NextPageLink"].is_null());
    let items = body["Items"].as_array().unwrap();
    let item = |id: &str| items.iter().find(|i| i["meterId"] == id).unwrap();
    let (gpt4o, gpt41) = (item(old), item(new));
    // gpt-4o is priced per 1K tokens ($2.50 per million in), gpt-4.1 per million ($8 out).
    assert_eq!((gpt4o["unitOfMeasure"].as_str(), gpt4o["retailPrice"].as_f64()), (Some("1K"), Some(0.0025)));
    assert_eq!((gpt41["unitOfMeasure"].as_str(), gpt41["retailPrice"].as_f64()), (Some("1M"), Some(8.0)));
    assert_eq!(gpt4o["retailPrice"], gpt4o["unitPrice"]);
    assert_eq!(
        gpt4o["retailPrice"].as_f64(),
        Some(pricing::usd_price("gpt-4o", "GlobalStandard", MeterKind::Input))
    );
    for item in [gpt4o, gpt41] {
        assert_eq!(item["currencyCode"], "USD");
        assert_eq!(item["type"], "Consumption");
        assert_eq!(item["serviceName"], "Foundry Models");
        assert_eq!(item["serviceFamily"], "AI + Machine Learning");
        assert_eq!(item["armRegionName"], "global");
        assert_eq!(item["tierMinimumUnits"].as_f64(), Some(0.0));
        assert_eq!(item["isPrimaryMeterRegion"], true);
        for field in [
            "meterName",
            "productName",
            "skuName",
            "productId",
            "skuId",
            "serviceId",
            "location",
            "effectiveStartDate",
        ] {
            assert!(item[field].as_str().is_some_and(|v| !v.is_empty()), "{field}: {item}");
        }
    }
    assert_eq!(gpt4o["productName"], "Azure OpenAI");

    // Parenthesised, with a region, and the api-version the portal's calculator sends.
    let narrowed = prices_json(
        &sim,
        &format!("api-version=2023-01-01-preview&$filter=(meterId eq '{old}' or meterId eq '{new}') and armRegionName eq 'eastus'"),
    )
    .await;
    assert_eq!(narrowed["Count"], 0);
    let regional = meter_id(&meters, "gpt-4o-2024-11-20-Hours-ProvisionedManaged");
    let body = prices_json(
        &sim,
        &format!(
            "$filter=MeterId eq '{regional}' and ArmRegionName eq 'eastus' and priceType eq 'Consumption'"
        ),
    )
    .await;
    let hourly = &body["Items"][0];
    assert_eq!(
        (hourly["unitOfMeasure"].as_str(), hourly["retailPrice"].as_f64()),
        (Some("1 Hour"), Some(2.0))
    );
}

#[tokio::test]
async fn a_currency_converts_the_price_and_names_itself() {
    let sim = Sim::fast().await;
    let meters = catalog_meters(&sim).await;
    let cached = meter_id(&meters, "o4-mini-2025-04-16-cchd-Inp-GlobalStandard");
    let usd = prices_json(&sim, &format!("$filter=meterId eq '{cached}'")).await;
    let eur = prices_json(&sim, &format!("currencyCode='EUR'&$filter=meterId eq '{cached}'")).await;
    assert_eq!(usd["Items"][0]["retailPrice"].as_f64(), Some(0.55), "half of o4-mini's $1.10 input");
    assert_eq!(eur["BillingCurrency"], "EUR");
    assert_eq!(eur["Items"][0]["currencyCode"], "EUR");
    assert_eq!(eur["Items"][0]["retailPrice"].as_f64(), Some(0.506));
    assert_eq!(eur["Items"][0]["unitOfMeasure"], "1M");
    let (status, body) = refusal(prices(&sim, "currencyCode='XYZ'").await).await;
    assert_eq!(status, 400);
    assert!(body["error"]["message"].as_str().unwrap().contains("XYZ"));
}

#[tokio::test]
async fn next_page_links_return_every_meter_exactly_once_in_the_catalogs_unit() {
    let sim = Sim::fast().await;
    let meters = catalog_meters(&sim).await;
    assert!(meters.len() > foundry_sim::PRICES_PAGE_SIZE, "the catalog must need more than one page");
    let mut url = format!(
        "{}/api/retail/prices?currencyCode='GBP'&$filter=serviceName eq 'Foundry Models'",
        sim.base()
    );
    let mut seen: BTreeMap<String, Value> = BTreeMap::new();
    let mut pages = 0;
    loop {
        let body: Value = sim.client.get(&url).send().await.unwrap().json().await.unwrap();
        pages += 1;
        let items = body["Items"].as_array().unwrap();
        assert_eq!(body["Count"].as_u64(), Some(items.len() as u64));
        for item in items {
            let id = item["meterId"].as_str().unwrap().to_string();
            assert!(seen.insert(id.clone(), item.clone()).is_none(), "{id} twice");
        }
        match body["NextPageLink"].as_str() {
            Some(next) => {
                assert!(
                    next.starts_with(&sim.base()) && next.contains("$skip=") && next.contains("currencyCode"),
                    "{next}"
                );
                url = next.to_string();
            }
            None => break,
        }
        assert!(pages < 10, "paging does not end");
    }
    assert_eq!(pages, meters.len().div_ceil(foundry_sim::PRICES_PAGE_SIZE));
    assert_eq!(seen.keys().collect::<Vec<_>>(), meters.keys().collect::<Vec<_>>());
    for (id, (model, sku, name, unit)) in &meters {
        let item = &seen[id];
        assert_eq!(item["unitOfMeasure"].as_str(), Some(unit.as_str()), "{name}");
        assert_eq!(item["currencyCode"], "GBP");
        let kind = MeterKind::of_meter_name(name, sku).unwrap();
        let usd = pricing::usd_price(model, sku, kind);
        assert_eq!(item["retailPrice"].as_f64(), Some(pricing::convert(usd, 0.79)), "{name}");
    }
}

#[tokio::test]
async fn a_filter_outside_the_grammar_is_a_400_with_a_json_body() {
    let sim = Sim::fast().await;
    for filter in [
        "meterId ne 'a'",
        "contains(meterId, 'a')",
        "meterId eq 'a",
        "color eq 'blue'",
        "productName ne 'Azure OpenAI'",
        "(meterId eq 'a'",
    ] {
        let (status, body) = refusal(prices(&sim, &format!("$filter={filter}")).await).await;
        assert_eq!(status, 400, "{filter}");
        assert!(body["error"]["message"].as_str().is_some_and(|m| m.contains("$filter")), "{filter}: {body}");
    }
    let (status, _) = refusal(prices(&sim, "api-version=1999-01-01").await).await;
    assert_eq!(status, 400);
    let (status, _) = refusal(prices(&sim, "$skip=many").await).await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn any_documented_string_field_filters_in_any_case() {
    let sim = Sim::fast().await;
    let meters = catalog_meters(&sim).await;
    let openai = prices_json(&sim, "$filter=productName eq 'Azure OpenAI'").await;
    let items = openai["Items"].as_array().unwrap();
    assert!(!items.is_empty());
    assert!(items.iter().all(|i| i["productName"] == "Azure OpenAI"), "{openai}");
    let gpt4o = meter_id(&meters, "gpt-4o-2024-11-20-Inp-GlobalStandard");
    assert!(items.iter().any(|i| i["meterId"] == gpt4o), "an OpenAI meter is kept");
    let others = prices_json(&sim, "$filter=PRODUCTNAME eq 'Azure OpenAI'").await;
    assert_eq!(others["Items"], openai["Items"], "field names are read without case");
    let none = prices_json(&sim, "$filter=productName eq 'Nothing Like It'").await;
    assert_eq!(none["Count"], 0);
    let (mistral_id, _) = meters.iter().find(|(_, m)| m.0 == "Mistral-Large-2411").unwrap();
    let mistral = prices_json(&sim, &format!("$filter=meterId eq '{mistral_id}'")).await;
    assert_eq!(mistral["Items"][0]["productName"], "Mistral AI Models");
    let narrowed =
        prices_json(&sim, &format!("$filter=meterId eq '{mistral_id}' and productName eq 'Azure OpenAI'"))
            .await;
    assert_eq!(narrowed["Count"], 0, "another product's meter is filtered out");

    // Each field the API filters on finds the item it was read from.
    let item = &prices_json(&sim, &format!("$filter=meterId eq '{gpt4o}'")).await["Items"][0];
    for (field, key) in [
        ("armRegionName", "armRegionName"),
        ("Location", "location"),
        ("meterName", "meterName"),
        ("productId", "productId"),
        ("skuId", "skuId"),
        ("skuName", "skuName"),
        ("serviceId", "serviceId"),
        ("serviceFamily", "serviceFamily"),
        ("priceType", "type"),
    ] {
        // Encoded as a client sends it: serviceFamily's '+' would otherwise arrive as a space.
        let value: String =
            url::form_urlencoded::byte_serialize(item[key].as_str().unwrap().as_bytes()).collect();
        let filter = format!("$filter=meterId eq '{gpt4o}' and {field} eq '{value}'");
        let found = prices_json(&sim, &filter).await;
        assert_eq!(found["Count"], 1, "{filter}");
        let missed = prices_json(&sim, &format!("$filter={field} eq '{value}-not'")).await;
        assert_eq!(missed["Count"], 0, "{field}");
    }
    let unnamed = prices_json(&sim, &format!("$filter=meterId eq '{gpt4o}' and armSkuName eq ''")).await;
    assert_eq!(unnamed["Count"], 1, "armSkuName is empty for model meters");
}
