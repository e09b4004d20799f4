import type { DeploymentChange, DeploymentRow } from "../../../bindings";

// Pausing: Standard-family deployments can stop answering (inference gets 423) and start again.
// Which types can is Rust's rule: each row says so (DeploymentRow.pausable).

export type PauseChange = Extract<DeploymentChange, { kind: "pause" | "resume" }>;

/** Resume a paused deployment, pause any other. */
export function pauseChangeFor(row: Pick<DeploymentRow, "status">): PauseChange {
  return row.status.kind === "paused" ? { kind: "resume" } : { kind: "pause" };
}

/** The button, its one-line confirmation and its progress, in words. */
export function pauseWords(change: PauseChange, name: string) {
  return change.kind === "pause"
    ? {
        action: "Pause",
        confirm: `Pause ${name}? Requests will get 423 until you resume it.`,
        pending: "Pausing…",
      }
    : {
        action: "Resume",
        confirm: `Resume ${name}? It answers requests again at once.`,
        pending: "Resuming…",
      };
}
