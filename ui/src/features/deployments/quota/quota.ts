import type { AccountView, NamedQuota, Quota } from "../../../bindings";

// The Quota tab: a region's usages read as rows, and how they are filtered and ordered.

/** How full a usage is: "high" from 90% up, "none" with a limit of 0, "unknown" without numbers. */
export type QuotaLevel = "ok" | "high" | "none" | "unknown";

/** One usage name as the Quota tab shows it. */
export type QuotaLine = {
  usageName: string;
  /** The model part of the name ("gpt-4o"); the whole name when it has none ("AccountCount"). */
  model: string;
  /** Azure's deployment type ("GlobalStandard"); null when the name carries none. */
  type: string | null;
  /** The type in words ("Global Standard"). */
  typeLabel: string | null;
  /** Provisioned types count PTUs; the others thousands of tokens per minute. */
  provisioned: boolean;
  quota: Quota;
  /** `used / limit` in per cent, not capped; null when there is no such ratio. */
  percent: number | null;
  level: QuotaLevel;
};

/** From 90% used, a row warns. */
export const highUsePercent = 90;

/** "OpenAI.GlobalStandard.gpt-4.1-mini" → type and model (a model name may hold dots). */
export function parseUsageName(usageName: string): { type: string | null; model: string } {
  const parts = usageName.split(".");
  if (parts.length < 3) {
    return { type: parts.length === 2 ? (parts[1] ?? null) : null, model: usageName };
  }
  return { type: parts[1] ?? null, model: parts.slice(2).join(".") };
}

/** "GlobalStandard" → "Global Standard", "DataZoneStandard" → "Data Zone Standard". */
export function typeLabel(type: string): string {
  return type.replace(/([a-z0-9])([A-Z])/g, "$1 $2");
}

/** Used over limit in per cent; null with a limit of 0 or a number Azure left out. */
export function usedPercent(quota: Quota): number | null {
  if (quota.limit === null || quota.used === null || quota.limit <= 0) {
    return null;
  }
  return (Math.max(quota.used, 0) / quota.limit) * 100;
}

export function quotaLevel(quota: Quota): QuotaLevel {
  if (quota.limit === 0) {
    return "none";
  }
  const percent = usedPercent(quota);
  if (percent === null) {
    return "unknown";
  }
  return percent >= highUsePercent ? "high" : "ok";
}

/**
 * "89%", rounded down so that a row reading "90%" is always one that warns. Above zero but
 * under 1% reads "<1%", so a little use never looks like none.
 */
export function percentText(percent: number): string {
  if (percent > 0 && percent < 1) {
    return "<1%";
  }
  return `${Math.floor(percent)}%`;
}

export function toLine(named: NamedQuota): QuotaLine {
  const { type, model } = parseUsageName(named.usageName);
  return {
    usageName: named.usageName,
    model,
    type,
    typeLabel: type === null ? null : typeLabel(type),
    provisioned: type !== null && type.includes("Provisioned"),
    quota: named.quota,
    percent: usedPercent(named.quota),
    level: quotaLevel(named.quota),
  };
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });

/** By model name (gpt-4o before gpt-4o-mini, gpt-4.1 before gpt-4.5), then by type in words. */
export function compareLines(a: QuotaLine, b: QuotaLine): number {
  return (
    collator.compare(a.model, b.model) ||
    collator.compare(a.typeLabel ?? "", b.typeLabel ?? "") ||
    collator.compare(a.usageName, b.usageName)
  );
}

/** The rows of a region, sorted; the input is left alone. */
export function quotaLines(quotas: readonly NamedQuota[]): QuotaLine[] {
  return quotas.map(toLine).sort(compareLines);
}

/** Rows whose model, usage name or type in words contain the text, ignoring case. */
export function filterLines(lines: readonly QuotaLine[], text: string): readonly QuotaLine[] {
  const needle = text.trim().toLocaleLowerCase();
  if (needle === "") {
    return lines;
  }
  return lines.filter((line) =>
    [line.model, line.usageName, line.typeLabel ?? ""].some((field) =>
      field.toLocaleLowerCase().includes(needle),
    ),
  );
}

/** The resources' regions in alphabetical order, each once (whatever its case). */
export function regionsOf(accounts: readonly Pick<AccountView, "location">[]): string[] {
  const byLower = new Map<string, string>();
  for (const { location } of accounts) {
    if (location !== null && location.trim() !== "" && !byLower.has(location.toLowerCase())) {
      byLower.set(location.toLowerCase(), location);
    }
  }
  return [...byLower.values()].sort((a, b) => collator.compare(a, b));
}

/** The region among `regions` that `location` names, in any case; null when none does. */
export function findRegion(regions: readonly string[], location: string | null): string | null {
  if (location === null) {
    return null;
  }
  const lower = location.toLowerCase();
  return regions.find((region) => region.toLowerCase() === lower) ?? null;
}

/** "12 usages", or "3 of 12 usages" while a filter hides some. */
export function countText(shown: number, total: number): string {
  const noun = total === 1 ? "usage" : "usages";
  return shown === total ? `${total} ${noun}` : `${shown} of ${total} ${noun}`;
}
