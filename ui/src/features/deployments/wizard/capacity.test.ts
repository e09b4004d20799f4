import { describe, expect, it } from "vitest";
import { samplePlanFacts, sampleSkuChoice } from "../../../test/fixtures";
import {
  capacityProblemMessage,
  checkCapacity,
  describeCapacity,
  describeFreeQuota,
  parseCapacity,
  quotaFor,
} from "./capacity";

const facts = samplePlanFacts();

describe("quota", () => {
  it("finds a usage name in any case", () => {
    expect(quotaFor(facts.quotas, "openai.globalstandard.GPT-4O")).toEqual({
      limit: 500,
      used: 380,
      free: 120,
    });
    expect(quotaFor(facts.quotas, "OpenAI.Other")).toBeNull();
    expect(quotaFor(facts.quotas, null)).toBeNull();
  });

  it("says how much is free, or that it is unknown", () => {
    expect(describeFreeQuota({ limit: 500, used: 380, free: 120 })).toBe("120 of 500 free");
    expect(describeFreeQuota({ limit: null, used: null, free: 120 })).toBe("120 free");
    expect(describeFreeQuota({ limit: 500, used: null, free: null })).toBe("quota unknown");
    expect(describeFreeQuota(null)).toBe("quota unknown");
  });
});

describe("capacity", () => {
  const sku = sampleSkuChoice({ minCapacity: 10, maxCapacity: 100, step: 10 });
  const quota = { limit: 500, used: 450, free: 50 };

  it("reads only whole numbers", () => {
    expect(parseCapacity(" 20 ")).toBe(20);
    expect(parseCapacity("")).toBeNull();
    expect(parseCapacity("2.5")).toBeNull();
    expect(parseCapacity("-3")).toBeNull();
    expect(parseCapacity("1e3")).toBeNull();
  });

  it("accepts a capacity in range, on step and within the free quota", () => {
    expect(checkCapacity(sku, 50, quota)).toBeNull();
    expect(checkCapacity(sku, 100, null)).toBeNull();
  });

  it("checks range, then step, then quota, as Rust does", () => {
    expect(checkCapacity(sku, null, quota)).toEqual({ kind: "notANumber" });
    expect(checkCapacity(sku, 5, quota)).toEqual({ kind: "belowMinimum", sku: "GlobalStandard", min: 10 });
    expect(checkCapacity(sku, 110, quota)).toEqual({ kind: "aboveMaximum", sku: "GlobalStandard", max: 100 });
    expect(checkCapacity(sku, 95, quota)).toEqual({
      kind: "offStep",
      sku: "GlobalStandard",
      step: 10,
      below: 90,
      above: 100,
    });
    expect(checkCapacity(sku, 60, quota)).toEqual({
      kind: "overQuota",
      asked: 60,
      free: 50,
      used: 450,
      limit: 500,
      usageName: "OpenAI.GlobalStandard.gpt-4o",
    });
  });

  it("counts steps from the minimum", () => {
    const odd = sampleSkuChoice({ minCapacity: 15, maxCapacity: 500, step: 5 });
    expect(checkCapacity(odd, 25, null)).toBeNull();
    expect(checkCapacity(odd, 27, null)).toMatchObject({ kind: "offStep", below: 25, above: 30 });
  });

  it("skips the quota check when the quota or its usage name is unknown", () => {
    expect(checkCapacity(sku, 60, { limit: null, used: null, free: null })).toBeNull();
    expect(checkCapacity(sampleSkuChoice({ usageName: null }), 900, quota)).toBeNull();
  });

  it("says each problem with its numbers", () => {
    expect(capacityProblemMessage({ kind: "belowMinimum", sku: "Standard", min: 10 })).toBe(
      "Standard takes at least 10",
    );
    expect(capacityProblemMessage({ kind: "aboveMaximum", sku: "Standard", max: 1000 })).toBe(
      "Standard takes at most 1,000",
    );
    expect(
      capacityProblemMessage({ kind: "offStep", sku: "Standard", step: 10, below: 90, above: 100 }),
    ).toBe("Standard takes capacity in steps of 10 (e.g. 90 or 100)");
    expect(capacityProblemMessage(checkCapacity(sku, 60, quota) ?? { kind: "notANumber" })).toBe(
      "60 is more than the 50 free in this region (450 of 500 used for OpenAI.GlobalStandard.gpt-4o); lower it, free some up, or request more quota",
    );
  });

  it("derives TPM and RPM, or PTU for provisioned types", () => {
    expect(describeCapacity(sampleSkuChoice({ rpmPerUnit: 6 }), 10)).toBe("10,000 TPM · 60 RPM");
    expect(describeCapacity(sampleSkuChoice({ rpmPerUnit: null }), 250)).toBe("250,000 TPM");
    expect(describeCapacity(sampleSkuChoice({ provisioned: true, rpmPerUnit: null }), 50)).toBe(
      "50 PTU",
    );
  });
});
