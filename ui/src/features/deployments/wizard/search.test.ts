import { describe, expect, it } from "vitest";
import { sampleModelChoice } from "../../../test/fixtures";
import { filterModels } from "./search";

describe("filterModels", () => {
  const models = [
    sampleModelChoice(),
    sampleModelChoice({ name: "gpt-4o-mini", version: "2024-07-18" }),
    sampleModelChoice({ format: "Mistral AI", name: "Mistral-Large-2411", version: "2" }),
    sampleModelChoice({ name: "text-embedding-3-small", version: "1" }),
  ];
  const names = (query: string) => filterModels(models, query).map((m) => `${m.name} ${m.version}`);

  it("lists every model for an empty or blank search", () => {
    expect(names("")).toHaveLength(4);
    expect(names("   ")).toHaveLength(4);
  });

  it("needs every typed word, in any field and any case", () => {
    expect(names("GPT 2024-07")).toEqual(["gpt-4o-mini 2024-07-18"]);
    expect(names("mistral")).toEqual(["Mistral-Large-2411 2"]);
    expect(names("openai 4o")).toEqual(["gpt-4o 2024-11-20", "gpt-4o-mini 2024-07-18"]);
    expect(names("embedding  small")).toEqual(["text-embedding-3-small 1"]);
  });

  it("finds nothing when one word matches nothing", () => {
    expect(names("gpt nothing")).toEqual([]);
  });

  // How fast is `make bench`'s catalog_search_ms (700 models, in the real window), not a timed test.
  it("finds every word among 700 models", () => {
    const many = Array.from({ length: 700 }, (_, i) =>
      sampleModelChoice({ name: `model-${i}`, version: `v${i % 7}` }),
    );
    const found = filterModels(many, "model-1 v3").map((m) => `${m.name} ${m.version}`);
    expect(found).toContain("model-10 v3");
    expect(found.every((text) => text.includes("model-1") && text.includes("v3"))).toBe(true);
  });
});
