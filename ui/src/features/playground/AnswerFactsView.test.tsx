import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { samplePriceQuote } from "../../test/fixtures";
import { AnswerFactsView } from "./AnswerFactsView";

describe("AnswerFactsView", () => {
  it("says everything Azure reported on one line, with the request id to copy", async () => {
    const user = userEvent.setup();
    const requestId = "abc12345-6789-4def-8123-456789abcdef";
    render(
      <AnswerFactsView
        facts={{
          timeToFirstTokenMs: 312,
          totalMs: 1840,
          tokensPerSecond: 48,
          promptTokens: 25,
          completionTokens: 87,
          reasoningTokens: 64,
          cachedTokens: 0,
          finishReason: "stop",
          remainingRequests: 99,
          remainingTokens: 39_900,
          requestId,
          servedModel: "gpt-4o-2024-11-20",
          adjustments: ["temperature: not sent: o4-mini takes only the default"],
          filterNotes: ["prompt: violence low", "answer: hate medium"],
        }}
      />,
    );

    const facts = screen.getByTestId("answer-facts");
    expect(facts).toHaveTextContent(
      "first token 312 ms · 1.84 s · 48 tok/s · 25 prompt + 87 completion (reasoning 64, " +
        "cached 0) · finish stop · 99 requests / 39,900 tokens left · request id abc12345…",
    );
    expect(screen.getByTestId("served-model")).toHaveTextContent("gpt-4o-2024-11-20");
    expect(facts).toHaveTextContent("temperature: not sent: o4-mini takes only the default");
    expect(screen.getByTestId("filter-notes")).toHaveTextContent(
      "Content filter — prompt: violence low answer: hate medium",
    );

    await user.click(screen.getByTestId("copy-request-id"));
    expect(await navigator.clipboard.readText()).toBe(requestId);
  });

  it("leaves out what Azure did not say", () => {
    render(<AnswerFactsView facts={{ totalMs: 640, completionTokens: 4, finishReason: null }} />);

    expect(screen.getByTestId("answer-facts")).toHaveTextContent(/^640 ms · 4 completion$/);
    expect(screen.queryByTestId("copy-request-id")).not.toBeInTheDocument();
    expect(screen.queryByTestId("filter-notes")).not.toBeInTheDocument();
    expect(screen.queryByTestId("served-model")).not.toBeInTheDocument();
  });

  it("ends the line with the estimated cost when the prices are known", () => {
    const usage = { promptTokens: 1000, cachedTokens: 400, completionTokens: 200 };
    const { rerender } = render(<AnswerFactsView facts={usage} quote={samplePriceQuote()} />);

    // 600 × $2.50 + 400 × $1.25 + 200 × $10.00 per million tokens.
    expect(screen.getByTestId("answer-facts")).toHaveTextContent(
      /^1,000 prompt \+ 200 completion \(cached 400\) · ≈ \$0\.004$/,
    );
    expect(screen.getByTestId("answer-cost")).toHaveAttribute(
      "title",
      "Estimated from the token counts. Retail prices of Nov 3, 2026",
    );

    // Billed per hour, or no price: no cost per answer.
    rerender(<AnswerFactsView facts={usage} quote={samplePriceQuote({ billing: "hourly" })} />);
    expect(screen.queryByTestId("answer-cost")).not.toBeInTheDocument();
    rerender(<AnswerFactsView facts={usage} quote={samplePriceQuote({ billing: "unknown" })} />);
    expect(screen.queryByTestId("answer-cost")).not.toBeInTheDocument();
  });

  it("shows nothing when there is nothing to say", () => {
    const { container } = render(<AnswerFactsView facts={{ adjustments: [], filterNotes: [] }} />);
    expect(container).toBeEmptyDOMElement();
  });
});
