import type { PlaygroundParameters, Settings } from "../../../bindings";
import { FormField } from "../../../components/FormField";
import { NumberField } from "../../playground/NumberField";
import {
  MAX_PAST_MESSAGES,
  MAX_TOKENS,
  MAX_TOKENS_PROBLEM,
  parameterProblems,
  type ParameterName,
} from "../../playground/parameters";
import { CheckboxField } from "../form/CheckboxField";
import { SettingsForm, type SectionFormApi } from "../form/SettingsForm";
import type { DraftState } from "../form/sectionForm";
import { playgroundForm, type ModelKind, type PlaygroundForm } from "./playgroundForm";

/** Every effort a reasoning model may take; `minimal` only the gpt-5 family does. */
const efforts = ["minimal", "low", "medium", "high"];

type PlaygroundDefaultsSectionProps = {
  saved: Settings;
  state: DraftState<PlaygroundForm>;
  onState: (update: (state: DraftState<PlaygroundForm>) => DraftState<PlaygroundForm>) => void;
};

/** What a new conversation starts with, for chat and for reasoning models, and where it is kept. */
export function PlaygroundDefaultsSection({ saved, state, onState }: PlaygroundDefaultsSectionProps) {
  return (
    <SettingsForm
      definition={playgroundForm}
      title="Playground defaults"
      intro="What a new conversation starts with. Empty numbers leave the model’s own default; a conversation’s parameters panel can change any of them."
      resetWhat="Playground"
      saved={saved}
      state={state}
      onState={onState}
    >
      {(api) => (
        <>
          <DefaultParameters
            kind="chat"
            title="Chat models"
            value={api.form.chat}
            onChange={(next) => api.set("chat", next)}
            api={api}
          />
          <DefaultParameters
            kind="reasoning"
            title="Reasoning models (o-series, gpt-5)"
            value={api.form.reasoning}
            onChange={(next) => api.set("reasoning", next)}
            api={api}
          />

          <fieldset className="settings-fieldset">
            <legend className="settings-fieldset-title">Conversations</legend>
            <CheckboxField
              id={api.idOf("autosave")}
              label="Auto-save conversations"
              hint="Conversations are saved as they change, to open again from the Playground’s history."
              field="playground.autosave"
              testId="setting-autosave"
              checked={api.form.autosave}
              onChange={(autosave) => api.set("autosave", autosave)}
              error={api.problemsOf("playground.autosave")}
            />
            <FormField
              id={api.idOf("history-dir")}
              label="History folder"
              hint="A full path, like /home/me/chats. Empty keeps conversations in the app’s data folder. Conversations already saved stay where they are; History lists the folder chosen here."
              field="playground.historyDir"
              error={api.problemsOf("playground.historyDir")}
            >
              {(control) => (
                <input
                  {...control}
                  className="input input-mono"
                  data-testid="setting-history-dir"
                  spellCheck={false}
                  autoComplete="off"
                  placeholder="App data folder"
                  value={api.form.historyDir}
                  onChange={(event) => api.set("historyDir", event.target.value)}
                />
              )}
            </FormField>
          </fieldset>
        </>
      )}
    </SettingsForm>
  );
}

type DefaultParametersProps = {
  kind: ModelKind;
  title: string;
  value: Required<PlaygroundParameters>;
  onChange: (parameters: Required<PlaygroundParameters>) => void;
  api: SectionFormApi<PlaygroundForm>;
};

/**
 * One kind of model's defaults, with the Playground's own number fields: each says what is wrong
 * with it as it is typed, and what Rust refused.
 */
function DefaultParameters({ kind, title, value: p, onChange, api }: DefaultParametersProps) {
  const local = parameterProblems(p);
  const field = (name: ParameterName) => `playground.${kind}.${name}`;
  const problem = (name: ParameterName) => local[name] ?? api.problemsOf(field(name))?.join(" ");
  function set<K extends ParameterName>(name: K, next: Required<PlaygroundParameters>[K]) {
    onChange({ ...p, [name]: next });
  }
  const reasoning = kind === "reasoning";
  const effort = p.reasoningEffort ?? "";

  return (
    <fieldset className="settings-fieldset" data-testid={`settings-playground-${kind}`}>
      <legend className="settings-fieldset-title">{title}</legend>
      <FormField
        id={api.idOf(`${kind}-system`)}
        label={reasoning ? "Developer message" : "System message"}
        hint="Sent first in every conversation; empty sends none."
        field={field("systemMessage")}
        error={api.problemsOf(field("systemMessage"))}
      >
        {(control) => (
          <textarea
            {...control}
            className="input textarea"
            data-testid={`param-${field("systemMessage")}`}
            rows={3}
            placeholder="You are a helpful assistant."
            value={p.systemMessage}
            onChange={(event) => set("systemMessage", event.target.value)}
          />
        )}
      </FormField>

      {!reasoning && (
        <div className="form-row">
          <NumberField
            label="Temperature"
            hint="0 to 2: higher answers vary more."
            field={field("temperature")}
            value={p.temperature}
            onValue={(next) => set("temperature", next)}
            problem={problem("temperature")}
            notANumber="Temperature must be a number"
            min={0}
            max={2}
            step={0.01}
            disabled={false}
          />
          <NumberField
            label="Top P"
            hint="0 to 1: the share of likely tokens to choose from."
            field={field("topP")}
            value={p.topP}
            onValue={(next) => set("topP", next)}
            problem={problem("topP")}
            notANumber="Top P must be a number"
            min={0}
            max={1}
            step={0.01}
            disabled={false}
          />
        </div>
      )}

      {reasoning && (
        <FormField
          id={api.idOf(`${kind}-effort`)}
          label="Reasoning effort"
          hint="How long the model thinks before it answers; minimal is for the gpt-5 family only."
          field={field("reasoningEffort")}
          error={api.problemsOf(field("reasoningEffort"))}
        >
          {(control) => (
            <select
              {...control}
              className="select settings-narrow"
              data-testid={`param-${field("reasoningEffort")}`}
              value={effort}
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
                <option value={effort}>{effort}</option>
              )}
            </select>
          )}
        </FormField>
      )}

      <div className="form-row">
        <NumberField
          label={reasoning ? "max_completion_tokens" : "max_tokens"}
          hint={
            reasoning
              ? "The most tokens an answer may use, its hidden reasoning included."
              : "The most tokens an answer may use."
          }
          field={field("maxTokens")}
          value={p.maxTokens}
          onValue={(next) => set("maxTokens", next)}
          problem={problem("maxTokens")}
          notANumber={MAX_TOKENS_PROBLEM}
          min={1}
          max={MAX_TOKENS}
          step={1}
          disabled={false}
        />
        <NumberField
          label="Past messages included"
          hint={`How many earlier messages go with each request (0 to ${MAX_PAST_MESSAGES}).`}
          field={field("pastMessages")}
          value={p.pastMessages}
          onValue={(next) => {
            if (next !== null) set("pastMessages", next);
          }}
          problem={problem("pastMessages")}
          notANumber={`Past messages must be a whole number from 0 to ${MAX_PAST_MESSAGES}`}
          nullable={false}
          min={0}
          max={MAX_PAST_MESSAGES}
          step={1}
          disabled={false}
        />
      </div>

      {!reasoning && (
        <div className="form-row">
          <NumberField
            label="Frequency penalty"
            hint="-2 to 2: above 0 repeats words less."
            field={field("frequencyPenalty")}
            value={p.frequencyPenalty}
            onValue={(next) => set("frequencyPenalty", next)}
            problem={problem("frequencyPenalty")}
            notANumber="Frequency penalty must be a number"
            min={-2}
            max={2}
            step={0.01}
            disabled={false}
          />
          <NumberField
            label="Presence penalty"
            hint="-2 to 2: above 0 moves on to new topics."
            field={field("presencePenalty")}
            value={p.presencePenalty}
            onValue={(next) => set("presencePenalty", next)}
            problem={problem("presencePenalty")}
            notANumber="Presence penalty must be a number"
            min={-2}
            max={2}
            step={0.01}
            disabled={false}
          />
        </div>
      )}
    </fieldset>
  );
}
