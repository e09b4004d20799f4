import { useId, useRef, useState } from "react";
import type { DeploymentRow } from "../../../bindings";
import { ApplyOutcome, type ApplyState } from "./ChangeReviewArea";
import { pauseChangeFor, pauseWords } from "./pause";

type PauseSectionProps = { row: DeploymentRow; apply: ApplyState };

/** Pause or resume a Standard-family deployment, after a one-line confirmation. */
export function PauseSection({ row, apply }: PauseSectionProps) {
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const titleId = `${id}-title`;
  const change = pauseChangeFor(row);
  const words = pauseWords(change, row.name);

  return (
    <section
      className="manage-section"
      aria-labelledby={titleId}
      data-testid="manage-pause-section"
    >
      <h4 id={titleId} className="manage-section-title">
        Pause or resume
      </h4>
      {!row.pausable ? (
        <p className="muted" data-testid="manage-pause-unavailable">
          {row.sku === null ? "This deployment" : `${row.sku} deployments`} cannot be paused:
          only pay-per-token Standard-family ones can.
        </p>
      ) : (
        <>
          <div className="button-row">
            <button
              ref={toggle}
              type="button"
              className="button"
              data-testid="manage-pause"
              aria-expanded={confirming}
              disabled={apply.applying}
              onClick={() => setConfirming(true)}
            >
              {words.action}
            </button>
            {!confirming && (
              <span className="muted">
                {change.kind === "pause"
                  ? "Stops answering requests without giving the deployment up."
                  : "It is paused: requests get 423 until it is resumed."}
              </span>
            )}
          </div>
          {confirming && (
            <div
              className="manage-confirm button-row"
              role="group"
              aria-label={`${words.action} ${row.name}`}
              data-testid="manage-pause-confirmation"
            >
              <p>{words.confirm}</p>
              <button
                type="button"
                className="button button-primary"
                data-testid="manage-pause-confirm"
                disabled={apply.applying}
                autoFocus
                onClick={() => apply.onApply(change)}
              >
                {apply.applying && apply.mine ? words.pending : words.action}
              </button>
              <button
                type="button"
                className="button"
                data-testid="manage-pause-cancel"
                disabled={apply.applying}
                onClick={() => {
                  setConfirming(false);
                  toggle.current?.focus();
                }}
              >
                Cancel
              </button>
            </div>
          )}
          <ApplyOutcome name={row.name} apply={apply} />
        </>
      )}
    </section>
  );
}
