import { useEffect, useRef, useState } from "react";

export type CopyState = "idle" | "copied" | "failed";

/**
 * Copies text to the clipboard and says how it went: "copied" for a moment, "failed" until the
 * next try (the advice to copy by hand stays while the person follows it).
 */
export function useCopy(text: string): { state: CopyState; copy: () => Promise<void> } {
  const [state, setState] = useState<CopyState>("idle");
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  async function copy() {
    clearTimeout(timer.current);
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
      timer.current = setTimeout(() => setState("idle"), 2500);
    } catch {
      setState("failed");
    }
  }

  return { state, copy };
}

/** What to do when the clipboard refused. */
export const copyFailedText = "Couldn’t copy: select the text and copy it yourself.";
