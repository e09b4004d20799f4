import { useEffect, useRef, useState } from "react";
import type { AccountCoordinates, Abilities, AssignmentView } from "../../bindings";
import { InlineConfirm } from "../../components/InlineConfirm";
import { useRevokeRole } from "./accessQueries";
import { AccessError } from "./AccessError";
import type { PrincipalRow, ShownAssignment } from "./pending";
import { abilitiesText, kindWord, scopeText, shownAbilities } from "./words";

type AssignmentsListProps = {
  profileId: string;
  account: AccountCoordinates;
  rows: readonly PrincipalRow[];
  /** Names are missing (Graph refused): the rows show object ids, and say so once above. */
  namesMissing: boolean;
  /** An assignment Azure just deleted: the list leaves it out even if a refetch still has it. */
  onRevoked: (assignmentId: string) => void;
};

/** Who has access: one row per principal, each role explained, with what it allows. */
export function AssignmentsList({
  profileId,
  account,
  rows,
  namesMissing,
  onRevoked,
}: AssignmentsListProps) {
  const revoke = useRevokeRole(profileId, account);
  const [confirming, setConfirming] = useState<string | null>(null);
  const list = useRef<HTMLUListElement>(null);
  // Where focus goes once the list has rendered: a role's Remove button, or the list itself.
  const [focusTarget, setFocusTarget] = useState<{ removeFor: string | null } | null>(null);

  useEffect(() => {
    if (focusTarget === null) return;
    setFocusTarget(null);
    const button = removeButtons(list.current).find(
      (item) => item.dataset.removeFor === focusTarget.removeFor,
    );
    (button ?? list.current)?.focus();
  }, [focusTarget]);

  async function confirmRevoke(assignment: AssignmentView) {
    try {
      // mutateAsync: the row leaves the list (and this confirmation with it) when Azure answers.
      await revoke.mutateAsync(assignment.id);
      // Focus moves to the next Remove button (the one before at the end), else to the list.
      const buttons = removeButtons(list.current);
      const at = buttons.findIndex((item) => item.dataset.removeFor === assignment.id);
      const next = at < 0 ? undefined : (buttons[at + 1] ?? buttons[at - 1]);
      setFocusTarget({ removeFor: next?.dataset.removeFor ?? null });
      setConfirming(null);
      onRevoked(assignment.id);
    } catch {
      // Shown in the confirmation from the mutation's state; it stays open to try again.
    }
  }

  return (
    <ul
      ref={list}
      className="access-list"
      aria-label={`Who has access to ${account.name}`}
      tabIndex={-1}
    >
      {rows.map((row) => (
        <li
          key={row.principal.id}
          className="access-row"
          data-testid={`access-row-${row.label}`}
          data-principal-id={row.principal.id}
        >
          <div className="access-who">
            {row.principal.displayName === null ? (
              <span className="access-id deployments-mono">{row.principal.id}</span>
            ) : (
              <span className="access-name">{row.principal.displayName}</span>
            )}
            <span className="deployments-badge tone-neutral access-kind">
              {kindWord(row.principal.kind)}
            </span>
            {row.principal.detail !== null && (
              <span className="cell-secondary access-detail">{row.principal.detail}</span>
            )}
            {row.principal.displayName === null && !namesMissing && (
              <span className="cell-secondary">Not found in the directory (deleted?)</span>
            )}
          </div>
          <ul className="access-roles" aria-label={`Roles of ${row.label}`}>
            {row.roles.map((shown) => (
              <RoleEntry
                key={shown.assignment.id}
                who={row.label}
                account={account.name}
                shown={shown}
                confirming={confirming === shown.assignment.id}
                removing={revoke.isPending && revoke.variables === shown.assignment.id}
                error={
                  revoke.isError && revoke.variables === shown.assignment.id ? revoke.error : null
                }
                onAsk={() => {
                  revoke.reset();
                  setConfirming(shown.assignment.id);
                }}
                onCancel={() => {
                  revoke.reset();
                  setConfirming(null);
                  setFocusTarget({ removeFor: shown.assignment.id });
                }}
                onConfirm={() => void confirmRevoke(shown.assignment)}
              />
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

/** The Remove buttons in the list, top to bottom. */
function removeButtons(list: HTMLElement | null): HTMLButtonElement[] {
  return list === null ? [] : Array.from(list.querySelectorAll<HTMLButtonElement>("button[data-remove-for]"));
}

type RoleEntryProps = {
  who: string;
  account: string;
  shown: ShownAssignment;
  confirming: boolean;
  removing: boolean;
  error: unknown;
  onAsk: () => void;
  onCancel: () => void;
  onConfirm: () => void;
};

/** One role: its name and one-line summary, what it allows, where it was made, and Remove. */
function RoleEntry(props: RoleEntryProps) {
  const { who, account, shown, confirming, removing, error, onAsk, onCancel, onConfirm } = props;
  const { role, scope } = shown.assignment;
  const inherited = scope.inherited;
  const loses = abilitiesText(role);
  return (
    <li
      className="access-role"
      data-testid="access-role"
      data-role-name={role.name}
      data-inherited={inherited}
      aria-busy={removing || undefined}
    >
      <div className="access-role-head">
        <span className="access-role-name">{role.name}</span>
        {shown.pending !== null && (
          <span className="deployments-badge tone-busy" data-testid="access-pending">
            {shown.pending === "waiting" ? "Pending" : "Pending — not listed yet"}
          </span>
        )}
        {inherited && (
          <span className="deployments-badge tone-neutral" data-testid="access-inherited">
            Inherited
          </span>
        )}
      </div>
      <p className="access-role-summary">{role.summary}</p>
      <AbilityMarks abilities={role.abilities} />
      <div className="access-role-where">
        <span className="muted" data-testid="access-scope">
          {scopeText(scope)}
        </span>
        {inherited ? (
          <span className="muted access-remove-there">Remove it where it was made.</span>
        ) : shown.pending === null ? (
          <button
            type="button"
            className="button button-small"
            data-testid={`access-revoke-${who}-${role.name}`}
            data-remove-for={shown.assignment.id}
            aria-label={`Remove ${role.name} from ${who}`}
            aria-expanded={confirming}
            disabled={removing}
            onClick={onAsk}
          >
            {removing ? "Removing…" : "Remove…"}
          </button>
        ) : null}
      </div>
      {removing && (
        <p role="status" className="access-removing">
          <span className="spinner" aria-hidden="true" />
          Removing {role.name} from {who}…
        </p>
      )}
      {confirming && (
        <InlineConfirm
          question={`Remove ${role.name} from ${who} on ${account}? ${
            loses === null ? "" : `${who} can no longer ${loses} here (Azure takes a few minutes). `
          }Granting it again is possible later.`}
          label={`Remove ${role.name} from ${who}`}
          confirmLabel="Remove role"
          busyLabel="Removing…"
          busy={removing}
          onConfirm={onConfirm}
          onCancel={onCancel}
          testId="access-revoke-confirmation"
          confirmTestId="access-revoke-confirm"
          cancelTestId="access-revoke-cancel"
        />
      )}
      {confirming && error !== null && <AccessError action="revoke" error={error} />}
    </li>
  );
}

/** ✓ or — for chat, deployments, keys, quota and metrics, each said in words to screen readers. */
export function AbilityMarks({ abilities }: { abilities: Abilities }) {
  return (
    <ul className="access-marks" aria-label="What it allows">
      {shownAbilities.map((ability) => {
        const allowed = abilities[ability.key];
        return (
          <li
            key={ability.key}
            className="access-mark"
            data-allowed={allowed}
            data-ability={ability.key}
          >
            <span className="access-mark-sign" aria-hidden="true">
              {allowed ? "✓" : "—"}
            </span>{" "}
            {ability.word}
            <span className="visually-hidden">{allowed ? " allowed" : " not allowed"}</span>
          </li>
        );
      })}
    </ul>
  );
}
