import { useCallback, useRef, useState } from "react";

/**
 * Whether the conversation on screen is saved: "nothing" to save yet (nothing asked), changes
 * "unsaved", or "saved" as it is.
 */
export type SaveState = "nothing" | "unsaved" | "saved";

/**
 * Whether the conversation on screen is saved, kept as it changes and as its saves land: what
 * the Playground shows, and asks about before leaving it, with auto-save off.
 */
export function useSaveState() {
  const [state, setState] = useState<SaveState>("nothing");
  // The same, for event handlers and code that runs after an await.
  const now = useRef<SaveState>("nothing");
  // Changes made to the conversation on screen: a save marks it saved only if none came since.
  const edits = useRef(0);

  const mark = useCallback((next: SaveState) => {
    now.current = next;
    setState(next);
  }, []);

  /** The conversation on screen changed; `savable`: it has something the store would save. */
  const changed = useCallback(
    (savable: boolean) => {
      edits.current += 1;
      mark(savable ? "unsaved" : "nothing");
    },
    [mark],
  );

  /** Another conversation is on screen: one read from the store (`saved`), or a new one. */
  const replaced = useCallback(
    (saved: boolean) => {
      edits.current += 1;
      mark(saved ? "saved" : "nothing");
    },
    [mark],
  );

  /** How many changes were made so far: what a save taken now is saved as of. */
  const editsSoFar = useCallback(() => edits.current, []);

  /** A save of the conversation on screen landed, taken after `editsThen` changes. */
  const landed = useCallback(
    (editsThen: number) => {
      if (edits.current === editsThen) mark("saved");
    },
    [mark],
  );

  const isUnsaved = useCallback(() => now.current === "unsaved", []);

  return { state, changed, replaced, editsSoFar, landed, isUnsaved };
}
