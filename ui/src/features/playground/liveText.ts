import { useSyncExternalStore } from "react";

/**
 * The text of an answer as it streams, kept outside React state: as it grows, only the
 * components showing it render again, not the screen around them (history, parameters, composer).
 */
export class LiveText {
  private text = "";
  private readonly listeners = new Set<() => void>();

  readonly read = (): string => this.text;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  set(text: string) {
    if (text === this.text) return;
    this.text = text;
    for (const listener of this.listeners) listener();
  }

  append(more: string) {
    this.set(this.text + more);
  }
}

/** The text now, rendering again whenever it changes. */
export function useLiveText(live: LiveText): string {
  return useSyncExternalStore(live.subscribe, live.read);
}
