import { useCallback, useEffect, useMemo, useRef } from "react";
import type uPlot from "uplot";
import type { UsageTotals } from "../../bindings";
import { formatCount } from "../deployments/format";
import { countOrDash } from "./usageFormat";
import { stackedLayers, type LimitPlacement, type UsageSeries } from "./aggregate";
import { requestsChart, tokensChart } from "./chartOptions";
import { UsageChart } from "./UsageChart";
import { usageResponseMark } from "./usageQueries";

type UsageChartsProps = {
  series: UsageSeries;
  totals: UsageTotals;
  limit: LimitPlacement;
  /** "all deployments" or the deployment's name, and "the last 24 hours": for the summaries. */
  subject: string;
  period: string;
};

/** The tokens and requests charts of the selection, with the TPM limit where it applies. */
export function UsageCharts({ series, totals, limit, subject, period }: UsageChartsProps) {
  const limitLine = limit.kind === "line" ? limit.tokensPerMinute : null;
  const tokensBuild = useMemo(() => tokensChart(limitLine), [limitLine]);
  const requestsBuild = useMemo(() => requestsChart(), []);

  const tokensData = useMemo((): uPlot.AlignedData => {
    const lines = stackedLayers([series.prompt, series.completion]);
    if (limitLine !== null) {
      lines.push(new Array<number>(series.times.length).fill(limitLine));
    }
    return [series.times, ...lines];
  }, [series, limitLine]);
  const requestsData = useMemo(
    (): uPlot.AlignedData => [series.times, ...stackedLayers([series.ok, series.throttled, series.failed])],
    [series],
  );

  const onDrawn = useRenderMeasure(series);

  const tokensLabel =
    `Tokens per interval for ${subject}, ${period}: ` +
    `${countOrDash(totals.promptTokens)} prompt and ${countOrDash(totals.completionTokens)} completion tokens` +
    (limitLine === null ? "." : `, against a limit of ${formatCount(limitLine)} tokens per minute.`);
  const requestsLabel =
    `Requests per interval for ${subject}, ${period}: ${countOrDash(totals.requests)} requests, ` +
    `${countOrDash(totals.throttled)} throttled, ${countOrDash(totals.failed)} failed.`;

  return (
    <div className="usage-charts">
      <section className="usage-chart-card" aria-label="Tokens">
        <h3 className="usage-chart-title">Tokens</h3>
        <UsageChart
          testId="usage-chart-tokens"
          label={tokensLabel}
          build={tokensBuild}
          data={tokensData}
          onDrawn={() => onDrawn("tokens")}
        />
        {limit.kind === "note" && (
          <p className="muted usage-limit-note" data-testid="usage-limit-note">
            The limit of {formatCount(limit.tokensPerMinute)} tokens applies per minute; it is drawn
            on the Last hour view.
          </p>
        )}
      </section>
      <section className="usage-chart-card" aria-label="Requests">
        <h3 className="usage-chart-title">Requests</h3>
        <UsageChart
          testId="usage-chart-requests"
          label={requestsLabel}
          build={requestsBuild}
          data={requestsData}
          onDrawn={() => onDrawn("requests")}
        />
      </section>
    </div>
  );
}

/**
 * The benchmark's "usage_chart_render" measure: from the report arriving from Rust
 * (usageQueries marks it) to both charts drawn with it. A no-op without the mark.
 */
function useRenderMeasure(series: UsageSeries): (chart: string) => void {
  const drawn = useRef(new Set<string>());
  useEffect(() => {
    drawn.current.clear();
  }, [series]);
  return useCallback((chart: string) => {
    drawn.current.add(chart);
    if (
      drawn.current.size === 2 &&
      typeof performance !== "undefined" &&
      typeof performance.getEntriesByName === "function" &&
      performance.getEntriesByName(usageResponseMark).length > 0
    ) {
      performance.measure("usage_chart_render", usageResponseMark);
      performance.clearMarks(usageResponseMark);
    }
  }, []);
}
