import type { ReactNode } from "react";
import type { ProfileTargets } from "../../bindings";
import { ErrorNotice } from "../../components/ErrorNotice";
import { hrefFor } from "../../routes/useRoute";
import type { RouteNote } from "./useRouteTarget";

function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty-state playground-empty" data-testid="playground-empty">
      <svg className="empty-state-icon" viewBox="0 0 24 24" aria-hidden="true">
        <path d="M4 5.5h16v10H10l-4.5 3.5v-3.5H4z" />
      </svg>
      <p className="empty-state-title">{title}</p>
      {children}
    </div>
  );
}

type NoDeploymentProps = {
  /** The deployments to try, once listed. */
  profiles: readonly ProfileTargets[] | undefined;
  loading: boolean;
  error: unknown;
  onRetry: () => void;
};

/**
 * What the conversation's place shows before a deployment is chosen: the list loading, why it
 * could not be read, where to create a deployment, or the invitation to pick one.
 */
export function NoDeployment({ profiles, loading, error, onRetry }: NoDeploymentProps) {
  if (loading) {
    return (
      <p className="muted playground-loading" role="status">
        <span className="spinner" aria-hidden="true" /> Loading deployments…
      </p>
    );
  }
  if (error !== null) {
    return (
      <ErrorNotice title="Couldn’t list the deployments to try" error={error} onRetry={onRetry} />
    );
  }
  if (profiles !== undefined && profiles.every((profile) => profile.targets.length === 0)) {
    return (
      <EmptyState title="No chat deployments yet">
        <p className="empty-state-text" data-testid="no-deployments">
          No chat deployments yet — create one on the{" "}
          <a href={hrefFor("deployments")}>Deployments screen</a>.
        </p>
        {profiles.map(
          (profile) =>
            profile.problem !== null && (
              <p key={profile.profileId} className="empty-state-text">
                {profile.problem}
              </p>
            ),
        )}
      </EmptyState>
    );
  }
  return (
    <EmptyState title="Pick a deployment to start">
      <p className="empty-state-text">
        Choose one of your chat deployments above, then ask it something.
      </p>
    </EmptyState>
  );
}

/** What became of the deployment an "Open in Playground" link named, until it is chosen. */
export function RouteNoteView({ note }: { note: RouteNote }) {
  return (
    <p className="muted playground-route" role="status" data-testid="playground-target">
      {note.kind === "waiting" ? (
        <>
          Ready to try <strong>{note.deployment}</strong> once the deployments are listed.
        </>
      ) : (
        <>
          <strong>{note.deployment}</strong> is not among the chat deployments listed now: pick
          another one.
        </>
      )}
    </p>
  );
}
