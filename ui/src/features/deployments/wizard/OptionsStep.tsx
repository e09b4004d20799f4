import { useId, type ReactNode } from "react";
import type { PlanFacts } from "../../../bindings";
import type { WizardFields } from "./fields";
import { parseTags, upgradePolicies, validateDeploymentName } from "./options";

type OptionsFields = Pick<WizardFields, "name" | "upgradePolicy" | "contentFilter" | "tags">;

type OptionsStepProps = {
  facts: PlanFacts;
  fields: OptionsFields;
  onName: (name: string) => void;
  onChange: <K extends keyof OptionsFields>(key: K, value: OptionsFields[K]) => void;
};

type ControlProps = {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
};

/** A label, its control, a hint and an error, read out together (as the connections form does). */
function Field({
  id,
  label,
  hint,
  errorTestId,
  errors,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  errorTestId?: string;
  errors: string[];
  children: (control: ControlProps) => ReactNode;
}) {
  const describedBy = [errors.length > 0 ? `${id}-error` : null, hint ? `${id}-hint` : null]
    .filter((part) => part !== null)
    .join(" ");
  return (
    <div className="form-field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {children({
        id,
        "aria-describedby": describedBy === "" ? undefined : describedBy,
        "aria-invalid": errors.length > 0 ? true : undefined,
      })}
      {errors.length > 0 && (
        <div id={`${id}-error`} className="field-error" data-testid={errorTestId}>
          {errors.map((error) => (
            <p key={error}>{error}</p>
          ))}
        </div>
      )}
      {hint !== undefined && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}

/** Step 4: the deployment's name, upgrade policy, content filter and tags. */
export function OptionsStep({ facts, fields, onName, onChange }: OptionsStepProps) {
  const id = useId();
  const nameError = validateDeploymentName(fields.name, facts.existing);
  const tagErrors = parseTags(fields.tags).errors;
  // A policy Rust no longer lists still shows, so the choice is never silently changed.
  const policies =
    fields.contentFilter === "" || facts.raiPolicies.includes(fields.contentFilter)
      ? facts.raiPolicies
      : [...facts.raiPolicies, fields.contentFilter];

  return (
    <div className="wizard-step-body form">
      <Field
        id={`${id}-name`}
        label="Deployment name"
        hint="What inference requests address: 2 to 64 letters, digits, '_', '-' or '.'."
        errorTestId="field-error-name"
        errors={nameError === null ? [] : [nameError]}
      >
        {(control) => (
          <input
            {...control}
            type="text"
            className="input"
            data-testid="deployment-name"
            autoComplete="off"
            spellCheck={false}
            value={fields.name}
            onChange={(event) => onName(event.target.value)}
          />
        )}
      </Field>

      <div className="form-row">
        <Field id={`${id}-upgrade`} label="Version upgrades" errors={[]}>
          {(control) => (
            <select
              {...control}
              className="select"
              data-testid="upgrade-policy"
              value={fields.upgradePolicy}
              onChange={(event) => {
                const choice = upgradePolicies.find((option) => option.value === event.target.value);
                if (choice) {
                  onChange("upgradePolicy", choice.value);
                }
              }}
            >
              {upgradePolicies.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${id}-filter`} label="Content filter" errors={[]}>
          {(control) => (
            <select
              {...control}
              className="select"
              data-testid="content-filter"
              value={fields.contentFilter}
              onChange={(event) => onChange("contentFilter", event.target.value)}
            >
              <option value="">Azure's default</option>
              {policies.map((policy) => (
                <option key={policy} value={policy}>
                  {policy}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>

      <Field
        id={`${id}-tags`}
        label="Tags (optional)"
        hint="One key=value a line, e.g. team=search."
        errorTestId="field-error-tags"
        errors={tagErrors}
      >
        {(control) => (
          <textarea
            {...control}
            className="input input-mono textarea"
            data-testid="deployment-tags"
            rows={3}
            spellCheck={false}
            placeholder={"team=search\ncost-center=1234"}
            value={fields.tags}
            onChange={(event) => onChange("tags", event.target.value)}
          />
        )}
      </Field>
    </div>
  );
}
