import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import type { ConversationTarget, PlaygroundParameters, Preset } from "../../bindings";
import { ErrorNotice } from "../../components/ErrorNotice";
import { errorDetails } from "../../lib/errorDetails";
import "../../styles/forms.css";
import "../../styles/playground-panels.css";
import { withDefaults } from "./parameters";
import { useDeletePreset, usePresets, useSavePreset } from "./playgroundQueries";
import { targetKey } from "./TargetPicker";

type PresetsBarProps = {
  target: ConversationTarget | null;
  parameters: PlaygroundParameters;
  onApply: (parameters: PlaygroundParameters) => void;
  disabled?: boolean;
};

/** What the bar is doing besides showing the list. */
type Mode = "idle" | "naming" | "confirmingDelete";

function sameName(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();
}

/**
 * Named sets of parameters for one deployment: choosing one applies it, the current parameters
 * can be saved under a name (replacing a preset of that name), and the chosen one deleted.
 */
export function PresetsBar({ target, parameters, onApply, disabled = false }: PresetsBarProps) {
  const id = useId();
  const presets = usePresets(target);
  const save = useSavePreset(target);
  const remove = useDeletePreset(target);
  const [selectedId, setSelectedId] = useState("");
  const [mode, setMode] = useState<Mode>("idle");
  const [name, setName] = useState("");
  const [status, setStatus] = useState("");
  const saveButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const select = useRef<HTMLSelectElement>(null);
  // Where focus goes once the controls are enabled again (a mutation's end re-renders later).
  const [focusNext, setFocusNext] = useState<"save" | "delete" | "select" | null>(null);
  useEffect(() => {
    if (focusNext === null) return;
    const element = { save: saveButton, delete: deleteButton, select }[focusNext].current;
    if (element !== null && !element.disabled) {
      element.focus();
      setFocusNext(null);
    }
  });

  // Another deployment has other presets: start over, as if the bar were new.
  const key = target === null ? "" : targetKey(target);
  const [shownKey, setShownKey] = useState(key);
  if (shownKey !== key) {
    setShownKey(key);
    setSelectedId("");
    setMode("idle");
    setStatus("");
  }

  const list: Preset[] = presets.data ?? [];
  const selected = list.find((preset) => preset.id === selectedId);
  const off = disabled || target === null;
  const busy = save.isPending || remove.isPending;
  const replaces = list.find((preset) => sameName(preset.name, name));
  const trimmed = name.trim();

  function choose(presetId: string) {
    setSelectedId(presetId);
    setMode("idle");
    const preset = list.find((item) => item.id === presetId);
    if (preset === undefined) return;
    onApply(withDefaults(preset.parameters));
    setStatus(`Applied preset '${preset.name}'`);
  }

  function startNaming() {
    save.reset();
    remove.reset();
    setName(selected?.name ?? "");
    setMode("naming");
  }

  function stopNaming() {
    setMode("idle");
    setFocusNext("save");
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (trimmed === "" || busy) return;
    const replacing = replaces !== undefined;
    try {
      const saved = await save.mutateAsync({ name: trimmed, parameters });
      setSelectedId(saved.id);
      setMode("idle");
      setStatus(replacing ? `Replaced preset '${saved.name}'` : `Saved preset '${saved.name}'`);
      setFocusNext("save");
    } catch {
      // Shown under the form from the mutation's state, the name kept as typed.
    }
  }

  async function confirmDelete() {
    if (selected === undefined) return;
    try {
      await remove.mutateAsync(selected.id);
      setSelectedId("");
      setMode("idle");
      setStatus(`Deleted preset '${selected.name}'`);
      setFocusNext("select");
    } catch {
      // Shown under the confirmation from the mutation's state.
    }
  }

  return (
    <div className="presets-bar" data-testid="presets-bar" role="group" aria-label="Presets">
      <div className="presets-row">
        <label htmlFor={`${id}-select`} className="visually-hidden">
          Preset
        </label>
        <select
          ref={select}
          id={`${id}-select`}
          className="select presets-select"
          data-testid="preset-select"
          value={selected === undefined ? "" : selected.id}
          disabled={off || busy || presets.isPending}
          onChange={(event) => choose(event.target.value)}
        >
          <option value="" disabled>
            {target === null
              ? "Presets"
              : presets.isPending
                ? "Loading presets…"
                : list.length === 0
                  ? "No presets yet"
                  : "Choose a preset…"}
          </option>
          {list.map((preset) => (
            <option key={preset.id} value={preset.id}>
              {preset.name}
            </option>
          ))}
        </select>
        <button
          ref={saveButton}
          type="button"
          className="button button-small"
          data-testid="preset-save"
          aria-expanded={mode === "naming"}
          disabled={off || busy}
          onClick={startNaming}
        >
          Save as preset…
        </button>
        <button
          ref={deleteButton}
          type="button"
          className="button button-small button-danger"
          data-testid="preset-delete"
          aria-label={selected === undefined ? "Delete preset" : `Delete preset '${selected.name}'`}
          aria-expanded={mode === "confirmingDelete"}
          disabled={off || busy || selected === undefined}
          onClick={() => {
            remove.reset();
            setMode("confirmingDelete");
          }}
        >
          Delete
        </button>
      </div>

      {presets.isError && (
        <p className="field-error" role="alert">
          Couldn’t read the presets: {errorDetails(presets.error).message}{" "}
          <button
            type="button"
            className="button button-small"
            onClick={() => void presets.refetch()}
          >
            Retry
          </button>
        </p>
      )}

      {mode === "naming" && (
        <form
          className="presets-form"
          onSubmit={(event) => void submit(event)}
          onKeyDown={(event) => {
            if (event.key === "Escape") {
              event.stopPropagation();
              stopNaming();
            }
          }}
        >
          <label htmlFor={`${id}-name`} className="field-label">
            Preset name
          </label>
          <div className="presets-row">
            <input
              id={`${id}-name`}
              className="input"
              data-testid="preset-name"
              value={name}
              maxLength={80}
              autoFocus
              aria-describedby={replaces === undefined ? undefined : `${id}-replaces`}
              disabled={save.isPending}
              onChange={(event) => setName(event.target.value)}
            />
            <button
              type="submit"
              className="button button-small button-primary"
              data-testid="preset-save-confirm"
              disabled={trimmed === "" || save.isPending}
            >
              {save.isPending ? "Saving…" : replaces === undefined ? "Save" : "Replace"}
            </button>
            <button
              type="button"
              className="button button-small"
              data-testid="preset-save-cancel"
              disabled={save.isPending}
              onClick={stopNaming}
            >
              Cancel
            </button>
          </div>
          {replaces !== undefined && (
            <p id={`${id}-replaces`} className="field-hint" data-testid="preset-replaces">
              Saving replaces the preset '{replaces.name}'.
            </p>
          )}
          {save.isError && <ErrorNotice title="Couldn’t save the preset." error={save.error} />}
        </form>
      )}

      {mode === "confirmingDelete" && selected !== undefined && (
        <div
          className="presets-confirm"
          role="group"
          aria-label={`Delete preset '${selected.name}'`}
          data-testid="preset-delete-confirmation"
        >
          <p>Delete the preset '{selected.name}'? The parameters now set stay as they are.</p>
          <div className="presets-row">
            <button
              type="button"
              className="button button-small button-danger"
              data-testid="preset-delete-confirm"
              disabled={remove.isPending}
              autoFocus
              onClick={() => void confirmDelete()}
            >
              {remove.isPending ? "Deleting…" : "Delete"}
            </button>
            <button
              type="button"
              className="button button-small"
              data-testid="preset-delete-cancel"
              disabled={remove.isPending}
              onClick={() => {
                setMode("idle");
                setFocusNext("delete");
              }}
            >
              Cancel
            </button>
          </div>
          {remove.isError && (
            <ErrorNotice title="Couldn’t delete the preset." error={remove.error} />
          )}
        </div>
      )}

      <p className="muted presets-status" role="status" data-testid="preset-status">
        {target === null ? "Choose a deployment to use its presets." : status}
      </p>
    </div>
  );
}
