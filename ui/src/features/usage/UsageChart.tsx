import { useEffect, useLayoutEffect, useRef, useState } from "react";
import type uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import type { ChartBuilder } from "./chartOptions";
import { canDrawCharts, loadUPlot, readChartTheme, useAppearance, type ChartTheme } from "./chartSupport";

type UsageChartProps = {
  testId: string;
  /** What the chart shows, in words: the chart itself is one image to assistive technology. */
  label: string;
  /** Memoised by the caller: a new builder makes the chart again (series changed). */
  build: ChartBuilder;
  /** Memoised by the caller: a new array is drawn with setData, keeping the chart. */
  data: uPlot.AlignedData;
  /** After each draw (the benchmark measures response → drawn). */
  onDrawn?: () => void;
};

/** Plot height: about 14 lines of text, so the chart grows with the text size. */
function sizeOf(element: HTMLElement, theme: ChartTheme): { width: number; height: number } {
  return { width: Math.max(element.clientWidth, 0), height: Math.round(theme.rem * 14) };
}

/**
 * One uPlot chart. Made in an effect once uPlot is loaded, fed new data with setData, resized
 * with its box, made again when the theme or text size changes (canvas colours are read once)
 * and destroyed on unmount. `data-drawn="true"` appears on the box once uPlot has drawn the
 * current data: the end-to-end test and the benchmark wait for it.
 */
export function UsageChart({ testId, label, build, data, onDrawn }: UsageChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  const shownData = useRef<uPlot.AlignedData | null>(null);
  const latestData = useRef(data);
  const latestOnDrawn = useRef(onDrawn);
  const appearance = useAppearance();
  const drawable = canDrawCharts();
  const [failure, setFailure] = useState<string | null>(null);

  useLayoutEffect(() => {
    latestOnDrawn.current = onDrawn;
  }, [onDrawn]);

  useEffect(() => {
    const element = box.current;
    if (!drawable || element === null) {
      return;
    }
    let cancelled = false;
    let observer: ResizeObserver | undefined;
    void loadUPlot().then((lib) => {
      if (cancelled) return;
      const theme = readChartTheme(element);
      const options = build(lib, theme);
      const drawn = (plot: uPlot) => {
        element.dataset.drawn = "true";
        element.dataset.points = String(plot.data[0]?.length ?? 0);
        latestOnDrawn.current?.();
      };
      element.dataset.drawn = "false";
      const hooks = { ...options.hooks, draw: [...(options.hooks?.draw ?? []), drawn] };
      const data = latestData.current;
      const plot = new lib({ ...options, ...sizeOf(element, theme), hooks }, data, element);
      chart.current = plot;
      shownData.current = data;
      observer = new ResizeObserver(() => {
        const next = sizeOf(element, theme);
        // The legend changing height resizes the box too: only a new width needs a new size.
        if (next.width !== plot.width || next.height !== plot.height) {
          plot.setSize(next);
        }
      });
      observer.observe(element);
    }).catch((error: unknown) => {
      // The chart could not be made (its code did not load, or it failed): say so where it would
      // be; the totals and the table still work.
      if (!cancelled) setFailure(error instanceof Error ? error.message : String(error));
    });
    return () => {
      cancelled = true;
      observer?.disconnect();
      chart.current?.destroy();
      chart.current = null;
      shownData.current = null;
      delete element.dataset.drawn;
      delete element.dataset.points;
    };
  }, [build, appearance, drawable]);

  useEffect(() => {
    latestData.current = data;
    const plot = chart.current;
    if (plot !== null && shownData.current !== data) {
      shownData.current = data;
      // Not drawn until uPlot's draw hook says so: a test must not see the last range's chart.
      if (box.current) box.current.dataset.drawn = "false";
      plot.setData(data);
    }
  }, [data]);

  return (
    <>
      <div ref={box} className="usage-chart" data-testid={testId} role="img" aria-label={label} />
      {failure !== null && (
        <p className="muted usage-chart-fallback" data-testid={`${testId}-failed`}>
          The chart could not be drawn ({failure}). Show as table lists the same numbers.
        </p>
      )}
      {!drawable && (
        <p className="muted usage-chart-fallback">
          Charts can’t be drawn in this window. Show as table lists the same numbers.
        </p>
      )}
    </>
  );
}
