import type uPlot from "uplot";
import { formatCount, noValue } from "../deployments/format";
import type { ChartTheme } from "./chartSupport";
import { countOrDash, formatTick, formatTime } from "./usageFormat";

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

/** A legend value: the count at the cursor, or a dash where Azure reported nothing. */
const countValue = (_u: uPlot, value: number | null) => countOrDash(value);

/**
 * Prompt and completion stacked (series 2 holds their sum), so the top edge is the total a
 * tokens-per-minute limit counts. The legend shows completion alone, taken back out of the sum.
 */
export function tokensChart(limit: number | null): ChartBuilder {
  return (_lib, theme) => {
    const series: uPlot.Series[] = [
      {
        label: "Prompt",
        stroke: theme.colour("--usage-prompt"),
        fill: theme.colour("--usage-prompt-fill"),
        width: 1.5,
        value: countValue,
      },
      {
        label: "Completion",
        stroke: theme.colour("--usage-completion"),
        width: 1.5,
        value: (u, _value, _series, index) => {
          if (index === null) return noValue;
          const total = u.data[2]?.[index] ?? null;
          const prompt = u.data[1]?.[index] ?? null;
          return total === null ? noValue : formatCount(total - (prompt ?? 0));
        },
      },
    ];
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
    return {
      ...frame(theme, series),
      bands: [{ series: [2, 1], fill: theme.colour("--usage-completion-fill") }],
    };
  };
}

/** OK, throttled and failed requests as stepped lines: counts per interval, not a trend. */
export function requestsChart(): ChartBuilder {
  return (lib, theme) => {
    const stepped = lib.paths.stepped?.({ align: 1 });
    const line = (label: string, colour: string): uPlot.Series => ({
      label,
      stroke: theme.colour(colour),
      width: 1.5,
      paths: stepped,
      points: { show: false },
      value: countValue,
    });
    return frame(theme, [
      line("OK", "--usage-ok"),
      line("Throttled", "--usage-throttled"),
      line("Errors", "--usage-failed"),
    ]);
  };
}
