import { describe, expect, it } from "vitest";
import { sampleModelChoice, samplePlanFacts, sampleSkuChoice } from "../../../test/fixtures";
import {
  buildDraft,
  capacityProblemMessage,
  checkCapacity,
  chooseModel,
  chooseSku,
  describeCapacity,
  describeFreeQuota,
  emptyFields,
  filterModels,
  firstOpenStep,
  formatContextWindow,
  formatCount,
  formatLifecycle,
  modelKey,
  nameFromModel,
  parseCapacity,
  parseTags,
  quotaFor,
  stepProblem,
  validateDeploymentName,
  type WizardFields,
} from "./plan";

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

  it("stays quick over 700 models", () => {
    const many = Array.from({ length: 700 }, (_, i) =>
      sampleModelChoice({ name: `model-${i}`, version: `v${i % 7}` }),
    );
    const started = performance.now();
    for (let i = 0; i < 100; i += 1) {
      filterModels(many, "model-1 v3");
    }
    expect(filterModels(many, "model-1 v3").length).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

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

describe("validateDeploymentName", () => {
  it.each(["gpt-4o", "a1", "My_Deployment.v2", "x".repeat(64)])("accepts %s", (name) => {
    expect(validateDeploymentName(name, facts.existing)).toBeNull();
  });

  it("asks for a name when there is none", () => {
    expect(validateDeploymentName("  ", [])).toBe("Give the deployment a name");
  });

  it.each(["a", "-gpt", "gpt 4o", "gpt/4o", "x".repeat(65), "ünïcode"])("refuses %j", (name) => {
    expect(validateDeploymentName(name, [])).toMatch(/is not a valid deployment name: use 2 to 64/);
  });

  it("refuses a name the account has, in any case", () => {
    expect(validateDeploymentName("gpt-4o-mini", facts.existing)).toBe(
      "A deployment named 'gpt-4o-mini' already exists here",
    );
  });

  it("makes a valid name from any model name", () => {
    expect(nameFromModel("gpt-4o")).toBe("gpt-4o");
    expect(nameFromModel("Phi 3 (mini)")).toBe("Phi-3--mini-");
  });
});

describe("parseTags", () => {
  it("reads key=value lines, skipping blank ones and trimming", () => {
    expect(parseTags(" team = search \n\ncost-center=1234\nnote=a=b\nempty=")).toEqual({
      tags: { team: "search", "cost-center": "1234", note: "a=b", empty: "" },
      errors: [],
    });
  });

  it("names the line of each problem", () => {
    expect(parseTags("team\n=x\nteam=a\nteam=b\na/b=c").errors).toEqual([
      "Line 1: write the tag as key=value",
      "Line 2: the key before '=' is empty",
      "Line 4: the key 'team' is given twice",
      "Line 5: a tag key cannot contain < > % & \\ ? or /",
    ]);
  });

  it("keeps a tag named like an object property", () => {
    expect(parseTags("__proto__=x").tags).toEqual(JSON.parse('{"__proto__":"x"}'));
  });

  it("refuses more than 50 tags", () => {
    const text = Array.from({ length: 51 }, (_, i) => `k${i}=v`).join("\n");
    expect(parseTags(text).errors).toEqual(["Azure takes at most 50 tags; there are 51"]);
  });
});

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
