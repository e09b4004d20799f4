/**
 * The currencies Azure's Retail Prices API lists prices in (its `currencyCode`), in the order
 * people most often pick them.
 */
export const PRICE_CURRENCIES = [
  "USD",
  "EUR",
  "GBP",
  "JPY",
  "CAD",
  "AUD",
  "CHF",
  "SEK",
  "NOK",
  "DKK",
  "INR",
  "BRL",
  "KRW",
  "NZD",
  "TWD",
  "CNY",
] as const;

export const DEFAULT_CURRENCY = "USD";

/** The currencies to choose from: the list, plus the saved one when a file holds another. */
export function currencyChoices(saved: string): string[] {
  const known: readonly string[] = PRICE_CURRENCIES;
  return saved === "" || known.includes(saved) ? [...known] : [...known, saved];
}

let names: Intl.DisplayNames | null | undefined;

/** The runtime's currency names, made once; null where it has none. */
function currencyNames(): Intl.DisplayNames | null {
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames(undefined, { type: "currency" });
    } catch {
      // Older runtimes have no Intl.DisplayNames.
      names = null;
    }
  }
  return names;
}

/** "EUR — Euro" in the person's language; the bare code where the runtime has no name for it. */
export function currencyLabel(code: string): string {
  let name: string | undefined;
  try {
    name = currencyNames()?.of(code);
  } catch {
    // A malformed code (from a hand-edited file) has no name.
    name = undefined;
  }
  return name === undefined || name === code ? code : `${code} — ${name}`;
}
