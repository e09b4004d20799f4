import { useLayoutEffect, useSyncExternalStore } from "react";
import { useAppearancePreview } from "./appearancePreview";
import { useSettings } from "./settingsQueries";
import {
  applyDensity,
  applyTheme,
  DEFAULT_FONT_SIZE,
  resolveTheme,
  subscribeToSystemTheme,
  systemTheme,
} from "./theme";

/**
 * Keeps `<html>` in step with the appearance: `data-theme` from the saved preference (for
 * "system", the OS), the root font size and `data-density`. While Settings › Appearance is being
 * edited, the edited appearance shows instead.
 */
export function useAppliedTheme(): void {
  const system = useSyncExternalStore(subscribeToSystemTheme, systemTheme);
  const settings = useSettings();
  const preview = useAppearancePreview();
  // Until settings load (or if they cannot be read), follow the OS at the default size.
  const appearance = preview ?? settings.data?.appearance;
  const theme = resolveTheme(appearance?.theme ?? "system", system);
  const fontSize = appearance?.fontSize ?? DEFAULT_FONT_SIZE;
  const compact = appearance?.compact ?? false;
  useLayoutEffect(() => applyTheme(theme), [theme]);
  useLayoutEffect(() => applyDensity({ fontSize, compact }), [fontSize, compact]);
}
