import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { UsageRange, UsageReport } from "../../bindings";
import { formatMoney, formatPriceDate, formatRate } from "../../lib/money";
import { never } from "../../test/mockCommands";
import { formatCount } from "../deployments/format";
import { argOf, callsTo } from "../deployments/testSupport";
import { quietUsageReport, sampleUsageReport } from "./testFixtures";
import { openUsageTab, renderUsage, rowCells } from "./testSupport";

vi.mock("../deployments/wizard/DeploymentWizard", () => import("../deployments/testWizard"));

describe("usage tab", () => {
  it("asks for the last 24 hours of the selected resource, and lists each deployment's totals and cost", async () => {
    const { user, calls } = renderUsage();
    await openUsageTab(user);

    expect(screen.getByTestId("tab-usage")).toHaveAttribute("aria-selected", "true");
    await screen.findByTestId("usage-totals");
    expect(callsTo(calls, "usage_report")).toHaveLength(1);
    expect(callsTo(calls, "usage_report")[0]?.args).toEqual({
      profileId: "sandbox",
      account: { subscriptionId: "sub-prod-0001", resourceGroup: "rg-ai", name: "contoso-eastus" },
      range: "day",
    });
    expect(screen.getByTestId("usage-range-day")).toHaveAttribute("aria-checked", "true");

    expect(rowCells("chat-prod")).toEqual([
      "gpt-4o 2024-11-20",
      "GlobalStandard",
      formatCount(450000),
      formatCount(90000),
      "8",
      "1",
      "1",
      // The prices used are said too, not only in the tooltip.
      `${formatMoney(2.5, "USD")} (Priced at input ${formatRate(2.5, "USD", "1M tokens")}, output ${formatRate(10, "USD", "1M tokens")})`,
    ]);
    // Provisioned: the period's total and the hourly rate.
    const ptu = screen.getByTestId("usage-cost-ptu-east");
    expect(ptu).toHaveTextContent(formatMoney(1200, "USD"));
    expect(ptu).toHaveTextContent(formatRate(50, "USD", "hour"));
    expect(screen.getByTestId("usage-cost-total")).toHaveTextContent(formatMoney(1202.58, "USD"));
    expect(within(screen.getByTestId("usage-row-total")).getAllByRole("cell")[0]).toHaveTextContent(
      formatCount(455000),
    );

    const note = screen.getByTestId("usage-prices-note");
    expect(note).toHaveTextContent(`Estimated at retail prices of ${formatPriceDate("2026-11-03")}.`);
    expect(note).toHaveTextContent("cached input is priced as full input");
  });

  it("draws both charts, each summarised for assistive technology", async () => {
    const { user } = renderUsage();
    await openUsageTab(user);

    const tokens = await screen.findByTestId("usage-chart-tokens");
    expect(tokens).toHaveAttribute("role", "img");
    expect(tokens).toHaveAccessibleName(
      `Tokens per interval for all deployments, the last 24 hours: ${formatCount(455000)} prompt and ${formatCount(90500)} completion tokens.`,
    );
    expect(screen.getByTestId("usage-chart-requests")).toHaveAccessibleName(
      "Requests per interval for all deployments, the last 24 hours: 11 requests, 1 throttled, 1 failed.",
    );
    // jsdom cannot draw on a canvas: the charts are skipped, and say where the numbers are.
    expect(tokens).not.toHaveAttribute("data-drawn");
    expect(screen.getAllByText(/Show as table lists the same numbers/)).toHaveLength(2);
  });

  it("says it is loading, then keeps the last range on screen while the next one loads", async () => {
    let arrive: (report: UsageReport) => void = () => undefined;
    let answer: (range: UsageRange) => Promise<UsageReport> = () =>
      new Promise((resolve) => {
        arrive = resolve;
      });
    const { user, calls } = renderUsage((range) => answer(range));
    await openUsageTab(user);
    expect(await screen.findByText("Loading usage…")).toHaveAttribute("role", "status");
    expect(screen.getByTestId("usage-refresh")).toHaveAttribute("aria-disabled", "true");

    arrive(sampleUsageReport("day"));
    await screen.findByTestId("usage-totals");
    expect(screen.queryByText("Loading usage…")).not.toBeInTheDocument();
    expect(screen.getByTestId("usage-updating")).toHaveTextContent("");

    answer = () => never();
    await user.click(screen.getByTestId("usage-range-week"));

    expect(screen.getByTestId("usage-range-week")).toHaveAttribute("aria-checked", "true");
    expect(await screen.findByTestId("usage-updating")).toHaveTextContent("Updating…");
    expect(screen.getByTestId("usage-totals")).toBeVisible();
    expect(screen.queryByText("Loading usage…")).not.toBeInTheDocument();
    expect(callsTo(calls, "usage_report").map((call) => argOf(call.args, "range"))).toEqual([
      "day",
      "week",
    ]);
  });

  it("switches range with the arrow keys, asking for each new range", async () => {
    const { user, calls } = renderUsage();
    await openUsageTab(user);
    await screen.findByTestId("usage-totals");

    screen.getByTestId("usage-range-day").focus();
    await user.keyboard("{ArrowRight}");
    expect(screen.getByTestId("usage-range-week")).toHaveFocus();
    await user.keyboard("{End}");
    expect(screen.getByTestId("usage-range-month")).toHaveAttribute("aria-checked", "true");
    await user.keyboard("{Home}");

    await waitFor(() =>
      expect(callsTo(calls, "usage_report").map((call) => argOf(call.args, "range"))).toEqual([
        "day",
        "week",
        "month",
        "hour",
      ]),
    );
    await waitFor(() => expect(screen.getByTestId("usage-updating")).toHaveTextContent(""));
  });

  it("says when nothing was asked, and still lists the deployments with zeros", async () => {
    const { user } = renderUsage(() => quietUsageReport());
    await openUsageTab(user);

    expect(await screen.findByTestId("usage-empty")).toHaveTextContent(
      "No requests in the last 24 hours. Chat with a deployment in the Playground, then come back.",
    );
    expect(screen.queryByTestId("usage-chart-tokens")).not.toBeInTheDocument();
    expect(rowCells("embeddings").slice(2, 7)).toEqual(["0", "0", "0", "0", "0"]);
  });

  it("shows the numbers per interval as a table on demand", async () => {
    const { user } = renderUsage();
    await openUsageTab(user);
    await screen.findByTestId("usage-totals");
    expect(screen.queryByTestId("usage-table")).not.toBeInTheDocument();

    const toggle = screen.getByTestId("usage-table-toggle");
    expect(toggle).toHaveAttribute("aria-pressed", "false");
    await user.click(toggle);

    expect(toggle).toHaveAttribute("aria-pressed", "true");
    const table = screen.getByTestId("usage-table");
    expect(screen.getByRole("table", { name: /^Tokens and requests per 15 minutes/ })).toBe(table);
    expect(table).toHaveAccessibleName("Tokens and requests per 15 minutes for all deployments, the last 24 hours");
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(5);
    const cells = (index: number) =>
      within(rows[index]!).getAllByRole("cell").map((cell) => cell.textContent);
    expect(cells(1)).toEqual([formatCount(1000), "500", "1", "0", "0"]);
    expect(cells(2)).toEqual([formatCount(304000), formatCount(60000), "5", "1", "0"]);
    // No deployment reported tokens in the last interval.
    expect(cells(4)).toEqual(["—", "—", "0", "0", "0"]);
    expect(screen.queryByTestId("usage-chart-tokens")).not.toBeInTheDocument();

    await user.selectOptions(screen.getByTestId("usage-deployment"), "chat-prod");
    expect(cells(1)).toEqual(["—", "—", "0", "0", "0"]);
    expect(screen.getByTestId("usage-table")).toHaveAccessibleName(
      "Tokens and requests per 15 minutes for chat-prod, the last 24 hours",
    );
  });

  it("puts one deployment's TPM limit on the last-hour chart, and says so on the others", async () => {
    const { user } = renderUsage();
    await openUsageTab(user);
    await screen.findByTestId("usage-totals");
    await user.selectOptions(screen.getByTestId("usage-deployment"), "chat-prod");

    expect(screen.getByTestId("usage-limit-note")).toHaveTextContent(
      `The limit of ${formatCount(150000)} tokens applies per minute; it is drawn on the Last hour view.`,
    );
    expect(screen.getByTestId("usage-chart-tokens")).toHaveAccessibleName(
      `Tokens per interval for chat-prod, the last 24 hours: ${formatCount(450000)} prompt and ${formatCount(90000)} completion tokens.`,
    );

    await user.click(screen.getByTestId("usage-range-hour"));

    await waitFor(() =>
      expect(screen.getByTestId("usage-chart-tokens")).toHaveAccessibleName(
        `Tokens per interval for chat-prod, the last hour: ${formatCount(450000)} prompt and ${formatCount(90000)} completion tokens, against a limit of ${formatCount(150000)} tokens per minute.`,
      ),
    );
    expect(screen.queryByTestId("usage-limit-note")).not.toBeInTheDocument();
    // All deployments together have no one limit.
    await user.selectOptions(screen.getByTestId("usage-deployment"), "");
    expect(screen.getByTestId("usage-chart-tokens")).not.toHaveAccessibleName(/limit/);
  });
});
