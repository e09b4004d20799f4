//! `fdesk usage show` (what each deployment served and cost) and `fdesk price` (what a model's SKU costs),
//! over the same core functions as the app's Usage tab and wizard, with the app's price cache.

use std::path::PathBuf;

use clap::Args;
use foundry_desk_core::app_info::AppPaths;
use foundry_desk_core::connections::PRICES_FILE;
use foundry_desk_core::usage::{self, Billing, PriceQuote, UsageRange, UsageReport};

use crate::arm_commands::{AccountArgs, Context};
use crate::output::{json, out, table, Failure, OutputFormat};

/// `fdesk usage show` flags.
#[derive(Debug, Clone, Args)]
pub struct UsageShowArgs {
    #[command(flatten)]
    pub account: AccountArgs,
    /// Only this deployment.
    #[arg(long = "deployment-name", value_name = "D")]
    pub deployment_name: Option<String>,
    /// The period ending now: 1h, 24h, 7d or 30d.
    #[arg(long, value_name = "PERIOD", default_value = "24h")]
    pub since: String,
}

/// `fdesk price` flags.
#[derive(Debug, Clone, Args)]
pub struct PriceArgs {
    /// Model name, e.g. gpt-4o.
    #[arg(long, value_name = "M")]
    pub model_name: String,
    /// Model version (any version the catalog has when absent).
    #[arg(long, value_name = "V")]
    pub model_version: Option<String>,
    /// Deployment SKU, e.g. GlobalStandard or ProvisionedManaged.
    #[arg(long, value_name = "SKU")]
    pub sku_name: String,
    /// Region whose catalog names the billing meters, e.g. eastus.
    #[arg(short = 'l', long, value_name = "L")]
    pub location: String,
    /// Capacity, for a provisioned SKU's price per hour (PTUs).
    #[arg(long, value_name = "N")]
    pub capacity: Option<u32>,
}

/// The app's price cache file, shared with `fdesk`.
pub fn prices_file() -> Result<PathBuf, Failure> {
    let paths =
        AppPaths::for_cli().ok_or_else(|| Failure::Usage("no home directory (is HOME set?)".into()))?;
    Ok(paths.data_dir.join(PRICES_FILE))
}

/// `fdesk usage show`.
pub async fn show(context: &Context, args: UsageShowArgs) -> Result<(), Failure> {
    let range = UsageRange::parse(&args.since)
        .ok_or_else(|| Failure::Usage(format!("--since {}: use 1h, 24h, 7d or 30d", args.since)))?;
    let account = context.account(&args.account);
    let now = chrono::Utc::now();
    let client = &context.session.client;
    let mut report =
        usage::usage_report(client, &context.prices, &account, range, &context.currency, now).await?;
    if let Some(name) = &args.deployment_name {
        let names: Vec<String> = report.deployments.iter().map(|d| d.name.clone()).collect();
        report.deployments.retain(|d| d.name.eq_ignore_ascii_case(name));
        if report.deployments.is_empty() {
            return Err(Failure::Usage(format!(
                "{} has no deployment named '{name}'; it has: {}",
                account.name,
                names.join(", ")
            )));
        }
    }
    match context.output {
        OutputFormat::Json => json(&report),
        OutputFormat::Table => {
            print_report(&report);
            Ok(())
        }
    }
}

fn print_report(report: &UsageReport) {
    let currency = &report.currency;
    let headers =
        ["DEPLOYMENT", "MODEL", "SKU", "PROMPT", "COMPLETION", "REQUESTS", "THROTTLED", "ERRORS", "COST"];
    let rows: Vec<Vec<String>> = report
        .deployments
        .iter()
        .map(|d| {
            vec![
                d.name.clone(),
                d.model.clone().unwrap_or_else(|| "(deleted)".into()),
                d.sku.clone().unwrap_or_else(|| "-".into()),
                count(d.totals.prompt_tokens),
                count(d.totals.completion_tokens),
                count(d.totals.requests),
                count(d.totals.throttled),
                count(d.totals.failed),
                d.cost.as_ref().map_or_else(|| "-".into(), |c| money(c.total, currency)),
            ]
        })
        .collect();
    out(&format!("{} → {} (every {} s)", report.from, report.to, report.interval_secs));
    out(&table(&headers, &rows));
    let total: f64 = report.deployments.iter().filter_map(|d| d.cost.as_ref()).map(|c| c.total).sum();
    out(&format!("Estimated cost: {} (cached input counted at the input price)", money(total, currency)));
    let prices = &report.prices;
    if let Some(why) = &prices.unavailable {
        out(&format!("No prices: {why}"));
    } else if let Some(day) = &prices.as_of {
        match &prices.offline {
            Some(why) => out(&format!("Retail prices of {day} (offline, last known: {why})")),
            None => out(&format!("Retail prices of {day}")),
        }
    }
    if let [one] = report.deployments.as_slice() {
        if let Some(limit) = one.tokens_per_minute {
            let peak = one.totals.peak_tokens;
            let per_minute = peak * 60.0 / f64::from(report.interval_secs.max(1));
            out(&format!(
                "Limit {} tokens/min; busiest interval {} tokens (≈ {} per minute)",
                count(limit),
                count(peak),
                count(per_minute.round())
            ));
        }
    }
}

/// `fdesk price`.
pub async fn price(context: &Context, args: PriceArgs) -> Result<(), Failure> {
    let client = &context.session.client;
    let catalog = client.list_region_models(&context.subscription, &args.location).await?;
    let models: Vec<_> = catalog.into_iter().map(|entry| entry.model).collect();
    let model = (args.model_name.as_str(), args.model_version.as_deref());
    let region = Some(args.location.as_str());
    let quote = usage::quote_for(
        &context.prices,
        &models,
        model,
        &args.sku_name,
        args.capacity,
        &context.currency,
        region,
    )
    .await;
    match context.output {
        OutputFormat::Json => json(&quote)?,
        OutputFormat::Table => print_quote(&quote, &args),
    }
    // A script must be able to tell "no price" from a price.
    match (quote.billing, &quote.unavailable) {
        (Billing::Unknown, Some(why)) => Err(Failure::Azure(foundry_azure::AzureError::local(
            foundry_azure::ErrorKind::NotFound,
            format!("no price for {} as {}: {why}", args.model_name, args.sku_name),
        ))),
        _ => Ok(()),
    }
}

fn print_quote(quote: &PriceQuote, args: &PriceArgs) {
    let currency = &quote.currency;
    let rate = |value: Option<f64>| value.map_or_else(|| "-".into(), |v| money(v, currency));
    match quote.billing {
        Billing::Tokens => {
            out(&format!("{} {} — pay per token; nothing until used", args.model_name, args.sku_name));
            out(&format!("  input         {} per 1M tokens", rate(quote.input_per_million)));
            if quote.cached_input_per_million.is_some() {
                out(&format!("  cached input  {} per 1M tokens", rate(quote.cached_input_per_million)));
            }
            out(&format!("  output        {} per 1M tokens", rate(quote.output_per_million)));
        }
        Billing::Hourly => {
            out(&format!("{} {} — billed per hour, used or not", args.model_name, args.sku_name));
            out(&format!("  per PTU-hour  {}", rate(quote.per_unit_hour)));
            match (quote.hourly, args.capacity) {
                (Some(hourly), Some(ptu)) => {
                    out(&format!("  at {ptu} PTU     {} per hour", money(hourly, currency)))
                }
                _ => out("  (--capacity N gives the price per hour at N PTU)"),
            }
        }
        Billing::Unknown => out(&format!("No price: {}", quote.unavailable.as_deref().unwrap_or("unknown"))),
    }
    if let Some(day) = &quote.as_of {
        match &quote.offline {
            Some(why) => out(&format!("Retail prices of {day} (offline, last known: {why})")),
            None => out(&format!("Retail prices of {day}")),
        }
    }
}

/// A whole count with thousands separators.
fn count(value: f64) -> String {
    let digits = format!("{:.0}", value.max(0.0));
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    grouped
}

/// An amount with two decimals, or its first significant digits when below a cent.
fn money(amount: f64, currency: &str) -> String {
    if amount == 0.0 || amount.abs() >= 0.01 {
        format!("{amount:.2} {currency}")
    } else {
        let digits = (-amount.abs().log10()).ceil() as usize + 1;
        format!("{amount:.digits$} {currency}")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn counts_and_money_read_well() {
        assert_eq!(super::count(1_234_567.0), "1,234,567");
        assert_eq!(super::count(12.0), "12");
        assert_eq!(super::money(3.0864175, "USD"), "3.09 USD");
        assert_eq!(super::money(0.000_412_5, "EUR"), "0.00041 EUR");
        assert_eq!(super::money(0.0, "USD"), "0.00 USD");
    }
}
