import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import type { AccountCoordinates, DeploymentRow, PlanFacts } from "../../../bindings";
import { ErrorNotice } from "../../../components/ErrorNotice";
import { WhatCanIDo } from "../../access/WhatCanIDo";
import "../../../styles/forms.css";
import "../../../styles/wizard.css";
import { CapacityStep } from "./CapacityStep";
import { ModelStep } from "./ModelStep";
import { OptionsStep } from "./OptionsStep";
import { findSku, quotaFor } from "./capacity";
import { buildDraft, chooseModel, chooseSku, firstOpenStep, stepProblem } from "./draft";
import { emptyFields, stepTitles, type Step, type WizardFields } from "./fields";
import { findModel } from "./search";
import { ReviewStep } from "./ReviewStep";
import { SkuStep } from "./SkuStep";
import { StepIndicator } from "./StepIndicator";
import { useCreateDeployment, usePlanFacts, useReview } from "./wizardQueries";

export type DeploymentWizardProps = {
  profileId: string;
  account: AccountCoordinates;
  onCreated: (row: DeploymentRow) => void;
  onCancel: () => void;
};

/** Creates a deployment on an account in five steps: model, type, capacity, options, review. */
export function DeploymentWizard(props: DeploymentWizardProps) {
  const { profileId, account, onCancel } = props;
  const facts = usePlanFacts(profileId, account);

  if (facts.data !== undefined) {
    return <WizardSteps {...props} facts={facts.data} />;
  }
  return (
    <section className="wizard" data-testid="deployment-wizard" aria-label="New deployment">
      <h2 className="wizard-title">New deployment on {account.name}</h2>
      {facts.isError ? (
        <>
          <ErrorNotice
            title="The models and quota of this resource could not be read"
            error={facts.error}
            onRetry={() => void facts.refetch()}
          />
          <WhatCanIDo error={facts.error} />
        </>
      ) : (
        <p role="status" className="wizard-waiting" data-testid="wizard-loading">
          <span className="wizard-spinner" aria-hidden="true" />
          Reading the models, quota and content filters of {account.name}…
        </p>
      )}
      <div className="wizard-footer">
        <button type="button" className="button" data-testid="wizard-cancel" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}

function WizardSteps({
  profileId,
  account,
  onCreated,
  onCancel,
  facts,
}: DeploymentWizardProps & { facts: PlanFacts }) {
  const id = useId();
  const [fields, setFields] = useState<WizardFields>(emptyFields);
  const [step, setStep] = useState<Step>(1);
  const heading = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);

  const model = findModel(facts, fields.modelKey);
  const sku = findSku(model, fields.skuName);
  const draft = buildDraft(fields, facts);
  const review = useReview(profileId, account, draft, step === 5);
  const { mutation: create, progress } = useCreateDeployment(profileId, account);
  const busy = create.isPending;

  // A new step is announced and takes the focus, so the keyboard starts at its top.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    heading.current?.focus();
  }, [step]);

  function goTo(next: Step) {
    if (busy) {
      return;
    }
    if (step === 5 && next !== 5) {
      // An old failure would only confuse once something is being changed.
      create.reset();
    }
    setStep(next);
  }

  function update(change: (current: WizardFields) => WizardFields) {
    setFields(change);
  }

  const reviewed = review.data;
  const createReason = (() => {
    if (create.isPending || create.isSuccess) {
      return null;
    }
    if (draft === null) {
      return "Finish the earlier steps first.";
    }
    if (review.isFetching || reviewed === undefined) {
      return review.isError ? "The draft could not be checked." : "Checking the draft…";
    }
    if (reviewed.problems.length > 0) {
      return "Fix the problems above to create the deployment.";
    }
    return reviewed.plan === null ? "Azure’s checks gave no plan for this draft." : null;
  })();
  const reason = step === 5 ? createReason : stepProblem(step, fields, facts);
  const canCreate = step === 5 && draft !== null && createReason === null && !create.isPending;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Enter moves on; it never creates anything.
    if (step < 5 && reason === null) {
      goTo((step + 1) as Step);
    }
  }

  function startCreate() {
    if (!canCreate || draft === null) {
      return;
    }
    create.mutate(draft, { onSuccess: (row) => onCreated(row) });
  }

  function keyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === "Escape" && !event.nativeEvent.isComposing && !busy) {
      event.preventDefault();
      onCancel();
    }
  }

  return (
    <form
      className="wizard"
      data-testid="deployment-wizard"
      aria-labelledby={`${id}-title`}
      aria-busy={busy}
      noValidate
      onSubmit={submit}
      onKeyDown={keyDown}
    >
      <div className="wizard-header">
        <h2 id={`${id}-title`} className="wizard-title">
          New deployment on {account.name}
        </h2>
        <p className="muted">Region {facts.location}</p>
      </div>

      <StepIndicator
        current={step}
        reachable={firstOpenStep(fields, facts)}
        disabled={busy}
        onGo={goTo}
      />

      <section
        className="wizard-step"
        data-testid={`wizard-step-${step}`}
        aria-labelledby={`${id}-step-title`}
      >
        <h3 id={`${id}-step-title`} ref={heading} tabIndex={-1} className="wizard-step-title">
          Step {step} of 5: {stepTitles[step]}
        </h3>
        {step === 1 && (
          <ModelStep
            facts={facts}
            search={fields.search}
            selectedKey={fields.modelKey}
            onSearch={(search) => update((current) => ({ ...current, search }))}
            onSelect={(chosen) => update((current) => chooseModel(current, chosen))}
          />
        )}
        {step === 2 && model !== undefined && (
          <SkuStep
            model={model}
            quotas={facts.quotas}
            selectedName={fields.skuName}
            onSelect={(chosen) => update((current) => chooseSku(current, chosen))}
          />
        )}
        {step === 3 && sku !== undefined && (
          <CapacityStep
            sku={sku}
            quota={quotaFor(facts.quotas, sku.usageName)}
            capacity={fields.capacity}
            onChange={(capacity) => update((current) => ({ ...current, capacity }))}
          />
        )}
        {step === 4 && (
          <OptionsStep
            facts={facts}
            fields={fields}
            onName={(name) => update((current) => ({ ...current, name, nameEdited: true }))}
            onChange={(key, value) => update((current) => ({ ...current, [key]: value }))}
          />
        )}
        {step === 5 && draft !== null && sku !== undefined && (
          <ReviewStep
            profileId={profileId}
            account={account}
            facts={facts}
            draft={draft}
            sku={sku}
            review={{
              review: reviewed,
              checking: review.isFetching,
              error: review.error,
              onRetry: () => void review.refetch(),
            }}
            create={{
              pending: create.isPending,
              succeeded: create.isSuccess,
              progress,
              error: create.error,
            }}
            onJump={goTo}
          />
        )}
        {step > 1 && (model === undefined || (step > 2 && sku === undefined)) && (
          <p className="wizard-empty">Go back and finish the earlier steps first.</p>
        )}
      </section>

      <div className="wizard-footer">
        {/* While Azure creates, closing would hide the outcome (the create goes on regardless). */}
        <button
          type="button"
          className="button"
          data-testid="wizard-cancel"
          disabled={busy}
          onClick={onCancel}
        >
          Cancel
        </button>
        <p id={`${id}-reason`} className="wizard-reason" data-testid="wizard-reason" aria-live="polite">
          {reason ?? ""}
        </p>
        <button
          type="button"
          className="button"
          data-testid="wizard-back"
          disabled={step === 1 || busy}
          onClick={() => goTo((step - 1) as Step)}
        >
          Back
        </button>
        {step < 5 ? (
          <button
            type="submit"
            className="button button-primary"
            data-testid="wizard-next"
            disabled={reason !== null}
            aria-describedby={reason !== null ? `${id}-reason` : undefined}
          >
            Next
          </button>
        ) : (
          <button
            type="button"
            className="button button-primary"
            data-testid="wizard-create"
            disabled={!canCreate}
            aria-describedby={reason !== null ? `${id}-reason` : undefined}
            onClick={startCreate}
          >
            {create.isPending ? "Creating…" : "Create deployment"}
          </button>
        )}
      </div>
    </form>
  );
}
