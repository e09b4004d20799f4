import type {
  DeploymentChange,
  DeploymentRow,
  NamedQuota,
  Quota,
  SkuChoice,
} from "../../../bindings";
import { checkCapacity, parseCapacity, quotaFor, type CapacityProblem } from "../wizard/capacity";

// "Type and capacity": another deployment type and/or capacity, checked as the wizard checks
// a new one, except that the deployment's own capacity is free to take again.

function sameUsage(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && a.toLowerCase() === b.toLowerCase();
}

/** A quota with `own` units given back, as they are when the deployment changes size. */
export function withOwnCapacityFreed(quota: Quota, own: number): Quota {
  const free = quota.free === null ? null : quota.free + own;
  return {
    limit: quota.limit,
    used: quota.used === null ? null : Math.max(quota.used - own, 0),
    free: free === null || quota.limit === null ? free : Math.min(free, quota.limit),
  };
}

/** The quota a type draws from, and how much of it is the deployment's own capacity. */
export type ScaleQuota = {
  quota: Quota | null;
  /** The deployment's capacity counted as free (it already draws from this usage name). */
  ownCounted: number | null;
};

/**
 * The quota `sku` would draw from. When the deployment already draws from the same usage name,
 * its current capacity is counted as free: resizing 150 to 200 needs 50 more, not 200.
 */
export function quotaForScale(
  quotas: readonly NamedQuota[],
  sku: SkuChoice,
  currentSku: SkuChoice | undefined,
  currentCapacity: number | null,
): ScaleQuota {
  const quota = quotaFor(quotas, sku.usageName);
  if (
    quota === null ||
    currentCapacity === null ||
    currentCapacity <= 0 ||
    !sameUsage(currentSku?.usageName ?? null, sku.usageName)
  ) {
    return { quota, ownCounted: null };
  }
  return { quota: withOwnCapacityFreed(quota, currentCapacity), ownCounted: currentCapacity };
}

export type ScaleCheck = {
  /** The capacity typed, when it is a whole number. */
  value: number | null;
  problem: CapacityProblem | null;
  /** Something differs from the deployment as it is. */
  changed: boolean;
  /** What to send: only when something changed and nothing is wrong. */
  change: Extract<DeploymentChange, { kind: "scale" }> | null;
};

/** Checks a type and a typed capacity against the type's range and step and the free quota. */
export function checkScale(
  row: Pick<DeploymentRow, "sku" | "capacity">,
  sku: SkuChoice | undefined,
  capacityText: string,
  quota: Quota | null,
): ScaleCheck {
  const value = parseCapacity(capacityText);
  if (sku === undefined) {
    return { value, problem: null, changed: false, change: null };
  }
  const problem = checkCapacity(sku, value, quota);
  const changed = sku.name !== row.sku || value !== row.capacity;
  const change =
    changed && problem === null && value !== null
      ? { kind: "scale" as const, skuName: sku.name, capacity: value }
      : null;
  return { value, problem, changed, change };
}
