import { useEffect, useId, useMemo, useRef } from "react";
import type { AccountCoordinates, DeploymentChange, DeploymentRow } from "../../../bindings";
import "../../../styles/manage.css";
import { useOpenUsage } from "../../usage/openUsage";
import { DeploymentsError } from "../DeploymentsError";
import { usePlanFacts } from "../wizard/wizardQueries";
import type { ApplyState } from "./ChangeReviewArea";
import { useChangeDeployment } from "./manageQueries";
import { ModelSection } from "./ModelSection";
import { PauseSection } from "./PauseSection";
import { ScaleSection } from "./ScaleSection";
import { changeSummary } from "./summary";

type ManageDeploymentProps = {
  profileId: string;
  account: AccountCoordinates;
  row: DeploymentRow;
  /** Azure made the change: the row as it is now, and the status line saying what changed. */
  onChanged: (row: DeploymentRow, summary: string) => void;
  onClose: () => void;
};

type Section = "scale" | "model" | "pause";

function sectionOf(change: DeploymentChange): Section {
  return change.kind === "resume" ? "pause" : change.kind;
}

/**
 * Day-two changes to one deployment: type and capacity, version and upgrade policy, pause and
 * resume. Each is reviewed by Rust (the exact request) before it is sent, one at a time.
 */
export function ManageDeployment({
  profileId,
  account,
  row,
  onChanged,
  onClose,
}: ManageDeploymentProps) {
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const facts = usePlanFacts(profileId, account);
  const { mutation, progress } = useChangeDeployment(profileId, account, row.name);
  const target = useMemo(() => ({ profileId, account }), [profileId, account]);
  const applying = mutation.isPending;
  const openUsage = useOpenUsage();

  // Into the panel when it opens; DeploymentsTable puts focus back on Manage when it closes.
  useEffect(() => heading.current?.focus(), []);

  async function apply(change: DeploymentChange) {
    const before = row;
    try {
      // mutateAsync: closing the panel unmounts this before mutate's callbacks would run.
      const changed = await mutation.mutateAsync(change);
      onChanged(changed, changeSummary(before, change));
    } catch {
      // Shown in the section from the mutation's state, every input as it was typed.
    }
  }

  const applyFor = (section: Section): ApplyState => {
    const mine = mutation.variables !== undefined && sectionOf(mutation.variables) === section;
    return {
      applying,
      mine,
      progress,
      error: mine && mutation.isError ? mutation.error : null,
      onApply: (change) => void apply(change),
    };
  };

  return (
    <section
      className="manage"
      data-testid="manage-panel"
      aria-labelledby={headingId}
      aria-busy={applying || undefined}
      onKeyDown={(event) => {
        if (event.key === "Escape" && !applying) {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="manage-header">
        <h3 id={headingId} ref={heading} className="manage-title" tabIndex={-1}>
          Manage {row.name}
        </h3>
        <span className="muted manage-current" data-testid="manage-current">
          {row.model}
          {row.modelVersion === null ? "" : ` ${row.modelVersion}`}
          {row.sku === null ? "" : ` · ${row.sku}`}
          {row.capacity === null ? "" : ` · ${row.capacity}`}
        </span>
        {openUsage !== null && (
          // Switches the resource area to its Usage tab on this deployment; this panel stays
          // open behind it, so going back to Deployments finds it as it was.
          <button
            type="button"
            className="button button-small manage-usage"
            data-testid="manage-usage"
            aria-label={`Usage of ${row.name}`}
            onClick={() => openUsage(row.name)}
          >
            Usage
          </button>
        )}
        <button
          type="button"
          className="button button-small manage-close"
          data-testid="manage-close"
          disabled={applying}
          onClick={onClose}
        >
          Close
        </button>
      </div>

      {facts.isPending && (
        <p role="status" className="muted">
          Reading the types, versions and quota this resource offers…
        </p>
      )}
      {facts.isError && (
        <DeploymentsError
          title="Couldn’t read the types, versions and quota this resource offers."
          error={facts.error}
          onRetry={() => void facts.refetch()}
        />
      )}
      {facts.isSuccess && (
        <>
          <ScaleSection target={target} row={row} facts={facts.data} apply={applyFor("scale")} />
          <ModelSection target={target} row={row} facts={facts.data} apply={applyFor("model")} />
        </>
      )}
      <PauseSection row={row} apply={applyFor("pause")} />
    </section>
  );
}
