import { act, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { PriceQuote } from "../../bindings";
import { samplePriceQuote } from "../../test/fixtures";
import { commandError } from "../../test/mockCommands";
import { pricesPrefix } from "../settings/settingsQueries";
import {
  answer,
  argOf,
  ask,
  callsTo,
  exchange,
  ready,
  renderPlayground,
} from "./screenTestKit";
import { gpt4oTarget } from "./testFixtures";

// The kit's answers report 25 prompt and 87 completion tokens: at $2.50 and $10.00 per million,
// 25 × 2.50 + 87 × 10.00 = 932.5 per million, $0.0009325 an answer.

function total() {
  return screen.getByTestId("conversation-cost");
}

const hourly = samplePriceQuote({
  billing: "hourly",
  inputPerMillion: null,
  cachedInputPerMillion: null,
  outputPerMillion: null,
  perUnitHour: 2,
  hourly: 30,
});

const unknown = samplePriceQuote({
  billing: "unknown",
  inputPerMillion: null,
  cachedInputPerMillion: null,
  outputPerMillion: null,
  asOf: null,
  unavailable: "an endpoint + key connection cannot tell its deployment's type.",
});

describe("playground: what answers cost", () => {
  it("estimates each answer and totals the conversation, asking for the prices once", async () => {
    const { user, server, calls } = renderPlayground();
    await ready();
    expect(screen.queryByTestId("conversation-cost")).not.toBeInTheDocument();

    await exchange(user, server, "Hello", "Hi there.");

    const [first] = await screen.findAllByTestId("answer-cost");
    expect(first).toHaveTextContent("≈ $0.00093");
    expect(screen.getByTestId("answer-facts")).toHaveTextContent(
      "25 prompt + 87 completion · finish stop · 99 requests / 39,900 tokens left · ≈ $0.00093",
    );
    expect(total()).toHaveTextContent(/^≈ \$0\.00093 for this conversation/);
    expect(total()).toHaveAttribute(
      "title",
      "$2.50 per 1M input tokens, $1.25 per 1M cached input tokens, $10.00 per 1M output tokens. " +
        "Retail prices of Nov 3, 2026",
    );

    await exchange(user, server, "And again?", "Hi again.");

    expect(screen.getAllByTestId("answer-cost")).toHaveLength(2);
    expect(total()).toHaveTextContent(/^≈ \$0\.0019 for this conversation/);
    const asked = callsTo(calls, "answer_price");
    expect(asked).toHaveLength(1);
    expect(argOf(asked[0]?.args, "target")).toEqual(gpt4oTarget.target);
  });

  it("leaves answers without token counts out of the total, and says so", async () => {
    const { user, server } = renderPlayground();
    await ready();
    await exchange(user, server, "Hello", "Hi there.");
    await ask(user, "Tell me more");
    const run = await server.run(1);
    // Stopped before Azure sent the usage.
    await run.finish(answer("Well…", { answer: { totalMs: 400 }, stopped: true }));

    await waitFor(() =>
      expect(total()).toHaveTextContent(
        "≈ $0.00093 for this conversation (not counting 1 answer without token counts)",
      ),
    );
    expect(screen.getAllByTestId("answer-cost")).toHaveLength(1);
  });

  it("labels prices that could not be refreshed", async () => {
    const { user, server } = renderPlayground({
      answer_price: () => samplePriceQuote({ offline: "prices.azure.com could not be reached" }),
    });
    await ready();
    await exchange(user, server, "Hello", "Hi there.");

    await waitFor(() => expect(total()).toHaveTextContent("offline prices"));
    expect(total().getAttribute("title")).toContain(
      "Retail prices of Nov 3, 2026 (offline — last known prices: prices.azure.com could not be reached)",
    );
  });

  it("says once that a provisioned deployment is billed per hour, with no cost per answer", async () => {
    const { user, server } = renderPlayground({ answer_price: () => hourly });
    await ready();
    await exchange(user, server, "Hello", "Hi there.");
    await exchange(user, server, "And again?", "Hi again.");

    await waitFor(() =>
      expect(total()).toHaveTextContent(/^Provisioned: billed per hour, not per answer/),
    );
    expect(screen.getAllByTestId("conversation-cost")).toHaveLength(1);
    expect(total().getAttribute("title")).toBe("$2.00 per PTU-hour. Retail prices of Nov 3, 2026");
    expect(screen.queryByTestId("answer-cost")).not.toBeInTheDocument();
  });

  it("says why the cost is unknown, muted, and shows none per answer", async () => {
    const { user, server } = renderPlayground({ answer_price: () => unknown });
    await ready();
    await exchange(user, server, "Hello", "Hi there.");

    await waitFor(() =>
      expect(total()).toHaveTextContent(
        "Cost unknown: an endpoint + key connection cannot tell its deployment's type.",
      ),
    );
    expect(total()).toHaveClass("muted");
    expect(screen.queryByTestId("answer-cost")).not.toBeInTheDocument();
  });

  it("says a failed look-up the same way, without asking again and again", async () => {
    const { user, server, calls } = renderPlayground({
      answer_price: () => {
        throw commandError({ kind: "network", message: "prices.azure.com could not be reached." });
      },
    });
    await ready();
    await exchange(user, server, "Hello", "Hi there.");
    await exchange(user, server, "And again?", "Hi again.");

    await waitFor(() =>
      expect(total()).toHaveTextContent("Cost unknown: prices.azure.com could not be reached."),
    );
    expect(screen.queryByTestId("answer-cost")).not.toBeInTheDocument();
    expect(callsTo(calls, "answer_price")).toHaveLength(1);
  });

  it("asks again when prices are refreshed (another currency was saved)", async () => {
    let quote: PriceQuote = samplePriceQuote();
    const { user, server, queryClient } = renderPlayground({ answer_price: () => quote });
    await ready();
    await exchange(user, server, "Hello", "Hi there.");
    await waitFor(() => expect(total()).toHaveTextContent("≈ $0.00093"));

    quote = samplePriceQuote({ currency: "EUR" });
    await act(() => queryClient.invalidateQueries({ queryKey: pricesPrefix }));

    await waitFor(() => expect(total()).toHaveTextContent("≈ €0.00093 for this conversation"));
    expect(screen.getByTestId("answer-cost")).toHaveTextContent("≈ €0.00093");
  });
});
