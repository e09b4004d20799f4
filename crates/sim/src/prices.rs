//! Azure's public Retail Prices API (`GET https://prices.azure.com/api/retail/prices`), served at
//! `/api/retail/prices` for the billing meters the world's catalog names: one item per meter, priced from
//! [`crate::pricing`], filtered by an OData `$filter` of `eq` comparisons over the item's string fields the
//! real API filters on (field names in any case), converted to `currencyCode`, paged 100 items at a time
//! with an absolute `NextPageLink`. Unauthenticated, as the real one is.

use std::collections::HashSet;

use axum::http::{StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};

use crate::errors::arm_error;
use crate::odata::Filter;
use crate::pricing::{self, MeterKind};
use crate::state::SimState;

/// The path it is served at (compared without case).
pub const PATH: &str = "/api/retail/prices";

/// Items per page, as the real API sends them.
pub const PAGE_SIZE: usize = 100;

/// api-versions it answers (none at all is fine too).
const API_VERSIONS: [&str; 2] = ["2023-01-01-preview", "2021-10-01-preview"];

/// Fields a `$filter` may compare, lower-cased (the real API takes them in any case), each with the item
/// field it reads: the documented filterable fields, where `priceType` is the item's `type`. The currency is
/// not among them: it is chosen with the separate `currencyCode` parameter.
const FIELDS: [(&str, &str); 13] = [
    ("armregionname", "armRegionName"),
    ("location", "location"),
    ("meterid", "meterId"),
    ("metername", "meterName"),
    ("productid", "productId"),
    ("skuid", "skuId"),
    ("productname", "productName"),
    ("skuname", "skuName"),
    ("servicename", "serviceName"),
    ("serviceid", "serviceId"),
    ("servicefamily", "serviceFamily"),
    ("pricetype", "type"),
    ("armskuname", "armSkuName"),
];

/// What every item names as its service.
const SERVICE_NAME: &str = "Foundry Models";

/// One billing meter of the catalog, with what prices it.
struct Meter {
    id: String,
    unit: String,
    format: String,
    model: String,
    version: String,
    sku: String,
    kind: MeterKind,
    region: String,
}

/// `GET /api/retail/prices?$filter=…&currencyCode='EUR'&$skip=N`.
pub fn answer(state: &SimState, uri: &Uri) -> Response {
    match page(state, uri) {
        Ok(body) => (StatusCode::OK, Json(body)).into_response(),
        Err(message) => arm_error(StatusCode::BAD_REQUEST, "BadRequest", &message),
    }
}

fn page(state: &SimState, uri: &Uri) -> Result<Value, String> {
    let raw_query = uri.query().unwrap_or_default();
    let param = |name: &str| {
        url::form_urlencoded::parse(raw_query.as_bytes())
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.into_owned())
    };
    if let Some(version) = param("api-version").filter(|v| !API_VERSIONS.contains(&v.as_str())) {
        return Err(format!(
            "The api-version '{version}' is not supported. Supported versions: {}.",
            API_VERSIONS.join(", ")
        ));
    }
    let (currency, factor) = match param("currencyCode") {
        None => ("USD", 1.0),
        Some(code) => {
            let code = code.trim().trim_matches('\'');
            pricing::currency(code).ok_or_else(|| {
                let supported: Vec<&str> = pricing::CURRENCIES.iter().map(|(c, _)| *c).collect();
                format!("Invalid currency code '{code}'. Supported currency codes: {}.", supported.join(", "))
            })?
        }
    };
    let filter = match param("$filter").filter(|f| !f.trim().is_empty()) {
        Some(text) => Some(parse_filter(&text)?),
        None => None,
    };
    let skip = match param("$skip") {
        Some(text) => text.trim().parse::<usize>().map_err(|_| format!("Invalid $skip value '{text}'."))?,
        None => 0,
    };
    let items: Vec<Value> = meters(state)
        .iter()
        .map(|m| item(m, currency, factor))
        .filter(|item| filter.as_ref().is_none_or(|f| f.holds(&|field| field_value(item, field))))
        .collect();
    let total = items.len();
    let items: Vec<Value> = items.into_iter().skip(skip).take(PAGE_SIZE).collect();
    let next = (skip + PAGE_SIZE < total).then(|| next_page_link(state, uri, skip + PAGE_SIZE));
    Ok(json!({
        "BillingCurrency": currency,
        "CustomerEntityId": "Default",
        "CustomerEntityType": "Retail",
        "Count": items.len(),
        "Items": items,
        "NextPageLink": next,
    }))
}

fn parse_filter(text: &str) -> Result<Filter, String> {
    let filter =
        crate::odata::parse(text).map_err(|problem| format!("Invalid OData $filter '{text}': {problem}."))?;
    if let Some(field) = filter.fields().into_iter().find(|f| item_field(f).is_none()) {
        return Err(format!(
            "Invalid OData $filter '{text}': the field '{field}' cannot be filtered on; use armRegionName, \
             location, meterId, meterName, productId, skuId, productName, skuName, serviceName, serviceId, \
             serviceFamily, priceType or armSkuName."
        ));
    }
    Ok(filter)
}

/// The item field a filter's `field` (any case) reads, if it is one the API filters on.
fn item_field(field: &str) -> Option<&'static str> {
    FIELDS.iter().find(|(name, _)| field.eq_ignore_ascii_case(name)).map(|(_, key)| *key)
}

/// An item's value for a filter's `field`, read from the item itself so filters match what is answered.
fn field_value(item: &Value, field: &str) -> Option<String> {
    item.get(item_field(field)?).and_then(Value::as_str).map(str::to_string)
}

/// The same URL with `$skip` moved on: the caller's other parameters are kept verbatim.
fn next_page_link(state: &SimState, uri: &Uri, skip: usize) -> String {
    let mut params: Vec<&str> = uri
        .query()
        .unwrap_or_default()
        .split('&')
        .filter(|p| !p.is_empty())
        .filter(|p| {
            let name = url::form_urlencoded::parse(p.as_bytes()).next().map(|(k, _)| k.into_owned());
            !name.is_some_and(|k| k.eq_ignore_ascii_case("$skip"))
        })
        .collect();
    let skip = format!("$skip={skip}");
    params.push(&skip);
    format!("{}{}?{}", state.base_url, uri.path(), params.join("&"))
}

/// Every meter of every region's catalog, once, in catalog order.
fn meters(state: &SimState) -> Vec<Meter> {
    let world = state.world();
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for region in &world.catalog {
        for entry in &region.models {
            for sku in &entry.model.skus {
                let costs =
                    sku.extra.get("cost").or_else(|| sku.extra.get("costs")).and_then(Value::as_array);
                for cost in costs.into_iter().flatten() {
                    let text =
                        |key: &str| cost.get(key).and_then(Value::as_str).unwrap_or_default().to_string();
                    let (id, name) = (text("meterId"), text("name"));
                    let Some(kind) = MeterKind::of_meter_name(&name, &sku.name) else { continue };
                    if id.is_empty() || !seen.insert(id.clone()) {
                        continue;
                    }
                    let global = sku.name.starts_with("Global") || sku.name.starts_with("DataZone");
                    out.push(Meter {
                        id,
                        unit: text("unit"),
                        format: entry.model.format.clone(),
                        model: entry.model.name.clone(),
                        version: entry.model.version.clone(),
                        sku: sku.name.clone(),
                        kind,
                        region: if global { "global".into() } else { region.location.clone() },
                    });
                }
            }
        }
    }
    out
}

fn item(meter: &Meter, currency: &str, factor: f64) -> Value {
    let price =
        pricing::convert(pricing::usd_price_per(&meter.model, &meter.sku, meter.kind, &meter.unit), factor);
    let version = match meter.version.split('-').collect::<Vec<_>>().as_slice() {
        // A dated version reads as month and day in meter names: 2024-11-20 → 1120.
        [_, month, day] => format!("{month}{day}"),
        _ => meter.version.clone(),
    };
    let kind = match meter.kind {
        MeterKind::Input => "Inp",
        MeterKind::CachedInput => "cchd Inp",
        MeterKind::Output => "Outp",
        MeterKind::Hours => "PTU",
    };
    let sku_name = format!("{} {version} {kind} {}", meter.model, sku_label(&meter.sku));
    let counted = if meter.kind == MeterKind::Hours { "Hours" } else { "Tokens" };
    let product_name = if meter.format == "OpenAI" {
        "Azure OpenAI".to_string()
    } else {
        format!("{} Models", meter.format)
    };
    let product_id = short_id("DZH318", &product_name);
    json!({
        "currencyCode": currency,
        "tierMinimumUnits": 0.0,
        "retailPrice": price,
        "unitPrice": price,
        "armRegionName": meter.region,
        "location": location_name(&meter.region),
        "effectiveStartDate": "2024-10-01T00:00:00Z",
        "meterId": meter.id,
        "meterName": format!("{sku_name} {counted}"),
        "productId": product_id,
        "skuId": format!("{product_id}/{}", &short_id("", &sku_name)[..4]),
        "productName": product_name,
        "skuName": sku_name,
        "serviceName": SERVICE_NAME,
        "serviceId": "DZH312WZ0PK3",
        "serviceFamily": "AI + Machine Learning",
        "unitOfMeasure": meter.unit,
        "type": "Consumption",
        "isPrimaryMeterRegion": true,
        "armSkuName": "",
    })
}

/// How meter names abbreviate a deployment SKU.
fn sku_label(sku: &str) -> &str {
    match sku {
        "Standard" => "regnl",
        "GlobalStandard" => "glbl",
        "DataZoneStandard" => "DZ",
        "GlobalBatch" => "glbl Batch",
        "DataZoneBatch" => "DZ Batch",
        "ProvisionedManaged" => "regnl Prvsnd",
        "GlobalProvisionedManaged" => "glbl Prvsnd",
        "DataZoneProvisionedManaged" => "DZ Prvsnd",
        other => other,
    }
}

/// The Retail Prices API's name of a region (`US East`, not the portal's `East US`).
fn location_name(region: &str) -> String {
    match region {
        "global" => "Global".into(),
        "eastus" => "US East".into(),
        "eastus2" => "US East 2".into(),
        "westus" => "US West".into(),
        "swedencentral" => "SE Central".into(),
        "westeurope" => "EU West".into(),
        other => other.into(),
    }
}

/// A stable 12-character upper-case id like the API's product ids, from `text`.
fn short_id(prefix: &str, text: &str) -> String {
    let guid = crate::catalog::stable_guid(text).replace('-', "").to_ascii_uppercase();
    format!("{prefix}{}", &guid[..12 - prefix.len()])
}
