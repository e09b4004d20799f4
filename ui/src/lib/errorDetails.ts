import type { CommandError } from "../bindings";

/** What the UI shows about a failure: the message, plus code and request id when Rust gave them. */
export type ErrorDetails = Pick<CommandError, "message" | "code" | "requestId">;

/** True for the `CommandError` objects that `unwrap` throws. */
export function isCommandError(value: unknown): value is CommandError {
  return (
    typeof value === "object" &&
    value !== null &&
    "kind" in value &&
    typeof value.kind === "string" &&
    "message" in value &&
    typeof value.message === "string"
  );
}

/**
 * Reads a thrown value for display. Besides `CommandError`s, the bindings rethrow
 * real `Error`s (a failed IPC call itself), so both have to read well.
 */
export function errorDetails(error: unknown): ErrorDetails {
  if (isCommandError(error)) {
    return { message: error.message, code: error.code, requestId: error.requestId };
  }
  if (error instanceof Error) {
    return { message: error.message, code: null, requestId: null };
  }
  return { message: String(error), code: null, requestId: null };
}

/**
 * A refusal (`forbidden`) names `role` as the one missing, when Rust could not tell which: the
 * screen that asked knows what its call needs. Anything else is returned as it is.
 */
export function withMissingRole(error: unknown, role: string): unknown {
  if (isCommandError(error) && error.kind === "forbidden" && error.missingRole === null) {
    return { ...error, missingRole: role };
  }
  return error;
}
