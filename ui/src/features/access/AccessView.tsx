import { useMemo, useRef, useState } from "react";
import type { AccountView, AssignmentView } from "../../bindings";
import { withMissingRole } from "../../lib/errorDetails";
import "../../styles/access.css";
import { coordinatesOf } from "../deployments/coordinates";
import { DeploymentsError } from "../deployments/DeploymentsError";
import { useAccessReport } from "./accessQueries";
import { AssignmentsList } from "./AssignmentsList";
import { GrantForm } from "./GrantForm";
import { MyAccessPanel } from "./MyAccessPanel";
import { KeyAuthSection } from "./KeyAuthSection";
import { pollInterval, principalRows, type PendingGrant } from "./pending";
import { claimPropagationNote } from "./propagationNote";
import { listsAssignment, principalLabel, sameId } from "./words";

/** The role that lets a person list a resource's role assignments. */
export const accessReaderRole = "Reader";

type AccessViewProps = {
  profileId: string;
  account: AccountView;
  /** "What can I do here?" is open: kept by ResourceArea, so a refusal on another tab opens it. */
  myAccessOpen: boolean;
  /** Changes each time the panel is asked for (focus goes to it). */
  myAccessSignal: number;
  onMyAccessOpen: (open: boolean) => void;
};

/**
 * Who may use the resource: each principal's roles explained (with what they allow, and where
 * they were made), granting and removing them, what the signed-in person can do here, and
 * whether keys are accepted at all.
 */
export function AccessView({
  profileId,
  account,
  myAccessOpen,
  myAccessSignal,
  onMyAccessOpen,
}: AccessViewProps) {
  const coordinates = useMemo(() => coordinatesOf(account), [account]);
  const [pending, setPending] = useState<PendingGrant[]>([]);
  const [removed, setRemoved] = useState<string[]>([]);
  const [granting, setGranting] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [propagationNote, setPropagationNote] = useState(false);
  const grantButton = useRef<HTMLButtonElement>(null);
  const myAccessButton = useRef<HTMLButtonElement>(null);
  const report = useAccessReport(profileId, coordinates, (data) =>
    pollInterval(pending, data, Date.now()),
  );
  const data = report.data;
  const namesNote = data?.namesNote ?? null;
  const listed = useMemo(() => data?.assignments ?? [], [data]);

  // A grant the list now shows is no longer pending.
  if (pending.some((grant) => listsAssignment(listed, grant.assignment.id))) {
    setPending(pending.filter((grant) => !listsAssignment(listed, grant.assignment.id)));
  }

  const rows = principalRows(listed, pending, removed, Date.now());
  // What the person has here now, for "already has this role": a role just removed is not.
  const known: AssignmentView[] = [...listed, ...pending.map((grant) => grant.assignment)].filter(
    (assignment) => !removed.some((id) => sameId(id, assignment.id)),
  );

  function granted(assignment: AssignmentView) {
    setPending((old) => [...old, { assignment, sinceMs: Date.now() }]);
    setGranting(false);
    setStatus(`Granted ${assignment.role.name} to ${principalLabel(assignment.principal)}.`);
    if (claimPropagationNote()) setPropagationNote(true);
    grantButton.current?.focus();
  }

  function closeGrant() {
    setGranting(false);
    grantButton.current?.focus();
  }

  return (
    <div className="access-view" data-testid="access-view">
      <div className="deployments-toolbar">
        <button
          ref={grantButton}
          type="button"
          className="button button-primary"
          data-testid="access-grant"
          aria-expanded={granting}
          disabled={data === undefined}
          title={data === undefined ? "Waiting for the list of roles" : undefined}
          onClick={() => {
            setStatus(null);
            setGranting((open) => !open);
          }}
        >
          Grant access…
        </button>
        <button
          ref={myAccessButton}
          type="button"
          className="button"
          data-testid="my-access-open"
          aria-expanded={myAccessOpen}
          onClick={() => onMyAccessOpen(!myAccessOpen)}
        >
          What can I do here?
        </button>
        <div className="deployments-toolbar-actions">
          <button
            type="button"
            className="button"
            data-testid="access-refresh"
            disabled={report.isFetching}
            onClick={() => void report.refetch()}
          >
            {report.isFetching && !report.isPending ? "Refreshing…" : "Refresh"}
          </button>
        </div>
      </div>

      {myAccessOpen && (
        <MyAccessPanel
          profileId={profileId}
          account={coordinates}
          focusSignal={myAccessSignal}
          onClose={() => {
            onMyAccessOpen(false);
            myAccessButton.current?.focus();
          }}
        />
      )}

      {granting && data !== undefined && (
        <GrantForm
          profileId={profileId}
          account={coordinates}
          roles={data.grantableRoles}
          assignments={known}
          onGranted={granted}
          onClose={closeGrant}
          onStale={() => void report.refetch()}
        />
      )}

      {/* Always mounted, so screen readers announce what appears in it. */}
      <div role="status" className="access-announcements">
        {status !== null && (
          <p className="deployments-status" data-testid="access-status">
            {status}
          </p>
        )}
        {propagationNote && (
          <p className="access-note" data-testid="access-propagation-note">
            Roles take up to 5 minutes to take effect.
          </p>
        )}
      </div>

      {report.isPending && (
        <p role="status" className="muted">
          Loading who has access…
        </p>
      )}
      {report.isError && (
        <DeploymentsError
          title={
            data === undefined
              ? `Couldn’t list who has access to ${account.name}.`
              : `Couldn’t refresh who has access to ${account.name}; the last list is below.`
          }
          error={withMissingRole(report.error, accessReaderRole)}
          onRetry={() => void report.refetch()}
        />
      )}
      {namesNote !== null && (
        <p className="access-note" data-testid="access-names-note">
          {namesNote}
        </p>
      )}
      {data !== undefined && rows.length === 0 && (
        <p className="deployments-empty" data-testid="access-empty">
          Nobody has a role here yet.
        </p>
      )}
      {rows.length > 0 && (
        <AssignmentsList
          profileId={profileId}
          account={coordinates}
          rows={rows}
          namesMissing={namesNote !== null}
          onRevoked={(id) => {
            setRemoved((old) => [...old, id]);
            // The last row gone, the list goes too: focus stays in the view, on Grant.
            if (principalRows(listed, pending, [...removed, id], Date.now()).length === 0) {
              grantButton.current?.focus();
            }
            const gone = known.find((assignment) => sameId(assignment.id, id));
            setStatus(
              gone === undefined
                ? null
                : `Removed ${gone.role.name} from ${principalLabel(gone.principal)}.`,
            );
          }}
        />
      )}

      <KeyAuthSection profileId={profileId} account={account} />
    </div>
  );
}
