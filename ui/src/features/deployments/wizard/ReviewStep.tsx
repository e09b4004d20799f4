import type {
  AccountCoordinates,
  OperationProgress,
  DeploymentDraft,
  PlanFacts,
  Review,
  SkuChoice,
} from "../../../bindings";
import { CodeBlock } from "../../../components/CodeBlock";
import { ErrorNotice } from "../../../components/ErrorNotice";
import { WhatCanIDo } from "../../access/WhatCanIDo";
import { describeCapacity } from "./capacity";
import { fieldLabel, fieldStep } from "./draft";
import { stepTitles, type Step } from "./fields";
import { formatCount } from "./numbers";
import { upgradePolicies } from "./options";
import { ReviewPrice } from "./ReviewPrice";

export type ReviewState = {
  review: Review | undefined;
  /** A check is on its way (the first one, or a newer one after an edit). */
  checking: boolean;
  error: unknown;
  onRetry: () => void;
};

export type CreateState = {
  pending: boolean;
  succeeded: boolean;
  progress: OperationProgress | null;
  error: unknown;
};

type ReviewStepProps = {
  /** Whose prices to ask for: the same profile and resource the deployment is created on. */
  profileId: string;
  account: AccountCoordinates;
  facts: PlanFacts;
  draft: DeploymentDraft;
  sku: SkuChoice;
  review: ReviewState;
  create: CreateState;
  onJump: (step: Step) => void;
};

/** Step 5: what will be created and what it costs, Rust's objections, and the exact request and `az` command. */
export function ReviewStep(props: ReviewStepProps) {
  const { profileId, account, facts, draft, sku, review, create, onJump } = props;
  const result = review.review;
  const policy =
    upgradePolicies.find((option) => option.value === (draft.versionUpgrade ?? ""))?.label ??
    draft.versionUpgrade;
  const tags = Object.entries(draft.tags);
  const requestText =
    result === undefined
      ? ""
      : `${result.request.method} ${result.request.url}\n\n${result.request.body}`;

  return (
    <div className="wizard-step-body">
      <dl className="wizard-summary" data-testid="review-summary">
        <SummaryRow label="Model" value={`${draft.modelName} (${draft.modelFormat})`} />
        <SummaryRow
          label="Version"
          value={result?.plan?.version ?? draft.modelVersion ?? "Azure's default"}
        />
        <SummaryRow label="Deployment type" value={draft.skuName} />
        <SummaryRow label="Capacity" value={capacitySummary(sku, draft.skuCapacity, result)} />
        <SummaryRow label="Name" value={draft.name} />
        <SummaryRow label="Version upgrades" value={policy ?? "Azure's default"} />
        <SummaryRow label="Content filter" value={draft.raiPolicy ?? "Azure's default"} />
        <SummaryRow label="Region" value={facts.location} />
        {tags.length > 0 && (
          <SummaryRow label="Tags" value={tags.map(([key, value]) => `${key}=${value}`).join(", ")} />
        )}
      </dl>

      <ReviewPrice profileId={profileId} account={account} draft={draft} />

      {review.checking && (
        <p role="status" className="wizard-waiting" data-testid="review-checking">
          <span className="wizard-spinner" aria-hidden="true" />
          Checking the draft with Azure’s rules…
        </p>
      )}
      {review.error !== null && !review.checking && (
        <ErrorNotice
          title="The draft could not be checked"
          error={review.error}
          onRetry={review.onRetry}
        />
      )}

      {result !== undefined && result.problems.length > 0 && (
        <div className="wizard-problems" role="alert">
          <p className="wizard-problems-title">
            {result.problems.length === 1
              ? "One thing stops this deployment:"
              : `${result.problems.length} things stop this deployment:`}
          </p>
          <ul>
            {result.problems.map((problem) => {
              const step = fieldStep[problem.field];
              return (
                <li key={`${problem.field}:${problem.message}`} data-testid="review-problem">
                  <span className="wizard-problem-field">{fieldLabel[problem.field]}:</span>{" "}
                  <span>{problem.message}</span>{" "}
                  <button
                    type="button"
                    className="button wizard-link-button"
                    data-testid="review-problem-jump"
                    onClick={() => onJump(step)}
                  >
                    Change in step {step} ({stepTitles[step]})
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      )}

      {result !== undefined && (
        <>
          <CodeBlock
            title="The request Foundry Desk sends"
            text={requestText}
            testId="review-request"
            copyTestId="copy-request"
            copyLabel="Copy request"
          />
          <CodeBlock
            title="The same with the Azure CLI"
            text={result.azCommand}
            testId="review-az"
            copyTestId="copy-az"
            copyLabel="Copy command"
          />
        </>
      )}

      <CreateStatus create={create} />
    </div>
  );
}

function SummaryRow({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/** "10 · 10,000 TPM · 60 RPM" (Rust's numbers once it checked them), or "15 PTU". */
function capacitySummary(sku: SkuChoice, capacity: number, review: Review | undefined): string {
  const checked = review?.plan?.capacity;
  if (checked !== undefined && checked.tokensPerMinute !== null) {
    const parts = [formatCount(capacity), `${formatCount(checked.tokensPerMinute)} TPM`];
    if (checked.requestsPerMinute !== null) {
      parts.push(`${formatCount(checked.requestsPerMinute)} RPM`);
    }
    return parts.join(" · ");
  }
  const derived = describeCapacity(sku, capacity);
  return sku.provisioned ? derived : `${formatCount(capacity)} · ${derived}`;
}

function CreateStatus({ create }: { create: CreateState }) {
  if (create.pending || create.succeeded) {
    const { progress } = create;
    return (
      <p role="status" className="wizard-progress" data-testid="create-progress">
        {create.succeeded ? (
          "Succeeded"
        ) : (
          <>
            <span className="wizard-spinner" aria-hidden="true" />
            Creating…
            {progress !== null &&
              ` Azure says ${progress.status} (checked ${progress.polls} ${progress.polls === 1 ? "time" : "times"})`}
          </>
        )}
      </p>
    );
  }
  if (create.error !== null) {
    return (
      <>
        <ErrorNotice title="The deployment was not created" error={create.error} />
        <WhatCanIDo error={create.error} />
      </>
    );
  }
  return null;
}
