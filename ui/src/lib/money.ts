/**
 * Money as people read it: in the currency of the price list, with enough digits that a tiny
 * amount (one answer costs a fraction of a cent) is not shown as zero.
 */
export function formatMoney(amount: number, currency: string): string {
  const abs = Math.abs(amount);
  // Below a cent, show the first significant digits instead of rounding to 0.00.
  const digits = abs === 0 || abs >= 0.01 ? { minimumFractionDigits: 2, maximumFractionDigits: 2 } : { maximumSignificantDigits: 2 };
  try {
    return new Intl.NumberFormat(undefined, { style: "currency", currency, ...digits }).format(amount);
  } catch {
    // An unknown currency code still shows the amount.
    return `${amount.toPrecision(3)} ${currency}`;
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
