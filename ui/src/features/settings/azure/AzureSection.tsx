import type { NamedCloud, Settings } from "../../../bindings";
import { FormField } from "../../../components/FormField";
import { SettingsForm } from "../form/SettingsForm";
import type { DraftState } from "../form/sectionForm";
import { azureForm, BUILT_IN_ARM_API_VERSION, type AzureForm } from "./azureForm";
import { currencyChoices, currencyLabel } from "./currencies";

const clouds: ReadonlyArray<{ value: NamedCloud; label: string }> = [
  { value: "public", label: "Azure" },
  { value: "usGovernment", label: "Azure US Government" },
  { value: "china", label: "Azure China 21Vianet" },
];

const styles: ReadonlyArray<{ value: AzureForm["inferenceStyle"]; label: string }> = [
  { value: "v1", label: "v1 (no api-version)" },
  { value: "classic", label: "Classic (with api-version)" },
];

const apiVersionForm = "A date like 2024-10-21 or 2025-04-01-preview.";

type AzureSectionProps = {
  saved: Settings;
  state: DraftState<AzureForm>;
  onState: (update: (state: DraftState<AzureForm>) => DraftState<AzureForm>) => void;
};

/** What new connections start with and how the app signs in, when a connection does not say. */
export function AzureSection({ saved, state, onState }: AzureSectionProps) {
  return (
    <SettingsForm
      definition={azureForm}
      title="Azure"
      intro="What new connections start with, and how Foundry Desk talks to Azure when a connection does not say otherwise."
      resetWhat="Azure"
      saved={saved}
      state={state}
      onState={onState}
    >
      {({ form, set, problemsOf, idOf }) => (
        <>
          <FormField
            id={idOf("cloud")}
            label="Default cloud"
            hint="The cloud a new Azure account connection starts in."
            field="azure.defaultCloud"
            error={problemsOf("azure.defaultCloud")}
          >
            {(control) => (
              <select
                {...control}
                className="select settings-wide-select"
                data-testid="setting-default-cloud"
                value={form.defaultCloud}
                onChange={(event) => {
                  const cloud = clouds.find((option) => option.value === event.target.value);
                  if (cloud) set("defaultCloud", cloud.value);
                }}
              >
                {clouds.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            )}
          </FormField>

          <FormField
            id={idOf("arm-api-version")}
            label="Resource Manager api-version"
            hint={`Empty uses the built-in ${BUILT_IN_ARM_API_VERSION}, the version this build was tested with. ${apiVersionForm}`}
            field="azure.armApiVersion"
            error={problemsOf("azure.armApiVersion")}
          >
            {(control) => (
              <input
                {...control}
                className="input input-mono settings-medium"
                data-testid="setting-arm-api-version"
                spellCheck={false}
                autoComplete="off"
                placeholder={BUILT_IN_ARM_API_VERSION}
                value={form.armApiVersion}
                onChange={(event) => set("armApiVersion", event.target.value)}
              />
            )}
          </FormField>

          <div className="form-row">
            <FormField
              id={idOf("inference-style")}
              label="Inference URL style"
              hint="The URL form a new endpoint + key connection starts with: v1 (…/openai/v1) or classic (…/openai/deployments/…)."
              field="azure.inferenceStyle"
              error={problemsOf("azure.inferenceStyle")}
            >
              {(control) => (
                <select
                  {...control}
                  className="select"
                  data-testid="setting-inference-style"
                  value={form.inferenceStyle}
                  onChange={(event) => {
                    const style = styles.find((option) => option.value === event.target.value);
                    if (style) set("inferenceStyle", style.value);
                  }}
                >
                  {styles.map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            {form.inferenceStyle === "classic" && (
              <FormField
                id={idOf("inference-api-version")}
                label="Classic api-version"
                hint={apiVersionForm}
                field="azure.inferenceStyle.apiVersion"
                error={problemsOf("azure.inferenceStyle.apiVersion")}
              >
                {(control) => (
                  <input
                    {...control}
                    className="input input-mono"
                    data-testid="setting-inference-api-version"
                    spellCheck={false}
                    autoComplete="off"
                    value={form.inferenceApiVersion}
                    onChange={(event) => set("inferenceApiVersion", event.target.value)}
                  />
                )}
              </FormField>
            )}
          </div>

          <FormField
            id={idOf("default-region")}
            label="Default region filter"
            hint="The Deployments screen opens with its resources filtered to this region (the filter can be changed there): Azure’s name for it, like eastus or swedencentral. Empty shows all regions."
            field="azure.defaultRegion"
            error={problemsOf("azure.defaultRegion")}
          >
            {(control) => (
              <input
                {...control}
                className="input settings-medium"
                data-testid="setting-default-region"
                spellCheck={false}
                autoComplete="off"
                placeholder="All regions"
                value={form.defaultRegion}
                onChange={(event) => set("defaultRegion", event.target.value)}
              />
            )}
          </FormField>

          <FormField
            id={idOf("currency")}
            label="Currency for prices"
            hint="Prices and costs (the new deployment review, each answer in the Playground, usage) are Azure’s retail prices in this currency."
            field="azure.currency"
            error={problemsOf("azure.currency")}
          >
            {(control) => (
              <select
                {...control}
                className="select"
                data-testid="setting-currency"
                value={form.currency}
                onChange={(event) => set("currency", event.target.value)}
              >
                {currencyChoices(form.currency).map((code) => (
                  <option key={code} value={code}>
                    {currencyLabel(code)}
                  </option>
                ))}
              </select>
            )}
          </FormField>

          <fieldset className="settings-fieldset">
            <legend className="settings-fieldset-title">Sign-in</legend>
            <FormField
              id={idOf("client-id")}
              label="Client id"
              hint="Your organisation’s own app registration (its application id, like 00000000-0000-0000-0000-000000000000). Empty uses the built-in app."
              field="azure.signInClientId"
              error={problemsOf("azure.signInClientId")}
            >
              {(control) => (
                <input
                  {...control}
                  className="input input-mono"
                  data-testid="setting-sign-in-client-id"
                  spellCheck={false}
                  autoComplete="off"
                  placeholder="Built-in app"
                  value={form.signInClientId}
                  onChange={(event) => set("signInClientId", event.target.value)}
                />
              )}
            </FormField>
            <FormField
              id={idOf("tenant")}
              label="Tenant"
              hint="A tenant id or domain (contoso.onmicrosoft.com). Empty lets the account choose (organizations)."
              field="azure.signInTenant"
              error={problemsOf("azure.signInTenant")}
            >
              {(control) => (
                <input
                  {...control}
                  className="input input-mono"
                  data-testid="setting-sign-in-tenant"
                  spellCheck={false}
                  autoComplete="off"
                  placeholder="organizations"
                  value={form.signInTenant}
                  onChange={(event) => set("signInTenant", event.target.value)}
                />
              )}
            </FormField>
          </fieldset>
        </>
      )}
    </SettingsForm>
  );
}
