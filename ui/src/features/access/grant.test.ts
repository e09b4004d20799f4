import { describe, expect, it } from "vitest";
import type { PrincipalView } from "../../bindings";
import { checkGrant, draftPrincipal, grantLabel, idProblem, isGuid, looksLikeId } from "./grant";
import { PENDING_POLL_MS, PENDING_WAIT_MS, pollInterval, principalRows } from "./pending";
import {
  ada,
  adaOwnerInherited,
  assignment,
  cognitiveServicesUser,
  grace,
  graceUser,
  onGroup,
  openAiContributor,
  openAiUser,
  owner,
  sampleAccessReport,
} from "./testFixtures";

const roles = [openAiUser, openAiContributor, cognitiveServicesUser];
const pastedId = "0A1B2C3D-1111-4222-8333-444455556666";

describe("object ids", () => {
  it("knows a GUID, and text meant as one", () => {
    expect(isGuid(pastedId)).toBe(true);
    expect(isGuid(`  ${pastedId.toLowerCase()} `)).toBe(true);
    expect(isGuid("0a1b2c3d-1111-4222-8333-44445555666")).toBe(false);
    expect(looksLikeId("0a1b2c3d-1111-4222")).toBe(true);
    expect(looksLikeId("grace")).toBe(false);
    expect(looksLikeId("deadbeef")).toBe(false);
  });

  it("says a malformed id is one as it is typed, and nothing about names", () => {
    expect(idProblem("0a1b2c3d-1111-4222-8333-44445555666")).toBe(
      "That isn’t an object id: one has 36 characters, 8-4-4-4-12 hex digits (0a1b2c3d-…).",
    );
    expect(idProblem(pastedId)).toBeNull();
    expect(idProblem("Grace")).toBeNull();
  });
});

describe("checkGrant", () => {
  it("asks for someone and a role when neither is chosen", () => {
    expect(checkGrant({ picked: null, text: "", roleId: null }, [], roles, [])).toEqual({
      ok: false,
      problems: [
        {
          field: "principal",
          message:
            "Choose who gets the role: search for a person, group or app, or paste an object id.",
        },
        { field: "role", message: "Choose a role." },
      ],
    });
  });

  it("wants a pick from the results when a name was only typed", () => {
    const check = checkGrant({ picked: null, text: "Gra", roleId: openAiUser.id }, [grace], roles, []);
    expect(check).toEqual({
      ok: false,
      problems: [{ field: "principal", message: "Pick someone from the results, or paste an object id." }],
    });
  });

  it("refuses a malformed object id", () => {
    const check = checkGrant(
      { picked: null, text: "0a1b2c3d-1111-4222-8333-4444", roleId: openAiUser.id },
      [],
      roles,
      [],
    );
    expect(check.ok).toBe(false);
    expect(check.ok ? [] : check.problems.map((problem) => problem.field)).toEqual(["principal"]);
  });

  it("grants to a pasted object id as itself, lower-cased, when the directory does not name it", () => {
    const check = checkGrant({ picked: null, text: pastedId, roleId: openAiUser.id }, [], roles, []);
    expect(check).toEqual({
      ok: true,
      principal: { id: pastedId.toLowerCase(), kind: "unknown", displayName: null, detail: null },
      role: openAiUser,
    });
  });

  it("names a pasted object id when the search found it", () => {
    const named: PrincipalView = { ...grace, id: pastedId.toLowerCase() };
    expect(draftPrincipal({ picked: null, text: pastedId, roleId: null }, [named])).toEqual(named);
  });

  it("refuses a role the principal already holds directly on this resource", () => {
    const check = checkGrant({ picked: grace, text: "Grace Hopper", roleId: openAiUser.id }, [grace], roles, [
      graceUser,
    ]);
    expect(check).toEqual({
      ok: false,
      problems: [
        {
          field: "grant",
          message: "Grace Hopper already has Cognitive Services OpenAI User on this resource.",
        },
      ],
    });
  });

  it("allows here a role held only by inheritance, and another role", () => {
    const inherited = assignment(grace, openAiUser, onGroup);
    expect(
      checkGrant({ picked: grace, text: "Grace Hopper", roleId: openAiUser.id }, [], roles, [inherited]).ok,
    ).toBe(true);
    expect(
      checkGrant({ picked: grace, text: "Grace Hopper", roleId: openAiContributor.id }, [], roles, [graceUser])
        .ok,
    ).toBe(true);
  });

  it("says what the confirm button grants", () => {
    expect(grantLabel(grace, openAiUser)).toBe("Grant Cognitive Services OpenAI User to Grace Hopper");
    expect(grantLabel(null, openAiUser)).toBe("Grant role");
  });
});

describe("pending grants", () => {
  const made = assignment(grace, openAiContributor);

  it("asks every 2 s while a grant is not listed, and stops when it is or after a minute", () => {
    const pending = [{ assignment: made, sinceMs: 1000 }];
    const without = sampleAccessReport();
    const withIt = sampleAccessReport({ assignments: [made, ...without.assignments] });
    expect(pollInterval(pending, without, 3000)).toBe(PENDING_POLL_MS);
    expect(pollInterval(pending, withIt, 3000)).toBe(false);
    expect(pollInterval(pending, without, 1000 + PENDING_WAIT_MS)).toBe(false);
    expect(pollInterval([], without, 3000)).toBe(false);
  });

  it("groups roles by principal, puts a new principal's pending grant first, leaves removed ones out", () => {
    const newcomer = assignment(
      { id: pastedId.toLowerCase(), kind: "unknown", displayName: null, detail: null },
      openAiUser,
    );
    const rows = principalRows(
      [graceUser, adaOwnerInherited, assignment(ada, cognitiveServicesUser)],
      [
        { assignment: made, sinceMs: 0 },
        { assignment: newcomer, sinceMs: 0 },
      ],
      [adaOwnerInherited.id],
      PENDING_WAIT_MS + 1,
    );
    expect(rows.map((row) => row.label)).toEqual([pastedId.toLowerCase(), "Grace Hopper", "Ada Lovelace"]);
    expect(rows[1]?.roles.map((role) => [role.assignment.role.name, role.pending])).toEqual([
      [openAiUser.name, null],
      [openAiContributor.name, "late"],
    ]);
    expect(rows[2]?.roles.map((role) => role.assignment.role.name)).toEqual([cognitiveServicesUser.name]);
    expect(rows.some((row) => row.roles.some((role) => role.assignment.role === owner))).toBe(false);
  });
});
