import type { DeploymentChange, DeploymentRow } from "../../../bindings";

// Rust's review holds for the change it checked, on the deployment as it was then.

/** The two ask Azure for the same thing. */
export function sameChange(a: DeploymentChange, b: DeploymentChange): boolean {
  switch (a.kind) {
    case "scale":
      return b.kind === "scale" && a.skuName === b.skuName && a.capacity === b.capacity;
    case "model":
      return (
        b.kind === "model" && a.version === b.version && a.versionUpgrade === b.versionUpgrade
      );
    case "pause":
    case "resume":
      return a.kind === b.kind;
  }
}

/**
 * The row as a value: a refetch that changed nothing gives the same key, any changed field
 * (type, capacity, version, state, …) another.
 */
export function rowKey(row: DeploymentRow): string {
  return JSON.stringify(row);
}
