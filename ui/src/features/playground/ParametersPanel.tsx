import { useId, useState } from "react";
import type { ConversationTarget, ParameterRules, PlaygroundParameters } from "../../bindings";
import { FormField } from "../../components/FormField";
import "../../styles/forms.css";
import "../../styles/playground-panels.css";
import { NumberField } from "./NumberField";
import {
  DEFAULT_PARAMETERS,
  effortChoices,
  hiddenNotes,
  isHidden,
  MAX_SEED,
  MAX_TOKENS,
  MAX_TOKENS_PROBLEM,
  parameterProblems,
  withDefaults,
  type ParameterName,
} from "./parameters";
import { PresetsBar } from "./PresetsBar";
import { StopField } from "./StopField";

type ParametersPanelProps = {
  rules: ParameterRules;
  /** What "Reset to defaults" sets: the model's defaults unless told otherwise. */
  defaults?: PlaygroundParameters;
  value: PlaygroundParameters;
  onChange: (parameters: PlaygroundParameters) => void;
  target: ConversationTarget | null;
  disabled?: boolean;
};

/**
 * The parameters of the conversation, as the deployment's real model takes them: what it rejects is
 * hidden with one line saying why, and each field says what is wrong with it as it is typed.
 */
export function ParametersPanel({
  rules,
  defaults = DEFAULT_PARAMETERS,
  value,
  onChange,
  target,
  disabled = false,
}: ParametersPanelProps) {
  const id = useId();
  // Bumped when the panel itself replaces every value (Reset, a preset): fields start over, even
  // one showing text that was never a number.
  const [generation, setGeneration] = useState(0);
  const p = withDefaults(value);
  const problems = parameterProblems(p);
  const notes = hiddenNotes(rules);
  const shows = (name: ParameterName) => !isHidden(rules, name);

  function replaceAll(next: PlaygroundParameters) {
    setGeneration((count) => count + 1);
    onChange(next);
  }

  function set<K extends ParameterName>(name: K, next: PlaygroundParameters[K]) {
    onChange({ ...p, [name]: next });
  }

  const efforts = effortChoices(rules);
  const effort = p.reasoningEffort ?? "";
  const lengthHint = rules.reasoning
    ? "The most tokens the answer may use; includes the model's hidden reasoning."
    : "The most tokens the answer may use.";

  return (
    <section className="params-panel" data-testid="params-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel-title">
        Parameters
      </h2>
      <PresetsBar target={target} parameters={p} onApply={replaceAll} disabled={disabled} />

      {!rules.knownModel && (
        <p className="params-note" data-testid="params-unknown-model">
          The real model is unknown, so every parameter is offered; Azure will refuse what it does
          not accept.
        </p>
      )}

      {notes.length > 0 && (
        <ul className="params-hidden" data-testid="params-hidden" aria-label="Hidden parameters">
          {notes.map((note) => (
            <li key={note} className="muted">
              {note}
            </li>
          ))}
        </ul>
      )}

      <form key={generation} className="params-form" onSubmit={(event) => event.preventDefault()}>
        {shows("systemMessage") && (
          <FormField id={`${id}-system`} label={rules.systemLabel}>
            {(control) => (
              <textarea
                {...control}
                className="input textarea params-system"
                data-testid="param-system"
                rows={4}
                placeholder="You are a helpful assistant."
                value={p.systemMessage}
                disabled={disabled}
                onChange={(event) => set("systemMessage", event.target.value)}
              />
            )}
          </FormField>
        )}

        {shows("temperature") && (
          <NumberField
            label="Temperature"
            hint="0 to 2: higher answers vary more."
            field="temperature"
            value={p.temperature}
            onValue={(next) => set("temperature", next)}
            problem={problems.temperature}
            notANumber="Temperature must be a number"
            min={0}
            max={2}
            step={0.01}
            slider={{ min: 0, max: 2, step: 0.01, rest: 1 }}
            disabled={disabled}
          />
        )}

        {shows("topP") && (
          <NumberField
            label="Top P"
            hint="0 to 1: the share of likely tokens to choose from. Change this or temperature."
            field="top-p"
            value={p.topP}
            onValue={(next) => set("topP", next)}
            problem={problems.topP}
            notANumber="Top P must be a number"
            min={0}
            max={1}
            step={0.01}
            slider={{ min: 0, max: 1, step: 0.01, rest: 1 }}
            disabled={disabled}
          />
        )}

        <NumberField
          label={rules.lengthParameter}
          hint={lengthHint}
          field="max-tokens"
          value={p.maxTokens}
          onValue={(next) => set("maxTokens", next)}
          problem={problems.maxTokens}
          notANumber={MAX_TOKENS_PROBLEM}
          min={1}
          max={MAX_TOKENS}
          step={1}
          disabled={disabled}
        />

        <StopField
          stop={p.stop}
          problem={problems.stop}
          disabled={disabled}
          onStop={(next) => set("stop", next)}
        />

        {(shows("frequencyPenalty") || shows("presencePenalty")) && (
          <div className="form-row">
            {shows("frequencyPenalty") && (
              <NumberField
                label="Frequency penalty"
                hint="-2 to 2: above 0 repeats words less."
                field="frequency-penalty"
                value={p.frequencyPenalty}
                onValue={(next) => set("frequencyPenalty", next)}
                problem={problems.frequencyPenalty}
                notANumber="Frequency penalty must be a number"
                min={-2}
                max={2}
                step={0.01}
                disabled={disabled}
              />
            )}
            {shows("presencePenalty") && (
              <NumberField
                label="Presence penalty"
                hint="-2 to 2: above 0 moves on to new topics."
                field="presence-penalty"
                value={p.presencePenalty}
                onValue={(next) => set("presencePenalty", next)}
                problem={problems.presencePenalty}
                notANumber="Presence penalty must be a number"
                min={-2}
                max={2}
                step={0.01}
                disabled={disabled}
              />
            )}
          </div>
        )}

        <NumberField
          label="Seed"
          hint="The same seed and parameters repeat an answer, as far as the model can."
          field="seed"
          value={p.seed}
          onValue={(next) => set("seed", next)}
          problem={problems.seed}
          notANumber={`Seed must be a whole number from 0 to ${MAX_SEED}`}
          min={0}
          max={MAX_SEED}
          step={1}
          disabled={disabled}
        />

        {shows("reasoningEffort") && (
          <FormField
            id={`${id}-effort`}
            label="Reasoning effort"
            hint="How long the model thinks before it answers."
          >
            {(control) => (
              <select
                {...control}
                className="select"
                data-testid="param-reasoning-effort"
                value={effort}
                disabled={disabled}
                onChange={(event) =>
                  set("reasoningEffort", event.target.value === "" ? null : event.target.value)
                }
              >
                <option value="">Model default</option>
                {efforts.map((choice) => (
                  <option key={choice} value={choice}>
                    {choice}
                  </option>
                ))}
                {effort !== "" && !efforts.includes(effort) && (
                  // Set for another model (a preset, a saved conversation): shown, not offered.
                  <option value={effort} disabled>
                    {effort} (not taken by this model)
                  </option>
                )}
              </select>
            )}
          </FormField>
        )}

        <NumberField
          label="Past messages included"
          hint="How many earlier messages go with each request (0 to 100)."
          field="past-messages"
          value={p.pastMessages}
          onValue={(next) => {
            if (next !== null) set("pastMessages", next);
          }}
          problem={problems.pastMessages}
          notANumber="Past messages must be a whole number from 0 to 100"
          nullable={false}
          min={0}
          max={100}
          step={1}
          disabled={disabled}
        />

        <div className="checkbox-field params-json">
          <input
            id={`${id}-json`}
            type="checkbox"
            data-testid="param-json"
            aria-describedby={`${id}-json-hint`}
            checked={p.jsonResponse}
            disabled={disabled}
            onChange={(event) => set("jsonResponse", event.target.checked)}
          />
          <div>
            <label htmlFor={`${id}-json`}>JSON response</label>
            <p id={`${id}-json-hint`} className="field-hint">
              The answer is a JSON object. The prompt or system message must mention JSON, or Azure
              refuses the request.
            </p>
          </div>
        </div>
      </form>

      <div className="button-row">
        <button
          type="button"
          className="button button-small"
          data-testid="params-reset"
          disabled={disabled}
          onClick={() => {
            const reset = withDefaults(defaults);
            replaceAll({ ...reset, stop: [...reset.stop] });
          }}
        >
          Reset to defaults
        </button>
      </div>
    </section>
  );
}
