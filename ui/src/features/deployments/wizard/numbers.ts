// Numbers and words as the wizard shows them.

// The person's locale, as the deployments table uses.
const counts = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

/** 10000 → "10,000". */
export function formatCount(value: number): string {
  return counts.format(value);
}

function compact(value: number, unit: number): string {
  return String(Math.round((value / unit) * 10) / 10);
}

/** Catalogs give decimal (128000) and binary (131072) sizes alike; both read as "128K". */
function unitOf(tokens: number, decimal: number, binary: number): number {
  return tokens % decimal !== 0 && tokens % binary === 0 ? binary : decimal;
}

/** 128000 → "128K context"; 131072 → "128K context"; 1047576 → "1M context". */
export function formatContextWindow(tokens: number): string {
  if (tokens >= 1_000_000) {
    return `${compact(tokens, unitOf(tokens, 1_000_000, 1_048_576))}M context`;
  }
  if (tokens >= 1000) {
    return `${Math.round(tokens / unitOf(tokens, 1000, 1024))}K context`;
  }
  return `${tokens} context`;
}

/** "GenerallyAvailable" → "Generally available"; "Preview" stays. */
export function formatLifecycle(lifecycle: string): string {
  const words = lifecycle.replace(/([a-z])([A-Z])/g, "$1 $2").split(" ");
  return words.map((word, index) => (index === 0 ? word : word.toLowerCase())).join(" ");
}
