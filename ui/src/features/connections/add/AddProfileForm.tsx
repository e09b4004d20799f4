import { useId, useRef, useState, type FormEvent, type JSX, type KeyboardEvent } from "react";
import { flushSync } from "react-dom";
import type { ProfileView } from "../../../bindings";
import { ErrorNotice } from "../../../components/ErrorNotice";
import { isCommandError } from "../../../lib/errorDetails";
import "../../../styles/forms.css";
import {
  emptyDraft,
  toRequest,
  type ApiStyle,
  type CloudKind,
  type FieldName,
  type ProfileDraft,
  type ProfileKind,
} from "./draft";
import { FormField } from "./FormField";
import { SecretInput } from "./SecretInput";
import { useAddProfile } from "./useAddProfile";
import { errorsAfterEdit, firstInvalidField, validateDraft, type FieldErrors } from "./validation";

const kindOptions: ReadonlyArray<{ value: ProfileKind; label: string; hint: string }> = [
  {
    value: "account",
    label: "Azure account (sign in with Microsoft Entra ID)",
    hint: "For people who can sign in to Azure: finds your subscriptions, resources and deployments for you.",
  },
  {
    value: "endpoint",
    label: "Endpoint + key",
    hint: "For people without Resource Manager rights: an endpoint URL and its API key.",
  },
];

const cloudOptions: ReadonlyArray<{ value: CloudKind; label: string }> = [
  { value: "public", label: "Azure" },
  { value: "china", label: "Azure China 21Vianet" },
  { value: "usGovernment", label: "Azure US Government" },
  { value: "custom", label: "Custom (Azure Stack, sovereign or test clouds)" },
];

const apiStyleOptions: ReadonlyArray<{ value: ApiStyle; label: string }> = [
  { value: "v1", label: "v1 (no api-version)" },
  { value: "classic", label: "Classic (with api-version)" },
];

type AddProfileFormProps = {
  onAdded: (profile: ProfileView) => void;
  onCancel: () => void;
};

/** Adds an Azure account or an endpoint + key profile. */
export function AddProfileForm({ onAdded, onCancel }: AddProfileFormProps): JSX.Element {
  const id = useId();
  const [draft, setDraft] = useState<ProfileDraft>(emptyDraft);
  const [errors, setErrors] = useState<FieldErrors>({});
  const controls = useRef<Partial<Record<FieldName, HTMLElement | null>>>({});
  const add = useAddProfile();

  function register(field: FieldName) {
    return (element: HTMLElement | null) => {
      controls.current[field] = element;
    };
  }

  function change<K extends keyof ProfileDraft>(key: K, value: ProfileDraft[K]) {
    const next = { ...draft, [key]: value };
    setDraft(next);
    setErrors((current) => errorsAfterEdit(current, key, next));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (add.isPending) {
      return;
    }
    const found = validateDraft(draft);
    const first = firstInvalidField(draft, found);
    if (first !== undefined) {
      // The field errors are the news now; an earlier failure would only confuse.
      add.reset();
      // Render the message first, so focusing the field reads it out.
      flushSync(() => setErrors(found));
      controls.current[first]?.focus();
      return;
    }
    setErrors({});
    add.mutate(toRequest(draft), {
      onSuccess: (profile) => {
        // The key is in the keychain now; the web view must not keep a copy.
        setDraft((current) => ({ ...current, apiKey: "" }));
        add.reset();
        onAdded(profile);
      },
    });
  }

  function keyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === "Escape" && !event.nativeEvent.isComposing) {
      event.preventDefault();
      onCancel();
    }
  }

  const inputError = isCommandError(add.error) && add.error.kind === "input" ? add.error : null;

  return (
    <form
      className="form"
      aria-label="Add a connection profile"
      data-testid="add-profile-form"
      aria-busy={add.isPending}
      noValidate
      onSubmit={submit}
      onKeyDown={keyDown}
    >
      <fieldset className="radio-group">
        <legend className="field-label">Connect with</legend>
        {kindOptions.map((option) => (
          <div key={option.value} className="radio-card">
            <input
              type="radio"
              id={`${id}-kind-${option.value}`}
              name={`${id}-kind`}
              value={option.value}
              data-testid={`profile-kind-${option.value}`}
              checked={draft.kind === option.value}
              aria-describedby={`${id}-kind-${option.value}-hint`}
              onChange={() => change("kind", option.value)}
            />
            <div className="radio-card-text">
              <label htmlFor={`${id}-kind-${option.value}`} className="radio-card-label">
                {option.label}
              </label>
              <p id={`${id}-kind-${option.value}-hint`} className="field-hint">
                {option.hint}
              </p>
            </div>
          </div>
        ))}
      </fieldset>

      <FormField id={`${id}-name`} label="Name" field="name" error={errors.name}>
        {(control) => (
          <input
            {...control}
            ref={register("name")}
            type="text"
            className="input"
            data-testid="profile-name"
            required
            autoComplete="off"
            value={draft.name}
            onChange={(event) => change("name", event.target.value)}
          />
        )}
      </FormField>

      {draft.kind === "account" ? (
        <>
          <FormField id={`${id}-cloud`} label="Cloud">
            {(control) => (
              <select
                {...control}
                className="select"
                data-testid="cloud-select"
                value={draft.cloud}
                onChange={(event) => {
                  const choice = cloudOptions.find((option) => option.value === event.target.value);
                  if (choice) {
                    change("cloud", choice.value);
                  }
                }}
              >
                {cloudOptions.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            )}
          </FormField>

          {draft.cloud === "custom" && (
            <div className="form-subgroup">
              <FormField
                id={`${id}-arm`}
                label="Resource Manager URL"
                field="customArmUrl"
                error={errors.customArmUrl}
              >
                {(control) => (
                  <input
                    {...control}
                    ref={register("customArmUrl")}
                    type="url"
                    className="input"
                    data-testid="custom-arm-url"
                    required
                    spellCheck={false}
                    placeholder="https://management.example.com"
                    value={draft.customArmUrl}
                    onChange={(event) => change("customArmUrl", event.target.value)}
                  />
                )}
              </FormField>
              <FormField
                id={`${id}-authority`}
                label="Sign-in authority URL"
                field="customAuthorityUrl"
                error={errors.customAuthorityUrl}
              >
                {(control) => (
                  <input
                    {...control}
                    ref={register("customAuthorityUrl")}
                    type="url"
                    className="input"
                    data-testid="custom-authority-url"
                    required
                    spellCheck={false}
                    placeholder="https://login.example.com"
                    value={draft.customAuthorityUrl}
                    onChange={(event) => change("customAuthorityUrl", event.target.value)}
                  />
                )}
              </FormField>
              <FormField id={`${id}-audience`} label="Token audience (optional)">
                {(control) => (
                  <input
                    {...control}
                    type="text"
                    className="input"
                    data-testid="custom-audience"
                    spellCheck={false}
                    placeholder="same as the Resource Manager URL"
                    value={draft.customAudience}
                    onChange={(event) => change("customAudience", event.target.value)}
                  />
                )}
              </FormField>
            </div>
          )}

          <FormField
            id={`${id}-client-id`}
            label="Own app registration (client id), optional"
            field="clientId"
            error={errors.clientId}
          >
            {(control) => (
              <input
                {...control}
                ref={register("clientId")}
                type="text"
                className="input input-mono"
                data-testid="client-id"
                spellCheck={false}
                autoComplete="off"
                value={draft.clientId}
                onChange={(event) => change("clientId", event.target.value)}
              />
            )}
          </FormField>

          <div className="checkbox-field">
            <input
              type="checkbox"
              id={`${id}-azure-cli`}
              data-testid="use-azure-cli"
              checked={draft.useAzureCli}
              aria-describedby={`${id}-azure-cli-hint`}
              onChange={(event) => change("useAzureCli", event.target.checked)}
            />
            <div>
              <label htmlFor={`${id}-azure-cli`}>
                Use my Azure CLI login (az login) instead of signing in here
              </label>
              <p id={`${id}-azure-cli-hint`} className="field-hint">
                Needs the Azure CLI installed and signed in on this computer.
              </p>
            </div>
          </div>
        </>
      ) : (
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
                onChange={(event) => change("endpointUrl", event.target.value)}
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
                      change("apiStyle", choice.value);
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
                    onChange={(event) => change("apiVersion", event.target.value)}
                  />
                )}
              </FormField>
            )}
          </div>

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
                onChange={(event) => change("deployments", event.target.value)}
              />
            )}
          </FormField>

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
                onValueChange={(value) => change("apiKey", value)}
              />
            )}
          </FormField>
        </>
      )}

      {inputError !== null && (
        <p className="form-error" role="alert" data-testid="add-profile-error">
          {inputError.message}
        </p>
      )}
      {add.isError && inputError === null && (
        <ErrorNotice title="The profile could not be added" error={add.error} />
      )}

      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary"
          data-testid="add-profile-submit"
          disabled={add.isPending}
        >
          {add.isPending ? "Adding…" : "Add profile"}
        </button>
        <button
          type="button"
          className="button"
          data-testid="add-profile-cancel"
          onClick={onCancel}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
