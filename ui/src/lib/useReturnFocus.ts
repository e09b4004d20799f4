import { useCallback, useRef } from "react";

/**
 * Remembers what had focus when something opened (`remember`), and puts focus back there when it
 * closes (`restore`), if that element is still on the page.
 */
export function useReturnFocus() {
  const opener = useRef<HTMLElement | null>(null);
  const remember = useCallback(() => {
    const active = document.activeElement;
    opener.current = active instanceof HTMLElement && active !== document.body ? active : null;
  }, []);
  const restore = useCallback(() => {
    const element = opener.current;
    opener.current = null;
    if (element?.isConnected) element.focus();
  }, []);
  return { remember, restore };
}
