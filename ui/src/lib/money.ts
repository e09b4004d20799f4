/**
 * Money as people read it: in the currency of the price list, with enough digits that a tiny
 * amount (one answer costs a fraction of a cent) is not shown as zero.
 */
export function formatMoney(amount: number, currency: string): string {
  const places = currencyDigits(currency);
  const abs = Math.abs(amount);
  // Below the currency's smallest unit, show the first significant digits instead of rounding to 0.
  const digits =
    abs === 0 || abs >= 10 ** -places
      ? { minimumFractionDigits: places, maximumFractionDigits: places }
      : { maximumSignificantDigits: 2 };
  try {
    return new Intl.NumberFormat(undefined, { style: "currency", currency, ...digits }).format(amount);
  } catch {
    // An unknown currency code still shows the amount.
    return `${amount.toFixed(2)} ${currency}`;
  }
}

/** How many decimals the currency is written with (2 for USD, 0 for JPY and KRW). */
function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat(undefined, { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** A unit price, e.g. "$2.50 per 1M tokens" or "$1.00 per PTU-hour". */
export function formatRate(amount: number, currency: string, per: string): string {
  const abs = Math.abs(amount);
  const digits = abs >= 0.01 ? { minimumFractionDigits: 2, maximumFractionDigits: 4 } : { maximumSignificantDigits: 3 };
  let money: string;
  try {
    money = new Intl.NumberFormat(undefined, { style: "currency", currency, ...digits }).format(amount);
  } catch {
    money = `${amount} ${currency}`;
  }
  return `${money} per ${per}`;
}

/** The date prices were read, as "3 Nov 2026" (they are dated `YYYY-MM-DD`). */
export function formatPriceDate(isoDay: string): string {
  const date = new Date(`${isoDay}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) {
    return isoDay;
  }
  return date.toLocaleDateString(undefined, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
}
