import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { NamedQuota } from "../../../bindings";
import { sampleAccount, sampleDeploymentRow } from "../../../test/fixtures";
import { commandError, never, type CommandReplies } from "../../../test/mockCommands";
import { sampleUsageReport } from "../../usage/testFixtures";
import { argOf, callsTo, renderDeployments, rowNames } from "../testSupport";

vi.mock("../wizard/DeploymentWizard", () => import("../testWizard"));

const accounts = [
  sampleAccount(),
  sampleAccount({ resourceGroup: "rg-shared", name: "shared-foundry", location: "swedencentral" }),
  sampleAccount({ name: "contoso-westus", location: "westus" }),
  sampleAccount({ name: "contoso-east-2", location: "eastus" }),
];

function named(usageName: string, used: number, limit: number): NamedQuota {
  return { usageName, quota: { limit, used, free: Math.max(limit - used, 0) } };
}

const eastus: NamedQuota[] = [
  named("OpenAI.Standard.gpt-4o-mini", 10, 100),
  named("OpenAI.ProvisionedManaged.gpt-4o", 0, 0),
  named("OpenAI.Standard.gpt-4o", 460, 500),
  named("OpenAI.GlobalStandard.gpt-4o", 1200, 10000),
];

/** The Deployments screen over `accounts`, with the Quota tab's command answered by `quotas`. */
function renderQuota(quotas: CommandReplies["region_quotas"], replies: CommandReplies = {}) {
  return renderDeployments({
    list_accounts: () => accounts,
    list_deployment_rows: () => [sampleDeploymentRow({ name: "chat" })],
    region_quotas: quotas,
    ...replies,
  });
}

async function openQuota(user: ReturnType<typeof renderDeployments>["user"]) {
  await user.click(await screen.findByTestId("tab-quota"));
  return screen.findByTestId("quota-view");
}

function usageNames(): string[] {
  return screen.getAllByTestId("quota-row").map((row) => row.dataset.usageName ?? "");
}

function quotaRow(usageName: string): HTMLElement {
  const row = screen
    .getAllByTestId("quota-row")
    .find((element) => element.dataset.usageName === usageName);
  if (!row) {
    throw new Error(`no quota row named ${usageName}`);
  }
  return row;
}

describe("resource tabs", () => {
  it("shows the deployments first, and the quota on the Quota tab", async () => {
    const { user, calls } = renderQuota(() => eastus);

    const deploymentsTab = await screen.findByTestId("tab-deployments");
    expect(screen.getByRole("tablist", { name: "Resource views" })).toBeVisible();
    expect(deploymentsTab).toHaveAttribute("aria-selected", "true");
    expect(screen.getByTestId("tab-quota")).toHaveAttribute("aria-selected", "false");
    await waitFor(() => expect(rowNames()).toEqual(["chat"]));
    expect(screen.getByRole("tabpanel", { name: "Deployments" })).toContainElement(
      screen.getByTestId("deployments-table"),
    );
    // Nothing asks for quota until the tab is opened.
    expect(callsTo(calls, "region_quotas")).toHaveLength(0);

    const view = await openQuota(user);

    expect(screen.getByTestId("tab-quota")).toHaveAttribute("aria-selected", "true");
    expect(screen.getByRole("tabpanel", { name: "Quota" })).toContainElement(view);
    expect(screen.getByTestId("deployments-table")).not.toBeVisible();

    await user.click(deploymentsTab);
    expect(screen.getByTestId("deployments-table")).toBeVisible();
    expect(screen.queryByTestId("quota-view")).not.toBeInTheDocument();
    // The deployments stayed where they were: not listed again.
    expect(callsTo(calls, "list_deployment_rows")).toHaveLength(1);
  });

  it("moves between the tabs with the arrow keys, Home and End", async () => {
    const { user } = renderQuota(() => eastus, {
      usage_report: () => sampleUsageReport(),
      access_report: never,
    });
    const deploymentsTab = await screen.findByTestId("tab-deployments");
    const quotaTab = screen.getByTestId("tab-quota");
    const usageTab = screen.getByTestId("tab-usage");
    const accessTab = screen.getByTestId("tab-access");
    expect(deploymentsTab).toHaveAttribute("tabindex", "0");
    expect(quotaTab).toHaveAttribute("tabindex", "-1");

    deploymentsTab.focus();
    await user.keyboard("{ArrowRight}");
    expect(quotaTab).toHaveFocus();
    expect(quotaTab).toHaveAttribute("aria-selected", "true");
    expect(quotaTab).toHaveAttribute("tabindex", "0");
    expect(await screen.findByTestId("quota-view")).toBeVisible();

    await user.keyboard("{ArrowRight}");
    expect(usageTab).toHaveFocus();
    expect(screen.queryByTestId("quota-view")).not.toBeInTheDocument();
    await user.keyboard("{ArrowRight}");
    expect(accessTab).toHaveFocus();
    expect(accessTab).toHaveAttribute("aria-selected", "true");
    await user.keyboard("{ArrowRight}");
    expect(deploymentsTab).toHaveFocus();
    expect(deploymentsTab).toHaveAttribute("aria-selected", "true");

    await user.keyboard("{ArrowLeft}");
    expect(accessTab).toHaveFocus();
    await user.keyboard("{ArrowLeft}");
    expect(usageTab).toHaveFocus();
    await user.keyboard("{Home}");
    expect(deploymentsTab).toHaveFocus();
    await user.keyboard("{End}");
    expect(accessTab).toHaveFocus();
    expect(accessTab).toHaveAttribute("aria-selected", "true");
  });
});

describe("quota view", () => {
  it("offers each region of the resources once, the selected resource's first", async () => {
    const { user, calls } = renderQuota((args) =>
      argOf(args, "location") === "westus" ? [named("OpenAI.Standard.gpt-35-turbo", 1, 10)] : eastus,
    );
    await openQuota(user);

    const select = screen.getByTestId("quota-region");
    expect(within(select).getAllByRole("option").map((option) => option.textContent)).toEqual([
      "eastus",
      "swedencentral",
      "westus",
    ]);
    expect(select).toHaveDisplayValue("eastus");
    await waitFor(() => expect(screen.getAllByTestId("quota-row")).toHaveLength(4));
    expect(callsTo(calls, "region_quotas")[0]?.args).toEqual({
      profileId: "sandbox",
      subscription: "sub-prod-0001",
      location: "eastus",
    });

    await user.selectOptions(select, "westus");

    await waitFor(() => expect(usageNames()).toEqual(["OpenAI.Standard.gpt-35-turbo"]));
    expect(callsTo(calls, "region_quotas").map((call) => argOf(call.args, "location"))).toEqual([
      "eastus",
      "westus",
    ]);
  });

  it("follows the resource picked on the left", async () => {
    const { user } = renderQuota(() => eastus);
    await openQuota(user);
    await user.selectOptions(screen.getByTestId("quota-region"), "westus");

    const shared = screen
      .getAllByTestId("resource-row")
      .find((row) => row.dataset.accountName === "shared-foundry");
    await user.click(shared!);

    expect(screen.getByTestId("quota-region")).toHaveDisplayValue("swedencentral");
    expect(screen.getByTestId("tab-quota")).toHaveAttribute("aria-selected", "true");
  });

  it("shows each usage by model, then type, with a bar and its numbers", async () => {
    const { user } = renderQuota(() => eastus);
    await openQuota(user);

    await waitFor(() =>
      expect(usageNames()).toEqual([
        "OpenAI.GlobalStandard.gpt-4o",
        "OpenAI.ProvisionedManaged.gpt-4o",
        "OpenAI.Standard.gpt-4o",
        "OpenAI.Standard.gpt-4o-mini",
      ]),
    );
    expect(screen.getByTestId("quota-count")).toHaveTextContent("4 usages");

    const global = quotaRow("OpenAI.GlobalStandard.gpt-4o");
    expect(global).toHaveTextContent("gpt-4o");
    expect(global).toHaveTextContent("Global Standard");
    expect(within(global).getByTestId("quota-numbers")).toHaveTextContent(
      `${(1200).toLocaleString()} of ${(10000).toLocaleString()}`,
    );
    const meter = within(global).getByRole("meter", { name: "gpt-4o, Global Standard: quota used" });
    expect(meter).toHaveAttribute("aria-valuenow", "1200");
    expect(meter).toHaveAttribute("aria-valuemin", "0");
    expect(meter).toHaveAttribute("aria-valuemax", "10000");
    expect(global).toHaveTextContent("12%");
    expect(global).toHaveAttribute("data-level", "ok");
    expect(within(global).queryByTestId("quota-warning")).not.toBeInTheDocument();

    // 460 of 500 is 92%: the row warns in words, not only in colour.
    const nearlyFull = quotaRow("OpenAI.Standard.gpt-4o");
    expect(nearlyFull).toHaveAttribute("data-level", "high");
    expect(nearlyFull).toHaveTextContent("92%");
    expect(within(nearlyFull).getByTestId("quota-warning")).toHaveTextContent("Nearly used up");

    // A limit of 0: no bar, said plainly.
    const none = quotaRow("OpenAI.ProvisionedManaged.gpt-4o");
    expect(none).toHaveAttribute("data-level", "none");
    expect(none).toHaveTextContent("No quota here");
    expect(none).toHaveTextContent("PTU");
    expect(within(none).queryByRole("meter")).not.toBeInTheDocument();
    expect(within(none).getByTestId("quota-numbers")).toHaveTextContent("0 of 0");
  });

  it("filters by model in any case, and says when nothing matches", async () => {
    const { user } = renderQuota(() => eastus);
    await openQuota(user);
    await screen.findAllByTestId("quota-row");

    const filter = screen.getByTestId("quota-filter");
    expect(filter).toHaveAttribute("placeholder", "Filter by model, e.g. gpt-4o");
    await user.type(filter, "GPT-4O-MINI");
    await waitFor(() => expect(usageNames()).toEqual(["OpenAI.Standard.gpt-4o-mini"]));
    expect(screen.getByTestId("quota-count")).toHaveTextContent("1 of 4 usages");

    await user.clear(filter);
    await user.type(filter, "globalstandard.gpt");
    await waitFor(() => expect(usageNames()).toEqual(["OpenAI.GlobalStandard.gpt-4o"]));

    await user.clear(filter);
    await user.type(filter, "llama");
    expect(await screen.findByTestId("quota-no-matches")).toHaveTextContent(
      "No usage matches “llama”",
    );
    expect(screen.queryByTestId("quota-row")).not.toBeInTheDocument();
  });

  it("says it is loading, and that a region has no quota", async () => {
    let answer: () => Promise<NamedQuota[]> = () => never();
    const { user } = renderQuota(() => answer());
    await openQuota(user);

    expect(await screen.findByText("Loading quota for eastus…")).toHaveAttribute("role", "status");
    expect(screen.getByTestId("quota-refresh")).toBeDisabled();

    answer = () => Promise.resolve([]);
    await user.selectOptions(screen.getByTestId("quota-region"), "westus");

    expect(await screen.findByTestId("no-quota")).toHaveTextContent(
      "No quota in westus for this subscription",
    );
    expect(screen.queryByTestId("quota-count")).not.toBeInTheDocument();
  });

  it("names the role a refusal asks for, with Azure's code and request id, and tries again", async () => {
    let attempts = 0;
    const { user } = renderQuota(() => {
      attempts += 1;
      if (attempts === 1) {
        throw commandError({
          kind: "forbidden",
          message: "Azure refused to list the usages.",
          code: "AuthorizationFailed",
          requestId: "req-usages-1",
        });
      }
      return eastus;
    });
    await openQuota(user);

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Couldn’t read the quota for eastus.");
    expect(alert).toHaveTextContent("Azure refused to list the usages.");
    expect(alert).toHaveTextContent("AuthorizationFailed");
    expect(alert).toHaveTextContent("req-usages-1");
    expect(screen.getByTestId("missing-role")).toHaveTextContent(
      "Needs the role: Cognitive Services Usages Reader",
    );

    await user.click(within(alert).getByRole("button", { name: "Try again" }));

    await waitFor(() => expect(screen.getAllByTestId("quota-row")).toHaveLength(4));
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(attempts).toBe(2);
  });

  it("shows the role Rust named, and other failures without one", async () => {
    const { user } = renderQuota(() => {
      throw commandError({
        kind: "azure",
        message: "Azure could not answer.",
        code: "InternalServerError",
      });
    });
    await openQuota(user);

    expect(await screen.findByRole("alert")).toHaveTextContent("Azure could not answer.");
    expect(screen.queryByTestId("missing-role")).not.toBeInTheDocument();
  });

  it("asks Azure again on Refresh", async () => {
    let used = 10;
    const { user, calls } = renderQuota(() => [named("OpenAI.Standard.gpt-4o", used, 100)]);
    await openQuota(user);
    await waitFor(() =>
      expect(within(quotaRow("OpenAI.Standard.gpt-4o")).getByTestId("quota-numbers")).toHaveTextContent(
        "10 of 100",
      ),
    );

    used = 95;
    await user.click(screen.getByTestId("quota-refresh"));

    await waitFor(() =>
      expect(quotaRow("OpenAI.Standard.gpt-4o")).toHaveAttribute("data-level", "high"),
    );
    expect(callsTo(calls, "region_quotas")).toHaveLength(2);
  });

  it("gives the address for more quota to copy", async () => {
    const { user } = renderQuota(() => eastus);
    await openQuota(user);

    const footer = screen.getByTestId("quota-footer");
    expect(footer).toHaveTextContent("Request more quota");
    expect(within(footer).getByTestId("quota-request-url")).toHaveTextContent(
      "https://aka.ms/oai/quotaincrease",
    );
    await user.click(within(footer).getByTestId("quota-request-copy"));
    expect(within(footer).getByTestId("quota-request-copy")).toHaveTextContent("Copied");
    expect(await navigator.clipboard.readText()).toBe("https://aka.ms/oai/quotaincrease");
  });
});
