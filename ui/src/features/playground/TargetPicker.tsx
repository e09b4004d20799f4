import { useId } from "react";
import type { ConversationTarget, PlaygroundTarget, ProfileTargets } from "../../bindings";
import { errorDetails } from "../../lib/errorDetails";
import { hrefFor } from "../../routes/useRoute";
import "../../styles/playground-panels.css";
import { useTargets } from "./playgroundQueries";

type TargetPickerProps = {
  value: ConversationTarget | null;
  onChange: (target: PlaygroundTarget) => void;
  label?: string;
  testId?: string;
  disabled?: boolean;
};

/** The option value of a deployment: its profile, endpoint and name say which one it is. */
export function targetKey(target: ConversationTarget): string {
  return JSON.stringify([target.profileId ?? "", target.endpoint ?? "", target.deployment ?? ""]);
}

/** "gpt-4o — gpt-4o 2024-11-20 (contoso-openai-eastus)". */
export function targetText(target: ConversationTarget): string {
  const model = target.model
    ? `${target.model}${target.modelVersion ? ` ${target.modelVersion}` : ""}`
    : "model unknown";
  const account = target.account ? ` (${target.account})` : "";
  return `${target.deployment ?? "?"} — ${model}${account}`;
}

function findTarget(profiles: ProfileTargets[], key: string): PlaygroundTarget | undefined {
  for (const profile of profiles) {
    const found = profile.targets.find((item) => targetKey(item.target) === key);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Which deployment to talk to: every profile's chat deployments, grouped by profile. A profile
 * that cannot list them (signed out, no rights) says why in its group.
 */
export function TargetPicker({
  value,
  onChange,
  label = "Deployment",
  testId = "target-picker",
  disabled = false,
}: TargetPickerProps) {
  const id = useId();
  const targets = useTargets();

  if (targets.isPending) {
    return (
      <div className="target-picker">
        <label htmlFor={id} className="field-label">
          {label}
        </label>
        <select id={id} className="select" data-testid={testId} disabled aria-busy="true">
          <option>Loading deployments…</option>
        </select>
      </div>
    );
  }

  if (targets.isError) {
    return (
      <div className="target-picker" role="group" aria-label={label}>
        <span className="field-label">{label}</span>
        <div className="target-picker-error" role="alert" data-testid={`${testId}-error`}>
          <p>Couldn’t list the deployments: {errorDetails(targets.error).message}</p>
          <button
            type="button"
            className="button button-small"
            data-testid={`${testId}-retry`}
            onClick={() => void targets.refetch()}
          >
            Retry
          </button>
        </div>
      </div>
    );
  }

  const profiles = targets.data;
  const anyTarget = profiles.some((profile) => profile.targets.length > 0);
  if (!anyTarget) {
    const problems = profiles.flatMap((profile) =>
      profile.problem === null ? [] : [profile.problem],
    );
    return (
      <div className="target-picker" role="group" aria-label={label}>
        <span className="field-label">{label}</span>
        <p className="target-picker-empty" data-testid={`${testId}-empty`}>
          No chat deployments — create one on the{" "}
          <a href={hrefFor("deployments")}>Deployments screen</a>
        </p>
        {problems.map((problem) => (
          <p key={problem} className="muted target-picker-problem">
            {problem}
          </p>
        ))}
      </div>
    );
  }

  const key = value === null ? "" : targetKey(value);
  const listed = value !== null && findTarget(profiles, key) !== undefined;

  return (
    <div className="target-picker">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <select
        id={id}
        className="select"
        data-testid={testId}
        value={key}
        disabled={disabled}
        onChange={(event) => {
          const chosen = findTarget(profiles, event.target.value);
          if (chosen !== undefined) onChange(chosen);
        }}
      >
        {value === null && (
          <option value="" disabled>
            Choose a deployment…
          </option>
        )}
        {value !== null && !listed && (
          // A saved conversation's deployment that no profile lists now.
          <option value={key} disabled>
            {targetText(value)} — not listed now
          </option>
        )}
        {profiles.map((profile) => (
          <optgroup key={profile.profileId} label={profile.profileName}>
            {profile.targets.map((item) => (
              <option key={targetKey(item.target)} value={targetKey(item.target)}>
                {targetText(item.target)}
              </option>
            ))}
            {profile.problem !== null && (
              <option value={`problem:${profile.profileId}`} disabled>
                {profile.problem}
              </option>
            )}
            {profile.problem === null && profile.targets.length === 0 && (
              <option value={`none:${profile.profileId}`} disabled>
                No chat deployments
              </option>
            )}
          </optgroup>
        ))}
      </select>
    </div>
  );
}
