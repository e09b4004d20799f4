import { describe, expect, it } from "vitest";
import type { AnswerFacts } from "../../bindings";
import {
  factParts,
  formatCount,
  formatDuration,
  formatRate,
  headroom,
  modelLine,
  retryCountdown,
  shortRequestId,
  tokenUsage,
} from "./facts";
import { gpt4oTarget } from "./testFixtures";

const full: AnswerFacts = {
  timeToFirstTokenMs: 312.4,
  totalMs: 1843,
  tokensPerSecond: 47.8,
  promptTokens: 25,
  completionTokens: 87,
  reasoningTokens: 64,
  cachedTokens: 0,
  finishReason: "stop",
  remainingRequests: 99,
  remainingTokens: 39_900,
  requestId: "abc12345-6789-4def-8123-456789abcdef",
  servedModel: "gpt-4o-2024-11-20",
  adjustments: [],
  filterNotes: [],
};

describe("answer facts formatting", () => {
  it("writes counts with en-US thousands separators whatever the machine's locale", () => {
    expect(formatCount(0)).toBe("0");
    expect(formatCount(999)).toBe("999");
    expect(formatCount(39_900)).toBe("39,900");
    expect(formatCount(1_234_567)).toBe("1,234,567");
  });

  it("writes durations under a second in ms, longer ones in seconds with two decimals", () => {
    expect(formatDuration(0)).toBe("0 ms");
    expect(formatDuration(312.4)).toBe("312 ms");
    expect(formatDuration(999.4)).toBe("999 ms");
    expect(formatDuration(999.6)).toBe("1.00 s");
    expect(formatDuration(1000)).toBe("1.00 s");
    expect(formatDuration(1843)).toBe("1.84 s");
    expect(formatDuration(61_250)).toBe("61.25 s");
  });

  it("writes the token rate whole, with one decimal when it is slow", () => {
    expect(formatRate(47.8)).toBe("48 tok/s");
    expect(formatRate(1234.2)).toBe("1,234 tok/s");
    expect(formatRate(4.46)).toBe("4.5 tok/s");
  });

  it("sums up the tokens with the reasoning and cached ones in brackets", () => {
    expect(tokenUsage(full)).toBe("25 prompt + 87 completion (reasoning 64, cached 0)");
    expect(tokenUsage({ promptTokens: 1200, completionTokens: 3 })).toBe(
      "1,200 prompt + 3 completion",
    );
    expect(tokenUsage({ completionTokens: 87, cachedTokens: 1024 })).toBe(
      "87 completion (cached 1,024)",
    );
    expect(tokenUsage({})).toBeNull();
  });

  it("says the headroom left with what Azure sent", () => {
    expect(headroom(full)).toBe("99 requests / 39,900 tokens left");
    expect(headroom({ remainingTokens: 500 })).toBe("500 tokens left");
    expect(headroom({ remainingRequests: 0 })).toBe("0 requests left");
    expect(headroom({ remainingRequests: null, remainingTokens: null })).toBeNull();
  });

  it("joins every known fact in reading order and leaves out the unknown ones", () => {
    expect(factParts(full).join(" · ")).toBe(
      "first token 312 ms · 1.84 s · 48 tok/s · 25 prompt + 87 completion (reasoning 64, " +
        "cached 0) · finish stop · 99 requests / 39,900 tokens left",
    );
    expect(factParts({ totalMs: 640, finishReason: "length" })).toEqual([
      "640 ms",
      "finish length",
    ]);
    expect(factParts({ tokensPerSecond: Number.NaN, finishReason: "" })).toEqual([]);
  });

  it("cuts a long request id for the eye", () => {
    expect(shortRequestId("abc12345-6789-4def-8123-456789abcdef")).toBe("abc12345…");
    expect(shortRequestId("req-7f3c2a")).toBe("req-7f3c2a");
  });

  it("counts down in seconds, then in minutes and seconds", () => {
    expect(retryCountdown(11)).toBe("Retry in 11 s");
    expect(retryCountdown(119)).toBe("Retry in 119 s");
    expect(retryCountdown(125)).toBe("Retry in 2 min 05 s");
  });

  it("names the model, the resource and the profile on one line", () => {
    expect(modelLine(gpt4oTarget.target, "Sandbox")).toBe(
      "gpt-4o 2024-11-20 · contoso-openai-eastus · Sandbox",
    );
    expect(modelLine({ deployment: "chat", model: null, account: null }, null)).toBe(
      "model unknown",
    );
    expect(modelLine({ model: "o4-mini", account: "contoso-ai" }, "Work")).toBe(
      "o4-mini · contoso-ai · Work",
    );
  });
});
