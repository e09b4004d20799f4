import type { UseMutationResult } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type {
  ChangeReview,
  DeploymentChange,
  DeploymentRow,
  OperationProgress,
} from "../../../bindings";
import { CodeBlock } from "../../../components/CodeBlock";
import { DeploymentsError } from "../DeploymentsError";
import { fieldLabel } from "../wizard/draft";
import { rowKey, sameChange } from "./reviewed";

/** How the one change in flight (or the last one that failed) concerns a section. */
export type ApplyState = {
  /** Some change is on its way: every input waits. */
  applying: boolean;
  /** The change in flight or the failed one came from this section. */
  mine: boolean;
  progress: OperationProgress | null;
  /** The failure of this section's last change, else null. */
  error: unknown;
  onApply: (change: DeploymentChange) => void;
};

type ReviewMutation = UseMutationResult<ChangeReview, unknown, DeploymentChange>;

type ChangeReviewAreaProps = {
  /** The deployment as it is now. */
  row: DeploymentRow;
  /** The change the inputs make, or null while nothing differs or something is wrong. */
  change: DeploymentChange | null;
  review: ReviewMutation;
  reviewTestId: string;
  apply: ApplyState;
};

/** "Review change", then Rust's problems or the exact request, then "Apply" and its outcome. */
export function ChangeReviewArea({
  row,
  change,
  review,
  reviewTestId,
  apply,
}: ChangeReviewAreaProps) {
  // The row as it was when the review on screen was asked for.
  const [reviewedRow, setReviewedRow] = useState<string | null>(null);
  const rowNow = rowKey(row);
  const reviewed = review.variables;
  // Rust's verdict is shown, and can be applied, only while it is about what the inputs say and
  // the deployment as it is: once either differs, it is gone until reviewed again. Apply then
  // sends the reviewed change itself, the one whose request is on screen.
  const current =
    reviewed !== undefined &&
    change !== null &&
    sameChange(reviewed, change) &&
    reviewedRow === rowNow;
  // …and forgotten, so that it does not come back with the inputs or the row as they were.
  const stale = reviewed !== undefined && !current;
  const forget = review.reset;
  useEffect(() => {
    if (stale) {
      forget();
    }
  }, [stale, forget]);
  const result = current ? review.data : undefined;
  const ready =
    reviewed !== undefined &&
    result !== undefined &&
    result.problems.length === 0 &&
    result.request !== null;
  const requestText =
    result === undefined || result.request === null
      ? ""
      : `${result.request.method} ${result.request.url}\n\n${result.request.body}`;

  function check(next: DeploymentChange) {
    setReviewedRow(rowNow);
    review.mutate(next);
  }

  return (
    <div className="manage-review">
      <div className="button-row">
        <button
          type="button"
          className="button"
          data-testid={reviewTestId}
          disabled={change === null || apply.applying || review.isPending}
          onClick={() => {
            if (change !== null) {
              check(change);
            }
          }}
        >
          Review change
        </button>
        {review.isPending && (
          <span role="status" className="manage-waiting">
            <span className="spinner" aria-hidden="true" />
            Checking the change…
          </span>
        )}
      </div>

      {review.isError && (
        <DeploymentsError
          title="Couldn’t check the change."
          error={review.error}
          onRetry={change === null ? undefined : () => check(change)}
        />
      )}

      {result !== undefined && result.problems.length > 0 && (
        <div className="wizard-problems" role="alert" data-testid="manage-problems">
          <p className="manage-problems-title">
            {result.problems.length === 1
              ? "One thing stops this change:"
              : `${result.problems.length} things stop this change:`}
          </p>
          <ul className="manage-problems-list">
            {result.problems.map((problem) => (
              <li key={`${problem.field}:${problem.message}`} data-testid="manage-problem">
                <strong>{fieldLabel[problem.field]}:</strong> {problem.message}
              </li>
            ))}
          </ul>
        </div>
      )}

      {ready && (
        <>
          <CodeBlock
            title="The request Foundry Desk sends"
            text={requestText}
            testId="manage-request"
            copyTestId="manage-copy-request"
            copyLabel="Copy request"
          />
          <div className="button-row">
            <button
              type="button"
              className="button button-primary"
              data-testid="manage-apply"
              disabled={apply.applying}
              onClick={() => apply.onApply(reviewed)}
            >
              {apply.applying && apply.mine ? "Applying…" : "Apply"}
            </button>
          </div>
        </>
      )}

      <ApplyOutcome name={row.name} apply={apply} />
    </div>
  );
}

/** "Updating… (Azure: Accepted)" while a section's change is on its way; its refusal after. */
export function ApplyOutcome({ name, apply }: { name: string; apply: ApplyState }) {
  if (!apply.mine) {
    return null;
  }
  if (apply.applying) {
    return (
      <p role="status" className="manage-waiting" data-testid="manage-progress">
        <span className="spinner" aria-hidden="true" />
        Updating…{apply.progress !== null && ` (Azure: ${apply.progress.status})`}
      </p>
    );
  }
  if (apply.error !== null) {
    return (
      <div data-testid="manage-error">
        <DeploymentsError title={`Couldn’t change ${name}.`} error={apply.error} />
      </div>
    );
  }
  return null;
}
