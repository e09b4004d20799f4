import type { InvokeArgs } from "@tauri-apps/api/core";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import {
  defaultSettings,
  sampleAccount,
  sampleSubscriptions,
  sandboxProfile,
} from "../../test/fixtures";
import { mockCommands, type CommandReplies, type IpcCall } from "../../test/mockCommands";
import { renderWithQueries } from "../../test/render";
import { DeploymentsScreen } from "./DeploymentsScreen";

/**
 * Renders the screen over the Sandbox, its two subscriptions and one resource (contoso-eastus),
 * with the default settings (no default region), unless the test says otherwise. Test files
 * must mock the wizard themselves: `vi.mock("./wizard/DeploymentWizard", () => import("./testWizard"))`.
 */
export function renderDeployments(replies: CommandReplies) {
  const user = userEvent.setup();
  const calls = mockCommands({
    get_settings: () => defaultSettings(),
    list_profiles: () => [sandboxProfile()],
    list_subscriptions: () => sampleSubscriptions(),
    list_accounts: () => [sampleAccount()],
    ...replies,
  });
  const view = renderWithQueries(<DeploymentsScreen />);
  return { user, calls, ...view };
}

/** The deployment names in the table, top to bottom. */
export function rowNames(): string[] {
  return screen.getAllByTestId("deployment-row").map((row) => row.dataset.deploymentName ?? "");
}

export function rowOf(name: string): HTMLElement {
  const row = screen
    .getAllByTestId("deployment-row")
    .find((element) => element.dataset.deploymentName === name);
  if (!row) {
    throw new Error(`no deployment row named ${name}`);
  }
  return row;
}

/** A cell of a row by its column header's name. */
export function cellOf(row: HTMLElement, column: string): HTMLElement {
  const table = screen.getByTestId("deployments-table");
  const headers = within(table).getAllByRole("columnheader");
  const index = headers.findIndex((header) => header.textContent?.startsWith(column));
  const cell = row.children[index];
  if (index < 0 || !(cell instanceof HTMLElement)) {
    throw new Error(`no column ${column}`);
  }
  return cell;
}

export function callsTo(calls: IpcCall[], cmd: string): IpcCall[] {
  return calls.filter((call) => call.cmd === cmd);
}

export function argOf(args: InvokeArgs | undefined, name: string): unknown {
  return args !== undefined && !Array.isArray(args) && !(args instanceof ArrayBuffer)
    ? (args as Record<string, unknown>)[name]
    : undefined;
}
