import { describe, expect, it } from "vitest";
import {
  isQuiet,
  limitPlacement,
  seriesOf,
  stackedLayers,
  sumTotals,
  timesOf,
} from "./aggregate";
import { costCell, pricesNote, totalCost } from "./cost";
import { formatMoney, formatPriceDate, formatRate } from "../../lib/money";
import { quietUsageReport, sampleUsageReport, usageDeployments } from "./testFixtures";

describe("seriesOf", () => {
  it("sums every deployment per interval, null only where all of them are null", () => {
    const series = seriesOf(sampleUsageReport(), null);

    expect(series.prompt).toEqual([100000, 1000, 304000, 50000, null]);
    // embeddings has no completion at all; ptu-east fills chat-prod's gap at interval 1.
    expect(series.completion).toEqual([20000, 500, 60000, 10000, null]);
    expect(series.ok).toEqual([2, 1, 5, 1, 0]);
    expect(series.throttled).toEqual([0, 0, 1, 0, 0]);
    expect(series.failed).toEqual([0, 0, 0, 1, 0]);
    expect(series.times).toHaveLength(5);
  });

  it("counts requests as Azure reported them, null where nobody reported any", () => {
    const [chat, embeddings] = usageDeployments();
    const report = sampleUsageReport("day", [
      { ...chat!, requestsThrottled: [null, 1, null, null, null] },
      { ...embeddings!, requestsThrottled: [null, 2, 3, null, null] },
    ]);

    expect(seriesOf(report, null).throttled).toEqual([null, 3, 3, null, null]);
  });

  it("keeps one deployment's gaps as gaps", () => {
    const series = seriesOf(sampleUsageReport(), "chat-prod");

    expect(series.prompt).toEqual([100000, null, 300000, 50000, null]);
    expect(series.ok).toEqual([2, 0, 3, 1, 0]);
  });

  it("has nothing for a deployment the report does not list", () => {
    const series = seriesOf(sampleUsageReport(), "gone");

    expect(series.prompt).toEqual([null, null, null, null, null]);
    expect(series.ok).toEqual([null, null, null, null, null]);
  });

  it("adds up a month of hourly points for 20 deployments", () => {
    const hours = 720;
    const deployments = Array.from({ length: 20 }, (_, index) => ({
      ...usageDeployments()[0]!,
      name: `d${index}`,
      promptTokens: Array.from({ length: hours }, (_, hour) => (hour % 10 === 0 ? null : 1)),
      completionTokens: new Array<number | null>(hours).fill(2),
      requestsOk: new Array<number>(hours).fill(1),
      requestsThrottled: new Array<number>(hours).fill(0),
      requestsFailed: new Array<number>(hours).fill(0),
    }));
    const series = seriesOf(sampleUsageReport("month", deployments), null);

    expect(series.prompt[0]).toBeNull();
    expect(series.prompt[1]).toBe(20);
    expect(series.completion[719]).toBe(40);
    expect(series.ok[300]).toBe(20);
  });
});

describe("timesOf", () => {
  it("puts an interval Rust gave no time for where the regular grid has it", () => {
    const report = sampleUsageReport("day");
    const times = [...report.times];
    times[2] = null;

    expect(timesOf({ ...report, times })).toEqual(report.times);
  });
});

describe("stackedLayers", () => {
  it("adds prompt and completion, counting a missing half as zero", () => {
    expect(stackedLayers([[1, null, 3, null], [10, 20, null, null]])).toEqual([
      [11, 20, 3, null],
      [1, null, 3, null],
    ]);
    expect(stackedLayers([[1, 0], [2, 0], [null, 4]])).toEqual([
      [3, 4],
      [3, 0],
      [1, 0],
    ]);
  });
});

describe("totals", () => {
  it("adds the deployments' totals, taking the highest peak", () => {
    expect(sumTotals(usageDeployments())).toEqual({
      promptTokens: 455000,
      completionTokens: 90500,
      requests: 11,
      throttled: 1,
      failed: 1,
      peakTokens: 360000,
    });
  });

  it("leaves a total unknown only when every deployment's is", () => {
    const [chat, embeddings] = usageDeployments();
    const unknown = { promptTokens: null, completionTokens: null, requests: null, throttled: null, failed: null, peakTokens: null };

    expect(sumTotals([{ ...chat!, totals: unknown }, embeddings!])).toEqual({
      promptTokens: 4000,
      completionTokens: 0,
      requests: 2,
      throttled: 0,
      failed: 0,
      peakTokens: 4000,
    });
    expect(sumTotals([{ ...chat!, totals: unknown }])).toEqual(unknown);
    expect(isQuiet(unknown)).toBe(true);
  });

  it("calls a window without a request or a token quiet", () => {
    expect(isQuiet(sumTotals(quietUsageReport().deployments))).toBe(true);
    expect(isQuiet(sumTotals(usageDeployments()))).toBe(false);
  });
});

describe("limitPlacement", () => {
  it("draws a deployment's TPM limit only when each interval is a minute", () => {
    expect(limitPlacement(sampleUsageReport("hour"), "chat-prod")).toEqual({
      kind: "line",
      tokensPerMinute: 150000,
    });
    expect(limitPlacement(sampleUsageReport("day"), "chat-prod")).toEqual({
      kind: "note",
      tokensPerMinute: 150000,
    });
  });

  it("has no limit for all deployments, nor for one without a TPM limit", () => {
    expect(limitPlacement(sampleUsageReport("hour"), null)).toEqual({ kind: "none" });
    expect(limitPlacement(sampleUsageReport("hour"), "ptu-east")).toEqual({ kind: "none" });
  });
});

describe("cost", () => {
  it("shows the total, and a provisioned deployment's hourly rate beside it", () => {
    const [chat, , ptu] = usageDeployments();

    expect(costCell(chat!, "USD")).toMatchObject({ text: formatMoney(2.5, "USD"), detail: null });
    expect(costCell(ptu!, "USD")).toMatchObject({
      text: formatMoney(1200, "USD"),
      detail: formatRate(50, "USD", "hour"),
    });
    expect(costCell({ ...chat!, cost: null }, "USD").text).toBe("—");
    expect(costCell({ ...chat!, cost: { ...chat!.cost!, total: null } }, "USD").text).toBe("—");
  });

  it("adds the known costs and counts the unpriced ones", () => {
    const [chat, embeddings] = usageDeployments();

    expect(totalCost([chat!, embeddings!], "EUR")).toEqual({
      text: formatMoney(2.58, "EUR"),
      missing: 0,
    });
    expect(totalCost([chat!, { ...embeddings!, cost: null }], "USD").missing).toBe(1);
    expect(totalCost([{ ...chat!, cost: null }], "USD").text).toBe("—");
  });

  it("says where the prices came from", () => {
    const day = formatPriceDate("2026-11-03");
    expect(pricesNote({ asOf: "2026-11-03", offline: null, unavailable: null })).toBe(
      `Estimated at retail prices of ${day}.`,
    );
    expect(pricesNote({ asOf: "2026-11-03", offline: "no network", unavailable: null })).toBe(
      `Estimated at retail prices of ${day} (offline: no network).`,
    );
    expect(pricesNote({ asOf: null, offline: null, unavailable: "No price list yet." })).toBe(
      "Costs can’t be estimated: No price list yet.",
    );
  });
});
