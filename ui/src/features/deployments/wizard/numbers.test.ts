import { describe, expect, it } from "vitest";
import { formatContextWindow, formatCount, formatLifecycle } from "./numbers";

describe("formatting", () => {
  it("groups thousands", () => {
    expect(formatCount(10000)).toBe("10,000");
    expect(formatCount(1234567)).toBe("1,234,567");
    expect(formatCount(12.5)).toBe("12.5");
  });

  it.each([
    [128000, "128K context"],
    [131072, "128K context"],
    [200000, "200K context"],
    [8191, "8K context"],
    [16385, "16K context"],
    [1047576, "1M context"],
    [2000000, "2M context"],
    [512, "512 context"],
  ])("writes a context window of %d tokens as %s", (tokens, text) => {
    expect(formatContextWindow(tokens)).toBe(text);
  });

  it("splits Azure's lifecycle words", () => {
    expect(formatLifecycle("GenerallyAvailable")).toBe("Generally available");
    expect(formatLifecycle("Preview")).toBe("Preview");
  });
});
