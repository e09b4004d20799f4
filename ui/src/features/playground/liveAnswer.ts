import { useSyncExternalStore } from "react";
import type { PlaygroundEvent } from "../../bindings";

export type Opened = Extract<PlaygroundEvent, { type: "opened" }>;

/** What has arrived of an answer still streaming. */
export type LiveSnapshot = {
  readonly text: string;
  /** Azure accepted the request: its request id, headroom and what was changed to fit the model. */
  readonly opened: Opened | null;
  readonly filterNotes: readonly string[];
};

const NOTHING: LiveSnapshot = { text: "", opened: null, filterNotes: [] };

/**
 * An answer as it streams, kept outside React state: as it grows, only the views showing it render
 * again, not the screen around them (history, parameters, composer) — on every frame, and on the
 * first token, which is what the person is waiting for.
 */
export class LiveAnswer {
  private now: LiveSnapshot = NOTHING;
  private readonly listeners = new Set<() => void>();

  readonly read = (): LiveSnapshot => this.now;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /** Replaces what is known; unchanged parts keep their identity, so views of them stay put. */
  update(change: Partial<LiveSnapshot>) {
    this.now = { ...this.now, ...change };
    for (const listener of this.listeners) listener();
  }

  append(text: string) {
    this.update({ text: this.now.text + text });
  }

  clear() {
    if (this.now !== NOTHING) this.update(NOTHING);
  }
}

/** One part of the answer, rendering again only when that part changes. */
export function useLive<T>(live: LiveAnswer, pick: (now: LiveSnapshot) => T): T {
  return useSyncExternalStore(live.subscribe, () => pick(live.read()));
}
