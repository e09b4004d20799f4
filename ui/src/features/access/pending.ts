import type { AccessReport, AssignmentView, PrincipalView } from "../../bindings";
import { listsAssignment, principalLabel, sameId } from "./words";

/** How often the list is asked again while a grant waits to show in it. */
export const PENDING_POLL_MS = 2000;
/** How long a grant is waited for: after that, Refresh asks again. */
export const PENDING_WAIT_MS = 60_000;

/** An assignment Azure made that its list did not show yet, and when it was made (`Date.now()`). */
export type PendingGrant = { assignment: AssignmentView; sinceMs: number };

/** How soon to ask for the list again: every 2 s while a grant is awaited, else never. */
export function pollInterval(
  pending: readonly PendingGrant[],
  report: AccessReport | undefined,
  nowMs: number,
): number | false {
  const awaited = pending.some(
    (grant) =>
      nowMs - grant.sinceMs < PENDING_WAIT_MS &&
      (report === undefined || !listsAssignment(report.assignments, grant.assignment.id)),
  );
  return awaited ? PENDING_POLL_MS : false;
}

/** One role of a principal as the list shows it. */
export type ShownAssignment = {
  assignment: AssignmentView;
  /** Made here a moment ago, not listed by Azure yet: `late` once it has been waited for long. */
  pending: "waiting" | "late" | null;
};

/** A principal and its roles on the account: one row of the list. */
export type PrincipalRow = { principal: PrincipalView; label: string; roles: ShownAssignment[] };

/**
 * The list's rows: each principal once, with its roles in Azure's order (direct first), the
 * grants still awaited added to their principal's row (a new principal's row goes first, where
 * the person who just granted it looks), and the assignments just removed left out.
 */
export function principalRows(
  listed: readonly AssignmentView[],
  pending: readonly PendingGrant[],
  removed: readonly string[],
  nowMs: number,
): PrincipalRow[] {
  const rows: PrincipalRow[] = [];
  const rowOf = (principal: PrincipalView, atTop: boolean): PrincipalRow => {
    const found = rows.find((row) => sameId(row.principal.id, principal.id));
    if (found !== undefined) return found;
    const row = { principal, label: principalLabel(principal), roles: [] };
    if (atTop) rows.unshift(row);
    else rows.push(row);
    return row;
  };
  for (const assignment of listed) {
    if (removed.some((id) => sameId(id, assignment.id))) continue;
    rowOf(assignment.principal, false).roles.push({ assignment, pending: null });
  }
  for (const grant of pending) {
    if (listsAssignment(listed, grant.assignment.id)) continue;
    if (removed.some((id) => sameId(id, grant.assignment.id))) continue;
    const late = nowMs - grant.sinceMs >= PENDING_WAIT_MS;
    rowOf(grant.assignment.principal, true).roles.push({
      assignment: grant.assignment,
      pending: late ? "late" : "waiting",
    });
  }
  return rows;
}
