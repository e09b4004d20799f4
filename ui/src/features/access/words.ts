import type {
  Abilities,
  AssignmentView,
  Capability,
  PrincipalKind,
  PrincipalView,
  RoleView,
  ScopeView,
} from "../../bindings";

/** The abilities the Access tab marks on each role, in the order shown, with their short words. */
export const shownAbilities: ReadonlyArray<{ key: keyof Abilities; word: string; verb: string }> = [
  { key: "inference", word: "Chat", verb: "chat with the deployments" },
  { key: "manageDeployments", word: "Deployments", verb: "change deployments" },
  { key: "readKeys", word: "Keys", verb: "read the keys" },
  { key: "viewQuota", word: "Quota", verb: "see quota" },
  { key: "viewMetrics", word: "Metrics", verb: "see metrics" },
];

const kindWords: Record<PrincipalKind, string> = {
  user: "Person",
  group: "Group",
  servicePrincipal: "App",
  unknown: "Other",
};

/** "Person", "Group", "App", or "Other" (a managed identity, a deleted principal, a pasted id). */
export function kindWord(kind: PrincipalKind): string {
  return kindWords[kind];
}

/** What names a principal: its display name, else its object id. */
export function principalLabel(principal: PrincipalView): string {
  return principal.displayName ?? principal.id;
}

/** Where an assignment was made, in words: "On this resource", "Inherited from resource group rg-ai". */
export function scopeText(scope: ScopeView): string {
  switch (scope.level) {
    case "resource":
      return "On this resource";
    case "resourceGroup":
      return `Inherited from resource group ${scope.name}`;
    case "subscription":
      return `Inherited from subscription ${scope.name}`;
    case "managementGroup":
      return `Inherited from management group ${scope.name}`;
    case "other":
      return scope.name === "/" || scope.name === ""
        ? "Inherited from the whole tenant"
        : `Inherited from ${scope.name}`;
  }
}

/** "chat with the deployments and read the keys": what a role lets its holder do, for a sentence. */
export function abilitiesText(role: RoleView): string | null {
  const verbs = shownAbilities.filter((ability) => role.abilities[ability.key]).map((a) => a.verb);
  if (role.abilities.manageAccess) verbs.push("grant roles");
  if (verbs.length === 0) return null;
  if (verbs.length === 1) return verbs[0] ?? null;
  return `${verbs.slice(0, -1).join(", ")} and ${verbs[verbs.length - 1] ?? ""}`;
}

/** Object ids compare without letter case (Azure and Graph do not agree on it). */
export function sameId(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** True when `assignments` lists the one with `id`. */
export function listsAssignment(assignments: readonly AssignmentView[], id: string): boolean {
  return assignments.some((item) => sameId(item.id, id));
}

const capabilityWords: Record<Capability, string> = {
  inference: "Chat with the deployments (Entra sign-in)",
  manageDeployments: "Create, change and delete deployments",
  readKeys: "Read and rotate the keys",
  viewQuota: "See the subscription’s quota",
  viewMetrics: "See usage and metrics",
  manageAccess: "Grant and remove roles",
};

/** One capability of "What can I do here?", as the person reads it. */
export function capabilityText(capability: Capability): string {
  return capabilityWords[capability];
}
