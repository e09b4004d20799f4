import { isCommandError } from "../../lib/errorDetails";
import "../../styles/access.css";
import { useOpenMyAccess } from "./openMyAccess";

/**
 * "What can I do here?" under a refusal (403) on an account: opens the panel that lists what the
 * signed-in person may do there and which role adds the rest. Nothing for other failures, or
 * where no account is around to ask about.
 */
export function WhatCanIDo({ error }: { error: unknown }) {
  const open = useOpenMyAccess();
  if (open === null || !isCommandError(error) || error.kind !== "forbidden") {
    return null;
  }
  return (
    <button
      type="button"
      className="button button-small what-can-i-do"
      data-testid="what-can-i-do"
      onClick={open}
    >
      What can I do here?
    </button>
  );
}
