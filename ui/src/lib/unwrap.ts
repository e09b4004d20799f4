import type { CommandError } from "../bindings";

/** What every generated command resolves to (tauri-specta's shape for a Rust `Result`). */
export type CommandResult<T> = { status: "ok"; data: T } | { status: "error"; error: CommandError };

/**
 * Turns a command's result into its data, throwing the `CommandError` otherwise,
 * so TanStack Query (and `await`) treat a failed command as a failure.
 */
export async function unwrap<T>(pending: Promise<CommandResult<T>>): Promise<T> {
  const result = await pending;
  if (result.status === "error") {
    throw result.error;
  }
  return result.data;
}
