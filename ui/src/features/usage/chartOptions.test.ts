import type uPlot from "uplot";
import { describe, expect, it } from "vitest";
import { formatCount } from "../deployments/format";
import { tokensChart } from "./chartOptions";
import type { ChartTheme } from "./chartSupport";

const theme: ChartTheme = { axis: "#555", grid: "#ddd", font: "12px sans-serif", rem: 14, colour: () => "#123456" };
// The builders use uPlot itself only for its path builders, which the tokens chart does not.
const lib = { paths: {} } as unknown as typeof uPlot;

/** A series' legend value at `index`, as uPlot would ask for it on hover. */
function legendValue(options: ReturnType<ReturnType<typeof tokensChart>>, series: number, data: uPlot.AlignedData, index: number | null) {
  const format = options.series[series]?.value;
  if (typeof format !== "function") throw new Error(`series ${series} has no formatter`);
  const chart = { data } as unknown as uPlot;
  return format(chart, index === null ? 0 : (data[series]?.[index] ?? 0), series, index);
}

describe("tokensChart", () => {
  // Stacked from the bottom: series 1 is prompt + completion, series 2 prompt alone.
  const data: uPlot.AlignedData = [
    [0, 60_000, 120_000],
    [1500, 200, null],
    [1000, null, null],
  ];

  it("shows each layer alone on hover, taken back out of the stacked sums", () => {
    const options = tokensChart(null)(lib, theme);

    expect(options.series.map((series) => series.label)).toEqual(["Time", "Completion", "Prompt"]);
    expect(legendValue(options, 2, data, 0)).toBe(formatCount(1000));
    expect(legendValue(options, 1, data, 0)).toBe("500");
    expect(legendValue(options, 1, data, 1)).toBe("200");
    expect(legendValue(options, 1, data, 2)).toBe("—");
    expect(legendValue(options, 2, data, 2)).toBe("—");
    expect(legendValue(options, 1, data, null)).toBe("—");
  });

  it("adds the limit as a dashed line, labelled with its tokens per minute", () => {
    const options = tokensChart(150000)(lib, theme);
    const limit = options.series[3];

    expect(limit?.label).toBe(`Limit ${formatCount(150000)} tokens/min`);
    expect(limit?.dash).toEqual([6, 4]);
  });
});
