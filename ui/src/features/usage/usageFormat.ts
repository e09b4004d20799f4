import type { UsageRange } from "../../bindings";
import { formatCount, noValue } from "../deployments/format";

/** The ranges in the order the switch offers them. */
export const usageRanges: readonly UsageRange[] = ["hour", "day", "week", "month"];

/** The range shown first: a day shows today's work without a month's wait. */
export const defaultUsageRange: UsageRange = "day";

const rangeWords: Record<UsageRange, { option: string; phrase: string }> = {
  hour: { option: "Last hour", phrase: "the last hour" },
  day: { option: "24 hours", phrase: "the last 24 hours" },
  week: { option: "7 days", phrase: "the last 7 days" },
  month: { option: "30 days", phrase: "the last 30 days" },
};

/** "24 hours": the switch's label for a range. */
export function rangeOption(range: UsageRange): string {
  return rangeWords[range].option;
}

/** "the last 24 hours": a range inside a sentence. */
export function rangePhrase(range: UsageRange): string {
  return rangeWords[range].phrase;
}

/** "minute", "hour", "5 minutes": how long one interval (one point, one table row) is. */
export function intervalText(intervalSecs: number): string {
  if (intervalSecs === 60) return "minute";
  if (intervalSecs === 3600) return "hour";
  if (intervalSecs === 86400) return "day";
  if (intervalSecs % 3600 === 0) return `${intervalSecs / 3600} hours`;
  if (intervalSecs % 60 === 0) return `${intervalSecs / 60} minutes`;
  return `${intervalSecs} seconds`;
}

/** A count, or the dash used wherever Azure reported nothing. */
export function countOrDash(value: number | null | undefined): string {
  return value === null || value === undefined ? noValue : formatCount(value);
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: "short" });
const dayAndTime = new Intl.DateTimeFormat(undefined, {
  weekday: "short",
  hour: "numeric",
  minute: "2-digit",
});
const dayOnly = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short" });

/** An interval's start, in full: "3 Nov 2026, 14:05" in the person's locale and time zone. */
export function formatTime(ms: number): string {
  return dateTime.format(ms);
}

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

/**
 * Axis labels for ticks `stepMs` apart: times within a day, weekday and time across days,
 * dates once ticks are a day or more apart.
 */
export function formatTick(ms: number, stepMs: number, spanMs: number): string {
  if (stepMs >= dayMs) return dayOnly.format(ms);
  if (spanMs > dayMs) return dayAndTime.format(ms);
  return timeOnly.format(ms);
}
