import { isCommandError } from "../../lib/errorDetails";
import { DeploymentsError } from "../deployments/DeploymentsError";

/** The roles that allow each change, for a refusal that did not name one. */
const grantRoles = "Owner or User Access Administrator";
const keyAuthRole = "Cognitive Services Contributor";

type AccessAction = "grant" | "revoke" | "keyAuth";

const testIds: Record<AccessAction, string> = {
  grant: "grant-error",
  revoke: "revoke-error",
  keyAuth: "key-auth-error",
};

/** The title a failure of `action` gets: what was refused and why, in the person's words. */
function titleOf(action: AccessAction, error: unknown): string {
  const forbidden = isCommandError(error) && error.kind === "forbidden";
  const code = isCommandError(error) ? error.code : null;
  switch (action) {
    case "grant":
      if (forbidden) return `Granting roles needs ${grantRoles} on this resource.`;
      if (code === "RoleAssignmentExists") return "Already has this role.";
      if (code === "PrincipalNotFound") {
        return "Azure doesn’t know that person, group or app in this directory.";
      }
      return "Couldn’t grant the role.";
    case "revoke":
      return forbidden
        ? `Removing roles needs ${grantRoles} on this resource.`
        : "Couldn’t remove the role.";
    case "keyAuth":
      return forbidden
        ? `Turning keys on or off needs ${keyAuthRole} on this resource.`
        : "Couldn’t change whether keys are accepted.";
  }
}

/** A refusal names the role that allows the change, when Rust could not tell which one was missing. */
function withRole(action: AccessAction, error: unknown): unknown {
  if (isCommandError(error) && error.kind === "forbidden" && error.missingRole === null) {
    return { ...error, missingRole: action === "keyAuth" ? keyAuthRole : grantRoles };
  }
  return error;
}

/** A grant, revoke or key switch that failed: why, Azure's code, message and request id, and the way on. */
export function AccessError({ action, error }: { action: AccessAction; error: unknown }) {
  return (
    <div className="access-error" data-testid={testIds[action]}>
      <DeploymentsError title={titleOf(action, error)} error={withRole(action, error)} />
    </div>
  );
}
