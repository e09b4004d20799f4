import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { formatPriceDate } from "../../lib/money";
import { samplePlanFacts } from "../../test/fixtures";
import { commandError } from "../../test/mockCommands";
import { argOf, callsTo, rowOf } from "../deployments/testSupport";
import { sampleUsageReport, usageDeployments } from "./testFixtures";
import { openUsageTab, renderUsage } from "./testSupport";

vi.mock("../deployments/wizard/DeploymentWizard", () => import("../deployments/testWizard"));

describe("usage failures", () => {
  it("says a refusal needs a reader role, with Azure's message and request id, and tries again", async () => {
    let attempts = 0;
    const { user } = renderUsage((range) => {
      attempts += 1;
      if (attempts === 1) {
        throw commandError({
          kind: "forbidden",
          message: "The client does not have authorization to read metrics.",
          code: "AuthorizationFailed",
          requestId: "req-metrics-7",
        });
      }
      return sampleUsageReport(range);
    });
    await openUsageTab(user);

    const error = await screen.findByTestId("usage-error");
    const alert = within(error).getByRole("alert");
    expect(alert).toHaveTextContent("Couldn’t read the usage of contoso-eastus.");
    expect(alert).toHaveTextContent("The client does not have authorization to read metrics.");
    expect(alert).toHaveTextContent("AuthorizationFailed");
    expect(alert).toHaveTextContent("req-metrics-7");
    expect(error).toHaveTextContent(
      "Reading usage needs the Monitoring Reader role (or any reader role, such as Reader) on contoso-eastus.",
    );
    expect(screen.getByTestId("usage-range-day")).toBeEnabled();

    await user.click(within(alert).getByRole("button", { name: "Try again" }));

    expect(await screen.findByTestId("usage-totals")).toBeVisible();
    expect(screen.queryByTestId("usage-error")).not.toBeInTheDocument();
  });

  it("shows other failures without the role note", async () => {
    const { user } = renderUsage(() => {
      throw commandError({ kind: "azure", message: "Azure Monitor could not answer.", code: "InternalServerError" });
    });
    await openUsageTab(user);

    expect(await screen.findByTestId("usage-error")).toHaveTextContent("Azure Monitor could not answer.");
    expect(screen.queryByTestId("usage-role-note")).not.toBeInTheDocument();
    // Nothing else breaks: the other tabs work as before.
    await user.click(screen.getByTestId("tab-deployments"));
    expect(screen.getByTestId("deployments-table")).toBeVisible();
    expect(screen.queryByTestId("usage-error")).not.toBeInTheDocument();
  });
});

describe("prices", () => {
  it("labels prices that could not be refreshed as offline, with the reason", async () => {
    const { user } = renderUsage((range) =>
      sampleUsageReport(range, usageDeployments(), {
        prices: { asOf: "2026-10-01", offline: "the price list could not be reached", unavailable: null },
      }),
    );
    await openUsageTab(user);

    expect(await screen.findByTestId("usage-prices-note")).toHaveTextContent(
      `Estimated at retail prices of ${formatPriceDate("2026-10-01")} (offline: the price list could not be reached).`,
    );
  });

  it("shows a dash for every cost when there are no prices, and the reason once", async () => {
    const unpriced = usageDeployments().map((usage) => ({ ...usage, cost: null, quote: null }));
    const { user } = renderUsage((range) =>
      sampleUsageReport(range, unpriced, {
        prices: { asOf: null, offline: null, unavailable: "No price list has been downloaded yet." },
      }),
    );
    await openUsageTab(user);

    await screen.findByTestId("usage-totals");
    for (const name of ["chat-prod", "embeddings", "ptu-east", "total"]) {
      expect(screen.getByTestId(`usage-cost-${name}`)).toHaveTextContent(/^—$/);
    }
    expect(screen.getAllByText(/No price list has been downloaded yet\./)).toHaveLength(1);
    expect(screen.getByTestId("usage-prices-note")).toHaveTextContent(
      "Costs can’t be estimated: No price list has been downloaded yet.",
    );
  });
});

describe("usage of one deployment", () => {
  it("opens from the deployment's Manage panel, on that deployment, and back", async () => {
    const { user, calls } = renderUsage(undefined, {
      deployment_plan_facts: () => samplePlanFacts(),
    });
    await screen.findByTestId("deployments-table");
    await user.click(within(rowOf("embeddings")).getByTestId("manage-deployment"));
    const panel = screen.getByTestId("manage-panel");

    await user.click(within(panel).getByRole("button", { name: "Usage of embeddings" }));

    expect(screen.getByTestId("tab-usage")).toHaveAttribute("aria-selected", "true");
    const picker = await screen.findByTestId("usage-deployment");
    expect(picker).toHaveDisplayValue("embeddings");
    expect(picker).toHaveFocus();
    await waitFor(() =>
      expect(screen.getByTestId("usage-chart-tokens")).toHaveAccessibleName(/^Tokens per interval for embeddings/),
    );
    expect(callsTo(calls, "usage_report")).toHaveLength(1);

    // The Manage panel waited behind the tab, as it was.
    await user.click(screen.getByTestId("tab-deployments"));
    expect(screen.getByTestId("manage-panel")).toBeVisible();
  });

  it("shows all deployments when the one picked is not in the report", async () => {
    const { user } = renderUsage(undefined, { deployment_plan_facts: () => samplePlanFacts() });
    await screen.findByTestId("deployments-table");
    await user.click(within(rowOf("legacy-35")).getByTestId("manage-deployment"));
    await user.click(screen.getByTestId("manage-usage"));

    await screen.findByTestId("usage-totals");
    expect(screen.getByTestId("usage-deployment")).toHaveDisplayValue("All deployments");
    expect(
      within(screen.getByTestId("usage-deployment"))
        .getAllByRole("option")
        .map((option) => option.textContent),
    ).toEqual(["All deployments", "chat-prod", "embeddings", "ptu-east"]);
  });

  it("asks again on Refresh, for the same range", async () => {
    let requests = 8;
    const { user, calls } = renderUsage((range) => {
      const [chat, ...rest] = usageDeployments();
      return sampleUsageReport(range, [{ ...chat!, totals: { ...chat!.totals, requests } }, ...rest]);
    });
    await openUsageTab(user);
    await screen.findByTestId("usage-totals");

    requests = 9;
    await user.click(screen.getByTestId("usage-refresh"));

    await waitFor(() =>
      expect(within(screen.getByTestId("usage-row-chat-prod")).getAllByRole("cell")[4]).toHaveTextContent("9"),
    );
    expect(callsTo(calls, "usage_report").map((call) => argOf(call.args, "range"))).toEqual(["day", "day"]);
  });
});
