import type { DeploymentChange, DeploymentRow, ModelChoice } from "../../../bindings";
import { upgradePolicyText } from "../format";

// "Version and upgrade policy": another version of the same model, and when Azure may move
// the deployment to a newer one.

/** The policies Azure takes, in the order the select lists them. */
export const upgradePolicyValues = [
  "OnceNewDefaultVersionAvailable",
  "OnceCurrentVersionExpired",
  "NoAutoUpgrade",
] as const;

export type Choice = { value: string; label: string; disabled: boolean };

/**
 * The versions to pick from: the catalog's versions of the model, and the current one even when
 * the catalog no longer lists it. A blocked version is disabled, its reason in its label; the
 * current one never is (keeping it is no new deployment).
 */
export function versionChoices(
  versions: readonly ModelChoice[],
  current: string | null,
): Choice[] {
  const choices = versions.map((model) => {
    const isCurrent = model.version === current;
    const notes = [
      model.isDefaultVersion ? "default" : null,
      isCurrent ? "current" : null,
    ].filter((note) => note !== null);
    const blocked = !isCurrent && model.blocked !== null;
    const label =
      model.version +
      (notes.length > 0 ? ` (${notes.join(", ")})` : "") +
      (blocked ? ` — ${model.blocked}` : "");
    return { value: model.version, label, disabled: blocked };
  });
  if (current !== null && !versions.some((model) => model.version === current)) {
    choices.unshift({ value: current, label: `${current} (current)`, disabled: false });
  }
  return choices;
}

/** The upgrade policies in the table's words; the deployment's own first when it is another. */
export function upgradeChoices(current: string | null): Choice[] {
  const known: readonly string[] = upgradePolicyValues;
  const choices = known.map((value) => ({
    value,
    label: upgradePolicyText(value),
    disabled: false,
  }));
  if (current === null) {
    return [{ value: "", label: "Not set (Azure's default)", disabled: false }, ...choices];
  }
  if (!known.includes(current)) {
    return [{ value: current, label: current, disabled: false }, ...choices];
  }
  return choices;
}

/** What to send for a version and policy picked, or null when nothing changed or it cannot be. */
export function modelChange(
  row: Pick<DeploymentRow, "modelVersion" | "upgradePolicy">,
  versions: readonly Choice[],
  version: string,
  upgrade: string,
): Extract<DeploymentChange, { kind: "model" }> | null {
  const choice = versions.find((option) => option.value === version);
  if (choice === undefined || choice.disabled) {
    return null;
  }
  const versionUpgrade = upgrade === "" ? null : upgrade;
  if (version === row.modelVersion && versionUpgrade === row.upgradePolicy) {
    return null;
  }
  return { kind: "model", version, versionUpgrade };
}
