import type { DeploymentUsage, UsageRange, UsageReport } from "../../bindings";
import { samplePriceQuote } from "../../test/fixtures";

/** The first interval's start: 3 Nov 2026, 00:00 UTC. */
export const usageStart = Date.UTC(2026, 10, 3, 0, 0, 0);

// As Rust reports them: per minute, per 15 minutes, then per hour.
const intervalFor: Record<UsageRange, number> = { hour: 60, day: 900, week: 3600, month: 3600 };

/** A deployment with no traffic at all over `length` intervals. */
export function quietDeployment(
  length: number,
  overrides: Partial<DeploymentUsage> = {},
): DeploymentUsage {
  return {
    name: "chat-prod",
    model: "gpt-4o",
    modelVersion: "2024-11-20",
    sku: "GlobalStandard",
    capacity: 150,
    tokensPerMinute: 150000,
    promptTokens: new Array<number | null>(length).fill(null),
    completionTokens: new Array<number | null>(length).fill(null),
    requestsOk: new Array<number>(length).fill(0),
    requestsThrottled: new Array<number>(length).fill(0),
    requestsFailed: new Array<number>(length).fill(0),
    totals: { promptTokens: 0, completionTokens: 0, requests: 0, throttled: 0, failed: 0, peakTokens: 0 },
    cost: { input: 0, output: 0, perHour: null, hours: 24, total: 0 },
    quote: samplePriceQuote(),
    ...overrides,
  };
}

/**
 * Three deployments over five intervals. chat-prod (pay per token, 150,000 TPM) has a gap at
 * interval 1; embeddings reports prompt tokens only; ptu-east (provisioned, no TPM) is billed
 * by the hour. Interval 4 has no data from anyone.
 */
export function usageDeployments(): DeploymentUsage[] {
  return [
    quietDeployment(5, {
      promptTokens: [100000, null, 300000, 50000, null],
      completionTokens: [20000, null, 60000, 10000, null],
      requestsOk: [2, 0, 3, 1, 0],
      requestsThrottled: [0, 0, 1, 0, 0],
      requestsFailed: [0, 0, 0, 1, 0],
      totals: { promptTokens: 450000, completionTokens: 90000, requests: 8, throttled: 1, failed: 1, peakTokens: 360000 },
      cost: { input: 1.5, output: 1, perHour: null, hours: 24, total: 2.5 },
    }),
    quietDeployment(5, {
      name: "embeddings",
      model: "text-embedding-3-small",
      modelVersion: "1",
      sku: "Standard",
      capacity: 1200,
      tokensPerMinute: 1200000,
      promptTokens: [null, null, 4000, null, null],
      requestsOk: [0, 0, 2, 0, 0],
      totals: { promptTokens: 4000, completionTokens: 0, requests: 2, throttled: 0, failed: 0, peakTokens: 4000 },
      cost: { input: 0.08, output: 0, perHour: null, hours: 24, total: 0.08 },
    }),
    quietDeployment(5, {
      name: "ptu-east",
      sku: "ProvisionedManaged",
      capacity: 50,
      tokensPerMinute: null,
      promptTokens: [null, 1000, null, null, null],
      completionTokens: [null, 500, null, null, null],
      requestsOk: [0, 1, 0, 0, 0],
      totals: { promptTokens: 1000, completionTokens: 500, requests: 1, throttled: 0, failed: 0, peakTokens: 1500 },
      cost: { input: 0, output: 0, perHour: 50, hours: 24, total: 1200 },
    }),
  ];
}

/** A report of `deployments` for `range`, priced at the retail prices of 3 Nov 2026. */
export function sampleUsageReport(
  range: UsageRange = "day",
  deployments: DeploymentUsage[] = usageDeployments(),
  overrides: Partial<UsageReport> = {},
): UsageReport {
  const intervalSecs = intervalFor[range];
  const length = deployments[0]?.requestsOk.length ?? 0;
  const times = Array.from({ length }, (_, index) => usageStart + index * intervalSecs * 1000);
  return {
    range,
    from: new Date(usageStart).toISOString(),
    to: new Date(usageStart + length * intervalSecs * 1000).toISOString(),
    intervalSecs,
    times,
    deployments,
    currency: "USD",
    prices: { asOf: "2026-11-03", offline: null, unavailable: null },
    ...overrides,
  };
}

/** A report in which nothing was asked of any deployment. */
export function quietUsageReport(range: UsageRange = "day"): UsageReport {
  return sampleUsageReport(range, [
    quietDeployment(5),
    quietDeployment(5, { name: "embeddings", model: "text-embedding-3-small", sku: "Standard" }),
  ]);
}
