//! The seeded price of every billing meter the catalog names, in US dollars, and the fixed exchange factors
//! of the currencies the Retail Prices API answers in. One table serves both the catalog (which meters a
//! SKU has, in which unit) and the prices endpoint (what each costs), so the two cannot disagree.

/// What a billing meter counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MeterKind {
    /// Prompt tokens.
    Input,
    /// Prompt tokens served from the prompt cache (half the input price).
    CachedInput,
    /// Completion tokens.
    Output,
    /// Provisioned throughput units, per hour, used or not.
    Hours,
}

impl MeterKind {
    /// The part of a meter name that tells the kind (`gpt-4o-2024-11-20-cchd-Inp-GlobalStandard`).
    pub fn code(self) -> &'static str {
        match self {
            Self::Input => "Inp",
            Self::CachedInput => "cchd-Inp",
            Self::Output => "Outp",
            Self::Hours => "Hours",
        }
    }

    /// The kind of a meter named `{model}-{version}-{code}-{sku}`, if its name follows that pattern.
    pub fn of_meter_name(name: &str, sku: &str) -> Option<Self> {
        let stem = name.strip_suffix(sku)?.strip_suffix('-')?;
        // Longest code first: "cchd-Inp" also ends with "Inp".
        [Self::CachedInput, Self::Input, Self::Output, Self::Hours]
            .into_iter()
            .find(|kind| stem.strip_suffix(kind.code()).is_some_and(|rest| rest.ends_with('-')))
    }
}

/// The meters a SKU of a model bills on: PTU-hours for provisioned SKUs; input (and, for OpenAI chat and
/// reasoning models, cached input) and output tokens for pay-as-you-go ones; embeddings bill input only.
pub fn meter_kinds(format: &str, sku: &str, embedding: bool) -> Vec<MeterKind> {
    if is_provisioned(sku) {
        vec![MeterKind::Hours]
    } else if embedding {
        vec![MeterKind::Input]
    } else if format == "OpenAI" {
        vec![MeterKind::Input, MeterKind::CachedInput, MeterKind::Output]
    } else {
        vec![MeterKind::Input, MeterKind::Output]
    }
}

/// The billing meter's name: `{model}-{version}-{code}-{sku}`.
pub fn meter_name(model: &str, version: &str, kind: MeterKind, sku: &str) -> String {
    format!("{model}-{version}-{}-{sku}", kind.code())
}

/// Whether a SKU bills reserved capacity by the hour.
pub fn is_provisioned(sku: &str) -> bool {
    sku.contains("Provisioned")
}

/// Models priced per 1,000 tokens, as Azure's older meters are; newer ones are priced per million.
const PRICED_PER_THOUSAND: &[&str] = &["gpt-35-turbo", "gpt-4o", "gpt-4o-mini", "text-embedding-ada-002"];

/// The unit a meter of `model` is priced in: `1 Hour`, `1K` or `1M` (tokens).
pub fn unit(model: &str, kind: MeterKind) -> &'static str {
    match kind {
        MeterKind::Hours => "1 Hour",
        _ if PRICED_PER_THOUSAND.iter().any(|m| m.eq_ignore_ascii_case(model)) => "1K",
        _ => "1M",
    }
}

/// Global Standard USD prices per million tokens: (input, output).
#[rustfmt::skip]
const PER_MILLION: &[(&str, f64, f64)] = &[
    ("gpt-4o", 2.50, 10.00),
    ("gpt-4o-mini", 0.15, 0.60),
    ("gpt-4.1", 2.00, 8.00),
    ("gpt-4.1-mini", 0.40, 1.60),
    ("gpt-4.1-nano", 0.10, 0.40),
    ("gpt-35-turbo", 0.50, 1.50),
    ("o1", 15.00, 60.00),
    ("o3", 2.00, 8.00),
    ("o3-mini", 1.10, 4.40),
    ("o4-mini", 1.10, 4.40),
    ("gpt-5", 1.25, 10.00),
    ("gpt-5-mini", 0.25, 2.00),
    ("text-embedding-3-small", 0.02, 0.0),
    ("text-embedding-3-large", 0.13, 0.0),
    ("text-embedding-ada-002", 0.10, 0.0),
    ("Mistral-Large-2411", 2.00, 6.00),
];

/// Prices of a model the table does not name.
const DEFAULT_PER_MILLION: (f64, f64) = (1.00, 4.00);

/// How a SKU's token price relates to Global Standard's.
fn sku_factor(sku: &str) -> f64 {
    match sku {
        "Standard" | "DataZoneStandard" => 1.1,
        "GlobalBatch" => 0.5,
        "DataZoneBatch" => 0.55,
        _ => 1.0,
    }
}

/// USD per PTU-hour of a provisioned SKU.
fn hourly_per_ptu(sku: &str) -> f64 {
    match sku {
        "ProvisionedManaged" => 2.00,
        "DataZoneProvisionedManaged" => 1.10,
        _ => 1.00,
    }
}

/// The seeded USD price of one [`unit()`] of a meter of `model` on `sku`, rounded to 10 decimals: what the
/// Retail Prices API answers as `retailPrice` with `currencyCode` USD.
pub fn usd_price(model: &str, sku: &str, kind: MeterKind) -> f64 {
    usd_price_per(model, sku, kind, unit(model, kind))
}

/// The seeded USD price of a meter expressed in `unit` (`1K`, `1M`, `1`, `1 Hour`…), so a seed file whose
/// meters carry units of their own is still priced consistently.
pub fn usd_price_per(model: &str, sku: &str, kind: MeterKind, unit: &str) -> f64 {
    if kind == MeterKind::Hours {
        return round(hourly_per_ptu(sku));
    }
    let (input, output) = PER_MILLION
        .iter()
        .find(|(name, _, _)| name.eq_ignore_ascii_case(model))
        .map_or(DEFAULT_PER_MILLION, |(_, input, output)| (*input, *output));
    let per_million = match kind {
        MeterKind::Input => input,
        MeterKind::CachedInput => input / 2.0,
        MeterKind::Output => output,
        MeterKind::Hours => 0.0,
    } * sku_factor(sku);
    round(per_million * tokens_in(unit) / 1_000_000.0)
}

/// Tokens in a unit of measure (`1K` = 1000); unknown units count as a million, the newer meters' unit.
fn tokens_in(unit: &str) -> f64 {
    match unit.trim() {
        "1" => 1.0,
        "1K" | "1k" | "1000" => 1_000.0,
        "10K" => 10_000.0,
        "100K" => 100_000.0,
        _ => 1_000_000.0,
    }
}

/// Currencies the Retail Prices API answers in, with the fixed factor from USD the simulator uses.
pub const CURRENCIES: &[(&str, f64)] = &[
    ("USD", 1.0),
    ("EUR", 0.92),
    ("GBP", 0.79),
    ("JPY", 150.0),
    ("CAD", 1.36),
    ("AUD", 1.52),
    ("CHF", 0.88),
    ("SEK", 10.5),
    ("NOK", 10.7),
    ("DKK", 6.87),
    ("INR", 83.5),
    ("BRL", 5.0),
    ("KRW", 1350.0),
    ("NZD", 1.65),
    ("TWD", 32.0),
    ("CNY", 7.2),
];

/// The canonical code and factor from USD of a supported currency (any case), None otherwise.
pub fn currency(code: &str) -> Option<(&'static str, f64)> {
    CURRENCIES.iter().find(|(c, _)| c.eq_ignore_ascii_case(code.trim())).copied()
}

/// A USD price in another currency, rounded as prices are.
pub fn convert(usd: f64, factor: f64) -> f64 {
    round(usd * factor)
}

/// Ten decimals: enough for a price per token, and it hides binary-fraction noise (2.5 × 1.1 / 1000).
fn round(value: f64) -> f64 {
    (value * 1e10).round() / 1e10
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn older_models_price_per_thousand_and_newer_per_million() {
        assert_eq!(
            (unit("gpt-4o", MeterKind::Input), usd_price("gpt-4o", "GlobalStandard", MeterKind::Input)),
            ("1K", 0.0025)
        );
        assert_eq!(usd_price("gpt-4o", "Standard", MeterKind::Output), 0.011);
        assert_eq!(
            (unit("gpt-4.1", MeterKind::Output), usd_price("gpt-4.1", "GlobalStandard", MeterKind::Output)),
            ("1M", 8.0)
        );
        assert_eq!(usd_price("gpt-4.1", "GlobalBatch", MeterKind::Input), 1.0);
        assert_eq!(usd_price("o4-mini", "GlobalStandard", MeterKind::CachedInput), 0.55);
        assert_eq!(usd_price("gpt-4o", "ProvisionedManaged", MeterKind::Hours), 2.0);
        assert_eq!(unit("gpt-4o", MeterKind::Hours), "1 Hour");
        assert_eq!(usd_price_per("gpt-4.1", "GlobalStandard", MeterKind::Input, "1K"), 0.002);
    }

    #[test]
    fn meter_names_tell_their_kind() {
        let name = meter_name("gpt-4o", "2024-11-20", MeterKind::CachedInput, "GlobalStandard");
        assert_eq!(name, "gpt-4o-2024-11-20-cchd-Inp-GlobalStandard");
        assert_eq!(MeterKind::of_meter_name(&name, "GlobalStandard"), Some(MeterKind::CachedInput));
        assert_eq!(
            MeterKind::of_meter_name("o1-2024-12-17-Inp-Standard", "Standard"),
            Some(MeterKind::Input)
        );
        assert_eq!(MeterKind::of_meter_name("o1-Inp-Standard", "GlobalStandard"), None);
        assert_eq!(currency("eur"), Some(("EUR", 0.92)));
        assert_eq!(currency("XYZ"), None);
    }
}
