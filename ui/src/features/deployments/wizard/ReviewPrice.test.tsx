import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { PriceQuote } from "../../../bindings";
import { samplePriceQuote } from "../../../test/fixtures";
import { commandError, never } from "../../../test/mockCommands";
import {
  account,
  argOf,
  atStep,
  callsTo,
  next,
  renderWizard,
  toCapacity,
  toReview,
  type User,
} from "./testSupport";

function price() {
  return screen.getByTestId("review-price");
}

/** $2.00 per PTU-hour: 15 PTU are $30.00 an hour. */
function hourlyQuote(capacity: number): PriceQuote {
  return samplePriceQuote({
    billing: "hourly",
    inputPerMillion: null,
    cachedInputPerMillion: null,
    outputPerMillion: null,
    perUnitHour: 2,
    hourly: 2 * capacity,
  });
}

/** o3-mini as ProvisionedManaged at `capacity` PTU, up to the review. */
async function toProvisionedReview(user: User, capacity?: string) {
  await toCapacity(user, ["o3-mini", "2025-01-31"], "ProvisionedManaged");
  if (capacity !== undefined) {
    await user.clear(screen.getByTestId("capacity-input"));
    await user.type(screen.getByTestId("capacity-input"), capacity);
  }
  await user.click(next());
  await atStep(4);
  await user.click(next());
  return atStep(5);
}

describe("DeploymentWizard: step 5, the cost", () => {
  it("says pay-as-you-go costs nothing until used, then the per-token prices and their date", async () => {
    const { user, calls } = renderWizard();
    await toReview(user);

    await waitFor(() => expect(price()).toHaveAttribute("data-billing", "tokens"));
    expect(within(price()).getByRole("heading", { name: "Cost" })).toBeVisible();
    expect(price()).toHaveTextContent(
      "Nothing until it is used; then $2.50 per 1M input tokens, $1.25 per 1M cached input " +
        "tokens, $10.00 per 1M output tokens",
    );
    expect(price()).toHaveTextContent("Retail prices of Nov 3, 2026");
    expect(price()).not.toHaveTextContent("offline");
    expect(callsTo(calls, "deployment_price").map((call) => call.args)).toEqual([
      {
        profileId: "acct-1",
        account,
        modelName: "gpt-4o",
        modelVersion: "2024-11-20",
        skuName: "GlobalStandard",
        capacity: 10,
      },
    ]);
  });

  it("makes provisioned throughput's hourly price stand out, and asks again for another capacity", async () => {
    const { user, calls } = renderWizard({
      deployment_price: (args) => hourlyQuote(Number(argOf(args, "capacity"))),
    });
    await toProvisionedReview(user);

    await waitFor(() => expect(price()).toHaveAttribute("data-billing", "hourly"));
    const hourly = within(price()).getByTestId("review-price-hourly");
    expect(hourly).toHaveTextContent(
      "$30.00 per hour at 15 PTU ($2.00 per PTU-hour), billed whether used or not",
    );
    expect(within(hourly).getByText("$30.00 per hour").tagName).toBe("STRONG");
    expect(price()).toHaveTextContent("Retail prices of Nov 3, 2026");

    // Back to capacity: 25 PTU is another price.
    await user.click(screen.getByTestId("wizard-back"));
    await user.click(screen.getByTestId("wizard-back"));
    await atStep(3);
    await user.clear(screen.getByTestId("capacity-input"));
    await user.type(screen.getByTestId("capacity-input"), "25");
    await user.click(next());
    await user.click(next());
    await atStep(5);

    await waitFor(() =>
      expect(price()).toHaveTextContent("$50.00 per hour at 25 PTU ($2.00 per PTU-hour)"),
    );
    expect(
      callsTo(calls, "deployment_price").map((call) => [
        argOf(call.args, "modelName"),
        argOf(call.args, "skuName"),
        argOf(call.args, "capacity"),
      ]),
    ).toEqual([
      ["o3-mini", "ProvisionedManaged", 15],
      ["o3-mini", "ProvisionedManaged", 25],
    ]);
  });

  it("says why there is no price, muted, when it is unknown", async () => {
    const { user } = renderWizard({
      deployment_price: () =>
        samplePriceQuote({
          billing: "unknown",
          inputPerMillion: null,
          cachedInputPerMillion: null,
          outputPerMillion: null,
          asOf: null,
          unavailable: "No retail price is listed for gpt-4o GlobalStandard in eastus.",
        }),
    });
    await toReview(user);

    const reason = await within(price()).findByText(
      "No retail price is listed for gpt-4o GlobalStandard in eastus.",
    );
    expect(reason).toHaveClass("muted");
    expect(price()).not.toHaveTextContent("Retail prices of");
  });

  it("labels the last known prices as such when they could not be refreshed", async () => {
    const { user } = renderWizard({
      deployment_price: () =>
        samplePriceQuote({ asOf: "2026-10-01", offline: "prices.azure.com could not be reached" }),
    });
    await toReview(user);

    await waitFor(() =>
      expect(price()).toHaveTextContent(
        "Retail prices of Oct 1, 2026 (offline — last known prices: prices.azure.com could not be reached)",
      ),
    );
    expect(price()).toHaveTextContent("$2.50 per 1M input tokens");
  });

  it("never holds Create back while prices are looked up", async () => {
    const { user } = renderWizard({ deployment_price: () => never<PriceQuote>() });
    await toReview(user);

    expect(price()).toHaveTextContent("Looking up prices…");
    expect(price()).toHaveAttribute("aria-busy", "true");
    await waitFor(() => expect(screen.getByTestId("wizard-create")).toBeEnabled());
    expect(screen.getByTestId("review-request")).toBeVisible();
  });

  it("says a failed look-up in one muted line, and Create still works", async () => {
    const { user } = renderWizard({
      deployment_price: () => {
        throw commandError({ kind: "network", message: "prices.azure.com could not be reached." });
      },
    });
    await toReview(user);

    const line = await within(price()).findByText(/Prices could not be looked up/);
    expect(line).toHaveTextContent(
      "Prices could not be looked up: prices.azure.com could not be reached.",
    );
    expect(line).toHaveClass("muted");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId("wizard-create")).toBeEnabled());
  });
});
