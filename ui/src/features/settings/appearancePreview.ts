import { useSyncExternalStore } from "react";
import type { Appearance } from "../../bindings";

// The appearance being edited on the Settings screen, painted before it is saved. The window
// (useAppliedTheme, in AppFrame) and the screen are far apart, and only one screen edits it.
let previewed: Appearance | null = null;
const listeners = new Set<() => void>();

/** Paints `appearance` in place of the saved one until told null (saved, reverted, or left). */
export function previewAppearance(appearance: Appearance | null): void {
  if (appearance === previewed) return;
  previewed = appearance;
  for (const listener of listeners) listener();
}

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  return () => listeners.delete(onChange);
}

/** The appearance being previewed, or null when the saved one applies. */
export function useAppearancePreview(): Appearance | null {
  return useSyncExternalStore(subscribe, () => previewed);
}
