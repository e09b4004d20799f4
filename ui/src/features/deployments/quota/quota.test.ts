import { describe, expect, it } from "vitest";
import type { NamedQuota } from "../../../bindings";
import {
  countText,
  filterLines,
  findRegion,
  parseUsageName,
  percentText,
  quotaLevel,
  quotaLines,
  regionsOf,
  toLine,
  typeLabel,
  usedPercent,
} from "./quota";

function named(usageName: string, used: number | null, limit: number | null): NamedQuota {
  const free = used === null || limit === null ? null : Math.max(limit - used, 0);
  return { usageName, quota: { limit, used, free } };
}

const region: NamedQuota[] = [
  named("OpenAI.Standard.gpt-4o-mini", 10, 100),
  named("OpenAI.ProvisionedManaged.gpt-4o", 0, 0),
  named("OpenAI.Standard.gpt-4o", 450, 500),
  named("OpenAI.GlobalStandard.gpt-4o", 120, 1000),
  named("OpenAI.GlobalStandard.gpt-4.1", 5, 50),
  named("AccountCount", 3, 200),
];

describe("parseUsageName", () => {
  it("splits provider, type and model, keeping the dots of a model name", () => {
    expect(parseUsageName("OpenAI.GlobalStandard.gpt-4o")).toEqual({
      type: "GlobalStandard",
      model: "gpt-4o",
    });
    expect(parseUsageName("OpenAI.Standard.gpt-4.1-mini")).toEqual({
      type: "Standard",
      model: "gpt-4.1-mini",
    });
  });

  it("keeps the whole name as the model when it has no model part", () => {
    expect(parseUsageName("OpenAI.ProvisionedManaged")).toEqual({
      type: "ProvisionedManaged",
      model: "OpenAI.ProvisionedManaged",
    });
    expect(parseUsageName("AccountCount")).toEqual({ type: null, model: "AccountCount" });
  });

  it("says the type in words", () => {
    expect(typeLabel("GlobalStandard")).toBe("Global Standard");
    expect(typeLabel("DataZoneStandard")).toBe("Data Zone Standard");
    expect(typeLabel("ProvisionedManaged")).toBe("Provisioned Managed");
    expect(typeLabel("Standard")).toBe("Standard");
  });
});

describe("percentage and level", () => {
  it("is used over limit, in per cent", () => {
    expect(usedPercent({ used: 450, limit: 500, free: 50 })).toBe(90);
    expect(usedPercent({ used: 0, limit: 500, free: 500 })).toBe(0);
    expect(usedPercent({ used: 600, limit: 500, free: 0 })).toBe(120);
  });

  it("has no percentage with a limit of 0 or a missing number", () => {
    expect(usedPercent({ used: 0, limit: 0, free: 0 })).toBeNull();
    expect(usedPercent({ used: null, limit: 500, free: null })).toBeNull();
    expect(usedPercent({ used: 10, limit: null, free: null })).toBeNull();
  });

  it("warns from 90% used", () => {
    expect(quotaLevel({ used: 449, limit: 500, free: 51 })).toBe("ok");
    expect(quotaLevel({ used: 450, limit: 500, free: 50 })).toBe("high");
    expect(quotaLevel({ used: 500, limit: 500, free: 0 })).toBe("high");
    expect(quotaLevel({ used: 700, limit: 500, free: 0 })).toBe("high");
  });

  it("sets a limit of 0 apart, and numbers Azure left out", () => {
    expect(quotaLevel({ used: 0, limit: 0, free: 0 })).toBe("none");
    expect(quotaLevel({ used: 5, limit: 0, free: 0 })).toBe("none");
    expect(quotaLevel({ used: null, limit: 500, free: null })).toBe("unknown");
    expect(quotaLevel({ used: 1, limit: null, free: null })).toBe("unknown");
  });

  it("rounds the share down, so a row reading 90% always warns", () => {
    expect(percentText(89.96)).toBe("89%");
    expect(percentText(90)).toBe("90%");
    expect(percentText(0)).toBe("0%");
    expect(percentText(0.2)).toBe("<1%");
    expect(percentText(120)).toBe("120%");
  });

  it("reads a provisioned type as PTUs", () => {
    expect(toLine(named("OpenAI.ProvisionedManaged.gpt-4o", 0, 0))).toMatchObject({
      model: "gpt-4o",
      typeLabel: "Provisioned Managed",
      provisioned: true,
      percent: null,
      level: "none",
    });
    expect(toLine(named("OpenAI.GlobalStandard.gpt-4o", 120, 1000))).toMatchObject({
      provisioned: false,
      percent: 12,
      level: "ok",
    });
  });
});

describe("quotaLines", () => {
  it("sorts by model name, then by type, and leaves the input alone", () => {
    const lines = quotaLines(region);
    expect(lines.map((line) => line.usageName)).toEqual([
      "AccountCount",
      "OpenAI.GlobalStandard.gpt-4.1",
      "OpenAI.GlobalStandard.gpt-4o",
      "OpenAI.ProvisionedManaged.gpt-4o",
      "OpenAI.Standard.gpt-4o",
      "OpenAI.Standard.gpt-4o-mini",
    ]);
    expect(region[0]?.usageName).toBe("OpenAI.Standard.gpt-4o-mini");
  });
});

describe("filterLines", () => {
  const lines = quotaLines(region);
  const names = (text: string) => filterLines(lines, text).map((line) => line.usageName);

  it("matches the model part, ignoring case and spaces around the text", () => {
    expect(names("  GPT-4O-MINI ")).toEqual(["OpenAI.Standard.gpt-4o-mini"]);
    expect(names("4.1")).toEqual(["OpenAI.GlobalStandard.gpt-4.1"]);
  });

  it("matches the whole usage name and the type in words", () => {
    expect(names("globalstandard.gpt-4o")).toEqual(["OpenAI.GlobalStandard.gpt-4o"]);
    expect(names("provisioned managed")).toEqual(["OpenAI.ProvisionedManaged.gpt-4o"]);
  });

  it("keeps every row for an empty filter, and none when nothing matches", () => {
    expect(filterLines(lines, "   ")).toBe(lines);
    expect(names("llama")).toEqual([]);
  });
});

describe("regions", () => {
  it("lists each region once, in alphabetical order, skipping resources without one", () => {
    expect(
      regionsOf([
        { location: "westus" },
        { location: "eastus" },
        { location: null },
        { location: "EastUS" },
        { location: "swedencentral" },
      ]),
    ).toEqual(["eastus", "swedencentral", "westus"]);
  });

  it("finds a resource's region in any case", () => {
    expect(findRegion(["eastus", "westus"], "WestUS")).toBe("westus");
    expect(findRegion(["eastus"], "westus")).toBeNull();
    expect(findRegion(["eastus"], null)).toBeNull();
  });

  it("counts the usages shown", () => {
    expect(countText(6, 6)).toBe("6 usages");
    expect(countText(1, 6)).toBe("1 of 6 usages");
    expect(countText(1, 1)).toBe("1 usage");
  });
});
