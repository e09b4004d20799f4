import type { ModelChoice, NamedQuota, Quota, SkuChoice } from "../../../bindings";
import { formatCount } from "./numbers";

// Steps 2 and 3: deployment type, capacity and quota.

/** Where Azure takes quota increase requests (Rust's `QUOTA_REQUEST_URL`). */
export const quotaRequestUrl = "https://aka.ms/oai/quotaincrease";

export function findSku(model: ModelChoice | undefined, name: string | null): SkuChoice | undefined {
  if (model === undefined || name === null) {
    return undefined;
  }
  return model.skus.find((sku) => sku.name === name);
}

/** The quota a deployment type draws from, when the region reports it. */
export function quotaFor(quotas: readonly NamedQuota[], usageName: string | null): Quota | null {
  if (usageName === null) {
    return null;
  }
  const lower = usageName.toLowerCase();
  return quotas.find((named) => named.usageName.toLowerCase() === lower)?.quota ?? null;
}

/** "120 of 500 free", "120 free", or "quota unknown". */
export function describeFreeQuota(quota: Quota | null): string {
  if (quota === null || quota.free === null) {
    return "quota unknown";
  }
  if (quota.limit === null) {
    return `${formatCount(quota.free)} free`;
  }
  return `${formatCount(quota.free)} of ${formatCount(quota.limit)} free`;
}

/** A whole, non-negative number typed in the capacity box; null for anything else. */
export function parseCapacity(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) {
    return null;
  }
  const value = Number(trimmed);
  return Number.isSafeInteger(value) ? value : null;
}

/** Why a capacity cannot be asked for: Rust's `CapacityProblem`, plus text that is no number. */
export type CapacityProblem =
  | { kind: "notANumber" }
  | { kind: "belowMinimum"; sku: string; min: number }
  | { kind: "aboveMaximum"; sku: string; max: number }
  | { kind: "offStep"; sku: string; step: number; below: number; above: number }
  | {
      kind: "overQuota";
      asked: number;
      free: number;
      used: number | null;
      limit: number | null;
      usageName: string;
    };

/** Rust's `check_capacity`, run as the person types: range, then step, then free quota. */
export function checkCapacity(
  sku: SkuChoice,
  capacity: number | null,
  quota: Quota | null,
): CapacityProblem | null {
  if (capacity === null) {
    return { kind: "notANumber" };
  }
  if (capacity < sku.minCapacity) {
    return { kind: "belowMinimum", sku: sku.name, min: sku.minCapacity };
  }
  if (capacity > sku.maxCapacity) {
    return { kind: "aboveMaximum", sku: sku.name, max: sku.maxCapacity };
  }
  const step = Math.max(sku.step, 1);
  const offset = (capacity - sku.minCapacity) % step;
  if (offset !== 0) {
    const below = capacity - offset;
    return {
      kind: "offStep",
      sku: sku.name,
      step,
      below,
      above: Math.min(below + step, sku.maxCapacity),
    };
  }
  if (quota !== null && quota.free !== null && sku.usageName !== null && capacity > quota.free) {
    return {
      kind: "overQuota",
      asked: capacity,
      free: quota.free,
      used: quota.used,
      limit: quota.limit,
      usageName: sku.usageName,
    };
  }
  return null;
}

/** The problem in a sentence, with its numbers (the wording of Rust's messages). */
export function capacityProblemMessage(problem: CapacityProblem): string {
  switch (problem.kind) {
    case "notANumber":
      return "Enter the capacity as a whole number";
    case "belowMinimum":
      return `${problem.sku} takes at least ${formatCount(problem.min)}`;
    case "aboveMaximum":
      return `${problem.sku} takes at most ${formatCount(problem.max)}`;
    case "offStep":
      return `${problem.sku} takes capacity in steps of ${formatCount(problem.step)} (e.g. ${formatCount(problem.below)} or ${formatCount(problem.above)})`;
    case "overQuota": {
      const usage =
        problem.used !== null && problem.limit !== null
          ? ` (${formatCount(problem.used)} of ${formatCount(problem.limit)} used for ${problem.usageName})`
          : ` (for ${problem.usageName})`;
      return `${formatCount(problem.asked)} is more than the ${formatCount(problem.free)} free in this region${usage}; lower it, free some up, or request more quota`;
    }
  }
}

/** What a capacity gives (Rust's `CapacityFacts`). */
export function capacityFacts(
  sku: SkuChoice,
  capacity: number,
): { tokensPerMinute: number | null; requestsPerMinute: number | null } {
  return {
    tokensPerMinute: sku.provisioned ? null : capacity * 1000,
    requestsPerMinute: sku.rpmPerUnit === null ? null : Math.round(sku.rpmPerUnit * capacity),
  };
}

/** "10,000 TPM · 60 RPM" for Standard-family types; "50 PTU" for provisioned ones. */
export function describeCapacity(sku: SkuChoice, capacity: number): string {
  const { tokensPerMinute, requestsPerMinute } = capacityFacts(sku, capacity);
  const parts =
    tokensPerMinute === null
      ? [`${formatCount(capacity)} PTU`]
      : [`${formatCount(tokensPerMinute)} TPM`];
  if (requestsPerMinute !== null) {
    parts.push(`${formatCount(requestsPerMinute)} RPM`);
  }
  return parts.join(" · ");
}
