import { screen } from "@testing-library/react";
import { sampleDeploymentRows } from "../../test/fixtures";
import type { CommandReplies } from "../../test/mockCommands";
import { renderDeployments } from "../deployments/testSupport";
import { sampleAccessReport } from "./testFixtures";

/**
 * The Deployments screen over contoso-eastus, its access answered by `replies` (by default the
 * sample report). Test files must mock the wizard themselves:
 * `vi.mock("../deployments/wizard/DeploymentWizard", () => import("../deployments/testWizard"))`.
 */
export function renderAccess(replies: CommandReplies = {}) {
  return renderDeployments({
    list_deployment_rows: () => sampleDeploymentRows(),
    access_report: () => sampleAccessReport(),
    ...replies,
  });
}

export type User = ReturnType<typeof renderDeployments>["user"];

/** Opens the Access tab and returns its view. */
export async function openAccessTab(user: User): Promise<HTMLElement> {
  await user.click(await screen.findByTestId("tab-access"));
  return screen.findByTestId("access-view");
}

/** The row of one principal, by its name (or object id). */
export function accessRow(label: string): HTMLElement {
  return screen.getByTestId(`access-row-${label}`);
}
