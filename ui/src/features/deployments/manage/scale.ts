import type {
  DeploymentChange,
  DeploymentRow,
  ModelChoice,
  NamedQuota,
  Quota,
  SkuChoice,
} from "../../../bindings";
import { checkCapacity, parseCapacity, quotaFor, type CapacityProblem } from "../wizard/capacity";

// "Type and capacity": another deployment type and/or capacity, checked as the wizard checks
// a new one, except that the deployment's own capacity is free to take again. Rust's
// `check_change` has the last word: this blocks exactly what it refuses, and nothing more.

/**
 * The deployment's type in its model's catalog entry. Rust finds it ignoring case (Azure's
 * deployment and the catalog may spell a type differently).
 */
export function currentSkuOf(
  model: ModelChoice | undefined,
  sku: string | null,
): SkuChoice | undefined {
  if (model === undefined || sku === null) {
    return undefined;
  }
  const lower = sku.toLowerCase();
  return model.skus.find((offered) => offered.name.toLowerCase() === lower);
}

/** Rust's "same quota": both types name a usage, and the very same one. */
function sameUsage(a: string | null, b: string | null): boolean {
  return a !== null && a === b;
}

/**
 * A quota with `own` units given back, as they are when the deployment changes size: Rust's
 * `free + extra_free`, not capped at the limit (a cap would refuse what Rust allows).
 */
export function withOwnCapacityFreed(quota: Quota, own: number): Quota {
  return {
    limit: quota.limit,
    // Shown only ("230 of 500 used"); never below nothing.
    used: quota.used === null ? null : Math.max(quota.used - own, 0),
    free: quota.free === null ? null : quota.free + own,
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
