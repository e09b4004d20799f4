import { describe, expect, it } from "vitest";
import { samplePlanFacts } from "../../../test/fixtures";
import { nameFromModel, parseTags, validateDeploymentName } from "./options";

const facts = samplePlanFacts();

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
