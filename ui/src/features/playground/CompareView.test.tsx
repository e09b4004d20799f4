import type { Channel } from "@tauri-apps/api/core";
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type {
  ChatProblem,
  PlaygroundEvent,
  PlaygroundTarget,
  SendOutcome,
  SendRequest,
} from "../../bindings";
import { samplePriceQuote } from "../../test/fixtures";
import { mockCommands } from "../../test/mockCommands";
import { renderWithQueries } from "../../test/render";
import { CompareView } from "./CompareView";
import { targetKey } from "./TargetPicker";
import {
  argsOf,
  gpt4oTarget,
  o4miniTarget,
  sampleParameters,
  targetsFixture,
} from "./testFixtures";

/** One send_chat call held open: its request, its channel, and how to end it. */
type Held = {
  request: SendRequest;
  events: Channel<PlaygroundEvent>;
  finish: (outcome: SendOutcome) => void;
};

const parameters = sampleParameters({ temperature: 0.3, maxTokens: 400 });

function renderCompare(first: PlaygroundTarget | null = gpt4oTarget) {
  const user = userEvent.setup();
  const held: Held[] = [];
  const calls = mockCommands({
    playground_targets: () => targetsFixture,
    send_chat: (args) => {
      const { request, events } = args as {
        request: SendRequest;
        events: Channel<PlaygroundEvent>;
      };
      return new Promise<SendOutcome>((resolve) => {
        held.push({ request, events, finish: resolve });
      });
    },
    stop_chat: () => true,
    answer_price: () => samplePriceQuote(),
  });
  const onClose = vi.fn<() => void>();
  renderWithQueries(<CompareView first={first} parameters={parameters} onClose={onClose} />);
  return { user, calls, held, onClose };
}

const columns = () => screen.getAllByTestId("compare-column");
const answerIn = (index: number) => {
  const column = columns()[index];
  if (column === undefined) throw new Error(`no column ${index}`);
  return within(column).getByTestId("compare-answer");
};
const picker = (index: number) => screen.getByTestId<HTMLSelectElement>(`compare-target-${index}`);
const o4miniOption = "o4-mini — o4-mini 2025-04-16 (contoso-ai-swedencentral)";

function answered(content: string): SendOutcome {
  return {
    message: {
      id: "m-answer",
      role: "assistant",
      content,
      incomplete: false,
      answer: {
        timeToFirstTokenMs: 180,
        totalMs: 900,
        promptTokens: 12,
        completionTokens: 9,
        finishReason: "stop",
        requestId: "req-41d9",
      },
    },
    problem: null,
    stopped: false,
  };
}

const throttled: ChatProblem = {
  kind: "throttled",
  title: "The deployment's rate limit was reached.",
  action: "Wait 12 seconds, then retry. Nothing was billed.",
  code: "429",
  message: "Requests to the ChatCompletions_Create Operation have exceeded the rate limit.",
  status: 429,
  requestId: "req-77aa",
  retryAfterSecs: 12,
  categories: [],
};

/** Both columns on a deployment, the question typed. */
async function ready(user: ReturnType<typeof userEvent.setup>, question: string) {
  await waitFor(() => expect(picker(1)).toBeEnabled());
  await user.selectOptions(picker(1), o4miniOption);
  await user.type(screen.getByTestId("compare-input"), question);
}

describe("CompareView", () => {
  it("starts with two columns, the first on the playground's deployment", async () => {
    const { user } = renderCompare();
    expect(columns()).toHaveLength(2);
    await waitFor(() => expect(picker(0)).toBeEnabled());
    expect(picker(0)).toHaveValue(targetKey(gpt4oTarget.target));
    expect(picker(1)).toHaveDisplayValue("Choose a deployment…");

    await user.type(screen.getByTestId("compare-input"), "Hello");
    expect(screen.getByTestId("compare-send")).toBeDisabled();
    expect(screen.getByTestId("compare-hint")).toHaveTextContent(
      "Choose a deployment in every column.",
    );
  });

  it("sends the same question to every column, each streaming into its own", async () => {
    const { user, calls, held } = renderCompare();
    await ready(user, "Name three rivers.");

    await user.click(screen.getByTestId("compare-send"));

    const sent = argsOf(calls, "send_chat").map((args) => args.request as SendRequest);
    expect(sent).toHaveLength(2);
    expect(sent.map((request) => request.target)).toEqual([
      gpt4oTarget.target,
      o4miniTarget.target,
    ]);
    expect(sent[0]?.messages).toEqual([
      { id: expect.any(String), role: "user", content: "Name three rivers." },
    ]);
    expect(sent[1]?.messages).toEqual(sent[0]?.messages);
    expect(sent.map((request) => request.parameters)).toEqual([parameters, parameters]);
    expect(sent[0]?.runId).not.toBe(sent[1]?.runId);
    expect(screen.getByTestId("compare-question")).toHaveTextContent("Name three rivers.");
    expect(screen.getByTestId("compare-send")).toBeDisabled();
    expect(screen.getByTestId("compare-stop")).toBeEnabled();

    act(() => held[0]?.events.onmessage({ type: "delta", text: "The **Nile**" }));
    await waitFor(() => expect(answerIn(0)).toHaveTextContent("The Nile"));
    expect(answerIn(1)).not.toHaveTextContent("Nile");

    act(() => held[1]?.events.onmessage({ type: "delta", text: "Amazon, " }));
    act(() => held[1]?.events.onmessage({ type: "delta", text: "Yangtze" }));
    await waitFor(() => expect(answerIn(1)).toHaveTextContent("Amazon, Yangtze"));
    expect(answerIn(0)).not.toHaveTextContent("Amazon");

    await act(async () => held[0]?.finish(answered("The **Nile**, the Amazon and the Yangtze.")));
    await waitFor(() =>
      expect(within(answerIn(0)).getByTestId("answer-facts")).toHaveTextContent("req-41d9"),
    );
    expect(answerIn(0)).toHaveTextContent("The Nile, the Amazon and the Yangtze.");
    // At gpt-4o's prices: 12 × $2.50 + 9 × $10.00 per million tokens.
    expect(within(answerIn(0)).getByTestId("answer-cost")).toHaveTextContent("≈ $0.00012");
    // The other column is still streaming.
    expect(screen.getByTestId("compare-stop")).toBeEnabled();

    await act(async () => held[1]?.finish({ message: null, problem: throttled, stopped: false }));
    expect(await within(answerIn(1)).findByTestId("problem")).toHaveTextContent(
      "The deployment's rate limit was reached.",
    );
    expect(within(answerIn(1)).queryByTestId("answer-facts")).not.toBeInTheDocument();
    expect(screen.getByTestId("compare-stop")).toBeDisabled();
    expect(screen.getByTestId("compare-send")).toBeEnabled();
  });

  it("sends with Ctrl+Enter, and stops every answer at once", async () => {
    const { user, calls } = renderCompare();
    await ready(user, "Count to a thousand.");

    await user.keyboard("{Control>}{Enter}{/Control}");

    const runIds = argsOf(calls, "send_chat").map((args) => (args.request as SendRequest).runId);
    expect(runIds).toHaveLength(2);
    await user.click(screen.getByTestId("compare-stop"));
    expect(argsOf(calls, "stop_chat")).toEqual(runIds.map((runId) => ({ runId })));
  });

  it("adds a third column, at most, and removes one", async () => {
    const { user } = renderCompare();
    await waitFor(() => expect(picker(1)).toBeEnabled());
    expect(screen.queryByTestId("compare-remove")).not.toBeInTheDocument();

    await user.click(screen.getByTestId("compare-add"));

    expect(columns()).toHaveLength(3);
    expect(screen.getByTestId("compare-add")).toBeDisabled();
    await waitFor(() => expect(picker(2)).toBeEnabled());
    expect(picker(2)).toHaveDisplayValue("Choose a deployment…");
    expect(screen.getByLabelText("Deployment 3")).toBe(picker(2));

    await user.selectOptions(picker(1), o4miniOption);
    const second = columns()[1];
    if (second === undefined) throw new Error("no second column");
    await user.click(within(second).getByTestId("compare-remove"));

    expect(columns()).toHaveLength(2);
    // The third moved up; the one removed (o4-mini) is gone.
    expect(picker(1)).toHaveDisplayValue("Choose a deployment…");
    expect(screen.getByTestId("compare-add")).toBeEnabled();
  });

  it("stops what is streaming when closed", async () => {
    const { user, calls, onClose } = renderCompare();
    await ready(user, "Tell me a long story.");
    await user.click(screen.getByTestId("compare-send"));

    await user.click(screen.getByTestId("compare-close"));

    expect(onClose).toHaveBeenCalledOnce();
    expect(argsOf(calls, "stop_chat")).toHaveLength(2);
  });

  it("refuses to send parameters that are out of range", async () => {
    const user = userEvent.setup();
    mockCommands({
      playground_targets: () => targetsFixture,
      answer_price: () => samplePriceQuote(),
    });
    renderWithQueries(
      <CompareView
        first={gpt4oTarget}
        parameters={sampleParameters({ temperature: 3 })}
        onClose={() => undefined}
      />,
    );
    await ready(user, "Hi");
    expect(screen.getByTestId("compare-send")).toBeDisabled();
    expect(screen.getByTestId("compare-hint")).toHaveTextContent(
      "Fix the parameters first: Temperature must be between 0 and 2 (for gpt-4o).",
    );
  });

  it("checks each column by its own model: a reasoning model ignores the temperature", async () => {
    const user = userEvent.setup();
    mockCommands({
      playground_targets: () => targetsFixture,
      answer_price: () => samplePriceQuote(),
    });
    renderWithQueries(
      <CompareView
        first={o4miniTarget}
        parameters={sampleParameters({ temperature: 3, maxTokens: 0 })}
        onClose={() => undefined}
      />,
    );
    await ready(user, "Hi");
    // o4-mini takes no temperature (it is not sent), but every model takes a length limit.
    expect(screen.getByTestId("compare-send")).toBeDisabled();
    expect(screen.getByTestId("compare-hint")).toHaveTextContent(
      "Fix the parameters first: The length limit must be a whole number from 1 to 4294967295.",
    );
  });

  it("sends to two reasoning models though the hidden temperature is out of range", async () => {
    const user = userEvent.setup();
    mockCommands({
      playground_targets: () => targetsFixture,
      answer_price: () => samplePriceQuote(),
      send_chat: () => new Promise<SendOutcome>(() => undefined),
      stop_chat: () => true,
    });
    renderWithQueries(
      <CompareView
        first={o4miniTarget}
        parameters={sampleParameters({ temperature: 3 })}
        onClose={() => undefined}
      />,
    );
    await waitFor(() => expect(picker(1)).toBeEnabled());
    await user.selectOptions(picker(1), "gpt-4o — gpt-4o 2024-11-20 (contoso-openai-eastus)");
    await user.type(screen.getByTestId("compare-input"), "Hi");
    // gpt-4o does take a temperature: that column holds the question back, and says so.
    expect(screen.getByTestId("compare-send")).toBeDisabled();
    expect(screen.getByTestId("compare-hint")).toHaveTextContent(
      "Fix the parameters first: Temperature must be between 0 and 2 (for gpt-4o).",
    );

    await user.selectOptions(picker(1), o4miniOption);

    expect(screen.getByTestId("compare-send")).toBeEnabled();
    await user.click(screen.getByTestId("compare-send"));
    expect(screen.getByTestId("compare-stop")).toBeEnabled();
  });
});
