import { act } from "@testing-library/react";

type Scheme = "light" | "dark";

/**
 * Stands in for the OS appearance via `window.matchMedia`. Returns a switch that
 * changes it and notifies listeners, as the OS does when the user flips dark mode.
 */
export function mockColorScheme(initial: Scheme): { switchTo: (scheme: Scheme) => void } {
  let scheme = initial;
  const listeners = new Set<EventListenerOrEventListenerObject>();

  window.matchMedia = (query: string): MediaQueryList => ({
    media: query,
    get matches() {
      return query === "(prefers-color-scheme: dark)" && scheme === "dark";
    },
    onchange: null,
    addEventListener: (_type: string, listener: EventListenerOrEventListenerObject) =>
      listeners.add(listener),
    removeEventListener: (_type: string, listener: EventListenerOrEventListenerObject) =>
      listeners.delete(listener),
    addListener: () => undefined,
    removeListener: () => undefined,
    dispatchEvent: () => true,
  });

  return {
    switchTo(next) {
      scheme = next;
      const event = new Event("change");
      act(() => {
        for (const listener of listeners) {
          if (typeof listener === "function") listener(event);
          else listener.handleEvent(event);
        }
      });
    },
  };
}
