import type { AnswerFacts, ConversationMessage, PriceQuote } from "../../bindings";

// What answers cost at a deployment's retail prices. Pure, so the arithmetic is tested with exact
// values; how prices are worded is in `lib/prices.ts`.

function tokenCount(value: number | null | undefined): number | null {
  return value !== null && value !== undefined && Number.isFinite(value) && value >= 0
    ? value
    : null;
}

/**
 * One answer's cost at per-token prices: the prompt (its cached part at the cached price when
 * one is listed) and the completion (which already counts the reasoning tokens). Null when the
 * deployment is billed per hour or has no known price, or when Azure did not report the counts.
 */
export function answerCost(facts: AnswerFacts, quote: PriceQuote): number | null {
  const input = quote.inputPerMillion;
  const output = quote.outputPerMillion;
  const prompt = tokenCount(facts.promptTokens);
  const completion = tokenCount(facts.completionTokens);
  if (quote.billing !== "tokens" || input === null || output === null) return null;
  if (prompt === null || completion === null) return null;
  // Cached tokens are part of the prompt count, never more than it.
  const cached = Math.min(tokenCount(facts.cachedTokens) ?? 0, prompt);
  const cachedPrice = quote.cachedInputPerMillion ?? input;
  // Summed per million and divided once, so prices like $2.50 give exact results.
  return ((prompt - cached) * input + cached * cachedPrice + completion * output) / 1_000_000;
}

/** A conversation's cost: the answers with token counts summed, and how many had none. */
export type ConversationCost = { total: number; counted: number; uncounted: number };

export function conversationCost(
  messages: readonly ConversationMessage[],
  quote: PriceQuote,
): ConversationCost {
  let total = 0;
  let counted = 0;
  let uncounted = 0;
  for (const message of messages) {
    if (message.role !== "assistant") continue;
    const cost = message.answer ? answerCost(message.answer, quote) : null;
    if (cost === null) {
      uncounted += 1;
    } else {
      total += cost;
      counted += 1;
    }
  }
  return { total, counted, uncounted };
}
