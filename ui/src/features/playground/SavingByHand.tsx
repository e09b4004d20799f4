import { useEffect } from "react";
import type { SaveState } from "./useSaveState";

// With auto-save off in Settings: the conversation says whether it is saved, is saved by hand
// (Save, Ctrl/Cmd+S), and leaving changes unsaved asks first.

/** Whether `event` is Ctrl+S (Cmd+S on macOS). */
function isSaveKey(event: KeyboardEvent): boolean {
  return (
    (event.ctrlKey || event.metaKey) &&
    !event.altKey &&
    !event.shiftKey &&
    event.key.toLowerCase() === "s"
  );
}

/** Whether the Playground is on screen: it stays mounted, hidden, behind the other screens. */
function playgroundShown(): boolean {
  const screen = document.querySelector('[data-testid="screen-playground"]');
  return screen !== null && screen.closest("[hidden]") === null;
}

/** Ctrl/Cmd+S calls `onSave` while `enabled` and the Playground is shown. */
export function useSaveShortcut(enabled: boolean, onSave: () => void) {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (!isSaveKey(event) || event.defaultPrevented || !playgroundShown()) return;
      event.preventDefault();
      onSave();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [enabled, onSave]);
}

const saveStateText: Record<SaveState, string> = {
  nothing: "Nothing to save yet",
  unsaved: "Unsaved changes",
  saved: "Saved",
};

/**
 * With auto-save off in Settings: says so, whether the conversation is saved, and saves it
 * (Save, or Ctrl/Cmd+S).
 */
export function SaveStatus({
  state,
  saving,
  canSave,
  streaming,
  onSave,
}: {
  state: SaveState;
  saving: boolean;
  canSave: boolean;
  streaming: boolean;
  onSave: () => void;
}) {
  return (
    <div className="muted playground-route" data-testid="save-status">
      <span role="status" data-testid="save-state" data-state={state}>
        Auto-save is off · {saving ? "Saving…" : saveStateText[state]}
      </span>
      <button
        type="button"
        className="button button-small"
        data-testid="save-conversation"
        aria-keyshortcuts="Control+S Meta+S"
        title={streaming ? "Save once the answer is in" : "Save (Ctrl+S / ⌘S)"}
        disabled={!canSave}
        onClick={onSave}
      >
        Save
      </button>
    </div>
  );
}

/**
 * "Discard unsaved conversation?": with auto-save off, leaving a conversation whose changes are
 * not saved asks first — save them, discard them, or stay.
 */
export function UnsavedConfirmation({
  onSave,
  onDiscard,
  onCancel,
}: {
  onSave: () => void;
  onDiscard: () => void;
  onCancel: () => void;
}) {
  return (
    <div
      className="playground-confirm"
      role="group"
      aria-label="Discard unsaved conversation?"
      data-testid="unsaved-confirmation"
    >
      <p>Discard unsaved conversation? Auto-save is off, and its changes are not saved.</p>
      <div className="button-row">
        <button
          type="button"
          className="button button-small button-primary"
          data-testid="unsaved-save"
          autoFocus
          onClick={onSave}
        >
          Save
        </button>
        <button
          type="button"
          className="button button-small button-danger"
          data-testid="unsaved-discard"
          onClick={onDiscard}
        >
          Discard
        </button>
        <button
          type="button"
          className="button button-small"
          data-testid="unsaved-cancel"
          onClick={onCancel}
        >
          Cancel
        </button>
      </div>
    </div>
  );
}
