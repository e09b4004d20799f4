import { useId, type JSX } from "react";
import type { DeploymentChoice, FoundDeployments } from "../../../bindings";
import { ErrorNotice } from "../../../components/ErrorNotice";
import { chooseDeployment, splitDeployments } from "./draft";
import { useFindDeployments } from "./useFindDeployments";

type DeploymentPickerProps = {
  /** The endpoint URL as typed; only asked about when `canFind`. */
  endpoint: string;
  /** True when the endpoint URL passes validation. */
  canFind: boolean;
  /** The Deployments textarea's text: the only record of what is chosen. */
  deployments: string;
  onDeploymentsChange: (text: string) => void;
};

/**
 * "Pick from Azure": lists the endpoint's deployments as checkboxes that add their
 * names to, or remove them from, the Deployments text. Render it with `key` set to the
 * endpoint URL so a changed URL starts it afresh.
 */
export function DeploymentPicker({
  endpoint,
  canFind,
  deployments,
  onDeploymentsChange,
}: DeploymentPickerProps): JSX.Element {
  const find = useFindDeployments();

  return (
    <div className="deployment-picker">
      <button
        type="button"
        className="button"
        data-testid="find-deployments"
        disabled={!canFind || find.isPending}
        onClick={() => find.mutate(endpoint.trim())}
      >
        {find.isPending ? "Looking…" : "Pick from Azure"}
      </button>

      {find.isSuccess && find.data === null && (
        <p className="field-hint" role="status" data-testid="find-deployments-none">
          No signed-in profile can see this resource: type the deployment names.
        </p>
      )}
      {find.isSuccess && find.data !== null && (
        <FoundList
          found={find.data}
          deployments={deployments}
          onDeploymentsChange={onDeploymentsChange}
        />
      )}
      {find.isError && <ErrorNotice title="Deployments could not be listed" error={find.error} />}
    </div>
  );
}

type FoundListProps = {
  found: FoundDeployments;
  deployments: string;
  onDeploymentsChange: (text: string) => void;
};

function FoundList({ found, deployments, onDeploymentsChange }: FoundListProps): JSX.Element {
  const id = useId();
  if (found.deployments.length === 0) {
    return (
      <p className="field-hint" role="status" data-testid="find-deployments-empty">
        {found.account} has no deployments yet.
      </p>
    );
  }
  const typed = splitDeployments(deployments);
  return (
    <fieldset className="deployment-choices" data-testid="find-deployments-found">
      <legend className="field-hint">
        Found through {found.viaProfile} on {found.account}:
      </legend>
      <ul>
        {found.deployments.map((deployment, index) => (
          <li key={deployment.name} className="checkbox-field">
            <input
              type="checkbox"
              id={`${id}-${index}`}
              data-testid="deployment-choice"
              checked={typed.includes(deployment.name)}
              onChange={(event) =>
                onDeploymentsChange(
                  chooseDeployment(deployments, deployment.name, event.target.checked),
                )
              }
            />
            <label htmlFor={`${id}-${index}`}>{choiceLabel(deployment)}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

function choiceLabel({ name, model, modelVersion }: DeploymentChoice): string {
  return modelVersion === null ? `${name} — ${model}` : `${name} — ${model} ${modelVersion}`;
}
