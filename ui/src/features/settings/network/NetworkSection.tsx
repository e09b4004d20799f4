import { useId, useMemo } from "react";
import type { NetworkSettings, ProxySetting, Settings } from "../../../bindings";
import { FormField } from "../../../components/FormField";
import { SettingsForm } from "../form/SettingsForm";
import type { DraftState } from "../form/sectionForm";
import { NetworkTest } from "./NetworkTest";
import {
  MAX_TIMEOUT_SECS,
  MIN_TIMEOUT_SECS,
  networkBeingEdited,
  networkForm,
  type NetworkForm,
} from "./networkForm";

const proxyModes: ReadonlyArray<{ value: ProxySetting["mode"]; label: string; hint: string }> = [
  {
    value: "system",
    label: "System",
    hint: "The proxy your environment sets (HTTPS_PROXY and NO_PROXY), if any.",
  },
  { value: "none", label: "None", hint: "Connect straight to Azure." },
  { value: "manual", label: "Manual", hint: "Through the proxy below." },
];

type NetworkSectionProps = {
  saved: Settings;
  state: DraftState<NetworkForm>;
  onState: (update: (state: DraftState<NetworkForm>) => DraftState<NetworkForm>) => void;
};

/** Proxy, extra certificate authorities and the request timeout, for every request to Azure. */
export function NetworkSection({ saved, state, onState }: NetworkSectionProps) {
  return (
    <SettingsForm
      definition={networkForm}
      title="Network"
      intro="How requests to Azure leave this machine. New requests use the saved settings."
      resetWhat="network"
      saved={saved}
      state={state}
      onState={onState}
      below={(form) => <NetworkTestOfDraft form={form} saved={saved.network} />}
    >
      {({ form, set, problemsOf, idOf }) => (
        <>
          <ProxyModeChoice value={form.proxyMode} onChange={(mode) => set("proxyMode", mode)} />

          {form.proxyMode === "manual" && (
            <div className="form-subgroup">
              <FormField
                id={idOf("proxy-url")}
                label="Proxy URL"
                hint="http or https, like http://proxy.corp:8080. No user name or password: they would be kept in a plain file."
                field="network.proxy.url"
                error={problemsOf("network.proxy.url")}
              >
                {(control) => (
                  <input
                    {...control}
                    type="url"
                    className="input input-mono"
                    data-testid="setting-proxy-url"
                    spellCheck={false}
                    autoComplete="off"
                    placeholder="http://proxy.corp:8080"
                    value={form.proxyUrl}
                    onChange={(event) => set("proxyUrl", event.target.value)}
                  />
                )}
              </FormField>
              <FormField
                id={idOf("no-proxy")}
                label="No proxy for"
                hint="Hosts reached directly: one per line, or separated by commas (localhost, .corp.example, 10.0.0.0/8)."
                field="network.proxy.noProxy"
                error={problemsOf("network.proxy.noProxy")}
              >
                {(control) => (
                  <textarea
                    {...control}
                    className="input input-mono textarea"
                    data-testid="setting-no-proxy"
                    rows={3}
                    spellCheck={false}
                    value={form.noProxy}
                    onChange={(event) => set("noProxy", event.target.value)}
                  />
                )}
              </FormField>
            </div>
          )}

          <FormField
            id={idOf("ca-certificate")}
            label="Extra CA certificate"
            hint="PEM file; checked when you save. The full path to a file of certificate authorities to trust besides the system’s (a company’s TLS inspection). Empty: none."
            field="network.caCertificate"
            error={problemsOf("network.caCertificate")}
          >
            {(control) => (
              <input
                {...control}
                className="input input-mono"
                data-testid="setting-ca-certificate"
                spellCheck={false}
                autoComplete="off"
                placeholder="None"
                value={form.caCertificate}
                onChange={(event) => set("caCertificate", event.target.value)}
              />
            )}
          </FormField>

          <FormField
            id={idOf("timeout")}
            label="Request timeout (seconds)"
            hint={`How long one request may take before it is given up: ${MIN_TIMEOUT_SECS} to ${MAX_TIMEOUT_SECS} seconds. A long reasoning answer can take minutes.`}
            field="network.requestTimeoutSecs"
            error={problemsOf("network.requestTimeoutSecs")}
          >
            {(control) => (
              <input
                {...control}
                type="number"
                inputMode="numeric"
                className="input settings-number"
                data-testid="setting-request-timeout"
                min={MIN_TIMEOUT_SECS}
                max={MAX_TIMEOUT_SECS}
                step={1}
                value={form.requestTimeout}
                onChange={(event) => set("requestTimeout", event.target.value)}
              />
            )}
          </FormField>
        </>
      )}
    </SettingsForm>
  );
}

/** The Test, told the network settings being edited (the same object while they stay the same). */
function NetworkTestOfDraft({ form, saved }: { form: NetworkForm; saved: NetworkSettings }) {
  const network = useMemo(() => networkBeingEdited(form, saved), [form, saved]);
  return <NetworkTest network={network} />;
}

type ProxyModeChoiceProps = {
  value: ProxySetting["mode"];
  onChange: (mode: ProxySetting["mode"]) => void;
};

/** System / None / Manual, as radio cards. */
function ProxyModeChoice({ value, onChange }: ProxyModeChoiceProps) {
  const id = useId();
  return (
    <fieldset className="radio-group settings-radio-row">
      <legend className="field-label">Proxy</legend>
      {proxyModes.map((mode) => (
        <div key={mode.value} className="radio-card">
          <input
            id={`${id}-${mode.value}`}
            type="radio"
            name={`${id}-proxy-mode`}
            value={mode.value}
            data-testid={`setting-proxy-mode-${mode.value}`}
            aria-describedby={`${id}-${mode.value}-hint`}
            checked={value === mode.value}
            onChange={() => onChange(mode.value)}
          />
          <div>
            <label htmlFor={`${id}-${mode.value}`} className="radio-card-label">
              {mode.label}
            </label>
            <p id={`${id}-${mode.value}-hint`} className="field-hint">
              {mode.hint}
            </p>
          </div>
        </div>
      ))}
    </fieldset>
  );
}
