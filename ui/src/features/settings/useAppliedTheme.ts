import { useLayoutEffect, useSyncExternalStore } from "react";
import { useSettings } from "./settingsQueries";
import { applyTheme, resolveTheme, subscribeToSystemTheme, systemTheme } from "./theme";

/** Keeps `<html data-theme>` in step with the saved preference and, for "system", the OS. */
export function useAppliedTheme(): void {
  const system = useSyncExternalStore(subscribeToSystemTheme, systemTheme);
  const settings = useSettings();
  // Until settings load (or if they cannot be read), follow the OS.
  const preference = settings.data?.appearance.theme ?? "system";
  const theme = resolveTheme(preference, system);
  useLayoutEffect(() => applyTheme(theme), [theme]);
}
