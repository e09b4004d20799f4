import { useId } from "react";
import type { AccountAccess, CheckArea, CheckOutcome, CheckResult } from "../../bindings";
import { isCommandError } from "../../lib/errorDetails";
import { MyAccessView } from "../access/MyAccessView";
import { ActionError } from "./ActionError";
import { useCheckConnection } from "./connectionQueries";

const areaLabels: Record<CheckArea, string> = {
  arm: "Resource Manager",
  deployments: "Deployments",
  inference: "Inference",
};

const outcomeLabels: Record<CheckOutcome, { icon: string; word: string }> = {
  ok: { icon: "✓", word: "OK" },
  failed: { icon: "✕", word: "Failed" },
  skipped: { icon: "–", word: "Skipped" },
};

type CheckConnectionProps = {
  profileId: string;
  /** The whole check was refused for want of a sign-in: the detail pane shows the sign-in panel. */
  onSignInRequired: () => void;
};

/**
 * Tries what the profile is for, step by step, and says which step works; then what the signed-in
 * person can do on the account it checked.
 */
export function CheckConnection({ profileId, onSignInRequired }: CheckConnectionProps) {
  const id = useId();
  const check = useCheckConnection(profileId);

  function run() {
    check.mutate(undefined, {
      onError: (error) => {
        if (isCommandError(error) && error.kind === "signInRequired") {
          onSignInRequired();
        }
      },
    });
  }

  return (
    <section className="panel" aria-labelledby={`${id}-title`} data-testid="check-panel">
      <h3 id={`${id}-title`} className="panel-title">
        Connection check
      </h3>
      <div className="button-row">
        <button
          type="button"
          className="button"
          data-testid="check-connection"
          disabled={check.isPending}
          onClick={run}
        >
          {check.isPending ? "Checking…" : "Check connection"}
        </button>
        {check.isPending && (
          <span role="status" className="waiting">
            <span className="spinner" aria-hidden="true" />
            Checking Resource Manager, deployments and a one-token chat…
          </span>
        )}
      </div>
      {check.isSuccess && (
        <ul className="check-results" aria-label="Check results">
          {check.data.checks.map((result) => (
            <CheckLine key={result.area} result={result} />
          ))}
        </ul>
      )}
      {check.isSuccess && check.data.access !== null && <CheckAccess access={check.data.access} />}
      {check.isError && <ActionError title="Couldn’t check the connection." error={check.error} />}
    </section>
  );
}

function CheckLine({ result }: { result: CheckResult }) {
  const outcome = outcomeLabels[result.outcome];
  return (
    <li
      className={`check-result check-result-${result.outcome}`}
      data-testid={`check-result-${result.area}`}
      data-outcome={result.outcome}
    >
      <span className="check-outcome">
        <span aria-hidden="true">{outcome.icon}</span> {outcome.word}
      </span>
      <div className="check-body">
        <p className="check-area">{areaLabels[result.area]}</p>
        <p>{result.summary}</p>
        {result.missingRole !== null && (
          <p className="check-note">Missing role: {result.missingRole}</p>
        )}
        {(result.code !== null || result.requestId !== null) && (
          <dl className="error-notice-meta">
            {result.code !== null && (
              <div>
                <dt>Code</dt>
                <dd>{result.code}</dd>
              </div>
            )}
            {result.requestId !== null && (
              <div>
                <dt>Request ID</dt>
                <dd>{result.requestId}</dd>
              </div>
            )}
          </dl>
        )}
      </div>
    </li>
  );
}

/** "What can I do here?" on the account the check used, under its steps. */
function CheckAccess({ access }: { access: AccountAccess }) {
  const id = useId();
  return (
    <section className="check-access" aria-labelledby={id} data-testid="check-access">
      <h4 id={id} className="check-access-title">
        What you can do on {access.accountName}
      </h4>
      <MyAccessView access={access.access} />
    </section>
  );
}
