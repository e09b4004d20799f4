import type uPlot from "uplot";
import { formatCount, noValue } from "../deployments/format";
import type { ChartTheme } from "./chartSupport";
import { formatTick, formatTime } from "./usageFormat";

/** A chart's options apart from its size, which the wrapper measures. */
export type ChartOptions = Omit<uPlot.Options, "width" | "height">;

/** Builds a chart's options once uPlot is loaded and the theme's colours are read. */
export type ChartBuilder = (lib: typeof uPlot, theme: ChartTheme) => ChartOptions;

const compact = new Intl.NumberFormat(undefined, { notation: "compact", maximumFractionDigits: 1 });

/** Axes, scales, cursor and legend shared by both charts. */
function frame(theme: ChartTheme, series: uPlot.Series[]): ChartOptions {
  const axis = {
    stroke: theme.axis,
    font: theme.font,
    grid: { stroke: theme.grid, width: 1 },
    ticks: { stroke: theme.grid, width: 1 },
  };
  return {
    ms: 1, // the report's times are in milliseconds
    series: [{ label: "Time", value: (_u, value) => (value === null ? noValue : formatTime(value)) }, ...series],
    scales: {
      // Counts start at zero: a chart starting at 9,000 would make a small change look large.
      y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.08 : 1] },
    },
    axes: [
      {
        ...axis,
        values: (u, splits, _axis, _space, step) => {
          const span = (u.scales.x?.max ?? 0) - (u.scales.x?.min ?? 0);
          return splits.map((value) => formatTick(value, step, span));
        },
      },
      { ...axis, size: theme.rem * 4, values: (_u, splits) => splits.map((v) => compact.format(v)) },
    ],
    // Hover shows values in the legend; dragging to zoom is left out, as nothing would undo it.
    cursor: { drag: { x: false, y: false }, points: { size: 7 } },
    legend: { live: true },
  };
}

/** One layer of a stacked bar chart: what it is and its colour variable. */
type Layer = { label: string; colour: string };

/**
 * Layers stacked as bars, bottom layer first in `layers`. The data holds cumulative sums from the
 * bottom (see `stackedLayers`), drawn top sum first so each lower layer covers its share; the
 * legend shows each layer's own count, taken back out of the sums.
 */
function stackedBars(lib: typeof uPlot, theme: ChartTheme, layers: readonly Layer[]): uPlot.Series[] {
  const bars = lib.paths.bars?.({ size: [0.8, 64], align: 1 });
  const top = layers.length;
  // Series 1 is the sum of every layer; series `top` is the bottom layer alone.
  return [...layers].reverse().map((layer, drawn) => {
    const seriesIndex = drawn + 1;
    return {
      label: layer.label,
      stroke: theme.colour(layer.colour),
      fill: theme.colour(layer.colour),
      width: 0,
      paths: bars,
      points: { show: false },
      value: (u: uPlot, _value: number | null, _series: number, index: number | null) => {
        if (index === null) return noValue;
        const sum = u.data[seriesIndex]?.[index] ?? null;
        const below = seriesIndex < top ? (u.data[seriesIndex + 1]?.[index] ?? null) : null;
        return sum === null ? noValue : formatCount(sum - (below ?? 0));
      },
    };
  });
}

/** The x scale reaches one interval past the last start, so the last interval's bar shows whole. */
function intervalRange(u: uPlot, min: number, max: number): uPlot.Range.MinMax {
  const times = u.data[0];
  const step = times.length > 1 ? (times[1] ?? 0) - (times[0] ?? 0) : 60_000;
  return [min, max + step];
}

/**
 * Prompt and completion as stacked bars, so a bar's top is the total a tokens-per-minute limit
 * counts; the limit, when shown, is a dashed line.
 */
export function tokensChart(limit: number | null): ChartBuilder {
  return (lib, theme) => {
    const series = stackedBars(lib, theme, [
      { label: "Prompt", colour: "--usage-prompt" },
      { label: "Completion", colour: "--usage-completion" },
    ]);
    if (limit !== null) {
      series.push({
        label: `Limit ${formatCount(limit)} tokens/min`,
        stroke: theme.colour("--usage-limit"),
        width: 1.5,
        dash: [6, 4],
        points: { show: false },
        value: () => formatCount(limit),
      });
    }
    const options = frame(theme, series);
    return { ...options, scales: { ...options.scales, x: { time: true, range: intervalRange } } };
  };
}

/** OK, throttled and failed requests per interval as stacked bars: counts, not a trend. */
export function requestsChart(): ChartBuilder {
  return (lib, theme) => {
    const series = stackedBars(lib, theme, [
      { label: "OK", colour: "--usage-ok" },
      { label: "Throttled", colour: "--usage-throttled" },
      { label: "Errors", colour: "--usage-failed" },
    ]);
    const options = frame(theme, series);
    return { ...options, scales: { ...options.scales, x: { time: true, range: intervalRange } } };
  };
}
