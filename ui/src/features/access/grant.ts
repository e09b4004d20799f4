import type { AssignmentView, PrincipalView, RoleView } from "../../bindings";
import { principalLabel, sameId } from "./words";

/** Searching starts at this many characters: one letter matches half the directory. */
export const MIN_SEARCH = 2;

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A GUID (8-4-4-4-12 hex digits), as object ids are. */
export function isGuid(text: string): boolean {
  return guid.test(text.trim());
}

/** Text meant as an object id (hex digits and dashes, or a long run of hex), right or not. */
export function looksLikeId(text: string): boolean {
  const trimmed = text.trim();
  return /^[0-9a-f]{8}-[0-9a-f-]*$/i.test(trimmed) || /^[0-9a-f]{20,}$/i.test(trimmed);
}

/** Said as soon as the box holds something meant as an id that is not one. */
export function idProblem(text: string): string | null {
  if (!looksLikeId(text) || isGuid(text)) return null;
  return "That isn’t an object id: one has 36 characters, 8-4-4-4-12 hex digits (0a1b2c3d-…).";
}

/** What the grant form holds. */
export type GrantDraft = {
  /** Picked from the search results. */
  picked: PrincipalView | null;
  /** What the search box holds. */
  text: string;
  roleId: string | null;
};

/**
 * Who a draft grants the role to: the principal picked, else the object id pasted (with its name
 * when the search found it, else as itself).
 */
export function draftPrincipal(
  draft: GrantDraft,
  results: readonly PrincipalView[],
): PrincipalView | null {
  if (draft.picked !== null) return draft.picked;
  if (!isGuid(draft.text)) return null;
  const id = draft.text.trim().toLowerCase();
  return (
    results.find((item) => sameId(item.id, id)) ?? {
      id,
      kind: "unknown",
      displayName: null,
      detail: null,
    }
  );
}

export type GrantProblem = { field: "principal" | "role" | "grant"; message: string };

export type GrantCheck =
  | { ok: true; principal: PrincipalView; role: RoleView }
  | { ok: false; problems: GrantProblem[] };

/**
 * Whether the form may send the grant: someone chosen (or a valid object id pasted), a role
 * chosen, and not a role that person already holds directly on this resource (Azure would
 * answer 409). A role held only by inheritance may still be given here.
 */
export function checkGrant(
  draft: GrantDraft,
  results: readonly PrincipalView[],
  roles: readonly RoleView[],
  assignments: readonly AssignmentView[],
): GrantCheck {
  const problems: GrantProblem[] = [];
  const principal = draftPrincipal(draft, results);
  const role = roles.find((item) => item.id === draft.roleId) ?? null;
  if (principal === null) {
    const typed = draft.text.trim();
    problems.push({
      field: "principal",
      message:
        typed === ""
          ? "Choose who gets the role: search for a person, group or app, or paste an object id."
          : (idProblem(typed) ?? "Pick someone from the results, or paste an object id."),
    });
  }
  if (role === null) {
    problems.push({ field: "role", message: "Choose a role." });
  }
  if (principal !== null && role !== null) {
    const held = assignments.some(
      (item) =>
        !item.scope.inherited &&
        sameId(item.principal.id, principal.id) &&
        sameId(item.role.id, role.id),
    );
    if (held) {
      problems.push({
        field: "grant",
        message: `${principalLabel(principal)} already has ${role.name} on this resource.`,
      });
    }
  }
  return principal !== null && role !== null && problems.length === 0
    ? { ok: true, principal, role }
    : { ok: false, problems };
}

/** The confirm button's words: "Grant Cognitive Services OpenAI User to Grace Hopper". */
export function grantLabel(principal: PrincipalView | null, role: RoleView | null): string {
  if (principal === null || role === null) return "Grant role";
  return `Grant ${role.name} to ${principalLabel(principal)}`;
}
