import type { JSX } from "react";
import { FormField } from "../../../components/FormField";
import { SecretInput } from "../../../components/SecretInput";
import type { ApiStyle } from "./draft";
import { DeploymentPicker } from "./DeploymentPicker";
import type { FieldGroupProps } from "./fieldGroup";
import { validateUrl } from "./validation";

const apiStyleOptions: ReadonlyArray<{ value: ApiStyle; label: string }> = [
  { value: "v1", label: "v1 (no api-version)" },
  { value: "classic", label: "Classic (with api-version)" },
];

/** The endpoint + key fields: endpoint URL, API style and version, deployments and API key. */
export function EndpointFields({
  id,
  draft,
  errors,
  onChange,
  register,
}: FieldGroupProps): JSX.Element {
  return (
    <>
      <FormField
        id={`${id}-endpoint`}
        label="Endpoint URL"
        hint="Any of the three forms: https://NAME.openai.azure.com, https://NAME.cognitiveservices.azure.com or https://NAME.services.ai.azure.com; a pasted /openai/v1 is fine"
        field="endpointUrl"
        error={errors.endpointUrl}
      >
        {(control) => (
          <input
            {...control}
            ref={register("endpointUrl")}
            type="url"
            className="input"
            data-testid="endpoint-url"
            required
            spellCheck={false}
            autoComplete="off"
            placeholder="https://NAME.openai.azure.com"
            value={draft.endpointUrl}
            onChange={(event) => onChange("endpointUrl", event.target.value)}
          />
        )}
      </FormField>

      <div className="form-row">
        <FormField id={`${id}-api-style`} label="API style">
          {(control) => (
            <select
              {...control}
              className="select"
              data-testid="api-style"
              value={draft.apiStyle}
              onChange={(event) => {
                const choice = apiStyleOptions.find(
                  (option) => option.value === event.target.value,
                );
                if (choice) {
                  onChange("apiStyle", choice.value);
                }
              }}
            >
              {apiStyleOptions.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          )}
        </FormField>
        {draft.apiStyle === "classic" && (
          <FormField
            id={`${id}-api-version`}
            label="API version"
            field="apiVersion"
            error={errors.apiVersion}
          >
            {(control) => (
              <input
                {...control}
                ref={register("apiVersion")}
                type="text"
                className="input input-mono"
                data-testid="api-version"
                required
                spellCheck={false}
                autoComplete="off"
                value={draft.apiVersion}
                onChange={(event) => onChange("apiVersion", event.target.value)}
              />
            )}
          </FormField>
        )}
      </div>

      <div className="deployments-field">
        <FormField
          id={`${id}-deployments`}
          label="Deployments (optional)"
          hint="The deployment names to chat with"
        >
          {(control) => (
            <textarea
              {...control}
              className="input textarea"
              data-testid="deployments"
              rows={3}
              spellCheck={false}
              placeholder="One per line, or separated by commas"
              value={draft.deployments}
              onChange={(event) => onChange("deployments", event.target.value)}
            />
          )}
        </FormField>
        {/* Keyed by the URL: a changed endpoint drops the deployments found for the old one. */}
        <DeploymentPicker
          key={draft.endpointUrl}
          endpoint={draft.endpointUrl}
          canFind={validateUrl(draft.endpointUrl) === null}
          deployments={draft.deployments}
          onDeploymentsChange={(text) => onChange("deployments", text)}
        />
      </div>

      <FormField
        id={`${id}-api-key`}
        label="API key (optional)"
        hint="Saved in your OS keychain, never on disk; only its last four characters are shown again"
      >
        {(control) => (
          <SecretInput
            {...control}
            className="input input-mono"
            data-testid="api-key"
            value={draft.apiKey}
            onValueChange={(value) => onChange("apiKey", value)}
          />
        )}
      </FormField>
    </>
  );
}
