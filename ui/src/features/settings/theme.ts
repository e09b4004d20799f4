import type { ThemePreference } from "../../bindings";

/** The theme actually painted: a preference of "system" resolves to one of these. */
export type ResolvedTheme = "light" | "dark";

const darkSchemeQuery = "(prefers-color-scheme: dark)";

/** The OS's current light/dark choice. */
export function systemTheme(): ResolvedTheme {
  return window.matchMedia(darkSchemeQuery).matches ? "dark" : "light";
}

/** Calls `onChange` whenever the OS switches between light and dark. */
export function subscribeToSystemTheme(onChange: () => void): () => void {
  const query = window.matchMedia(darkSchemeQuery);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

export function resolveTheme(preference: ThemePreference, system: ResolvedTheme): ResolvedTheme {
  return preference === "system" ? system : preference;
}

/** Paints the theme: the CSS variables in styles/theme.css key off this attribute. */
export function applyTheme(theme: ResolvedTheme): void {
  document.documentElement.dataset.theme = theme;
}
