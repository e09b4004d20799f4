import type { AnswerFacts, ConversationTarget } from "../../bindings";

// How the playground words its numbers: one format everywhere, whatever the machine's locale, so
// what a person reads matches what they paste into a bug report.

/** 39900 → "39,900". */
export function formatCount(value: number): string {
  return Math.round(value).toLocaleString("en-US");
}

/** Under a second in milliseconds ("312 ms"), else seconds with two decimals ("1.84 s"). */
export function formatDuration(ms: number): string {
  const rounded = Math.round(ms);
  return rounded < 1000 ? `${rounded} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/** "48 tok/s"; a slow stream keeps one decimal ("4.5 tok/s") so it does not read as 4 or 5. */
export function formatRate(tokensPerSecond: number): string {
  const value =
    tokensPerSecond < 10 ? tokensPerSecond.toFixed(1) : formatCount(tokensPerSecond);
  return `${value} tok/s`;
}

function present(value: number | null | undefined): value is number {
  return value !== null && value !== undefined && Number.isFinite(value);
}

/** "25 prompt + 87 completion (reasoning 64, cached 0)", with whatever Azure reported. */
export function tokenUsage(facts: AnswerFacts): string | null {
  const counts = [
    present(facts.promptTokens) ? `${formatCount(facts.promptTokens)} prompt` : null,
    present(facts.completionTokens) ? `${formatCount(facts.completionTokens)} completion` : null,
  ].filter((part) => part !== null);
  const details = [
    present(facts.reasoningTokens) ? `reasoning ${formatCount(facts.reasoningTokens)}` : null,
    present(facts.cachedTokens) ? `cached ${formatCount(facts.cachedTokens)}` : null,
  ].filter((part) => part !== null);
  if (counts.length === 0 && details.length === 0) return null;
  const main = counts.join(" + ");
  if (details.length === 0) return main;
  return main === "" ? `(${details.join(", ")})` : `${main} (${details.join(", ")})`;
}

/** "99 requests / 39,900 tokens left": the deployment's headroom after this answer. */
export function headroom(facts: AnswerFacts): string | null {
  const parts = [
    present(facts.remainingRequests) ? `${formatCount(facts.remainingRequests)} requests` : null,
    present(facts.remainingTokens) ? `${formatCount(facts.remainingTokens)} tokens` : null,
  ].filter((part) => part !== null);
  return parts.length === 0 ? null : `${parts.join(" / ")} left`;
}

/**
 * The parts of an answer's facts line, in reading order, leaving out what Azure did not say.
 * The request id and served model are shown apart (one copyable, one muted).
 */
export function factParts(facts: AnswerFacts): string[] {
  return [
    present(facts.timeToFirstTokenMs)
      ? `first token ${formatDuration(facts.timeToFirstTokenMs)}`
      : null,
    present(facts.totalMs) ? formatDuration(facts.totalMs) : null,
    present(facts.tokensPerSecond) ? formatRate(facts.tokensPerSecond) : null,
    tokenUsage(facts),
    facts.finishReason ? `finish ${facts.finishReason}` : null,
    headroom(facts),
  ].filter((part) => part !== null);
}

/** A long request id cut to a glance ("abc12345…"); the copy button copies it whole. */
export function shortRequestId(id: string): string {
  return id.length > 12 ? `${id.slice(0, 8)}…` : id;
}

/** "Retry in 11 s" / "Retry in 2 min 05 s". */
export function retryCountdown(seconds: number): string {
  if (seconds < 120) return `Retry in ${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = String(seconds % 60).padStart(2, "0");
  return `Retry in ${minutes} min ${rest} s`;
}

/** "gpt-4o 2024-11-20 · contoso-openai-eastus · Sandbox": what answers, where, through whom. */
export function modelLine(target: ConversationTarget, profileName: string | null): string {
  const model = target.model
    ? [target.model, target.modelVersion ?? ""].join(" ").trim()
    : "model unknown";
  return [model, target.account ?? null, profileName]
    .filter((part) => part !== null && part !== "")
    .join(" · ");
}
