import type { InvokeArgs } from "@tauri-apps/api/core";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { expect } from "vitest";
import { unlockedKeychain } from "../../test/fixtures";
import { mockCommands, type CommandReplies } from "../../test/mockCommands";
import { renderWithQueries } from "../../test/render";
import { ConnectionsScreen } from "./ConnectionsScreen";

/**
 * Mocks the commands the screen always makes (an unlocked keychain unless the test says
 * otherwise) plus the test's own, and renders the screen.
 */
export function renderConnections(replies: CommandReplies) {
  const user = userEvent.setup();
  const calls = mockCommands({ keychain_status: () => unlockedKeychain, ...replies });
  const view = renderWithQueries(<ConnectionsScreen />);
  return { user, calls, ...view };
}

/** The detail pane, once it shows the named profile. */
export async function detailOf(name: string): Promise<HTMLElement> {
  await waitFor(() =>
    expect(screen.getByTestId("profile-detail")).toHaveAttribute("data-profile-name", name),
  );
  return screen.getByTestId("profile-detail");
}

export function rowOf(name: string): HTMLElement {
  const row = screen
    .getAllByTestId("profile-row")
    .find((element) => element.dataset.profileName === name);
  if (!row) {
    throw new Error(`no profile row named ${name}`);
  }
  return row;
}

/** The IPC calls made with one command, in order. */
export function callsTo(calls: ReturnType<typeof mockCommands>, cmd: string) {
  return calls.filter((call) => call.cmd === cmd);
}

/** One named argument of an IPC call (commands always pass an object of named arguments). */
export function argOf(args: InvokeArgs | undefined, name: string): unknown {
  return args !== undefined && !Array.isArray(args) && !(args instanceof ArrayBuffer)
    ? (args as Record<string, unknown>)[name]
    : undefined;
}
