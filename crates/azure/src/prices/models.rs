//! The Retail Prices API's answer: a PascalCase page of camelCase items, one item per meter, region
//! and price type. Unknown fields are ignored; descriptive fields Azure leaves out decode as empty.

use serde::{Deserialize, Serialize};

use super::unit::{MeterKind, PriceUnit};
use crate::arm::models::lenient::null_as_default;

/// One page of `GET /api/retail/prices`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct RetailPricePage {
    /// The currency of the page (`EUR`).
    #[serde(default)]
    pub billing_currency: Option<String>,
    /// The prices on this page.
    #[serde(default, deserialize_with = "null_as_default")]
    pub items: Vec<RetailPrice>,
    /// The next page, absolute, when there is one.
    #[serde(default)]
    pub next_page_link: Option<String>,
    /// How many items this page holds.
    #[serde(default)]
    pub count: Option<u64>,
}

/// The retail price of one meter in one region, as Azure lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RetailPrice {
    /// The meter's GUID, as the model catalog's `costs[].meterId` names it.
    pub meter_id: String,
    /// The currency of the amounts (`EUR`).
    #[serde(default)]
    pub currency_code: String,
    /// The price of one `unit_of_measure` before any discount.
    pub retail_price: f64,
    /// The price of one `unit_of_measure` (the same as `retail_price` for pay-as-you-go).
    #[serde(default)]
    pub unit_price: f64,
    /// What one price buys: `1K`, `1M`, `1 Hour`, … (see [`PriceUnit`]).
    #[serde(default)]
    pub unit_of_measure: String,
    /// The region (`swedencentral`); empty for global meters.
    #[serde(default)]
    pub arm_region_name: String,
    /// The region for people (`Sweden Central`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// The meter's name, e.g. `gpt-4o-0806-Inp-glbl` (see [`MeterKind`]).
    #[serde(default)]
    pub meter_name: String,
    /// The product (`Azure OpenAI`).
    #[serde(default)]
    pub product_name: String,
    /// The SKU (`gpt-4o-0806-Inp-glbl`).
    #[serde(default)]
    pub sku_name: String,
    /// The service (`Foundry Models`, `Cognitive Services`).
    #[serde(default)]
    pub service_name: String,
    /// `Consumption`, `Reservation`, `DevTestConsumption`.
    #[serde(default, rename = "type")]
    pub price_type: String,
    /// When this price took effect (RFC 3339, as Azure wrote it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_start_date: Option<String>,
    /// The usage from which this price applies, for tiered meters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier_minimum_units: Option<f64>,
}

impl RetailPrice {
    /// What one price buys, when the unit is one this client reads.
    pub fn unit(&self) -> Option<PriceUnit> {
        PriceUnit::parse(&self.unit_of_measure)
    }

    /// What the meter bills: input, cached input or output tokens, hours, or something else.
    pub fn meter_kind(&self) -> MeterKind {
        MeterKind::classify(&self.meter_name, &self.unit_of_measure)
    }

    /// Whether this is the plain pay-as-you-go price (not a reservation or dev/test price).
    pub fn is_consumption(&self) -> bool {
        self.price_type.eq_ignore_ascii_case("Consumption")
    }
}

/// The item to use for a meter among those Azure lists (one per region, tier or price type): the one in
/// `region` if given, pay-as-you-go before others, the lowest tier; else the first.
pub fn choose<'a>(items: &'a [RetailPrice], region: Option<&str>) -> Option<&'a RetailPrice> {
    let rank = |item: &RetailPrice| {
        let in_region = region.is_some_and(|r| item.arm_region_name.eq_ignore_ascii_case(r));
        let tier = item.tier_minimum_units.unwrap_or(0.0);
        (!in_region, !item.is_consumption(), tier > 0.0)
    };
    // min_by_key keeps the first of equals, so Azure's order decides ties.
    items.iter().min_by_key(|item| rank(item))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"{"BillingCurrency":"EUR","CustomerEntityId":"Default","Items":[
        {"currencyCode":"EUR","tierMinimumUnits":0.0,"retailPrice":0.00233,"unitPrice":0.00233,
         "armRegionName":"swedencentral","location":"SE Central","effectiveStartDate":"2024-08-01T00:00:00Z",
         "meterId":"m-1","meterName":"gpt-4o-0806-Inp-glbl","productId":"DZH318Z0BQ4P","skuId":"x/0007",
         "productName":"Azure OpenAI","skuName":"gpt-4o-0806-Inp-glbl","serviceName":"Cognitive Services",
         "serviceId":"DZH318Z0BQ4P","serviceFamily":"AI + Machine Learning","unitOfMeasure":"1K",
         "type":"Consumption","isPrimaryMeterRegion":true,"armSkuName":""}],
        "NextPageLink":null,"Count":1}"#;

    #[test]
    fn a_real_shaped_page_decodes_ignoring_unknown_fields() {
        let page: RetailPricePage = serde_json::from_str(PAGE).unwrap();
        assert_eq!(page.billing_currency.as_deref(), Some("EUR"));
        assert_eq!((page.count, page.next_page_link), (Some(1), None));
        let item = &page.items[0];
        assert_eq!((item.meter_id.as_str(), item.retail_price), ("m-1", 0.00233));
        assert_eq!(item.meter_kind(), MeterKind::Input);
        assert!(item.is_consumption());
        let again: RetailPrice = serde_json::from_value(serde_json::to_value(item).unwrap()).unwrap();
        assert_eq!(&again, item);
    }

    #[test]
    fn a_sparse_item_and_a_null_item_list_decode() {
        let page: RetailPricePage =
            serde_json::from_str(r#"{"Items":[{"meterId":"m","retailPrice":1}],"Surprise":1}"#).unwrap();
        assert_eq!(page.items[0].arm_region_name, "");
        let page: RetailPricePage = serde_json::from_str(r#"{"Items":null}"#).unwrap();
        assert!(page.items.is_empty());
    }

    #[test]
    fn the_region_then_pay_as_you_go_then_the_first_is_chosen() {
        let item = |region: &str, kind: &str, price: f64| RetailPrice {
            arm_region_name: region.into(),
            price_type: kind.into(),
            retail_price: price,
            ..serde_json::from_str(r#"{"meterId":"m","retailPrice":0}"#).unwrap()
        };
        let items = [
            item("eastus", "DevTestConsumption", 1.0),
            item("eastus", "Consumption", 2.0),
            item("swedencentral", "Consumption", 3.0),
            item("swedencentral", "Consumption", 4.0),
        ];
        assert_eq!(choose(&items, Some("SwedenCentral")).unwrap().retail_price, 3.0);
        assert_eq!(choose(&items, None).unwrap().retail_price, 2.0);
        assert_eq!(choose(&items, Some("westus")).unwrap().retail_price, 2.0);
        assert!(choose(&[], None).is_none());
    }
}
