import type { DeploymentUsage, PriceQuote, PriceStatus } from "../../bindings";
import { formatMoney, formatPriceDate, formatRate } from "../../lib/money";
import { noValue } from "../deployments/format";

/** A cost cell: the amount, what it is made of (provisioned: the hourly rate), the prices used. */
export type CostCell = { text: string; detail: string | null; prices: string | null };

/** A deployment's estimated cost for the window, in the report's currency. */
export function costCell(usage: DeploymentUsage, currency: string): CostCell {
  const { cost, quote } = usage;
  if (cost === null || cost.total === null) {
    return { text: noValue, detail: null, prices: quote === null ? null : quoteText(quote, currency) };
  }
  return {
    text: formatMoney(cost.total, currency),
    // Provisioned deployments bill by the hour whether used or not: say the rate beside the total.
    detail: cost.perHour === null ? null : formatRate(cost.perHour, currency, "hour"),
    prices: quote === null ? null : quoteText(quote, currency),
  };
}

/** The prices an estimate used, for the cell's tooltip. */
export function quoteText(quote: PriceQuote, currency: string): string | null {
  const parts: string[] = [];
  if (quote.inputPerMillion !== null) {
    parts.push(`input ${formatRate(quote.inputPerMillion, currency, "1M tokens")}`);
  }
  if (quote.outputPerMillion !== null) {
    parts.push(`output ${formatRate(quote.outputPerMillion, currency, "1M tokens")}`);
  }
  if (quote.perUnitHour !== null) {
    parts.push(formatRate(quote.perUnitHour, currency, "PTU-hour"));
  }
  return parts.length === 0 ? null : `Priced at ${parts.join(", ")}`;
}

/** The total row's cost: the sum of the known estimates, and how many had none. */
export function totalCost(
  deployments: readonly DeploymentUsage[],
  currency: string,
): { text: string; missing: number } {
  let sum = 0;
  let known = 0;
  for (const { cost } of deployments) {
    if (cost !== null && cost.total !== null) {
      sum += cost.total;
      known += 1;
    }
  }
  return {
    text: known === 0 ? noValue : formatMoney(sum, currency),
    missing: deployments.length - known,
  };
}

/**
 * Where the prices came from, in one sentence: their date, whether they are an older copy
 * (offline) or there were none at all.
 */
export function pricesNote(prices: PriceStatus): string {
  if (prices.unavailable !== null) {
    return `Costs can’t be estimated: ${prices.unavailable}`;
  }
  const dated =
    prices.asOf === null
      ? "Estimated at retail prices"
      : `Estimated at retail prices of ${formatPriceDate(prices.asOf)}`;
  return prices.offline === null ? `${dated}.` : `${dated} (offline: ${prices.offline}).`;
}
