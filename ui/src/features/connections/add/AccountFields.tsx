import type { JSX } from "react";
import { FormField } from "../../../components/FormField";
import type { CloudKind } from "./draft";
import type { FieldGroupProps } from "./fieldGroup";

const cloudOptions: ReadonlyArray<{ value: CloudKind; label: string }> = [
  { value: "public", label: "Azure" },
  { value: "china", label: "Azure China 21Vianet" },
  { value: "usGovernment", label: "Azure US Government" },
  { value: "custom", label: "Custom (Azure Stack, sovereign or test clouds)" },
];

type AccountFieldsProps = FieldGroupProps & {
  /** The client id from Settings › Azure, which sign-in uses when the field is left empty. */
  settingsClientId: string | null;
};

/** What an empty client id field signs in with, said under the field. */
function clientIdHint(settingsClientId: string | null): string {
  return settingsClientId === null
    ? "Empty uses the built-in app."
    : `Empty uses ${settingsClientId} from Settings.`;
}

/** The Azure account fields: cloud, custom cloud URLs, client id and the Azure CLI choice. */
export function AccountFields({
  id,
  draft,
  errors,
  onChange,
  register,
  settingsClientId,
}: AccountFieldsProps): JSX.Element {
  return (
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
                onChange("cloud", choice.value);
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
                onChange={(event) => onChange("customArmUrl", event.target.value)}
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
                onChange={(event) => onChange("customAuthorityUrl", event.target.value)}
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
                onChange={(event) => onChange("customAudience", event.target.value)}
              />
            )}
          </FormField>
        </div>
      )}

      <FormField
        id={`${id}-client-id`}
        label="Own app registration (client id), optional"
        hint={clientIdHint(settingsClientId)}
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
            // Only shown, never copied in: Rust applies the setting at sign-in when the field
            // is empty, so the profile takes whatever Settings says then.
            placeholder={settingsClientId ?? "the built-in app"}
            value={draft.clientId}
            onChange={(event) => onChange("clientId", event.target.value)}
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
          onChange={(event) => onChange("useAzureCli", event.target.checked)}
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
  );
}
