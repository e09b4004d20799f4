import { useId } from "react";
import type { PlanFacts } from "../../../bindings";
import { FormField } from "../../../components/FormField";
import type { WizardFields } from "./fields";
import { parseTags, upgradePolicies, validateDeploymentName } from "./options";

type OptionsFields = Pick<WizardFields, "name" | "upgradePolicy" | "contentFilter" | "tags">;

type OptionsStepProps = {
  facts: PlanFacts;
  fields: OptionsFields;
  onName: (name: string) => void;
  onChange: <K extends keyof OptionsFields>(key: K, value: OptionsFields[K]) => void;
};

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
      <FormField
        id={`${id}-name`}
        label="Deployment name"
        hint="What inference requests address: 2 to 64 letters, digits, '_', '-' or '.'."
        field="name"
        error={nameError === null ? [] : [nameError]}
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
      </FormField>

      <div className="form-row">
        <FormField id={`${id}-upgrade`} label="Version upgrades">
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
        </FormField>
        <FormField id={`${id}-filter`} label="Content filter">
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
        </FormField>
      </div>

      <FormField
        id={`${id}-tags`}
        label="Tags (optional)"
        hint="One key=value a line, e.g. team=search."
        field="tags"
        error={tagErrors}
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
      </FormField>
    </div>
  );
}
