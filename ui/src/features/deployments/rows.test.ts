import { describe, expect, it } from "vitest";
import { sampleDeploymentRow } from "../../test/fixtures";
import { filterRows, nextSort, sortRows, type Sort } from "./rows";

const rows = [
  sampleDeploymentRow({ name: "b", capacity: null, sku: null, upgradePolicy: null }),
  sampleDeploymentRow({
    name: "a10",
    capacity: 10,
    sku: "Standard",
    upgradePolicy: "OnceNewDefaultVersionAvailable",
  }),
  sampleDeploymentRow({
    name: "a9",
    capacity: 200,
    sku: "GlobalStandard",
    upgradePolicy: "NoAutoUpgrade",
  }),
];

describe("sortRows", () => {
  it("puts empty cells last in either direction", () => {
    const names = (sort: Sort) => sortRows(rows, sort).map((row) => row.name);
    expect(names({ column: "capacity", direction: "ascending" })).toEqual(["a10", "a9", "b"]);
    expect(names({ column: "capacity", direction: "descending" })).toEqual(["a9", "a10", "b"]);
    expect(names({ column: "upgrade", direction: "descending" })).toEqual(["a10", "a9", "b"]);
  });

  it("sorts Options by upgrade policy, from never to the most eager", () => {
    const sorted = sortRows(rows, { column: "upgrade", direction: "ascending" });
    expect(sorted.map((row) => row.upgradePolicy)).toEqual([
      "NoAutoUpgrade",
      "OnceNewDefaultVersionAvailable",
      null,
    ]);
  });

  it("orders names with numbers as people read them, and leaves the input alone", () => {
    const sorted = sortRows(rows, { column: "name", direction: "ascending" });
    expect(sorted.map((row) => row.name)).toEqual(["a9", "a10", "b"]);
    expect(rows.map((row) => row.name)).toEqual(["b", "a10", "a9"]);
  });

  it("flips the sorted column and starts others ascending", () => {
    expect(nextSort({ column: "name", direction: "ascending" }, "name")).toEqual({
      column: "name",
      direction: "descending",
    });
    expect(nextSort({ column: "name", direction: "descending" }, "capacity")).toEqual({
      column: "capacity",
      direction: "ascending",
    });
  });
});

describe("filterRows", () => {
  it("ignores case and spaces around the text, and skips a missing type", () => {
    expect(filterRows(rows, "  A1 ").map((row) => row.name)).toEqual(["a10"]);
    expect(filterRows(rows, "global").map((row) => row.name)).toEqual(["a9"]);
    expect(filterRows(rows, "").length).toBe(3);
  });
});
