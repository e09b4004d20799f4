import { describe, expect, it } from "vitest";
import type { DeploymentRow } from "../../../bindings";
import { sampleDeploymentRow, samplePlanFacts, sampleSkuChoice } from "../../../test/fixtures";
import { currentModelOf, versionsOf } from "./catalog";
import { pauseChangeFor, pauseWords } from "./pause";
import { checkScale, currentSkuOf, quotaForScale, withOwnCapacityFreed } from "./scale";
import { changeSummary } from "./summary";
import { modelChange, upgradeChoices, versionChoices } from "./version";

const facts = samplePlanFacts();
const row: DeploymentRow = sampleDeploymentRow();
const globalStandard = sampleSkuChoice();
const standard = sampleSkuChoice({ name: "Standard", usageName: "OpenAI.Standard.gpt-4o", maxCapacity: 300 });

describe("catalog", () => {
  it("finds the deployment's model version and its sibling versions", () => {
    expect(currentModelOf(facts.models, row)?.version).toBe("2024-11-20");
    expect(versionsOf(facts.models, row).map((model) => model.version)).toEqual([
      "2024-11-20",
      "2024-05-13",
    ]);
    expect(currentModelOf(facts.models, { model: "gpt-35-turbo", modelVersion: "0125" })).toBeUndefined();
    expect(versionsOf(facts.models, { model: "gpt-35-turbo", modelVersion: "0125" })).toEqual([]);
  });
});

describe("scale", () => {
  it("gives the deployment's own capacity back to the quota it draws from", () => {
    expect(withOwnCapacityFreed({ limit: 500, used: 380, free: 120 }, 150)).toEqual({
      limit: 500,
      used: 230,
      free: 270,
    });
    // Rust adds the deployment's own capacity to what is free, with no cap at the limit: a
    // cap would refuse what Rust allows (never less than nothing used, for the words only).
    expect(withOwnCapacityFreed({ limit: 100, used: 10, free: 90 }, 40)).toEqual({
      limit: 100,
      used: 0,
      free: 130,
    });
    expect(withOwnCapacityFreed({ limit: null, used: null, free: null }, 5)).toEqual({
      limit: null,
      used: null,
      free: null,
    });
  });

  it("counts its own capacity only when the usage name stays the same", () => {
    expect(quotaForScale(facts.quotas, globalStandard, globalStandard, 150)).toEqual({
      quota: { limit: 500, used: 230, free: 270 },
      ownCounted: 150,
    });
    // The usage names must be the same, as Rust's check_change has it (exactly, case too).
    const shouting = sampleSkuChoice({ usageName: "OPENAI.GLOBALSTANDARD.GPT-4O" });
    expect(quotaForScale(facts.quotas, globalStandard, shouting, 150).ownCounted).toBeNull();
    const unnamed = sampleSkuChoice({ usageName: null });
    expect(quotaForScale(facts.quotas, unnamed, unnamed, 150).quota).toBeNull();
    expect(quotaForScale(facts.quotas, standard, globalStandard, 150)).toEqual({
      quota: { limit: 300, used: 0, free: 300 },
      ownCounted: null,
    });
    expect(quotaForScale(facts.quotas, globalStandard, undefined, 150).ownCounted).toBeNull();
    expect(quotaForScale(facts.quotas, globalStandard, globalStandard, null).ownCounted).toBeNull();
    expect(quotaForScale([], globalStandard, globalStandard, 150)).toEqual({
      quota: null,
      ownCounted: null,
    });
  });

  it("blocks no more than Rust: free quota plus its own capacity, even beyond the limit", () => {
    // Rust: capacity ≤ free + own when the usage name is unchanged. Here 90 free of a 100
    // limit, and the deployment holds 40 of it: 130 passes, 131 does not.
    const small = [
      { usageName: "OpenAI.GlobalStandard.gpt-4o", quota: { limit: 100, used: 10, free: 90 } },
    ];
    const held = { ...row, capacity: 40 };
    const { quota } = quotaForScale(small, globalStandard, globalStandard, 40);
    expect(checkScale(held, globalStandard, "130", quota).change).toEqual({
      kind: "scale",
      skuName: "GlobalStandard",
      capacity: 130,
    });
    expect(checkScale(held, globalStandard, "131", quota).problem).toMatchObject({
      kind: "overQuota",
      asked: 131,
      free: 130,
    });
    // Another usage name: none of its own counts.
    const { quota: other } = quotaForScale(small, globalStandard, standard, 40);
    expect(checkScale(held, globalStandard, "91", other).problem?.kind).toBe("overQuota");
    expect(checkScale(held, globalStandard, "90", other).problem).toBeNull();
  });

  it("finds the deployment's current type ignoring case, as Rust does", () => {
    const model = currentModelOf(facts.models, row);
    expect(currentSkuOf(model, "globalstandard")?.name).toBe("GlobalStandard");
    expect(currentSkuOf(model, "GlobalStandard")?.name).toBe("GlobalStandard");
    expect(currentSkuOf(model, "GlobalBatch")).toBeUndefined();
    expect(currentSkuOf(model, null)).toBeUndefined();
    expect(currentSkuOf(undefined, "GlobalStandard")).toBeUndefined();
  });

  it("makes a change only when something differs and nothing is wrong", () => {
    const quota = { limit: 500, used: 230, free: 270 };
    expect(checkScale(row, globalStandard, "150", quota)).toEqual({
      value: 150,
      problem: null,
      changed: false,
      change: null,
    });
    expect(checkScale(row, globalStandard, " 200 ", quota).change).toEqual({
      kind: "scale",
      skuName: "GlobalStandard",
      capacity: 200,
    });
    expect(checkScale(row, standard, "150", quota).change).toEqual({
      kind: "scale",
      skuName: "Standard",
      capacity: 150,
    });
    const over = checkScale(row, globalStandard, "271", quota);
    expect(over.changed).toBe(true);
    expect(over.change).toBeNull();
    expect(over.problem?.kind).toBe("overQuota");
    expect(checkScale(row, globalStandard, "1.5", quota).problem).toEqual({ kind: "notANumber" });
    expect(checkScale(row, undefined, "20", quota).change).toBeNull();
  });
});

describe("version and upgrade policy", () => {
  const versions = versionChoices(versionsOf(facts.models, row), row.modelVersion);

  it("disables blocked versions but the current one", () => {
    expect(versions.map((choice) => [choice.value, choice.disabled])).toEqual([
      ["2024-11-20", false],
      ["2024-05-13", true],
    ]);
    const onBlocked = versionChoices(versionsOf(facts.models, row), "2024-05-13");
    expect(onBlocked[1]).toEqual({
      value: "2024-05-13",
      label: "2024-05-13 (current)",
      disabled: false,
    });
  });

  it("lists the policies in the table's words, keeping one Azure gave that it does not know", () => {
    expect(upgradeChoices("NoAutoUpgrade").map((choice) => choice.label)).toEqual([
      "To new default",
      "When retired",
      "Never",
    ]);
    expect(upgradeChoices(null)[0]).toEqual({
      value: "",
      label: "Not set (Azure's default)",
      disabled: false,
    });
    expect(upgradeChoices("SomethingNew").map((choice) => choice.value)).toEqual([
      "SomethingNew",
      "OnceNewDefaultVersionAvailable",
      "OnceCurrentVersionExpired",
      "NoAutoUpgrade",
    ]);
  });

  it("sends the version and policy only when one of them changed", () => {
    expect(modelChange(row, versions, "2024-11-20", "OnceNewDefaultVersionAvailable")).toBeNull();
    expect(modelChange(row, versions, "2024-11-20", "NoAutoUpgrade")).toEqual({
      kind: "model",
      version: "2024-11-20",
      versionUpgrade: "NoAutoUpgrade",
    });
    expect(modelChange(row, versions, "2024-05-13", "NoAutoUpgrade")).toBeNull();
    expect(modelChange(row, versions, "1999-01-01", "NoAutoUpgrade")).toBeNull();
    const unset = { modelVersion: "2024-11-20", upgradePolicy: null };
    expect(modelChange(unset, versions, "2024-11-20", "")).toBeNull();
  });
});

describe("pause", () => {
  it("resumes what is paused, and pauses anything else", () => {
    expect(pauseChangeFor(row)).toEqual({ kind: "pause" });
    expect(pauseChangeFor({ status: { kind: "paused" } })).toEqual({ kind: "resume" });
    expect(pauseWords({ kind: "pause" }, "chat-prod").confirm).toBe(
      "Pause chat-prod? Requests will get 423 until you resume it.",
    );
  });
});

describe("change summary", () => {
  it("says what changed, in a line", () => {
    expect(changeSummary(row, { kind: "scale", skuName: "GlobalStandard", capacity: 20 })).toBe(
      "Changed chat-prod: capacity 20",
    );
    expect(changeSummary(row, { kind: "scale", skuName: "Standard", capacity: 150 })).toBe(
      "Changed chat-prod: type Standard",
    );
    expect(changeSummary(row, { kind: "scale", skuName: "Standard", capacity: 40 })).toBe(
      "Changed chat-prod: type Standard, capacity 40",
    );
    expect(
      changeSummary(row, { kind: "model", version: "2024-05-13", versionUpgrade: "NoAutoUpgrade" }),
    ).toBe("Changed chat-prod: version 2024-05-13, upgrade policy Never");
    expect(
      changeSummary(row, {
        kind: "model",
        version: "2024-11-20",
        versionUpgrade: "OnceCurrentVersionExpired",
      }),
    ).toBe("Changed chat-prod: upgrade policy When retired");
    expect(changeSummary(row, { kind: "pause" })).toBe("Paused chat-prod.");
    expect(changeSummary(row, { kind: "resume" })).toBe("Resumed chat-prod.");
  });
});
