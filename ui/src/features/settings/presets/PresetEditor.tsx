import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import type { ParameterRules, PlaygroundParameters, Preset } from "../../../bindings";
import { ErrorNotice } from "../../../components/ErrorNotice";
import { FormField } from "../../../components/FormField";
import { isCommandError } from "../../../lib/errorDetails";
import "../../../styles/forms.css";
import "../../../styles/settings.css";
import { ParametersPanel } from "../../playground/ParametersPanel";
import { shownProblems, withDefaults } from "../../playground/parameters";
import { sameParameters, type PresetGroup } from "./presetGroups";
import { useRefreshPresets, useUnknownRules, useUpdatePreset } from "./presetsQueries";

/** Whether the Playground's targets list (deployments and their rules) has been read. */
export type TargetsState = "pending" | "known" | "failed";

type PresetEditorProps = {
  preset: Preset;
  group: PresetGroup;
  targets: TargetsState;
  /** Told the preset as saved, or null when the editor closes without saving. */
  onDone: (saved: Preset | null) => void;
};

/** Where the editor's parameter rules come from. */
type RulesSource =
  | { state: "listed"; rules: ParameterRules }
  | { state: "loading" }
  | { state: "unknown"; rules: ParameterRules }
  | { state: "failed"; error: unknown; retry: () => void };

function useEditorRules(group: PresetGroup, targets: TargetsState): RulesSource {
  const unlisted = group.listed === null && targets !== "pending";
  const unknown = useUnknownRules(unlisted);
  if (group.listed !== null) return { state: "listed", rules: group.listed.rules };
  if (!unlisted || unknown.isPending) return { state: "loading" };
  if (unknown.isError) {
    return { state: "failed", error: unknown.error, retry: () => void unknown.refetch() };
  }
  return { state: "unknown", rules: unknown.data };
}

/**
 * A preset's name and parameters, edited under its row with the Playground's own parameters panel
 * and the deployment's rules. Whatever Rust refuses is said where it applies, nothing typed lost.
 */
export function PresetEditor({ preset, group, targets, onDone }: PresetEditorProps) {
  const id = useId();
  const update = useUpdatePreset();
  const refresh = useRefreshPresets();
  const source = useEditorRules(group, targets);
  const [name, setName] = useState(preset.name);
  const [parameters, setParameters] = useState<PlaygroundParameters>(() =>
    withDefaults(preset.parameters),
  );
  const nameInput = useRef<HTMLInputElement>(null);
  const [focusName, setFocusName] = useState(false);
  useEffect(() => {
    if (focusName && nameInput.current !== null) {
      nameInput.current.focus();
      setFocusName(false);
    }
  }, [focusName]);

  const trimmed = name.trim();
  const error = update.error;
  // Rust's "input" refusals are about the name (empty, or taken on this deployment).
  const nameRefused = isCommandError(error) && error.kind === "input";
  const gone = isCommandError(error) && error.kind === "notFound";
  const rules = source.state === "listed" || source.state === "unknown" ? source.rules : null;
  const problems = rules === null ? {} : shownProblems(rules, parameters);
  const hasProblems = Object.keys(problems).length > 0;
  const canSave = trimmed !== "" && rules !== null && !hasProblems && !update.isPending;

  const nameError =
    trimmed === ""
      ? "A preset needs a name"
      : nameRefused && error !== null
        ? error.message
        : undefined;

  function close(saved: Preset | null) {
    // A preset deleted meanwhile leaves the list once the editor is closed, not before.
    if (gone) void refresh();
    onDone(saved);
  }

  async function save(event?: FormEvent) {
    event?.preventDefault();
    if (!canSave) return;
    if (trimmed === preset.name && sameParameters(parameters, preset.parameters)) {
      close(null);
      return;
    }
    try {
      const saved = await update.mutateAsync({ id: preset.id, name: trimmed, parameters });
      onDone(saved);
    } catch (failure) {
      if (isCommandError(failure) && failure.kind === "input") setFocusName(true);
      // Otherwise shown under the buttons from the mutation's state; everything stays as typed.
    }
  }

  function rename(next: string) {
    setName(next);
    // A refusal of the old name no longer applies to the new one.
    if (nameRefused) update.reset();
  }

  return (
    <div
      className="settings-preset-editor"
      data-testid="preset-editor"
      role="group"
      aria-label={`Edit preset '${preset.name}'`}
      onKeyDown={(event) => {
        if (event.key === "Escape" && !update.isPending) {
          event.stopPropagation();
          close(null);
        }
      }}
    >
      <form className="settings-preset-name" onSubmit={(event) => void save(event)}>
        <FormField id={`${id}-name`} label="Preset name" field="preset-name" error={nameError}>
          {(control) => (
            <input
              {...control}
              ref={nameInput}
              className="input"
              data-testid="preset-edit-name"
              value={name}
              maxLength={80}
              autoFocus
              // Read-only, not disabled, while saving: focus stays in the field.
              readOnly={update.isPending}
              onChange={(event) => rename(event.target.value)}
            />
          )}
        </FormField>
      </form>

      {group.listed === null && targets === "known" && (
        <p className="settings-preset-note" data-testid="preset-edit-unlisted">
          {group.deployment} ({group.profileLabel}) is not listed now — every parameter is
          offered.
          {group.profileProblem !== null && ` ${group.profileProblem}`}
        </p>
      )}
      {group.listed === null && targets === "failed" && (
        <p className="settings-preset-note" data-testid="preset-edit-unlisted">
          The deployments couldn’t be listed — every parameter is offered.
        </p>
      )}

      {source.state === "loading" && (
        <p className="settings-presets-loading" data-testid="preset-edit-loading">
          <span className="spinner" aria-hidden="true" />
          Reading what the deployment takes…
        </p>
      )}
      {source.state === "failed" && (
        <ErrorNotice
          title="Couldn’t read which parameters to offer."
          error={source.error}
          onRetry={source.retry}
        />
      )}
      {rules !== null && (
        <ParametersPanel
          rules={rules}
          value={parameters}
          onChange={setParameters}
          // No deployment in use here: the Playground's presets menu has nothing to offer.
          target={null}
          disabled={update.isPending}
        />
      )}

      <div className="button-row">
        <button
          type="button"
          className="button button-small button-primary"
          data-testid="preset-edit-save"
          disabled={!canSave}
          onClick={() => void save()}
        >
          {update.isPending ? "Saving…" : "Save"}
        </button>
        <button
          type="button"
          className="button button-small"
          data-testid="preset-edit-cancel"
          disabled={update.isPending}
          onClick={() => close(null)}
        >
          Cancel
        </button>
        {hasProblems && (
          <p className="field-hint" data-testid="preset-edit-problems">
            Fix the parameters marked above to save.
          </p>
        )}
      </div>

      {error !== null && !nameRefused && (
        <ErrorNotice
          title={gone ? "This preset was deleted meanwhile." : "Couldn’t save the preset."}
          error={error}
        />
      )}
    </div>
  );
}
