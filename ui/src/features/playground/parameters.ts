import type { ParameterRules, PlaygroundDefaults, PlaygroundParameters } from "../../bindings";

/** Every parameter at the model's default: nothing is sent but the last 10 messages. */
export const DEFAULT_PARAMETERS: PlaygroundParameters = {
  systemMessage: "",
  temperature: null,
  topP: null,
  maxTokens: null,
  stop: [],
  frequencyPenalty: null,
  presencePenalty: null,
  seed: null,
  reasoningEffort: null,
  pastMessages: 10,
  jsonResponse: false,
};

export type ParameterName = keyof PlaygroundParameters;
export type ParameterProblems = Partial<Record<ParameterName, string>>;

/** Parameters with every field filled: a preset or a saved conversation may leave some out. */
export function withDefaults(parameters: PlaygroundParameters): Required<PlaygroundParameters> {
  return {
    systemMessage: parameters.systemMessage ?? "",
    temperature: parameters.temperature ?? null,
    topP: parameters.topP ?? null,
    maxTokens: parameters.maxTokens ?? null,
    stop: parameters.stop ?? [],
    frequencyPenalty: parameters.frequencyPenalty ?? null,
    presencePenalty: parameters.presencePenalty ?? null,
    seed: parameters.seed ?? null,
    reasoningEffort: parameters.reasoningEffort ?? null,
    pastMessages: parameters.pastMessages ?? 10,
    jsonResponse: parameters.jsonResponse ?? false,
  };
}

/** Whether two sets of parameters are the same (a field left out counts as its default). */
export function sameParameters(a: PlaygroundParameters, b: PlaygroundParameters): boolean {
  return JSON.stringify(withDefaults(a)) === JSON.stringify(withDefaults(b));
}

/**
 * The parameters a new conversation starts from: the Playground defaults saved in Settings for
 * its model's family — `reasoning` for a reasoning model (as its `ParameterRules` say, the rules
 * the panel shows), `chat` for any other — or `DEFAULT_PARAMETERS` while no settings are read
 * (still loading, or unreadable).
 */
export function startingParameters(
  saved: PlaygroundDefaults | undefined,
  reasoning: boolean,
): PlaygroundParameters {
  if (saved === undefined) return DEFAULT_PARAMETERS;
  return withDefaults(reasoning ? saved.reasoning : saved.chat);
}

export const MAX_STOP_SEQUENCES = 4;
/** Rust reads the length limit and the seed as u32. */
export const MAX_U32 = 4_294_967_295;
export const MAX_TOKENS = MAX_U32;
export const MAX_SEED = MAX_U32;
export const MAX_PAST_MESSAGES = 100;

/** The API's name for each parameter, as `ParameterRules.hidden` names them. */
export const apiNames: Record<ParameterName, string> = {
  systemMessage: "system_message",
  temperature: "temperature",
  topP: "top_p",
  maxTokens: "max_tokens",
  stop: "stop",
  frequencyPenalty: "frequency_penalty",
  presencePenalty: "presence_penalty",
  seed: "seed",
  reasoningEffort: "reasoning_effort",
  pastMessages: "past_messages",
  jsonResponse: "response_format",
};

/** Said of a length limit that is no whole number from 1 to 4294967295. */
export const MAX_TOKENS_PROBLEM = `The length limit must be a whole number from 1 to ${MAX_TOKENS}`;

function between(value: number | null | undefined, min: number, max: number): boolean {
  return value === null || value === undefined || (value >= min && value <= max);
}

function wholeBetween(value: number | null | undefined, min: number, max: number): boolean {
  return (
    value === null ||
    value === undefined ||
    (Number.isInteger(value) && between(value, min, max))
  );
}

/** What is wrong with each parameter, in a sentence a person can act on; empty when all is well. */
export function parameterProblems(p: PlaygroundParameters): ParameterProblems {
  const problems: ParameterProblems = {};
  if (!between(p.temperature, 0, 2)) {
    problems.temperature = "Temperature must be between 0 and 2";
  }
  if (!between(p.topP, 0, 1)) {
    problems.topP = "Top P must be between 0 and 1";
  }
  if (!between(p.frequencyPenalty, -2, 2)) {
    problems.frequencyPenalty = "Frequency penalty must be between -2 and 2";
  }
  if (!between(p.presencePenalty, -2, 2)) {
    problems.presencePenalty = "Presence penalty must be between -2 and 2";
  }
  if (!wholeBetween(p.maxTokens, 1, MAX_TOKENS)) {
    problems.maxTokens = MAX_TOKENS_PROBLEM;
  }
  if (!wholeBetween(p.seed, 0, MAX_SEED)) {
    problems.seed = `Seed must be a whole number from 0 to ${MAX_SEED}`;
  }
  const stop = p.stop ?? [];
  if (stop.length > MAX_STOP_SEQUENCES) {
    problems.stop = `At most ${MAX_STOP_SEQUENCES} stop sequences can be sent`;
  } else if (stop.some((sequence) => sequence === "")) {
    problems.stop = "A stop sequence cannot be empty";
  }
  if (!wholeBetween(p.pastMessages, 0, MAX_PAST_MESSAGES)) {
    problems.pastMessages = `Past messages must be a whole number from 0 to ${MAX_PAST_MESSAGES}`;
  }
  return problems;
}

/** Whether the panel hides `parameter` for this model. */
export function isHidden(rules: ParameterRules, parameter: ParameterName): boolean {
  const name = apiNames[parameter];
  return rules.hidden.some((hidden) => hidden.parameter === name);
}

/** The problems of the parameters the panel shows (hidden ones are not sent). */
export function shownProblems(rules: ParameterRules, p: PlaygroundParameters): ParameterProblems {
  const problems = parameterProblems(p);
  for (const name of Object.keys(problems) as ParameterName[]) {
    if (isHidden(rules, name)) delete problems[name];
  }
  return problems;
}

/**
 * One line per reason the panel hides parameters, the parameters sharing a reason named together:
 * "temperature, top_p hidden: o4-mini is a reasoning model: it rejects sampling parameters".
 */
export function hiddenNotes(rules: ParameterRules): string[] {
  const byWhy = new Map<string, string[]>();
  for (const { parameter, why } of rules.hidden) {
    const names = byWhy.get(why);
    if (names === undefined) byWhy.set(why, [parameter]);
    else names.push(parameter);
  }
  return [...byWhy].map(([why, names]) => `${names.join(", ")} hidden: ${why}`);
}

/** The reasoning efforts a model takes, lowest first (`minimal` only for the gpt-5 family). */
export function effortChoices(rules: ParameterRules): string[] {
  return rules.minimalEffort ? ["minimal", "low", "medium", "high"] : ["low", "medium", "high"];
}

/** A number field's text: empty is the model's default (null), anything else must be a number. */
export type ParsedNumber = { ok: true; value: number | null } | { ok: false };

export function parseNumber(text: string): ParsedNumber {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: true, value: null };
  const value = Number(trimmed);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false };
}

/** A number as its field shows it: empty for the model's default. */
export function numberText(value: number | null | undefined): string {
  return value === null || value === undefined ? "" : String(value);
}

/** Adds a stop sequence unless it is empty, already there, or the four are taken. */
export function addStop(stop: readonly string[], sequence: string): string[] {
  if (sequence === "" || stop.includes(sequence) || stop.length >= MAX_STOP_SEQUENCES) {
    return [...stop];
  }
  return [...stop, sequence];
}

/** A stop sequence as typed: `\n` and `\t` stand for a line break and a tab (inputs have none). */
export function unescapeStop(typed: string): string {
  return typed.replace(/\\([nt])/g, (_match, letter: string) => (letter === "n" ? "\n" : "\t"));
}

/** A stop sequence as its chip shows it: quoted, with line breaks and tabs visible. */
export function stopText(sequence: string): string {
  return JSON.stringify(sequence);
}
