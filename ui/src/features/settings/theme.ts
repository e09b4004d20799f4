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

/** The base text size when none is saved (Rust's `DEFAULT_FONT_SIZE`; base.css's root size). */
export const DEFAULT_FONT_SIZE = 14;

/** What the stylesheets scale and tighten by: every font-size is in rem (styles/base.css). */
export type Density = { fontSize: number; compact: boolean };

/**
 * Sets the root text size and `<html data-density="compact">`; returns what puts back the
 * stylesheet's own (14 px, normal density).
 */
export function applyDensity({ fontSize, compact }: Density): () => void {
  const root = document.documentElement;
  root.style.fontSize = `${fontSize}px`;
  if (compact) root.dataset.density = "compact";
  else delete root.dataset.density;
  return () => {
    root.style.removeProperty("font-size");
    delete root.dataset.density;
  };
}
