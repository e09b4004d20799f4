import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Conversation } from "../../bindings";
import {
  answer,
  ask,
  callsTo,
  conversationStore,
  exchange,
  historyItem,
  messages,
  ready,
  renderPlayground,
  savedConversations,
  transcript,
} from "./screenTestKit";
import { announceHistoryCleared } from "./historyEvents";
import { o4miniTarget, sampleConversation } from "./testFixtures";

// When and what the Playground saves, above all while an answer is on its way: a conversation
// deleted, renamed, left or emptied must come back from History as the person left it.

afterEach(() => {
  vi.useRealTimers();
});

/** Deletes conversation `id` from History, confirming. */
async function deleteInHistory(user: ReturnType<typeof userEvent.setup>, id: string) {
  const item = await historyItem(id);
  await user.click(within(item).getByTestId("history-delete"));
  await user.click(within(item).getByTestId("history-delete-confirm"));
}

describe("playground: the history cleared in Settings", () => {
  it("saves nothing it knew again, not even the answer on its way, and starts anew", async () => {
    const store = conversationStore();
    const { user, calls, server } = renderPlayground(store.replies);
    await ready();
    await exchange(user, server, "First question", "First answer.");
    await waitFor(() => expect(savedConversations(calls)).toHaveLength(1));
    const cleared = savedConversations(calls)[0]?.id ?? "";
    await ask(user, "Second question");
    const run = await server.run(1);
    run.push({ type: "delta", text: "Half an answer" });
    await screen.findByText("Half an answer");

    act(() => announceHistoryCleared());

    await waitFor(() => expect(messages()).toEqual([]));
    await run.finish(answer("Half an answer, and the rest."));
    await exchange(user, server, "Fresh start", "OK.");
    await waitFor(() => expect(savedConversations(calls)).toHaveLength(2));
    const ids = savedConversations(calls).map((conversation) => conversation.id);
    expect(ids).toEqual([cleared, expect.not.stringMatching(cleared)]);
  });
});

describe("playground: deleting in History", () => {
  it("never saves again the open conversation deleted while its answer streams", async () => {
    const store = conversationStore();
    const { user, calls, server } = renderPlayground(store.replies);
    await ready();
    await exchange(user, server, "First question", "First answer.");
    await waitFor(() => expect(savedConversations(calls)).toHaveLength(1));
    const deleted = savedConversations(calls)[0]?.id ?? "";
    await ask(user, "Second question");
    const run = await server.run(1);
    run.push({ type: "delta", text: "Half an answer" });
    await screen.findByText("Half an answer");

    await deleteInHistory(user, deleted);

    // A new, empty conversation; the answer is stopped.
    await waitFor(() => expect(messages()).toEqual([]));
    expect(callsTo(calls, "stop_chat").map((call) => call.args)).toEqual([
      { runId: run.request.runId },
    ]);
    await run.finish({ ...answer("Half an answer", { incomplete: true }), stopped: true });
    // Saves go one after the other: the next one lands after anything left for the deleted one.
    await exchange(user, server, "Fresh start", "OK.");
    await waitFor(() => expect(savedConversations(calls)).toHaveLength(2));
    const ids = savedConversations(calls).map((conversation) => conversation.id);
    expect(ids[0]).toBe(deleted);
    expect(ids[1]).not.toBe(deleted);
    expect(store.stored.has(deleted)).toBe(false);
    expect(screen.queryByText("First question")).not.toBeInTheDocument();
  });

  it("never saves a conversation left mid-answer and deleted before its answer ends", async () => {
    const store = conversationStore([sampleConversation]);
    const { user, calls, server } = renderPlayground(store.replies);
    await ready();
    await exchange(user, server, "Question A", "Answer A.");
    await waitFor(() => expect(savedConversations(calls)).toHaveLength(1));
    const left = savedConversations(calls)[0]?.id ?? "";
    await ask(user, "Question A, again");
    const run = await server.run(1);
    run.push({ type: "delta", text: "Half" });

    await user.click(within(await historyItem(sampleConversation.id)).getByTestId("history-open"));
    expect(await screen.findByText("Paris.")).toBeVisible();
    await deleteInHistory(user, left);
    await waitFor(() => expect(store.stored.has(left)).toBe(false));
    await run.finish({ ...answer("Half", { incomplete: true }), stopped: true });

    await exchange(user, server, "And Germany?", "Berlin.");
    await waitFor(() => expect(savedConversations(calls)).toHaveLength(2));
    expect(savedConversations(calls).map((conversation) => conversation.id)).toEqual([
      left,
      sampleConversation.id,
    ]);
    expect(store.stored.has(left)).toBe(false);
  });
});

describe("playground: leaving an answer mid-stream", () => {
  it("saves the answer to its own conversation when another is opened from History", async () => {
    const store = conversationStore([sampleConversation]);
    const { user, calls, server } = renderPlayground(store.replies);
    await ready();
    await ask(user, "Tell me a long story");
    const run = await server.run(0);
    run.push({ type: "delta", text: "Once upon a time" });
    await screen.findByText("Once upon a time");

    await user.click(within(await historyItem(sampleConversation.id)).getByTestId("history-open"));

    expect(await screen.findByText("Paris.")).toBeVisible();
    expect(callsTo(calls, "stop_chat").map((call) => call.args)).toEqual([
      { runId: run.request.runId },
    ]);
    await run.finish({ ...answer("Once upon a time", { incomplete: true }), stopped: true });
    await waitFor(() => expect(savedConversations(calls)).toHaveLength(1));
    const [saved] = savedConversations(calls);
    expect(saved?.id).not.toBe(sampleConversation.id);
    expect(saved).toMatchObject({
      title: "Tell me a long story",
      messages: [
        expect.objectContaining({ role: "user", content: "Tell me a long story" }),
        expect.objectContaining({ content: "Once upon a time", stopped: true }),
      ],
    });
    // The conversation opened meanwhile is as it was.
    expect(transcript()).toEqual(["user: What is the capital of France?", "assistant: Paris."]);
    expect(store.stored.get(sampleConversation.id)).toEqual(sampleConversation);
  });

  it("keeps the answer and its Stop within reach while Compare is shown", async () => {
    const { user, calls, server } = renderPlayground();
    await ready();
    await ask(user, "Tell me a long story");
    const run = await server.run(0);
    run.push({ type: "delta", text: "Once upon a time" });
    await screen.findByText("Once upon a time");

    await user.click(screen.getByTestId("compare-button"));
    expect(screen.getByTestId("compare-view")).toBeVisible();
    expect(screen.getByTestId("main-answer-arriving")).toHaveTextContent(
      "An answer is still arriving",
    );
    // Back: the answer is still streaming, with its own Stop.
    await user.click(screen.getByTestId("compare-button"));
    expect(screen.getByText("Once upon a time")).toBeVisible();
    expect(screen.getByTestId("stop-button")).toBeVisible();

    await user.click(screen.getByTestId("compare-button"));
    await user.click(screen.getByTestId("main-stop-button"));
    expect(callsTo(calls, "stop_chat").map((call) => call.args)).toEqual([
      { runId: run.request.runId },
    ]);
    await run.finish({ ...answer("Once upon a time", { incomplete: true }), stopped: true });
    await waitFor(() =>
      expect(screen.queryByTestId("main-answer-arriving")).not.toBeInTheDocument(),
    );

    await user.click(screen.getByTestId("compare-close"));
    expect(transcript()).toEqual(["user: Tell me a long story", "assistant: Once upon a time"]);
    expect(screen.getByTestId("message-incomplete")).toHaveTextContent("Stopped");
    await waitFor(() => expect(savedConversations(calls)).toHaveLength(1));
  });
});

describe("playground: saving changes", () => {
  it("saves changed parameters and deployment once they settle, never mid-answer", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const { calls, server } = renderPlayground({}, undefined, user);
    await ready();
    const system = () => screen.getByTestId("param-system");
    // An empty conversation is not saved for its parameters.
    fireEvent.change(system(), { target: { value: "Be kind." } });
    await act(async () => vi.advanceTimersByTime(2000));
    expect(savedConversations(calls)).toEqual([]);

    await exchange(user, server, "Hello", "Hi.");
    await waitFor(() => expect(savedConversations(calls)).toHaveLength(1));

    fireEvent.change(system(), { target: { value: "Be brief." } });
    await act(async () => vi.advanceTimersByTime(400));
    fireEvent.change(system(), { target: { value: "Be very brief." } });
    await act(async () => vi.advanceTimersByTime(400));
    expect(savedConversations(calls)).toHaveLength(1);
    await act(async () => vi.advanceTimersByTime(200));
    await waitFor(() => expect(savedConversations(calls)).toHaveLength(2));
    expect(savedConversations(calls)[1]).toMatchObject({
      id: savedConversations(calls)[0]?.id,
      parameters: expect.objectContaining({ systemMessage: "Be very brief." }),
      messages: [expect.objectContaining({ content: "Hello" }), expect.anything()],
    });

    await user.selectOptions(
      screen.getByTestId("target-picker"),
      screen.getByRole("option", { name: /^o4-mini/ }),
    );
    await act(async () => vi.advanceTimersByTime(500));
    await waitFor(() => expect(savedConversations(calls)).toHaveLength(3));
    expect(savedConversations(calls)[2]?.target).toEqual(o4miniTarget.target);

    // Mid-answer nothing is saved; the answer's own save carries the change.
    await ask(user, "Again");
    const run = await server.run(1);
    fireEvent.change(system(), { target: { value: "Be terse." } });
    await act(async () => vi.advanceTimersByTime(2000));
    expect(savedConversations(calls)).toHaveLength(3);
    await run.finish(answer("Sure."));
    await waitFor(() => expect(savedConversations(calls)).toHaveLength(4));
    expect(savedConversations(calls)[3]?.parameters?.systemMessage).toBe("Be terse.");
    expect(savedConversations(calls)[3]?.messages).toHaveLength(4);
    await act(async () => vi.advanceTimersByTime(2000));
    expect(savedConversations(calls)).toHaveLength(4);
  });

  it("saves parameters changed just before leaving with their own conversation", async () => {
    const { user, calls, server } = renderPlayground();
    await ready();
    await exchange(user, server, "Hello", "Hi.");
    await waitFor(() => expect(savedConversations(calls)).toHaveLength(1));

    fireEvent.change(screen.getByTestId("param-system"), { target: { value: "Be brief." } });
    await user.click(screen.getByTestId("new-conversation"));

    await waitFor(() => expect(savedConversations(calls)).toHaveLength(2));
    expect(savedConversations(calls)[1]).toMatchObject({
      id: savedConversations(calls)[0]?.id,
      parameters: expect.objectContaining({ systemMessage: "Be brief." }),
    });
    expect(messages()).toEqual([]);
  });

  it("keeps a title renamed in History, even once the search no longer lists it", async () => {
    const store = conversationStore();
    const { user, calls, server } = renderPlayground(store.replies);
    await ready();
    await exchange(user, server, "Hello there", "Hi.");
    await waitFor(() => expect(savedConversations(calls)).toHaveLength(1));
    const id = savedConversations(calls)[0]?.id ?? "";
    await user.type(screen.getByTestId("history-search"), "hello");
    const item = await historyItem(id);
    await waitFor(() => expect(item).toHaveTextContent("Hello there"));

    await user.click(within(item).getByTestId("history-rename"));
    await user.clear(within(item).getByTestId("history-rename-input"));
    await user.keyboard("Greetings{Enter}");
    // Renamed, it no longer matches the search.
    expect(await screen.findByTestId("history-empty")).toHaveTextContent(
      "No conversation mentions 'hello'.",
    );

    await exchange(user, server, "More?", "Yes.");
    await waitFor(() => expect(savedConversations(calls)).toHaveLength(2));
    expect(savedConversations(calls)[1]).toMatchObject({ id, title: "Greetings" });
    expect(store.stored.get(id)?.title).toBe("Greetings");
  });

  it("keeps a title renamed while the conversation's answer ends out of sight", async () => {
    const store = conversationStore([sampleConversation]);
    const { user, calls, server } = renderPlayground(store.replies);
    await ready();
    await exchange(user, server, "Question A", "Answer A.");
    await waitFor(() => expect(savedConversations(calls)).toHaveLength(1));
    const left = savedConversations(calls)[0]?.id ?? "";
    await ask(user, "Question A, again");
    const run = await server.run(1);
    await user.click(within(await historyItem(sampleConversation.id)).getByTestId("history-open"));
    await screen.findByText("Paris.");

    const item = await historyItem(left);
    await user.click(within(item).getByTestId("history-rename"));
    await user.clear(within(item).getByTestId("history-rename-input"));
    await user.keyboard("Renamed A{Enter}");
    await waitFor(() => expect(store.stored.get(left)?.title).toBe("Renamed A"));
    await run.finish({ ...answer("Half", { incomplete: true }), stopped: true });

    await waitFor(() => expect(savedConversations(calls)).toHaveLength(2));
    expect(savedConversations(calls)[1]).toMatchObject({ id: left, title: "Renamed A" });
    expect(store.stored.get(left)?.title).toBe("Renamed A");
  });

  it("saves a saved conversation emptied of its messages, so they do not come back", async () => {
    const store = conversationStore();
    const { user, calls, server } = renderPlayground(store.replies);
    await ready();
    await exchange(user, server, "One", "First.");
    await waitFor(() => expect(savedConversations(calls)).toHaveLength(1));
    const id = savedConversations(calls)[0]?.id ?? "";

    await user.click(screen.getByRole("button", { name: "Delete answer" }));
    await waitFor(() => expect(savedConversations(calls)).toHaveLength(2));
    await user.click(screen.getByRole("button", { name: "Delete question" }));

    await waitFor(() => expect(savedConversations(calls)).toHaveLength(3));
    expect(savedConversations(calls)[2]).toMatchObject({ id, title: "One", messages: [] });
    expect(store.stored.get(id)?.messages).toEqual([]);
    expect(screen.getByTestId("conversation-empty")).toBeVisible();
  });

  it("reopens a stopped answer as Stopped, not as cut off", async () => {
    const stoppedOne: Conversation = {
      ...sampleConversation,
      messages: [
        { id: "m1", role: "user", content: "Tell me a long story" },
        {
          id: "m2",
          role: "assistant",
          content: "Once upon a time",
          incomplete: true,
          stopped: true,
        },
      ],
    };
    const store = conversationStore([stoppedOne]);
    const { user } = renderPlayground(store.replies, "#/playground");

    await user.click(within(await historyItem(stoppedOne.id)).getByTestId("history-open"));

    expect(await screen.findByTestId("message-incomplete")).toHaveTextContent("Stopped");
    expect(screen.queryByText(/cut off/)).not.toBeInTheDocument();
  });
});
