import type { FieldProblem, PlaygroundParameters } from "../../../bindings";
import { parameterProblems, withDefaults, type ParameterName } from "../../playground/parameters";
import { optional } from "../azure/azureForm";
import type { FormDefinition } from "../form/sectionForm";

/** The parameters each kind of model is given here (the others keep their saved values). */
export const chatParameters: readonly ParameterName[] = [
  "systemMessage",
  "temperature",
  "topP",
  "maxTokens",
  "frequencyPenalty",
  "presencePenalty",
  "pastMessages",
];
export const reasoningParameters: readonly ParameterName[] = [
  "systemMessage",
  "reasoningEffort",
  "maxTokens",
  "pastMessages",
];

export type ModelKind = "chat" | "reasoning";

/** The playground defaults as edited: every parameter filled in. */
export type PlaygroundForm = {
  chat: Required<PlaygroundParameters>;
  reasoning: Required<PlaygroundParameters>;
  autosave: boolean;
  historyDir: string;
};

/** What is wrong with the shown parameters, before asking Rust (the panel says it as typed). */
function shownParameterProblems(kind: ModelKind, p: PlaygroundParameters): FieldProblem[] {
  const shown = kind === "chat" ? chatParameters : reasoningParameters;
  const problems = parameterProblems(p);
  return shown.flatMap((name) => {
    const message = problems[name];
    return message === undefined ? [] : [{ field: `playground.${kind}.${name}`, message }];
  });
}

export const playgroundForm: FormDefinition<"playground", PlaygroundForm> = {
  section: "playground",
  toForm: (saved) => ({
    chat: withDefaults(saved.chat),
    reasoning: withDefaults(saved.reasoning),
    autosave: saved.autosave,
    historyDir: saved.historyDir ?? "",
  }),
  toSettings: (form) => {
    const problems = [
      ...shownParameterProblems("chat", form.chat),
      ...shownParameterProblems("reasoning", form.reasoning),
    ];
    if (problems.length > 0) return { ok: false, problems };
    return {
      ok: true,
      value: {
        chat: form.chat,
        reasoning: form.reasoning,
        autosave: form.autosave,
        historyDir: optional(form.historyDir),
      },
    };
  },
  shownFields: () => [
    ...chatParameters.map((name) => `playground.chat.${name}`),
    ...reasoningParameters.map((name) => `playground.reasoning.${name}`),
    "playground.autosave",
    "playground.historyDir",
  ],
  fieldOf: {
    chat: "playground.chat",
    reasoning: "playground.reasoning",
    autosave: "playground.autosave",
    historyDir: "playground.historyDir",
  },
};
