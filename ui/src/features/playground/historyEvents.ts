// "Clear history" (Settings › Privacy and data) and the Playground are far apart; the Playground,
// when open, must drop what it knew of the history so no answer still on its way brings one back.
const listeners = new Set<() => void>();

/** Tells an open Playground that every saved conversation was deleted. */
export function announceHistoryCleared(): void {
  for (const listener of listeners) listener();
}

/** Calls `listener` whenever the history is cleared; returns the unsubscribe. */
export function onHistoryCleared(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
