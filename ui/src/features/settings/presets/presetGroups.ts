import type {
  PlaygroundParameters,
  PlaygroundTarget,
  Preset,
  ProfileTargets,
} from "../../../bindings";
import { DEFAULT_PARAMETERS, withDefaults } from "../../playground/parameters";
import { plural } from "../../../lib/plural";
import { sameEndpoint } from "../../../lib/endpoint";

/** The presets of one deployment, with what the targets list says about that deployment. */
export type PresetGroup = {
  key: string;
  profileId: string;
  endpoint: string;
  deployment: string;
  /** The profile's name, or its id when the targets list does not know it. */
  profileLabel: string;
  /** The deployment as the Playground lists it now; null when it is not listed (or not known). */
  listed: PlaygroundTarget | null;
  /** Why the profile lists no deployments (signed out, no rights), when it says. */
  profileProblem: string | null;
  presets: Preset[];
};

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });

function groupKey(preset: Preset): string {
  return JSON.stringify([preset.profileId, preset.endpoint, preset.deployment]);
}

/** The endpoint's host, to tell apart two deployments of one name: "contoso.openai.azure.com". */
export function endpointHost(endpoint: string): string {
  try {
    return new URL(endpoint).host;
  } catch {
    return endpoint;
  }
}

/**
 * The presets grouped by deployment (profile, endpoint and deployment name), groups and presets in
 * name order. `targets` is undefined while the targets list is unknown (loading or failed).
 */
export function groupPresets(
  presets: readonly Preset[],
  targets: readonly ProfileTargets[] | undefined,
): PresetGroup[] {
  const groups = new Map<string, PresetGroup>();
  for (const preset of presets) {
    const key = groupKey(preset);
    const group = groups.get(key);
    if (group !== undefined) {
      group.presets.push(preset);
      continue;
    }
    const profile = targets?.find((entry) => entry.profileId === preset.profileId);
    const listed =
      profile?.targets.find(
        ({ target }) =>
          target.deployment === preset.deployment && sameEndpoint(target.endpoint, preset.endpoint),
      ) ?? null;
    groups.set(key, {
      key,
      profileId: preset.profileId,
      endpoint: preset.endpoint,
      deployment: preset.deployment,
      profileLabel: profile?.profileName ?? preset.profileId,
      listed,
      profileProblem: profile?.problem ?? null,
      presets: [preset],
    });
  }
  const sorted = [...groups.values()].sort(
    (a, b) =>
      collator.compare(a.deployment, b.deployment) ||
      collator.compare(a.profileLabel, b.profileLabel) ||
      collator.compare(a.endpoint, b.endpoint),
  );
  for (const group of sorted) {
    group.presets.sort((a, b) => collator.compare(a.name, b.name));
  }
  return sorted;
}


/**
 * What a preset sets, the fields left at the model's default left out:
 * "temperature 0.2 · max_tokens 300 · system message". `lengthParameter` is the deployment's name
 * for the length limit (max_completion_tokens for reasoning models).
 */
export function presetSummary(
  parameters: PlaygroundParameters,
  lengthParameter = "max_tokens",
): string {
  const p = withDefaults(parameters);
  const d = withDefaults(DEFAULT_PARAMETERS);
  const parts: string[] = [];
  const number = (name: string, value: number | null, fallback: number | null) => {
    if (value !== null && value !== fallback) parts.push(`${name} ${value}`);
  };
  number("temperature", p.temperature, d.temperature);
  number("top_p", p.topP, d.topP);
  number(lengthParameter, p.maxTokens, d.maxTokens);
  number("frequency_penalty", p.frequencyPenalty, d.frequencyPenalty);
  number("presence_penalty", p.presencePenalty, d.presencePenalty);
  number("seed", p.seed, d.seed);
  if (p.reasoningEffort !== null && p.reasoningEffort !== d.reasoningEffort) {
    parts.push(`reasoning_effort ${p.reasoningEffort}`);
  }
  if (p.stop.length > 0) parts.push(plural(p.stop.length, "stop sequence", "stop sequences"));
  if (p.systemMessage.trim() !== "") parts.push("system message");
  if (p.pastMessages !== d.pastMessages) {
    parts.push(plural(p.pastMessages, "past message", "past messages"));
  }
  if (p.jsonResponse) parts.push("JSON response");
  return parts.length === 0 ? "Model defaults" : parts.join(" · ");
}

/** When a preset was last saved, as its row says it: "12 Nov 2025" (in the machine's locale). */
export function updatedText(updatedAtMs: number, locale?: string): string {
  return new Date(updatedAtMs).toLocaleDateString(locale, {
    day: "numeric",
    month: "short",
    year: "numeric",
  });
}

/** Two sets of parameters that send the same request. */
export function sameParameters(a: PlaygroundParameters, b: PlaygroundParameters): boolean {
  return JSON.stringify(withDefaults(a)) === JSON.stringify(withDefaults(b));
}
