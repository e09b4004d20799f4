import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ChatProblem, Conversation } from "../../bindings";
import { commandError, mockCommands } from "../../test/mockCommands";
import { renderWithQueries } from "../../test/render";
import { PlaygroundScreen } from "./PlaygroundScreen";
import {
  answer,
  argOf,
  ask,
  callsTo,
  chatServer,
  exchange,
  facts,
  gpt4oRoute,
  input,
  messages,
  problemOutcome,
  ready,
  renderPlayground,
  savedConversations,
  summaryOf,
  transcript,
} from "./screenTestKit";
import {
  gpt4oTarget,
  o4miniTarget,
  rulesChat,
  sampleConversation,
  sampleSummaries,
  targetsFixture,
} from "./testFixtures";

afterEach(() => {
  vi.useRealTimers();
});

describe("playground: choosing a deployment", () => {
  it("opens on the deployment a link names, with its model line and rules", async () => {
    renderPlayground();

    expect(await screen.findByRole("heading", { level: 1, name: "Playground" })).toBeVisible();
    await ready();
    expect(screen.getByTestId("playground-model")).toHaveTextContent(
      "gpt-4o 2024-11-20 · contoso-openai-eastus · Sandbox",
    );
    const picker = screen.getByTestId<HTMLSelectElement>("target-picker");
    expect(picker.selectedOptions[0]).toHaveTextContent("gpt-4o");
    expect(screen.getByTestId("params-panel")).toBeVisible();
    expect(screen.getByTestId("simulate-menu")).toBeVisible();
    expect(screen.queryByTestId("playground-target")).not.toBeInTheDocument();
  });

  it("matches the endpoint a link names too", async () => {
    renderPlayground(
      {},
      "#/playground?profile=sandbox&deployment=o4-mini&endpoint=" +
        encodeURIComponent("https://contoso-ai-swedencentral.cognitiveservices.azure.com/"),
    );
    await ready();
    expect(screen.getByTestId("playground-model")).toHaveTextContent(
      "o4-mini 2025-04-16 · contoso-ai-swedencentral · Sandbox",
    );
  });

  it("chooses nothing when the link's deployment is not listed, and says so", async () => {
    const { calls } = renderPlayground(
      {},
      "#/playground?profile=sandbox&deployment=gpt-4o&endpoint=https%3A%2F%2Fx",
    );

    expect(await screen.findByTestId("playground-target")).toHaveTextContent(
      "Ready to try gpt-4o",
    );
    await waitFor(() =>
      expect(screen.getByTestId("playground-target")).toHaveTextContent(
        "gpt-4o is not among the chat deployments listed now",
      ),
    );
    expect(screen.queryByTestId("playground-model")).not.toBeInTheDocument();
    expect(screen.getByText("Pick a deployment to start")).toBeVisible();
    expect(screen.getByTestId("send-button")).toBeDisabled();
    expect(screen.getByTestId("send-blocked")).toHaveTextContent("Pick a deployment first.");
    // The list was read once more for the link, and no more.
    expect(callsTo(calls, "playground_targets")).toHaveLength(2);
  });

  it("reads the list again when a link names a deployment created a moment ago", async () => {
    const created = {
      ...gpt4oTarget,
      target: { ...gpt4oTarget.target, deployment: "gpt-4o-new" },
    };
    const [sandbox, work] = targetsFixture;
    if (sandbox === undefined || work === undefined) throw new Error("no fixture");
    let reads = 0;
    const { calls } = renderPlayground(
      {
        // Cached before the deployment was made; read again, it is there.
        playground_targets: () => {
          reads += 1;
          return reads === 1
            ? targetsFixture
            : [{ ...sandbox, targets: [...sandbox.targets, created] }, work];
        },
      },
      "#/playground?profile=sandbox&deployment=gpt-4o-new",
    );

    await waitFor(() =>
      expect(screen.getByTestId("playground-model")).toHaveTextContent("gpt-4o 2024-11-20"),
    );
    const picker = screen.getByTestId<HTMLSelectElement>("target-picker");
    expect(picker.selectedOptions[0]).toHaveTextContent("gpt-4o-new");
    expect(screen.queryByTestId("playground-target")).not.toBeInTheDocument();
    expect(callsTo(calls, "playground_targets")).toHaveLength(2);
  });

  it("asks for a deployment when opened from the sidebar, then takes the one picked", async () => {
    const { user } = renderPlayground({}, "#/playground");

    expect(await screen.findByText("Pick a deployment to start")).toBeVisible();
    expect(screen.getByTestId("view-code-button")).toBeDisabled();
    await user.selectOptions(
      screen.getByTestId("target-picker"),
      screen.getByRole("option", { name: /^o4-mini/ }),
    );

    expect(screen.getByTestId("playground-model")).toHaveTextContent("o4-mini 2025-04-16");
    expect(screen.queryByText("Pick a deployment to start")).not.toBeInTheDocument();
    expect(screen.getByTestId("conversation-empty")).toBeVisible();
  });

  it("says where to create one when no profile has a chat deployment", async () => {
    renderPlayground(
      {
        playground_targets: () => [
          { profileId: "sandbox", profileName: "Sandbox", targets: [], problem: null },
          {
            profileId: "acct-work",
            profileName: "Work",
            targets: [],
            problem: "'Work' is signed out: sign in on the Connections screen.",
          },
        ],
      },
      "#/playground",
    );

    const empty = await screen.findByTestId("no-deployments");
    expect(empty).toHaveTextContent(
      "No chat deployments yet — create one on the Deployments screen",
    );
    expect(within(empty).getByRole("link", { name: "Deployments screen" })).toHaveAttribute(
      "href",
      "#/deployments",
    );
    expect(screen.getAllByText("'Work' is signed out: sign in on the Connections screen.")).not
      .toHaveLength(0);
  });

  it("says why the deployments could not be listed, and tries again", async () => {
    let attempts = 0;
    renderPlayground(
      {
        playground_targets: () => {
          attempts += 1;
          if (attempts === 1) {
            throw commandError({ kind: "settings", message: "profiles.json is unreadable" });
          }
          return targetsFixture;
        },
      },
      "#/playground",
    );

    const notice = await screen.findByText("Couldn’t list the deployments to try");
    const alert = notice.closest(".error-notice") as HTMLElement;
    expect(alert).toHaveTextContent("profiles.json is unreadable");
    await userEvent.click(within(alert).getByRole("button", { name: "Try again" }));

    expect(await screen.findByText("Pick a deployment to start")).toBeVisible();
  });

  it("keeps the messages when the deployment changes, and takes the new one's rules", async () => {
    const { user, server } = renderPlayground();
    await ready();
    await exchange(user, server, "Hello", "Hi there.");

    await user.selectOptions(
      screen.getByTestId("target-picker"),
      screen.getByRole("option", { name: /^o4-mini/ }),
    );

    expect(transcript()).toEqual(["user: Hello", "assistant: Hi there."]);
    expect(screen.getByTestId("playground-model")).toHaveTextContent("o4-mini");
    // o4-mini is a reasoning model: its panel hides the sampling parameters.
    expect(screen.getByTestId("params-hidden")).toHaveTextContent("temperature");

    await ask(user, "And you?");
    const run = await server.run(1);
    expect(run.request.target).toEqual(o4miniTarget.target);
    expect(run.request.messages.map((message) => message.content)).toEqual([
      "Hello",
      "Hi there.",
      "And you?",
    ]);
  });
});

describe("playground: sending", () => {
  it("streams the answer as it arrives, then shows the final text and its facts", async () => {
    const { user, calls, server } = renderPlayground();
    await ready();
    expect(screen.getByTestId("send-button")).toBeDisabled();

    await ask(user, "What is the capital of France?");

    expect(input()).toHaveValue("");
    expect(input()).toHaveFocus();
    const run = await server.run(0);
    expect(run.request).toEqual({
      runId: expect.stringMatching(/^run-/),
      target: gpt4oTarget.target,
      parameters: expect.objectContaining({ systemMessage: "", temperature: null }),
      messages: [
        {
          id: expect.stringMatching(/^m-/),
          role: "user",
          content: "What is the capital of France?",
        },
      ],
    });
    const log = screen.getByRole("log", { name: "Conversation" });
    expect(log).toHaveAttribute("aria-busy", "true");
    expect(screen.getByText("Waiting for the first token…")).toBeVisible();
    expect(screen.getByTestId("stop-button")).toBeVisible();
    expect(screen.queryByTestId("send-button")).not.toBeInTheDocument();

    run.push({
      type: "opened",
      requestId: "req-answer-1",
      remainingRequests: 99,
      remainingTokens: 39_900,
      adjustments: [],
    });
    run.push({ type: "delta", text: "The capital is " });
    expect(await screen.findByText("The capital is")).toBeVisible();
    // What is known already shows under the answer as it streams.
    const streamingAnswer = screen.getByRole("article", { name: "Answer" });
    expect(within(streamingAnswer).getByTestId("streaming-facts")).toHaveTextContent(
      "request id req-answer-1",
    );
    run.push({ type: "filter", notes: ["answer: violence low"] });
    expect(within(streamingAnswer).getByTestId("filter-notes")).toHaveTextContent(
      "Content filter — answer: violence low",
    );
    expect(screen.queryByText("Waiting for the first token…")).not.toBeInTheDocument();
    // Half a Markdown mark shows as typed until its other half arrives.
    run.push({ type: "delta", text: "**Par" });
    expect(await screen.findByText("The capital is **Par")).toBeVisible();
    run.push({ type: "delta", text: "is**" });
    expect((await screen.findByText("Paris")).tagName).toBe("STRONG");
    // Nothing is saved mid-answer.
    expect(callsTo(calls, "save_conversation")).toEqual([]);

    await run.finish(answer("The capital is **Paris**."));

    expect(await screen.findByTestId("answer-facts")).toHaveTextContent(
      "first token 312 ms · 1.84 s · 48 tok/s · 25 prompt + 87 completion · finish stop",
    );
    expect(transcript()).toEqual([
      "user: What is the capital of France?",
      "assistant: The capital is Paris.",
    ]);
    expect(log).not.toHaveAttribute("aria-busy");
    expect(screen.getByTestId("send-button")).toBeVisible();
    expect(screen.queryByTestId("message-incomplete")).not.toBeInTheDocument();
  });

  it("saves the conversation after each answer, titled from the question", async () => {
    const { user, calls, server } = renderPlayground();
    await ready();
    await exchange(user, server, "What is the capital of France?\nBe brief.", "Paris.");

    await waitFor(() => expect(savedConversations(calls)).toHaveLength(1));
    const [saved] = savedConversations(calls);
    expect(saved).toEqual({
      id: expect.stringMatching(/^c-[a-z0-9-]+$/),
      title: "What is the capital of France?",
      target: gpt4oTarget.target,
      parameters: expect.objectContaining({ pastMessages: 10 }),
      messages: [
        expect.objectContaining({
          role: "user",
          content: "What is the capital of France?\nBe brief.",
        }),
        expect.objectContaining({ role: "assistant", content: "Paris.", answer: facts }),
      ],
      createdAtMs: expect.any(Number),
      updatedAtMs: expect.any(Number),
    });

    await exchange(user, server, "And Italy?", "Rome.");
    await waitFor(() => expect(savedConversations(calls)).toHaveLength(2));
    const second = savedConversations(calls)[1];
    expect(second?.id).toBe(saved?.id);
    expect(second?.createdAtMs).toBe(saved?.createdAtMs);
    expect(second?.messages).toHaveLength(4);
  });

  it("sends with Ctrl+Enter or Cmd+Enter, never with Enter alone", async () => {
    const { user, server } = renderPlayground();
    await ready();

    await user.type(input(), "Line one{Enter}line two");
    expect(server.runs).toHaveLength(0);
    await user.keyboard("{Control>}{Enter}{/Control}");

    const run = await server.run(0);
    expect(run.request.messages[0]?.content).toBe("Line one\nline two");
    await run.finish(answer("Yes."));
    await screen.findByText("Yes.");

    await user.type(input(), "Again");
    await user.keyboard("{Meta>}{Enter}{/Meta}");
    await server.run(1);
  });

  it("stops with the Stop button: the partial answer stays, marked Stopped, saved", async () => {
    const { user, calls, server } = renderPlayground();
    await ready();
    await ask(user, "Tell me a long story");
    const run = await server.run(0);
    run.push({ type: "delta", text: "Once upon a time" });
    await screen.findByText("Once upon a time");

    await user.click(screen.getByTestId("stop-button"));

    expect(callsTo(calls, "stop_chat").map((call) => call.args)).toEqual([
      { runId: run.request.runId },
    ]);
    await run.finish({
      ...answer("Once upon a time", { incomplete: true, answer: { ...facts, finishReason: null } }),
      stopped: true,
    });
    expect(await screen.findByTestId("message-incomplete")).toHaveTextContent("Stopped");
    expect(transcript()).toEqual(["user: Tell me a long story", "assistant: Once upon a time"]);
    await waitFor(() => expect(savedConversations(calls)).toHaveLength(1));
    expect(savedConversations(calls)[0]?.messages?.[1]).toMatchObject({
      content: "Once upon a time",
      incomplete: true,
      stopped: true,
    });
  });

  it("stops with Esc from anywhere, and says so when no text had arrived", async () => {
    const { user, calls, server } = renderPlayground();
    await ready();
    await ask(user, "Hello?");
    const run = await server.run(0);
    await user.click(screen.getByRole("heading", { level: 1, name: "Playground" }));

    await user.keyboard("{Escape}");

    expect(callsTo(calls, "stop_chat").map((call) => call.args)).toEqual([
      { runId: run.request.runId },
    ]);
    await run.finish({ message: null, problem: null, stopped: true });
    expect(await screen.findByTestId("stopped-note")).toHaveTextContent(
      "Stopped before any text arrived",
    );
    // The question stays.
    expect(transcript()).toEqual(["user: Hello?"]);
  });

  it("marks an answer cut off by the connection, and offers to retry it", async () => {
    const { user, server } = renderPlayground();
    await ready();
    await ask(user, "Count to ten");
    const run = await server.run(0);
    await run.finish({
      message: {
        id: "m-cut",
        role: "assistant",
        content: "1, 2, 3,",
        incomplete: true,
        answer: { ...facts, finishReason: null },
      },
      problem: problemOutcome({ kind: "cut", title: "The answer broke off" }).problem,
      stopped: false,
    });

    expect(await screen.findByTestId("message-incomplete")).toHaveTextContent(
      "Incomplete — the answer was cut off",
    );
    await user.click(within(screen.getByTestId("problem")).getByTestId("retry-button"));

    const retry = await server.run(1);
    // The same question, without the broken answer, and no new question.
    expect(retry.request.messages).toEqual(run.request.messages);
    // What arrived stays in sight until the new answer replaces it.
    expect(transcript()).toEqual([
      "user: Count to ten",
      "assistant: 1, 2, 3,",
      "assistant: Waiting for the first token…",
    ]);
    expect(screen.queryByTestId("problem")).not.toBeInTheDocument();

    await retry.finish(answer("1, 2, 3, 4, 5, 6, 7, 8, 9, 10."));
    await waitFor(() =>
      expect(transcript()).toEqual([
        "user: Count to ten",
        "assistant: 1, 2, 3, 4, 5, 6, 7, 8, 9, 10.",
      ]),
    );
    expect(screen.queryByTestId("message-incomplete")).not.toBeInTheDocument();
  });

  it("keeps a cut answer when its retry brings no new answer", async () => {
    const { user, calls, server } = renderPlayground();
    await ready();
    await ask(user, "Count to ten");
    const run = await server.run(0);
    await run.finish({
      message: {
        id: "m-cut",
        role: "assistant",
        content: "1, 2, 3,",
        incomplete: true,
        answer: { ...facts, finishReason: null },
      },
      problem: problemOutcome({ kind: "cut", title: "The answer broke off" }).problem,
      stopped: false,
    });
    await waitFor(() => expect(savedConversations(calls)).toHaveLength(1));
    await user.click(within(screen.getByTestId("problem")).getByTestId("retry-button"));
    const retry = await server.run(1);

    await retry.finish(
      problemOutcome({ kind: "network", title: "The connection to Azure dropped" }),
    );

    expect(await screen.findByTestId("problem")).toHaveAttribute("data-kind", "network");
    expect(transcript()).toEqual(["user: Count to ten", "assistant: 1, 2, 3,"]);
    expect(screen.getByTestId("message-incomplete")).toHaveTextContent("cut off");
    await waitFor(() => expect(savedConversations(calls)).toHaveLength(2));
    expect(savedConversations(calls)[1]?.messages?.map((message) => message.content)).toEqual([
      "Count to ten",
      "1, 2, 3,",
    ]);
  });

  it("keeps and saves the question when the send itself fails", async () => {
    const { user, calls, server } = renderPlayground();
    await ready();
    await ask(user, "Are you there?");
    const run = await server.run(0);

    await run.fail(
      commandError({ kind: "internal", message: "the conversation store is read-only" }),
    );

    const notice = await screen.findByText("The question could not be sent");
    expect(notice.closest(".error-notice")).toHaveTextContent(
      "the conversation store is read-only",
    );
    expect(transcript()).toEqual(["user: Are you there?"]);
    await waitFor(() => expect(savedConversations(calls)).toHaveLength(1));
    expect(savedConversations(calls)[0]?.messages).toEqual([
      expect.objectContaining({ role: "user", content: "Are you there?" }),
    ]);
  });

  it("holds the send back while a parameter is out of range, and says why", async () => {
    const { user } = renderPlayground();
    await ready();
    await user.type(input(), "Hi");
    expect(screen.getByTestId("send-button")).toBeEnabled();

    await user.type(screen.getByTestId("param-temperature"), "5");

    expect(screen.getByTestId("send-button")).toBeDisabled();
    expect(screen.getByTestId("send-blocked")).toHaveTextContent(
      "Fix the parameters first: Temperature must be between 0 and 2.",
    );
    await user.clear(screen.getByTestId("param-temperature"));
    expect(screen.getByTestId("send-button")).toBeEnabled();
  });
});

describe("playground: Azure's problems", () => {
  it("counts down a 429, enables Retry at zero, and never sends again by itself", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    window.location.hash = gpt4oRoute;
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const server = chatServer();
    const calls = mockCommands({
      playground_targets: () => targetsFixture,
      list_conversations: () => [],
      list_presets: () => [],
      save_conversation: (args) => summaryOf(argOf(args, "conversation") as Conversation),
      send_chat: server.reply,
    });
    renderWithQueries(<PlaygroundScreen />);
    await ready();
    await ask(user, "Hello");
    const run = await server.run(0);

    await run.finish(
      problemOutcome({
        kind: "throttled",
        title: "'gpt-4o' has reached its rate limit",
        action: "Wait for the countdown, then retry: nothing was billed.",
        code: "429",
        message: "Requests have exceeded call rate limit. Please retry after 11 seconds.",
        status: 429,
        requestId: "req-429",
        retryAfterSecs: 11,
      }),
    );

    const problem = await screen.findByTestId("problem");
    expect(problem).toHaveAttribute("data-kind", "throttled");
    expect(problem).toHaveTextContent("'gpt-4o' has reached its rate limit");
    expect(within(problem).getByTestId("retry-countdown")).toHaveTextContent("Retry in 11 s");
    expect(within(problem).getByTestId("retry-button")).toBeDisabled();

    act(() => vi.advanceTimersByTime(5000));
    expect(within(problem).getByTestId("retry-countdown")).toHaveTextContent("Retry in 6 s");
    expect(within(problem).getByTestId("retry-button")).toBeDisabled();
    act(() => vi.advanceTimersByTime(6000));
    expect(within(problem).getByTestId("retry-button")).toBeEnabled();
    act(() => vi.advanceTimersByTime(60_000));
    expect(callsTo(calls, "send_chat")).toHaveLength(1);
    // The question stays; nothing answered it.
    expect(transcript()).toEqual(["user: Hello"]);

    await user.click(within(problem).getByTestId("retry-button"));
    const retry = await server.run(1);
    expect(retry.request.messages).toEqual(run.request.messages);
    expect(transcript()).toEqual(["user: Hello", "assistant: Waiting for the first token…"]);
  });

  it("keeps counting a 429 down while the problem is out of sight in Compare", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const { server } = renderPlayground({}, gpt4oRoute, user);
    await ready();
    await ask(user, "Hello");
    const run = await server.run(0);
    await run.finish(
      problemOutcome({ kind: "throttled", status: 429, code: "429", retryAfterSecs: 11 }),
    );
    expect(await screen.findByTestId("retry-countdown")).toHaveTextContent("Retry in 11 s");
    act(() => vi.advanceTimersByTime(5000));
    expect(screen.getByTestId("retry-countdown")).toHaveTextContent("Retry in 6 s");

    await user.click(screen.getByTestId("compare-button"));
    expect(screen.queryByTestId("problem")).not.toBeInTheDocument();
    act(() => vi.advanceTimersByTime(2000));
    await user.click(screen.getByTestId("compare-button"));

    // Shown again, it goes on from where the wait is, not from the start.
    expect(screen.getByTestId("retry-countdown")).toHaveTextContent("Retry in 4 s");
    expect(screen.getByTestId("retry-button")).toBeDisabled();
    act(() => vi.advanceTimersByTime(4000));
    expect(screen.getByTestId("retry-button")).toBeEnabled();
    expect(server.runs).toHaveLength(1);
  });

  it("shows Azure's words for a missing, paused or filtered deployment: code and id", async () => {
    const { user, server } = renderPlayground();
    await ready();
    const problems: ChatProblem[] = [
      {
        ...problemOutcome({ kind: "notFound" }).problem!,
        title: "There is no deployment 'gpt-4o' at this endpoint",
        action: "Check the name on the Deployments screen, or pick another deployment.",
        code: "DeploymentNotFound",
        message: "The API deployment for this resource does not exist.",
        status: 404,
        requestId: "req-404",
      },
      {
        ...problemOutcome({ kind: "paused" }).problem!,
        title: "'gpt-4o' is paused",
        action: "Resume it on the Deployments screen.",
        code: "DeploymentPaused",
        message: "The deployment is paused.",
        status: 423,
        requestId: "req-423",
      },
      {
        ...problemOutcome({ kind: "promptFiltered" }).problem!,
        title: "The content filter blocked the prompt (violence)",
        action: "Rephrase the question: this one was billed and will not be sent again.",
        code: "content_filter",
        message: "The response was filtered due to the prompt triggering Azure's policy.",
        status: 400,
        requestId: "req-400",
        categories: ["violence"],
      },
    ];

    for (const [index, problem] of problems.entries()) {
      await ask(user, `Question ${index + 1}`);
      const run = await server.run(index);
      await run.finish({ message: null, problem, stopped: false });
      const shown = await screen.findByTestId("problem");
      await waitFor(() => expect(shown).toHaveAttribute("data-kind", problem.kind));
      expect(shown).toHaveTextContent(problem.title);
      expect(shown).toHaveTextContent(problem.action);
      expect(within(shown).getByTestId("problem-details")).toHaveTextContent(
        `${problem.code} · HTTP ${problem.status}${problem.message}` +
          `request id ${problem.requestId}`,
      );
    }
    expect(screen.getByTestId("problem")).toHaveTextContent("Categories: violence");
    expect(screen.queryByTestId("retry-button")).not.toBeInTheDocument();
    // Each question stays; only the last problem shows.
    expect(transcript()).toEqual(["user: Question 1", "user: Question 2", "user: Question 3"]);
    expect(screen.getAllByTestId("problem")).toHaveLength(1);
  });
});

describe("playground: changing the conversation", () => {
  it("regenerates the last answer: drops it and sends the same question again", async () => {
    const { user, calls, server } = renderPlayground();
    await ready();
    await exchange(user, server, "Name a colour", "Blue.");
    const first = await exchange(user, server, "Another one", "Red.");
    // Only the last answer offers Regenerate.
    expect(screen.getAllByTestId("regenerate-button")).toHaveLength(1);

    await user.click(screen.getByRole("button", { name: "Regenerate answer" }));

    const again = await server.run(2);
    expect(again.request.messages).toEqual(first.request.messages);
    expect(again.request.messages.map((message) => message.content)).toEqual([
      "Name a colour",
      "Blue.",
      "Another one",
    ]);
    expect(screen.queryByText("Red.")).not.toBeInTheDocument();
    await again.finish(answer("Green."));
    await screen.findByText("Green.");
    expect(transcript()).toEqual([
      "user: Name a colour",
      "assistant: Blue.",
      "user: Another one",
      "assistant: Green.",
    ]);
    await waitFor(() => expect(savedConversations(calls)).toHaveLength(3));
  });

  it("edits a question and resends it, dropping everything after it", async () => {
    const { user, server } = renderPlayground();
    await ready();
    await exchange(user, server, "Capital of Spain?", "Madrid.");
    await exchange(user, server, "And Portugal?", "Lisbon.");

    const [firstQuestion] = messages();
    const editButton = within(firstQuestion as HTMLElement).getByRole("button", {
      name: "Edit question",
    });
    await user.click(editButton);
    const edit = screen.getByTestId("edit-input");
    expect(edit).toHaveFocus();
    expect(edit).toHaveValue("Capital of Spain?");
    await user.clear(edit);
    await user.type(edit, "Capital of Italy?");
    await user.click(screen.getByTestId("resend-button"));

    const run = await server.run(2);
    expect(run.request.messages).toEqual([
      expect.objectContaining({
        id: server.runs[0]?.request.messages[0]?.id,
        role: "user",
        content: "Capital of Italy?",
      }),
    ]);
    expect(transcript()).toEqual([
      "user: Capital of Italy?",
      "assistant: Waiting for the first token…",
    ]);
  });

  it("cancels an edit without changing anything", async () => {
    const { user, server } = renderPlayground();
    await ready();
    await exchange(user, server, "Hi", "Hello.");

    await user.click(screen.getByRole("button", { name: "Edit question" }));
    await user.type(screen.getByTestId("edit-input"), " there");
    await user.click(screen.getByTestId("edit-cancel"));

    expect(transcript()).toEqual(["user: Hi", "assistant: Hello."]);
    expect(server.runs).toHaveLength(1);
  });

  it("deletes one message and saves what is left", async () => {
    const { user, calls, server } = renderPlayground();
    await ready();
    await exchange(user, server, "One", "First.");
    await exchange(user, server, "Two", "Second.");
    await waitFor(() => expect(savedConversations(calls)).toHaveLength(2));

    const firstAnswer = messages()[1] as HTMLElement;
    await user.click(within(firstAnswer).getByRole("button", { name: "Delete answer" }));

    expect(transcript()).toEqual(["user: One", "user: Two", "assistant: Second."]);
    await waitFor(() => expect(savedConversations(calls)).toHaveLength(3));
    expect(savedConversations(calls)[2]?.messages?.map((message) => message.content)).toEqual([
      "One",
      "Two",
      "Second.",
    ]);
  });

  it("copies an answer's Markdown as it was written", async () => {
    const { user, server } = renderPlayground();
    await ready();
    await exchange(user, server, "Bold?", "**Yes**, bold.");

    const reply = messages()[1] as HTMLElement;
    await user.click(within(reply).getByTestId("copy-message"));
    expect(await navigator.clipboard.readText()).toBe("**Yes**, bold.");
  });

  it("clears after a confirmation: a new empty conversation, same deployment", async () => {
    const { user, calls, server } = renderPlayground();
    await ready();
    await exchange(user, server, "Remember me", "Noted.");
    await waitFor(() => expect(savedConversations(calls)).toHaveLength(1));
    const firstId = savedConversations(calls)[0]?.id;

    await user.click(screen.getByTestId("clear-conversation"));
    await user.click(screen.getByTestId("clear-cancel"));
    expect(transcript()).toHaveLength(2);

    await user.click(screen.getByTestId("clear-conversation"));
    await user.click(screen.getByTestId("clear-confirm"));

    expect(messages()).toEqual([]);
    expect(screen.getByTestId("playground-model")).toHaveTextContent("gpt-4o 2024-11-20");
    expect(screen.getByTestId("clear-conversation")).toBeDisabled();
    // An empty conversation is not saved; the next one gets its own id.
    expect(savedConversations(calls)).toHaveLength(1);
    await exchange(user, server, "Fresh start", "OK.");
    await waitFor(() => expect(savedConversations(calls)).toHaveLength(2));
    expect(savedConversations(calls)[1]?.id).not.toBe(firstId);
    expect(server.runs[1]?.request.messages).toHaveLength(1);
  });
});

describe("playground: history and tools", () => {
  it("reopens a saved conversation with its title, and reads its model's rules", async () => {
    const unlisted: Conversation = {
      ...sampleConversation,
      id: "c-old",
      target: { ...sampleConversation.target, deployment: "gpt-4o-retired" },
    };
    const { user, calls, server } = renderPlayground(
      {
        list_conversations: () => sampleSummaries(),
        load_conversation: () => unlisted,
        parameter_rules: () => rulesChat,
      },
      "#/playground",
    );
    const items = await screen.findAllByTestId("history-open");

    await user.click(items[1] as HTMLElement);

    expect(await screen.findByText("Paris.")).toBeVisible();
    expect(transcript()).toEqual(["user: What is the capital of France?", "assistant: Paris."]);
    expect(screen.getByTestId("playground-model")).toHaveTextContent("not listed now");
    await waitFor(() =>
      expect(callsTo(calls, "parameter_rules").map((call) => call.args)).toEqual([
        { model: "gpt-4o", modelVersion: "2024-11-20" },
      ]),
    );
    expect(await screen.findByTestId("params-panel")).toBeVisible();
    expect(screen.getByTestId<HTMLTextAreaElement>("param-system")).toHaveValue("Be brief.");

    await exchange(user, server, "And Germany?", "Berlin.");
    await waitFor(() => expect(savedConversations(calls)).toHaveLength(1));
    expect(savedConversations(calls)[0]).toMatchObject({
      id: "c-old",
      title: "What is the capital of France?",
      createdAtMs: sampleConversation.createdAtMs,
    });
    expect(savedConversations(calls)[0]?.messages).toHaveLength(4);
  });

  it("shows the conversation as code, with the question being typed", async () => {
    const { user, calls } = renderPlayground({ view_code: () => [] });
    await ready();
    await user.type(input(), "Draft question");

    await user.click(screen.getByTestId("view-code-button"));

    expect(await screen.findByTestId("code-dialog")).toBeVisible();
    await waitFor(() => expect(callsTo(calls, "view_code")).toHaveLength(1));
    const [call] = callsTo(calls, "view_code");
    expect(argOf(call?.args, "target")).toEqual(gpt4oTarget.target);
    expect(argOf(call?.args, "messages")).toEqual([
      expect.objectContaining({ role: "user", content: "Draft question" }),
    ]);
  });

  it("shows the comparison instead of the conversation, and back", async () => {
    const { user } = renderPlayground();
    await ready();

    await user.click(screen.getByTestId("compare-button"));

    expect(screen.getByTestId("compare-view")).toBeVisible();
    expect(screen.queryByTestId("composer-input")).not.toBeInTheDocument();
    await user.click(screen.getByTestId("compare-close"));
    expect(screen.queryByTestId("compare-view")).not.toBeInTheDocument();
    expect(screen.getByTestId("composer-input")).toBeVisible();
  });
});
