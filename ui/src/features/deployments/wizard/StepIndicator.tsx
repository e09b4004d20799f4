import { steps, stepTitles, type Step } from "./fields";

type StepIndicatorProps = {
  current: Step;
  /** The furthest step that can be opened (every step before it is done). */
  reachable: Step;
  disabled: boolean;
  onGo: (step: Step) => void;
};

/** The five steps; the ones already open to the person are buttons to jump to. */
export function StepIndicator({ current, reachable, disabled, onGo }: StepIndicatorProps) {
  return (
    <ol className="wizard-steps" aria-label="Steps" data-testid="wizard-steps">
      {steps.map((step) => {
        const state = step === current ? "current" : step < current ? "done" : "todo";
        const label = (
          <>
            <span className="wizard-steps-number" aria-hidden="true">
              {step}
            </span>
            <span>{stepTitles[step]}</span>
          </>
        );
        return (
          <li key={step} data-state={state} aria-current={step === current ? "step" : undefined}>
            {step !== current && step <= reachable ? (
              <button
                type="button"
                className="wizard-steps-button"
                disabled={disabled}
                onClick={() => onGo(step)}
              >
                {label}
              </button>
            ) : (
              <span className="wizard-steps-label">{label}</span>
            )}
          </li>
        );
      })}
    </ol>
  );
}
