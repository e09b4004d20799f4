import { describe, expect, it } from "vitest";
import { samplePlanFacts, sampleSkuChoice } from "../../../test/fixtures";
import { buildDraft, chooseModel, chooseSku, firstOpenStep, stepProblem } from "./draft";
import { emptyFields, type WizardFields } from "./fields";
import { modelKey } from "./search";

const facts = samplePlanFacts();

function fields(overrides: Partial<WizardFields>): WizardFields {
  return { ...emptyFields, ...overrides };
}

/** Fields that pass steps 1 to 4 with gpt-4o 2024-11-20 on GlobalStandard. */
function completeFields(overrides: Partial<WizardFields> = {}): WizardFields {
  return fields({
    modelKey: modelKey({ format: "OpenAI", name: "gpt-4o", version: "2024-11-20" }),
    skuName: "GlobalStandard",
    capacity: "10",
    name: "gpt-4o",
    ...overrides,
  });
}

describe("choices", () => {
  const gpt4o = facts.models[0];
  const o3mini = facts.models[2];
  if (gpt4o === undefined || o3mini === undefined) {
    throw new Error("fixture models missing");
  }

  it("names the deployment after the model until a name is typed", () => {
    const chosen = chooseModel(emptyFields, gpt4o);
    expect(chosen.name).toBe("gpt-4o");
    expect(chooseModel(chosen, o3mini).name).toBe("o3-mini");
    expect(chooseModel({ ...chosen, name: "mine", nameEdited: true }, o3mini).name).toBe("mine");
  });

  it("keeps the type and capacity when the new model offers that type", () => {
    const before = chooseSku(chooseModel(emptyFields, gpt4o), gpt4o.skus[0]!);
    const typed = { ...before, capacity: "42" };
    expect(chooseModel(typed, o3mini)).toMatchObject({ skuName: "GlobalStandard", capacity: "42" });
    const standard = { ...typed, skuName: "Standard" };
    expect(chooseModel(standard, o3mini)).toMatchObject({ skuName: null, capacity: "" });
  });

  it("starts a newly chosen type at its default capacity, and keeps a typed one", () => {
    const chosen = chooseSku(emptyFields, sampleSkuChoice({ defaultCapacity: 30 }));
    expect(chosen.capacity).toBe("30");
    expect(chooseSku({ ...chosen, capacity: "45" }, sampleSkuChoice()).capacity).toBe("45");
  });
});

describe("steps and draft", () => {
  it("says why each step is not done", () => {
    expect(stepProblem(1, emptyFields, facts)).toBe("Choose a model to continue.");
    expect(stepProblem(2, completeFields({ skuName: null }), facts)).toBe(
      "Choose a deployment type to continue.",
    );
    expect(stepProblem(3, completeFields({ capacity: "121" }), facts)).toMatch(/capacity/);
    expect(stepProblem(4, completeFields({ name: "chat-prod" }), facts)).toBe(
      "Fix the deployment name to continue.",
    );
    expect(stepProblem(4, completeFields({ tags: "oops" }), facts)).toBe("Fix the tags to continue.");
    expect(firstOpenStep(completeFields({ capacity: "0" }), facts)).toBe(3);
    expect(firstOpenStep(completeFields(), facts)).toBe(5);
  });

  it("refuses a blocked model", () => {
    const blocked = facts.models[1]!;
    expect(stepProblem(1, fields({ modelKey: modelKey(blocked) }), facts)).toBe(
      "gpt-4o 2024-05-13 cannot be deployed.",
    );
  });

  it("builds nothing until steps 1 to 4 are done", () => {
    expect(buildDraft(emptyFields, facts)).toBeNull();
    expect(buildDraft(completeFields({ name: "x" }), facts)).toBeNull();
  });

  it("builds the draft Rust takes, with Azure's defaults as null", () => {
    expect(buildDraft(completeFields({ name: " gpt-4o ", tags: "team=search" }), facts)).toEqual({
      name: "gpt-4o",
      modelFormat: "OpenAI",
      modelName: "gpt-4o",
      modelVersion: "2024-11-20",
      skuName: "GlobalStandard",
      skuCapacity: 10,
      raiPolicy: null,
      versionUpgrade: null,
      tags: { team: "search" },
    });
    expect(
      buildDraft(
        completeFields({ contentFilter: "strict-filter", upgradePolicy: "NoAutoUpgrade" }),
        facts,
      ),
    ).toMatchObject({ raiPolicy: "strict-filter", versionUpgrade: "NoAutoUpgrade", tags: {} });
  });
});
