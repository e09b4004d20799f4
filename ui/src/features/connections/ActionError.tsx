import { ErrorNotice } from "../../components/ErrorNotice";
import { isCommandError } from "../../lib/errorDetails";
import { WhatCanIDo } from "../access/WhatCanIDo";

type ActionErrorProps = {
  title: string;
  error: unknown;
  onRetry?: () => void;
};

/**
 * An action's failure, shown where the action is. Adds what ErrorNotice leaves out but these
 * actions need: the Azure role a 403 asks for (and, on an account, "What can I do here?"), and
 * where to go when the sign-in has expired.
 */
export function ActionError({ title, error, onRetry }: ActionErrorProps) {
  const missingRole = isCommandError(error) ? error.missingRole : null;
  const signInRequired = isCommandError(error) && error.kind === "signInRequired";
  return (
    <div className="action-error">
      <ErrorNotice title={title} error={error} onRetry={onRetry} />
      {missingRole !== null && (
        <p className="action-error-note" data-testid="missing-role">
          Needs the role: <strong>{missingRole}</strong>
        </p>
      )}
      <WhatCanIDo error={error} />
      {signInRequired && (
        <p className="action-error-note">Sign in again above, then try once more.</p>
      )}
    </div>
  );
}
