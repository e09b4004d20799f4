import type {
  Abilities,
  AccessReport,
  AssignmentView,
  CapabilityCheck,
  MyAccess,
  PrincipalView,
  RoleView,
  ScopeView,
} from "../../bindings";

// What Rust answers for contoso-eastus (crates/core/src/access): role words from roles.rs.

function abilities(overrides: Partial<Abilities> = {}): Abilities {
  return {
    inference: false,
    manageDeployments: false,
    readKeys: false,
    viewQuota: false,
    viewMetrics: false,
    manageAccess: false,
    ...overrides,
  };
}

export const openAiUser: RoleView = {
  id: "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd",
  name: "Cognitive Services OpenAI User",
  summary: "Chat with the deployments and see them; cannot change deployments or read keys.",
  abilities: abilities({ inference: true }),
};

export const openAiContributor: RoleView = {
  id: "a001fd3d-188f-4b5d-821b-7da978bf7442",
  name: "Cognitive Services OpenAI Contributor",
  summary: "Chat with the deployments and create, change or delete them; cannot read keys.",
  abilities: abilities({ inference: true, manageDeployments: true }),
};

export const cognitiveServicesUser: RoleView = {
  id: "a97b65f3-24c7-4388-baec-2e87135dc908",
  name: "Cognitive Services User",
  summary: "Chat with the deployments, read the keys and see metrics; cannot change deployments.",
  abilities: abilities({ inference: true, readKeys: true, viewMetrics: true }),
};

export const owner: RoleView = {
  id: "8e3af657-a8ff-443c-a75c-2fe8c4bcb635",
  name: "Owner",
  summary: "Everything, including granting roles to others.",
  abilities: abilities({
    manageDeployments: true,
    readKeys: true,
    viewQuota: true,
    viewMetrics: true,
    manageAccess: true,
  }),
};

export const grace: PrincipalView = {
  id: "6f1c2d3e-0000-4000-8000-00000000ace1",
  kind: "user",
  displayName: "Grace Hopper",
  detail: "grace@contoso.com",
};

export const ada: PrincipalView = {
  id: "6f1c2d3e-0000-4000-8000-00000000ada1",
  kind: "user",
  displayName: "Ada Lovelace",
  detail: "ada@contoso.com",
};

export const dataTeam: PrincipalView = {
  id: "6f1c2d3e-0000-4000-8000-0000000d7ea1",
  kind: "group",
  displayName: "Data team",
  detail: null,
};

const accountPath =
  "/subscriptions/sub-prod-0001/resourceGroups/rg-ai/providers/Microsoft.CognitiveServices/accounts/contoso-eastus";

const onResource: ScopeView = { level: "resource", name: "contoso-eastus", inherited: false };
export const onGroup: ScopeView = { level: "resourceGroup", name: "rg-ai", inherited: true };

/** An assignment of `role` to `principal` on contoso-eastus (or above it, with `scope`). */
export function assignment(
  principal: PrincipalView,
  role: RoleView,
  scope: ScopeView = onResource,
  name = `${principal.id.slice(-4)}-${role.id.slice(0, 4)}`,
): AssignmentView {
  const at =
    scope.level === "resourceGroup"
      ? "/subscriptions/sub-prod-0001/resourceGroups/rg-ai"
      : accountPath;
  return {
    id: `${at}/providers/Microsoft.Authorization/roleAssignments/${name}`,
    principal,
    role,
    scope,
  };
}

export const graceUser = assignment(grace, openAiUser);
export const adaOwnerInherited = assignment(ada, owner, onGroup);

/** Grace chats on the resource; Ada is an Owner of the resource group. */
export function sampleAccessReport(overrides: Partial<AccessReport> = {}): AccessReport {
  return {
    assignments: [graceUser, adaOwnerInherited],
    namesNote: null,
    keysAccepted: true,
    grantableRoles: [openAiUser, openAiContributor, cognitiveServicesUser],
    ...overrides,
  };
}

function check(
  capability: CapabilityCheck["capability"],
  roleToAdd: string | null = null,
): CapabilityCheck {
  return { capability, allowed: roleToAdd === null, roleToAdd };
}

/** Ada may manage deployments and read keys, but not chat with sign-in, nor grant roles. */
export function sampleMyAccess(overrides: Partial<MyAccess> = {}): MyAccess {
  return {
    who: "Ada Lovelace (ada@contoso.com)",
    checks: [
      check("inference", "Cognitive Services OpenAI User on this resource"),
      check("manageDeployments"),
      check("readKeys"),
      check("viewQuota"),
      check("viewMetrics"),
      check("manageAccess", "Owner or User Access Administrator on this resource"),
    ],
    keysAccepted: true,
    ...overrides,
  };
}
