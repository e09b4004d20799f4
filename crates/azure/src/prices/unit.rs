//! What a price is for: the unit of measure (`1K` tokens, `1 Hour`, …), what a meter bills (input,
//! cached input, output, hours), and the arithmetic from a listed price to a cost.

use super::models::RetailPrice;

/// What a unit of measure counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitKind {
    /// Tokens (`1K`, `1M`: on Azure OpenAI meters a bare multiplier counts tokens).
    Tokens,
    /// Hours (`1 Hour`, `1/Hour`, `100 Hours`): provisioned throughput units.
    Hours,
    /// Anything else (`1 GB`, `1/Month`, images): listed, but no cost is computed from it.
    Other,
}

/// A parsed unit of measure: one price buys `quantity` of `kind`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PriceUnit {
    /// How many units one price covers (1000 for `1K`).
    pub quantity: f64,
    /// What is counted.
    pub kind: UnitKind,
}

impl PriceUnit {
    /// Reads `1K`, `10K`, `1M`, `1 Hour`, `1/Hour`, `100 Hours`, `1 GB`, …; `None` without a leading number.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        let digits = text.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(text.len());
        let number: f64 = text[..digits].parse().ok().filter(|n: &f64| n.is_finite() && *n > 0.0)?;
        let rest = text[digits..].trim_start().trim_start_matches('/').trim().to_ascii_lowercase();
        let (multiplier, kind) = match rest.as_str() {
            "k" => (1_000.0, UnitKind::Tokens),
            "m" => (1_000_000.0, UnitKind::Tokens),
            "hour" | "hours" | "hr" | "hrs" | "h" => (1.0, UnitKind::Hours),
            _ => (1.0, UnitKind::Other),
        };
        Some(Self { quantity: number * multiplier, kind })
    }
}

/// What a meter bills, read from its name (and unit).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeterKind {
    /// Prompt tokens.
    Input,
    /// Prompt tokens served from the prompt cache (cheaper).
    CachedInput,
    /// Completion tokens.
    Output,
    /// Provisioned throughput, per PTU-hour whether used or not.
    Hourly,
    /// Something else (images, audio, fine-tuning hosting, …).
    Other,
}

impl MeterKind {
    /// Classifies a meter: `gpt-4o-2024-08-06-cchd-Inp-GlobalStandard`, `gpt 4o 0806 cached Inp glbl`
    /// (words in any case, split on spaces, `-` or `_`). An hourly unit or an `Hours` word is hourly;
    /// "cchd"/"cached" wins over "inp"/"input", which a cached meter's name also has.
    pub fn classify(meter_name: &str, unit_of_measure: &str) -> Self {
        let name = meter_name.to_ascii_lowercase();
        let words: Vec<&str> = name.split(|c: char| !c.is_ascii_alphanumeric()).collect();
        let has = |options: &[&str]| words.iter().any(|word| options.contains(word));
        let hourly_unit = PriceUnit::parse(unit_of_measure).is_some_and(|unit| unit.kind == UnitKind::Hours);
        if hourly_unit || has(&["hour", "hours", "hr", "hrs"]) {
            Self::Hourly
        } else if has(&["cchd", "cached", "cache"]) {
            Self::CachedInput
        } else if has(&["inp", "input"]) {
            Self::Input
        } else if has(&["outp", "output"]) {
            Self::Output
        } else {
            Self::Other
        }
    }
}

/// The price of a million tokens, when the price is per tokens (`1K` at 0.0025 → 2.5).
pub fn price_per_million_tokens(price: &RetailPrice) -> Option<f64> {
    let unit = price.unit().filter(|unit| unit.kind == UnitKind::Tokens)?;
    Some(price.retail_price * (1_000_000.0 / unit.quantity))
}

/// The price of one hour, when the price is per hours (`100 Hours` at 50 → 0.5).
pub fn price_per_hour(price: &RetailPrice) -> Option<f64> {
    let unit = price.unit().filter(|unit| unit.kind == UnitKind::Hours)?;
    Some(price.retail_price / unit.quantity)
}

/// What `tokens` cost at `per_million` a million.
pub fn token_cost(tokens: u64, per_million: f64) -> f64 {
    tokens as f64 * per_million / 1_000_000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    fn priced(retail_price: f64, unit_of_measure: &str) -> RetailPrice {
        let json = serde_json::json!({"meterId": "m", "retailPrice": retail_price, "unitOfMeasure": unit_of_measure});
        serde_json::from_value(json).unwrap()
    }

    #[test]
    fn units_of_measure_are_read() {
        let unit = |text| PriceUnit::parse(text).map(|u| (u.quantity, u.kind));
        assert_eq!(unit("1K"), Some((1_000.0, UnitKind::Tokens)));
        assert_eq!(unit("10K"), Some((10_000.0, UnitKind::Tokens)));
        assert_eq!(unit("1M"), Some((1_000_000.0, UnitKind::Tokens)));
        assert_eq!(unit("1 Hour"), Some((1.0, UnitKind::Hours)));
        assert_eq!(unit("1/Hour"), Some((1.0, UnitKind::Hours)));
        assert_eq!(unit("100 Hours"), Some((100.0, UnitKind::Hours)));
        assert_eq!(unit("1 GB"), Some((1.0, UnitKind::Other)));
        assert_eq!(unit("1/Month"), Some((1.0, UnitKind::Other)));
        assert_eq!(unit("Hour"), None);
        assert_eq!(unit("0 Hours"), None);
        assert_eq!(unit(""), None);
    }

    #[test]
    fn meters_are_classified_from_catalog_and_real_names() {
        let kind = |name| MeterKind::classify(name, "1K");
        assert_eq!(kind("gpt-4o-2024-08-06-Inp-GlobalStandard"), MeterKind::Input);
        assert_eq!(kind("gpt-4o-2024-08-06-cchd-Inp-GlobalStandard"), MeterKind::CachedInput);
        assert_eq!(kind("gpt-4o-2024-08-06-Outp-GlobalStandard"), MeterKind::Output);
        assert_eq!(kind("gpt-4o-0806-Inp-glbl"), MeterKind::Input);
        assert_eq!(kind("gpt 4o 0806 cached Inp glbl"), MeterKind::CachedInput);
        assert_eq!(kind("GPT-4O-MINI-0718-OUTP-GLBL"), MeterKind::Output);
        assert_eq!(kind("gpt 4o 0513 Input regional Tokens"), MeterKind::Input);
        assert_eq!(kind("dall-e-3-images"), MeterKind::Other);
        assert_eq!(MeterKind::classify("gpt-4o-Hours-ProvisionedManaged", "1K"), MeterKind::Hourly);
        assert_eq!(MeterKind::classify("Provisioned Managed Global Unit", "1 Hour"), MeterKind::Hourly);
        // A model name containing the letters "inp" or "out" is no input or output word.
        assert_eq!(kind("inpainting-v2-images"), MeterKind::Other);
    }

    #[test]
    fn prices_per_million_tokens_and_per_hour() {
        assert!(close(price_per_million_tokens(&priced(0.0025, "1K")).unwrap(), 2.5));
        assert!(close(price_per_million_tokens(&priced(2.5, "1M")).unwrap(), 2.5));
        assert!(close(price_per_million_tokens(&priced(0.025, "10K")).unwrap(), 2.5));
        assert_eq!(price_per_million_tokens(&priced(2.0, "1 Hour")), None);
        assert_eq!(price_per_million_tokens(&priced(0.1, "1 GB")), None);
        assert_eq!(price_per_hour(&priced(2.0, "1 Hour")), Some(2.0));
        assert_eq!(price_per_hour(&priced(50.0, "100 Hours")), Some(0.5));
        assert_eq!(price_per_hour(&priced(2.5, "1M")), None);
    }

    #[test]
    fn token_cost_is_tokens_times_the_price_of_a_million() {
        assert!(close(token_cost(1_234_567, 2.5), 3.0864175));
        assert_eq!(token_cost(2_000_000, 2.5), 5.0);
        assert_eq!(token_cost(0, 2.5), 0.0);
    }
}
