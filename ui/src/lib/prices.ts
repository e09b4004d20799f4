/** How a price quote reads, wherever prices show (the wizard's review, the playground). */
import type { PriceQuote } from "../bindings";
import { formatPriceDate, formatRate } from "./money";

/** "$2.50 per 1M input tokens", then cached input and output: the per-token prices listed. */
export function tokenRates(quote: PriceQuote): string[] {
  const rates: Array<[number | null, string]> = [
    [quote.inputPerMillion, "1M input tokens"],
    [quote.cachedInputPerMillion, "1M cached input tokens"],
    [quote.outputPerMillion, "1M output tokens"],
  ];
  return rates
    .filter((rate): rate is [number, string] => rate[0] !== null)
    .map(([amount, per]) => formatRate(amount, quote.currency, per));
}

/**
 * Where the prices come from: "Retail prices of 3 Nov 2026", and "(offline — last known prices:
 * …)" when they could not be refreshed. Null when the quote says neither.
 */
export function priceSource(quote: PriceQuote): string | null {
  const parts = [
    quote.asOf === null ? null : `Retail prices of ${formatPriceDate(quote.asOf)}`,
    quote.offline === null ? null : `(offline — last known prices: ${quote.offline})`,
  ].filter((part) => part !== null);
  return parts.length === 0 ? null : parts.join(" ");
}
