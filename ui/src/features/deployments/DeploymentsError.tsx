import { ErrorNotice } from "../../components/ErrorNotice";
import { isCommandError } from "../../lib/errorDetails";
import { hrefFor } from "../../routes/useRoute";
import { WhatCanIDo } from "../access/WhatCanIDo";

type DeploymentsErrorProps = {
  title: string;
  error: unknown;
  onRetry?: () => void;
};

/**
 * A failure on this screen: Azure's message, code and request id, plus the role a 403 asks for
 * (and, on a resource, "What can I do here?") and, when the sign-in has lapsed, where to sign in
 * again.
 */
export function DeploymentsError({ title, error, onRetry }: DeploymentsErrorProps) {
  const missingRole = isCommandError(error) ? error.missingRole : null;
  const signInRequired = isCommandError(error) && error.kind === "signInRequired";
  return (
    <div className="deployments-error">
      <ErrorNotice title={title} error={error} onRetry={onRetry} />
      {missingRole !== null && (
        <p className="deployments-error-note" data-testid="missing-role">
          Needs the role: <strong>{missingRole}</strong>
        </p>
      )}
      <WhatCanIDo error={error} />
      {signInRequired && (
        <p className="deployments-error-note">
          Sign in again on the <a href={hrefFor("connections")}>Connections</a> screen, then try
          once more.
        </p>
      )}
    </div>
  );
}
