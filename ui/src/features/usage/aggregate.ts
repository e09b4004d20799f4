import type { DeploymentUsage, UsageReport, UsageTotals } from "../../bindings";

/** What the charts and the per-interval table show: "All deployments" (null) or one by name. */
export type UsageSelection = string | null;

/** The selection's numbers per interval, aligned with `times`. */
export type UsageSeries = {
  times: number[];
  /** Null where no deployment in the selection reported a value. */
  prompt: (number | null)[];
  completion: (number | null)[];
  ok: (number | null)[];
  throttled: (number | null)[];
  failed: (number | null)[];
};

/** The deployments a selection covers: one by name, or all of them. */
export function deploymentsIn(
  report: UsageReport,
  selection: UsageSelection,
): readonly DeploymentUsage[] {
  if (selection === null) {
    return report.deployments;
  }
  const one = report.deployments.find((item) => item.name === selection);
  return one === undefined ? [] : [one];
}

/**
 * Sums the deployments per interval. Plain indexed loops: the benchmark's month of hourly points
 * for 20 deployments (14,400 values a metric) must not allocate per point.
 */
export function seriesOf(report: UsageReport, selection: UsageSelection): UsageSeries {
  const deployments = deploymentsIn(report, selection);
  const length = report.times.length;
  const empty = () => new Array<number | null>(length).fill(null);
  const [prompt, completion, ok, throttled, failed] = [empty(), empty(), empty(), empty(), empty()];
  for (const deployment of deployments) {
    addNullable(prompt, deployment.promptTokens);
    addNullable(completion, deployment.completionTokens);
    addNullable(ok, deployment.requestsOk);
    addNullable(throttled, deployment.requestsThrottled);
    addNullable(failed, deployment.requestsFailed);
  }
  return { times: timesOf(report), prompt, completion, ok, throttled, failed };
}

/**
 * Each interval's start in milliseconds. The charts need a number for every point: one Rust left
 * out is where the regular grid puts it, `from` plus whole intervals.
 */
export function timesOf(report: UsageReport): number[] {
  const start = Date.parse(report.from);
  const step = report.intervalSecs * 1000;
  const times = new Array<number>(report.times.length);
  for (let index = 0; index < times.length; index += 1) {
    times[index] = report.times[index] ?? start + index * step;
  }
  return times;
}

// A value missing from Azure stays missing (a gap in the chart), unless another deployment has one.
function addNullable(into: (number | null)[], values: readonly (number | null)[]): void {
  const length = Math.min(into.length, values.length);
  for (let index = 0; index < length; index += 1) {
    const value = values[index];
    if (value !== null && value !== undefined) {
      into[index] = (into[index] ?? 0) + value;
    }
  }
}

/**
 * Cumulative sums from the bottom layer up, top sum first: what `stackedBars` draws. A slot is
 * null only where every layer is.
 */
export function stackedLayers(layers: readonly (readonly (number | null)[])[]): (number | null)[][] {
  const length = layers[0]?.length ?? 0;
  const sums: (number | null)[][] = [];
  let below: (number | null)[] = new Array<number | null>(length).fill(null);
  for (const layer of layers) {
    const sum = new Array<number | null>(length);
    for (let index = 0; index < length; index += 1) {
      const a = below[index] ?? null;
      const b = layer[index] ?? null;
      sum[index] = a === null && b === null ? null : (a ?? 0) + (b ?? 0);
    }
    sums.push(sum);
    below = sum;
  }
  return sums.reverse();
}


type Counted = Exclude<keyof UsageTotals, "peakTokens">;
const counted: readonly Counted[] = ["promptTokens", "completionTokens", "requests", "throttled", "failed"];

/**
 * The deployments' window totals added up (peak: the highest of theirs). Like the series, a
 * total is unknown (null) only when every deployment's is.
 */
export function sumTotals(deployments: readonly DeploymentUsage[]): UsageTotals {
  const sum: UsageTotals = {
    promptTokens: null,
    completionTokens: null,
    requests: null,
    throttled: null,
    failed: null,
    peakTokens: null,
  };
  for (const { totals } of deployments) {
    for (const key of counted) {
      const value = totals[key];
      if (value !== null) sum[key] = (sum[key] ?? 0) + value;
    }
    if (totals.peakTokens !== null) {
      sum.peakTokens = Math.max(sum.peakTokens ?? 0, totals.peakTokens);
    }
  }
  return sum;
}

/** No request and no token in the window (or none known): the empty state, not flat charts. */
export function isQuiet(totals: UsageTotals): boolean {
  return counted.every((key) => (totals[key] ?? 0) === 0);
}

/** Where the deployment's TPM limit goes: on the chart, in a note, or nowhere. */
export type LimitPlacement =
  | { kind: "none" }
  | { kind: "line"; tokensPerMinute: number }
  | { kind: "note"; tokensPerMinute: number };

/**
 * A TPM limit is comparable to the chart only when each interval is one minute: on longer
 * intervals the tokens of many minutes add up, and a line at the limit would mislead. With
 * "All deployments" there is no one limit (each deployment has its own).
 */
export function limitPlacement(report: UsageReport, selection: UsageSelection): LimitPlacement {
  if (selection === null) {
    return { kind: "none" };
  }
  const limit = report.deployments.find((item) => item.name === selection)?.tokensPerMinute;
  if (limit === null || limit === undefined) {
    return { kind: "none" };
  }
  return report.intervalSecs === 60
    ? { kind: "line", tokensPerMinute: limit }
    : { kind: "note", tokensPerMinute: limit };
}
