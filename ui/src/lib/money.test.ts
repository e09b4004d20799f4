import { describe, expect, it } from "vitest";
import { formatMoney } from "./money";

describe("formatMoney", () => {
  it("writes each currency with its own decimals, and tiny amounts with significant digits", () => {
    expect(formatMoney(2.5, "USD")).toMatch(/2\.50/);
    expect(formatMoney(1234, "JPY")).not.toMatch(/\.00/);
    expect(formatMoney(0.000412, "USD")).toMatch(/0\.00041/);
    expect(formatMoney(0, "EUR")).toMatch(/0\.00/);
    expect(formatMoney(1234, "XYZ-not-a-code")).toBe("1234.00 XYZ-not-a-code");
  });
});
