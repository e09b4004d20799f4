import type { Ref } from "react";
import { isCommandError, withMissingRole } from "../../lib/errorDetails";
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

/** A grant, revoke or key switch that failed: why, Azure's code, message and request id, and the way on. */
export function AccessError({
  action,
  error,
  ref,
}: {
  action: AccessAction;
  error: unknown;
  /** Lets the form that failed move focus onto what went wrong. */
  ref?: Ref<HTMLDivElement>;
}) {
  return (
    <div className="access-error" data-testid={testIds[action]} ref={ref} tabIndex={-1}>
      <DeploymentsError title={titleOf(action, error)} error={withMissingRole(error, action === "keyAuth" ? keyAuthRole : grantRoles)} />
    </div>
  );
}
