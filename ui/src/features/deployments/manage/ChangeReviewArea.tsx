import type { UseMutationResult } from "@tanstack/react-query";
import type { ChangeReview, DeploymentChange, OperationProgress } from "../../../bindings";
import { DeploymentsError } from "../DeploymentsError";
import { fieldLabel } from "../wizard/draft";
import { CopyButton } from "../../../components/CopyButton";

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
  name: string;
  /** The change the inputs make, or null while nothing differs or something is wrong. */
  change: DeploymentChange | null;
  review: ReviewMutation;
  reviewTestId: string;
  apply: ApplyState;
};

/** "Review change", then Rust's problems or the exact request, then "Apply" and its outcome. */
export function ChangeReviewArea({
  name,
  change,
  review,
  reviewTestId,
  apply,
}: ChangeReviewAreaProps) {
  const result = review.data;
  const ready = result !== undefined && result.problems.length === 0 && result.request !== null;
  const requestText =
    result === undefined || result.request === null
      ? ""
      : `${result.request.method} ${result.request.url}\n\n${result.request.body}`;

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
              review.mutate(change);
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
          onRetry={
            review.variables === undefined ? undefined : () => review.mutate(review.variables)
          }
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
        <section className="manage-code" aria-label="The request Foundry Desk sends">
          <div className="manage-code-header">
            <p className="manage-code-title">The request Foundry Desk sends</p>
            <CopyButton text={requestText} label="Copy request" testId="manage-copy-request" />
          </div>
          <pre className="code-pre manage-pre" data-testid="manage-request" tabIndex={0}>
            {requestText}
          </pre>
          <div className="button-row">
            <button
              type="button"
              className="button button-primary"
              data-testid="manage-apply"
              disabled={apply.applying || change === null}
              onClick={() => {
                if (change !== null) {
                  apply.onApply(change);
                }
              }}
            >
              {apply.applying && apply.mine ? "Applying…" : "Apply"}
            </button>
          </div>
        </section>
      )}

      <ApplyOutcome name={name} apply={apply} />
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
