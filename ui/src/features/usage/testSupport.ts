import { screen, within } from "@testing-library/react";
import type { UsageRange, UsageReport } from "../../bindings";
import { sampleDeploymentRows } from "../../test/fixtures";
import type { CommandReplies } from "../../test/mockCommands";
import { argOf, renderDeployments } from "../deployments/testSupport";
import { sampleUsageReport } from "./testFixtures";

/**
 * The Deployments screen over contoso-eastus, with `usage_report` answered by `reports` (by
 * default the sample report for the range asked). Test files must mock the wizard themselves:
 * `vi.mock("../deployments/wizard/DeploymentWizard", () => import("../deployments/testWizard"))`.
 */
export function renderUsage(
  reports: (range: UsageRange) => UsageReport | Promise<UsageReport> = (range) =>
    sampleUsageReport(range),
  replies: CommandReplies = {},
) {
  return renderDeployments({
    list_deployment_rows: () => sampleDeploymentRows(),
    usage_report: (args) => reports(argOf(args, "range") as UsageRange),
    ...replies,
  });
}

export type User = ReturnType<typeof renderDeployments>["user"];

/** Opens the Usage tab and returns its view. */
export async function openUsageTab(user: User): Promise<HTMLElement> {
  await user.click(await screen.findByTestId("tab-usage"));
  return screen.findByTestId("usage-view");
}

/** The cells of a totals row, as text, after its header cell (the name). */
export function rowCells(name: string): string[] {
  const row = screen.getByTestId(`usage-row-${name}`);
  return within(row)
    .getAllByRole("cell")
    .map((cell) => cell.textContent ?? "");
}
