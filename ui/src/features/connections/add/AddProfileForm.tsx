import { useId, useRef, useState, type FormEvent, type JSX, type KeyboardEvent } from "react";
import { flushSync } from "react-dom";
import type { ProfileView } from "../../../bindings";
import { ErrorNotice } from "../../../components/ErrorNotice";
import { FormField } from "../../../components/FormField";
import { isCommandError } from "../../../lib/errorDetails";
import "../../../styles/forms.css";
import { AccountFields } from "./AccountFields";
import {
  emptyDraft,
  toRequest,
  withDefaults,
  type FieldName,
  type ProfileDraft,
  type ProfileKind,
} from "./draft";
import { EndpointFields } from "./EndpointFields";
import type { FieldGroupProps } from "./fieldGroup";
import { useAddProfile } from "./useAddProfile";
import { useDraftDefaults } from "./useDraftDefaults";
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

type TypedDraft = { draft: ProfileDraft; chosen: ReadonlySet<keyof ProfileDraft> };

const nothingTyped: TypedDraft = { draft: emptyDraft, chosen: new Set() };

type AddProfileFormProps = {
  onAdded: (profile: ProfileView) => void;
  onCancel: () => void;
};

/** Adds an Azure account or an endpoint + key profile. */
export function AddProfileForm({ onAdded, onCancel }: AddProfileFormProps): JSX.Element {
  const id = useId();
  const defaults = useDraftDefaults();
  // What the person typed or picked, and which fields that was: the others follow the settings.
  const [typed, setTyped] = useState<TypedDraft>(nothingTyped);
  const draft = withDefaults(typed.draft, typed.chosen, defaults);
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
    setTyped((current) => ({ draft: next, chosen: new Set(current.chosen).add(key) }));
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
        setTyped((current) => ({ ...current, draft: { ...current.draft, apiKey: "" } }));
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

  const fields: FieldGroupProps = { id, draft, errors, onChange: change, register };

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
        <AccountFields {...fields} settingsClientId={defaults.clientId} />
      ) : (
        <EndpointFields {...fields} />
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
