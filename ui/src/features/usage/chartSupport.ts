import { useSyncExternalStore } from "react";
import type uPlot from "uplot";

let canvasSupport: boolean | undefined;

/**
 * Whether this window can draw on a canvas. jsdom (Vitest) has no 2D context: there the charts
 * are skipped and the rest of the view, the table included, works as usual. Checked once, as
 * jsdom reports every getContext call as an error.
 */
export function canDrawCharts(): boolean {
  if (canvasSupport === undefined) {
    canvasSupport =
      typeof document !== "undefined" &&
      typeof CanvasRenderingContext2D !== "undefined" &&
      document.createElement("canvas").getContext("2d") !== null;
  }
  return canvasSupport;
}

let loading: Promise<typeof uPlot> | undefined;

/**
 * uPlot, loaded on first use: it reads `matchMedia` as it is imported, and only the Usage tab
 * needs it, so it stays out of the startup bundle. Usage calls this as it mounts, so the chunk is
 * loaded while Azure is still answering.
 */
export function loadUPlot(): Promise<typeof uPlot> {
  loading ??= Promise.resolve()
    .then(keepLanguageIntlCanRead)
    .then(() => import("uplot"))
    .then((module) => module.default);
  return loading;
}

/**
 * uPlot formats numbers with `Intl.NumberFormat(navigator.language)` as it is imported. Under the
 * POSIX locale (`LANG=C`, common on Linux servers and minimal desktops) WebKitGTK reports "C",
 * which Intl refuses, and the import throws: the page's own language stands in for it then.
 */
function keepLanguageIntlCanRead(): void {
  try {
    Intl.NumberFormat.supportedLocalesOf([navigator.language]);
  } catch {
    const fallback = document.documentElement.lang || "en-US";
    Object.defineProperty(navigator, "language", { value: fallback, configurable: true });
  }
}

function subscribeToAppearance(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, {
    attributes: true,
    attributeFilter: ["data-theme", "data-density", "style"],
  });
  return () => observer.disconnect();
}

function appearanceSnapshot(): string {
  const root = document.documentElement;
  return `${root.dataset.theme ?? ""}|${root.dataset.density ?? ""}|${root.style.fontSize}`;
}

/**
 * Changes whenever the theme or the text size on `<html>` does (useAppliedTheme sets them):
 * canvas colours and fonts are read once, so a chart is made again when this changes.
 */
export function useAppearance(): string {
  return useSyncExternalStore(subscribeToAppearance, appearanceSnapshot, appearanceSnapshot);
}

/** The colours and font a chart draws with, read from the CSS variables in usage.css. */
export type ChartTheme = {
  axis: string;
  grid: string;
  font: string;
  /** 1rem in CSS pixels: chart heights follow the text size like everything else. */
  rem: number;
  colour: (name: string) => string;
};

export function readChartTheme(element: HTMLElement): ChartTheme {
  const style = getComputedStyle(element);
  const root = getComputedStyle(document.documentElement);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const rem = Number.parseFloat(root.fontSize) || 14;
  const family = root.getPropertyValue("--font-ui").trim() || "system-ui, sans-serif";
  return {
    axis: read("--color-text-muted", "#5f6673"),
    grid: read("--color-border", "#dde1e6"),
    font: `${Math.round(rem * 0.857)}px ${family}`,
    rem,
    colour: (name) => read(name, "#888888"),
  };
}
