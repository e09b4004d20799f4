import { describe, expect, it } from "vitest";
import { accountsIn, regionChoices, regionKey, shownRegion } from "./regionFilter";

const located = (...locations: (string | null)[]) => locations.map((location) => ({ location }));

describe("regionKey", () => {
  it("reads Azure's name in any case, with or without spaces", () => {
    expect(regionKey("Sweden Central")).toBe("swedencentral");
    expect(regionKey(" SwedenCentral ")).toBe("swedencentral");
    expect(regionKey("swedencentral")).toBe("swedencentral");
  });
});

describe("regionChoices", () => {
  it("offers each region once, alphabetically, with its count, named as first spelled", () => {
    expect(regionChoices(located("westus", "swedencentral", null, "Sweden Central", " "))).toEqual([
      { key: "swedencentral", label: "swedencentral", count: 2 },
      { key: "westus", label: "westus", count: 1 },
    ]);
  });
});

describe("accountsIn", () => {
  it("keeps the resources of one region in their order, or all of them", () => {
    const accounts = located("Sweden Central", "westus", null, "swedencentral");
    expect(accountsIn(accounts, "swedencentral")).toEqual([accounts[0], accounts[3]]);
    expect(accountsIn(accounts, null)).toEqual(accounts);
  });
});

describe("shownRegion", () => {
  const choices = regionChoices(located("eastus", "swedencentral"));

  it("follows the default region until one is picked on the screen", () => {
    expect(shownRegion(choices, undefined, "Sweden Central")).toEqual({
      region: "swedencentral",
      missedDefault: null,
    });
    expect(shownRegion(choices, null, "swedencentral")).toEqual({ region: null, missedDefault: null });
    expect(shownRegion(choices, "eastus", "swedencentral")).toEqual({
      region: "eastus",
      missedDefault: null,
    });
    expect(shownRegion(choices, undefined, null)).toEqual({ region: null, missedDefault: null });
  });

  it("shows all when no resource is in the region, naming a missed default", () => {
    expect(shownRegion(choices, undefined, " japaneast ")).toEqual({
      region: null,
      missedDefault: "japaneast",
    });
    // A picked region whose last resource went away: all, and nothing to say about Settings.
    expect(shownRegion(choices, "westus", "japaneast")).toEqual({ region: null, missedDefault: null });
  });
});
