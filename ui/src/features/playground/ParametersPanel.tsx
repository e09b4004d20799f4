import { useId, useState, type KeyboardEvent } from "react";
import type { ConversationTarget, ParameterRules, PlaygroundParameters } from "../../bindings";
import { FormField } from "../../components/FormField";
import "../../styles/forms.css";
import "../../styles/playground-panels.css";
import {
  addStop,
  DEFAULT_PARAMETERS,
  effortChoices,
  hiddenNotes,
  isHidden,
  MAX_STOP_SEQUENCES,
  parameterProblems,
  parseNumber,
  numberText,
  stopText,
  unescapeStop,
  withDefaults,
  type ParameterName,
} from "./parameters";
import { PresetsBar } from "./PresetsBar";

type ParametersPanelProps = {
  rules: ParameterRules;
  value: PlaygroundParameters;
  onChange: (parameters: PlaygroundParameters) => void;
  target: ConversationTarget | null;
  disabled?: boolean;
};

type Slider = {
  min: number;
  max: number;
  step: number;
  /** Where it rests while the field is empty (the model's default). */
  rest: number;
};

type NumberFieldProps = {
  label: string;
  hint: string;
  /** Names the field's test ids: `param-<field>` and `field-error-<field>`. */
  field: string;
  value: number | null;
  /** Told the number typed (null for empty), in or out of range: the panel shows the problem. */
  onValue: (value: number | null) => void;
  problem: string | undefined;
  /** Said when the text is no number at all (or empty, for a field with no default). */
  notANumber: string;
  /** Empty means the model's default; false for a field that always has a number. */
  nullable?: boolean;
  min: number;
  max?: number;
  step: number | "any";
  slider?: Slider;
  disabled: boolean;
};

/**
 * A number as typed: the text stays exactly as the person wrote it ("0." or "") while the panel is
 * told the number it reads as. A value set from outside (another conversation) replaces the text.
 */
function NumberField(props: NumberFieldProps) {
  const { label, hint, field, value, onValue, problem, notANumber, slider, disabled } = props;
  const nullable = props.nullable ?? true;
  const id = useId();
  const [text, setText] = useState(() => numberText(value));
  // The value this text stands for; a different `value` came from outside.
  const [reported, setReported] = useState(value);
  let shown = text;
  if (value !== reported) {
    shown = numberText(value);
    setText(shown);
    setReported(value);
  }

  const parsed = parseNumber(shown);
  const unreadable = !parsed.ok || (!nullable && parsed.value === null);
  const error = unreadable ? notANumber : problem;

  function report(next: string, number: number | null) {
    setText(next);
    setReported(number);
    onValue(number);
  }

  function edit(next: string) {
    const read = parseNumber(next);
    if (!read.ok || (!nullable && read.value === null)) {
      // Nothing to report: the text stays, with its problem, until it reads as a number.
      setText(next);
      return;
    }
    report(next, read.value);
  }

  return (
    <FormField id={id} label={label} hint={hint} field={field} error={error}>
      {(control) => (
        <div className="params-number">
          <input
            {...control}
            type="number"
            inputMode={props.step === 1 ? "numeric" : "decimal"}
            className="input params-number-input"
            data-testid={`param-${field}`}
            placeholder={nullable ? "Default" : undefined}
            min={props.min}
            max={props.max}
            step={props.step}
            value={shown}
            disabled={disabled}
            onChange={(event) => edit(event.target.value)}
          />
          {slider !== undefined && (
            <input
              type="range"
              // Dimmed while the model's default applies: the knob's place is only a suggestion.
              className={`params-slider${parsed.ok && parsed.value !== null ? "" : " params-slider-unset"}`}
              data-testid={`param-${field}-slider`}
              aria-label={`${label} slider`}
              aria-describedby={control["aria-describedby"]}
              min={slider.min}
              max={slider.max}
              step={slider.step}
              value={parsed.ok && parsed.value !== null ? parsed.value : slider.rest}
              disabled={disabled}
              onChange={(event) => report(event.target.value, Number(event.target.value))}
            />
          )}
        </div>
      )}
    </FormField>
  );
}

type StopFieldProps = {
  stop: string[];
  problem: string | undefined;
  disabled: boolean;
  onStop: (stop: string[]) => void;
};

const stopHint =
  `Up to ${MAX_STOP_SEQUENCES}: the answer ends before any of them. ` +
  "Type \\n for a line break.";

/** Up to four stop sequences, each a chip with its own Remove. */
function StopField({ stop, problem, disabled, onStop }: StopFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState("");
  const full = stop.length >= MAX_STOP_SEQUENCES;
  const sequence = unescapeStop(draft);
  const duplicate = draft !== "" && stop.includes(sequence);

  function add() {
    if (draft === "" || full || duplicate) return;
    onStop(addStop(stop, sequence));
    setDraft("");
  }

  const note = full
    ? `All ${MAX_STOP_SEQUENCES} stop sequences are set; remove one to add another.`
    : duplicate
      ? `${stopText(sequence)} is already a stop sequence.`
      : undefined;

  return (
    <FormField
      id={id}
      label="Stop sequences"
      hint={stopHint}
      field="stop"
      error={problem}
    >
      {(control) => (
        <div className="params-stop">
          <div className="params-stop-entry">
            <input
              {...control}
              className="input input-mono"
              data-testid="param-stop"
              value={draft}
              placeholder={full ? "4 of 4 set" : "e.g. END"}
              disabled={disabled || full}
              onChange={(event) => setDraft(event.target.value)}
              onKeyDown={(event: KeyboardEvent<HTMLInputElement>) => {
                if (event.key === "Enter") {
                  event.preventDefault();
                  add();
                }
              }}
            />
            <button
              type="button"
              className="button button-small"
              data-testid="param-stop-add"
              disabled={disabled || full || draft === "" || duplicate}
              onClick={add}
            >
              Add
            </button>
          </div>
          {note !== undefined && (
            <p className="field-hint" data-testid="param-stop-note">
              {note}
            </p>
          )}
          {stop.length > 0 && (
            <ul className="params-chips" aria-label="Stop sequences set">
              {stop.map((item, index) => (
                <li key={`${index}-${item}`} className="params-chip" data-testid="param-stop-chip">
                  <code>{stopText(item)}</code>
                  <button
                    type="button"
                    className="params-chip-remove"
                    data-testid="param-stop-remove"
                    aria-label={`Remove stop sequence ${stopText(item)}`}
                    disabled={disabled}
                    onClick={() => onStop(stop.filter((_, at) => at !== index))}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </FormField>
  );
}

/**
 * The parameters of the conversation, as the deployment's real model takes them: what it rejects is
 * hidden with one line saying why, and each field says what is wrong with it as it is typed.
 */
export function ParametersPanel({
  rules,
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
          notANumber="The length limit must be a whole number, 1 or more"
          min={1}
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
          notANumber="Seed must be a whole number from 0 to 4294967295"
          min={0}
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
          onClick={() => replaceAll({ ...DEFAULT_PARAMETERS, stop: [] })}
        >
          Reset to defaults
        </button>
      </div>
    </section>
  );
}
