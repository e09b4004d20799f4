import { describe, expect, it } from "vitest";
import type { AnswerFacts, ConversationMessage } from "../../bindings";
import { samplePriceQuote } from "../../test/fixtures";
import { priceSource, tokenRates } from "../../lib/prices";
import { answerCost, conversationCost } from "./cost";

// $2.50 per 1M input tokens, $1.25 cached, $10.00 output.
const quote = samplePriceQuote();

function answer(id: string, facts: AnswerFacts | null): ConversationMessage {
  return { id, role: "assistant", content: "…", answer: facts };
}

describe("answerCost", () => {
  it("prices the prompt and the completion per million tokens", () => {
    // 25 × 2.50 + 87 × 10.00 = 932.5 per million.
    expect(answerCost({ promptTokens: 25, completionTokens: 87 }, quote)).toBe(0.0009325);
  });

  it("prices cached prompt tokens at the cached price, the rest at the input price", () => {
    // 600 × 2.50 + 400 × 1.25 + 200 × 10.00 = 4000 per million.
    expect(
      answerCost({ promptTokens: 1000, cachedTokens: 400, completionTokens: 200 }, quote),
    ).toBe(0.004);
  });

  it("prices cached tokens as input when no cached price is listed", () => {
    const noCached = samplePriceQuote({ cachedInputPerMillion: null });
    // 1000 × 2.50 + 200 × 10.00 = 4500 per million.
    expect(
      answerCost({ promptTokens: 1000, cachedTokens: 400, completionTokens: 200 }, noCached),
    ).toBe(0.0045);
  });

  it("does not add the reasoning tokens again: the completion count includes them", () => {
    expect(
      answerCost({ promptTokens: 25, completionTokens: 87, reasoningTokens: 64 }, quote),
    ).toBe(0.0009325);
  });

  it("never counts more cached tokens than the prompt had", () => {
    // All 100 prompt tokens cached: 100 × 1.25 + 0 × 10.00 = 125 per million.
    expect(
      answerCost({ promptTokens: 100, cachedTokens: 500, completionTokens: 0 }, quote),
    ).toBe(0.000125);
  });

  it("works with prices that are not round in binary", () => {
    const mini = samplePriceQuote({
      inputPerMillion: 0.15,
      cachedInputPerMillion: 0.075,
      outputPerMillion: 0.6,
    });
    // 1,200 × 0.15 + 300 × 0.60 = 360 per million.
    expect(answerCost({ promptTokens: 1200, completionTokens: 300 }, mini)).toBeCloseTo(
      0.00036,
      15,
    );
    expect(answerCost({ promptTokens: 1_000_000, completionTokens: 1_000_000 }, mini)).toBe(0.75);
  });

  it("is null without both token counts, for hourly billing, and without a price", () => {
    expect(answerCost({ completionTokens: 87 }, quote)).toBeNull();
    expect(answerCost({ promptTokens: 25, completionTokens: null }, quote)).toBeNull();
    const usage = { promptTokens: 25, completionTokens: 87 };
    expect(
      answerCost(
        usage,
        samplePriceQuote({ billing: "hourly", perUnitHour: 2, hourly: 30, inputPerMillion: null }),
      ),
    ).toBeNull();
    expect(answerCost(usage, samplePriceQuote({ billing: "unknown" }))).toBeNull();
    expect(answerCost(usage, samplePriceQuote({ outputPerMillion: null }))).toBeNull();
  });
});

describe("conversationCost", () => {
  it("sums the answers with token counts and counts those without", () => {
    const messages: ConversationMessage[] = [
      { id: "q1", role: "user", content: "Hi" },
      answer("a1", { promptTokens: 25, completionTokens: 87 }),
      { id: "q2", role: "user", content: "More" },
      answer("a2", { promptTokens: 1000, cachedTokens: 400, completionTokens: 200 }),
      // Stopped before Azure sent the usage.
      answer("a3", { totalMs: 300 }),
      answer("a4", null),
    ];
    expect(conversationCost(messages, quote)).toEqual({
      total: 0.0009325 + 0.004,
      counted: 2,
      uncounted: 2,
    });
  });

  it("is zero for a conversation without answers", () => {
    expect(conversationCost([{ id: "q1", role: "user", content: "Hi" }], quote)).toEqual({
      total: 0,
      counted: 0,
      uncounted: 0,
    });
  });
});

describe("price words", () => {
  it("lists the per-token prices that are known", () => {
    expect(tokenRates(quote)).toEqual([
      "$2.50 per 1M input tokens",
      "$1.25 per 1M cached input tokens",
      "$10.00 per 1M output tokens",
    ]);
    expect(tokenRates(samplePriceQuote({ cachedInputPerMillion: null }))).toEqual([
      "$2.50 per 1M input tokens",
      "$10.00 per 1M output tokens",
    ]);
  });

  it("says where the prices come from, and that they are the last known when offline", () => {
    expect(priceSource(quote)).toBe("Retail prices of Nov 3, 2026");
    expect(priceSource(samplePriceQuote({ offline: "prices.azure.com could not be reached" }))).toBe(
      "Retail prices of Nov 3, 2026 (offline — last known prices: prices.azure.com could not be reached)",
    );
    expect(priceSource(samplePriceQuote({ asOf: null }))).toBeNull();
  });
});
