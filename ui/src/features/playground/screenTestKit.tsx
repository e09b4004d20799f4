import { QueryClientProvider } from "@tanstack/react-query";
import type { Channel, InvokeArgs } from "@tauri-apps/api/core";
import { act, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { expect } from "vitest";
import type {
  AnswerFacts,
  ChatProblem,
  Conversation,
  ConversationMessage,
  ConversationSummary,
  PlaygroundEvent,
  SendOutcome,
  SendRequest,
} from "../../bindings";
import { createQueryClient } from "../../lib/queryClient";
import { samplePriceQuote, sampleSettings } from "../../test/fixtures";
import { mockCommands, type CommandReplies, type IpcCall } from "../../test/mockCommands";
import { PlaygroundScreen } from "./PlaygroundScreen";
import { targetsFixture } from "./testFixtures";

// What the Playground screen's tests share: a fake `send_chat` each test ends by hand, the
// screen rendered on its IPC fakes, and the ways a person reads and drives it.

export const gpt4oRoute =
  "#/playground?profile=sandbox&deployment=gpt-4o&endpoint=" +
  encodeURIComponent("https://contoso-openai-eastus.openai.azure.com/");

export function argOf(args: InvokeArgs | undefined, name: string): unknown {
  return args !== undefined && !Array.isArray(args) && !(args instanceof ArrayBuffer)
    ? (args as Record<string, unknown>)[name]
    : undefined;
}

export function callsTo(calls: IpcCall[], cmd: string): IpcCall[] {
  return calls.filter((call) => call.cmd === cmd);
}

export function summaryOf(conversation: Conversation): ConversationSummary {
  return {
    id: conversation.id,
    title: conversation.title,
    deployment: conversation.target.deployment ?? "",
    messageCount: conversation.messages?.length ?? 0,
    createdAtMs: conversation.createdAtMs,
    updatedAtMs: conversation.updatedAtMs,
  };
}

/** One `send_chat` in flight: its request, its Channel, and how the test ends it. */
export type Run = {
  request: SendRequest;
  push: (event: PlaygroundEvent) => void;
  finish: (outcome: SendOutcome) => Promise<void>;
  fail: (error: unknown) => Promise<void>;
};

/** A fake `send_chat` that keeps each call open until the test ends it. */
export function chatServer() {
  const runs: Run[] = [];
  const reply: NonNullable<CommandReplies["send_chat"]> = (args) =>
    new Promise<SendOutcome>((resolve, reject) => {
      const events = argOf(args, "events") as Channel<PlaygroundEvent>;
      runs.push({
        request: argOf(args, "request") as SendRequest,
        push: (event) => act(() => events.onmessage(event)),
        finish: async (outcome) => {
          await act(async () => resolve(outcome));
        },
        fail: async (error) => {
          await act(async () => reject(error));
        },
      });
    });
  return {
    reply,
    runs,
    /** The n-th run (from 0), once the screen has sent it. */
    async run(n: number): Promise<Run> {
      await waitFor(() => expect(runs.length).toBeGreaterThan(n));
      return runs[n] as Run;
    },
  };
}

export const facts: AnswerFacts = {
  timeToFirstTokenMs: 312,
  totalMs: 1840,
  tokensPerSecond: 48,
  promptTokens: 25,
  completionTokens: 87,
  reasoningTokens: null,
  cachedTokens: null,
  finishReason: "stop",
  remainingRequests: 99,
  remainingTokens: 39_900,
  requestId: "req-answer-1",
  servedModel: "gpt-4o-2024-11-20",
  adjustments: [],
  filterNotes: [],
};

export function answer(
  content: string,
  overrides: Partial<ConversationMessage> = {},
): SendOutcome {
  return {
    message: {
      id: `m-answer-${content.length}-${Math.random().toString(36).slice(2, 8)}`,
      role: "assistant",
      content,
      incomplete: false,
      answer: facts,
      ...overrides,
    },
    problem: null,
    stopped: false,
  };
}

export function problemOutcome(
  problem: Partial<ChatProblem> & Pick<ChatProblem, "kind">,
): SendOutcome {
  return {
    message: null,
    problem: {
      title: "Something went wrong",
      action: "Try again.",
      code: null,
      message: "",
      status: null,
      requestId: null,
      retryAfterSecs: null,
      categories: [],
      ...problem,
    },
    stopped: false,
  };
}

export type User = ReturnType<typeof userEvent.setup>;

/**
 * The screen on `hash`, its IPC answered by `replies` over a working default for each (settings
 * with the Playground defaults at the model's defaults, auto-save on, pay-as-you-go prices).
 * `queryClient` is the screen's cache, as the Settings screen updates it when it saves.
 */
export function renderPlayground(
  replies: CommandReplies = {},
  hash = gpt4oRoute,
  user: User = userEvent.setup(),
) {
  window.location.hash = hash;
  const server = chatServer();
  const calls = mockCommands({
    playground_targets: () => targetsFixture,
    list_conversations: () => [],
    list_presets: () => [],
    save_conversation: (args) => summaryOf(argOf(args, "conversation") as Conversation),
    stop_chat: () => true,
    send_chat: server.reply,
    get_settings: () => sampleSettings("system"),
    answer_price: () => samplePriceQuote(),
    ...replies,
  });
  // As renderWithQueries does, with the client in reach.
  const queryClient = createQueryClient();
  render(
    <QueryClientProvider client={queryClient}>
      <PlaygroundScreen />
    </QueryClientProvider>,
  );
  return { user, calls, server, queryClient };
}

export function input(): HTMLTextAreaElement {
  return screen.getByTestId<HTMLTextAreaElement>("composer-input");
}

export function messages(): HTMLElement[] {
  return screen.queryAllByTestId("message");
}

/** Each message as "role: text" (the text only, without its actions and facts). */
export function transcript(): string[] {
  return messages().map((message) => {
    const body =
      message.querySelector(".message-text, .markdown, .message-waiting")?.textContent ?? "";
    return `${message.dataset.role}: ${body.trim()}`;
  });
}

/** Waits for the route's deployment to be chosen. */
export async function ready() {
  await waitFor(() => expect(screen.getByTestId("playground-model")).toBeVisible());
}

export async function ask(user: User, text: string) {
  await user.type(input(), text);
  await user.click(screen.getByTestId("send-button"));
}

/** Asks `question` and lets `server`'s next run answer `reply` in full. */
export async function exchange(
  user: User,
  server: ReturnType<typeof chatServer>,
  question: string,
  reply: string,
) {
  const n = server.runs.length;
  await ask(user, question);
  const run = await server.run(n);
  const before = messages().length;
  await run.finish(answer(reply));
  await waitFor(() => expect(screen.getByTestId("send-button")).toBeInTheDocument());
  expect(messages()).toHaveLength(before);
  return run;
}

export function savedConversations(calls: IpcCall[]): Conversation[] {
  return callsTo(calls, "save_conversation").map(
    (call) => argOf(call.args, "conversation") as Conversation,
  );
}


/**
 * The conversation store as Rust keeps it: what the screen saves is listed (newest first,
 * searched by title), loaded, renamed and deleted for real.
 */
export function conversationStore(initial: Conversation[] = []) {
  const stored = new Map(initial.map((conversation) => [conversation.id, conversation]));
  const replies = {
    list_conversations: (args) => {
      const query = String(argOf(args, "query") ?? "").trim().toLowerCase();
      return [...stored.values()]
        .filter((item) => query === "" || item.title.toLowerCase().includes(query))
        .sort((a, b) => (b.updatedAtMs ?? 0) - (a.updatedAtMs ?? 0))
        .map(summaryOf);
    },
    load_conversation: (args) => {
      const found = stored.get(String(argOf(args, "id")));
      if (found === undefined) throw new Error(`no conversation ${String(argOf(args, "id"))}`);
      return found;
    },
    save_conversation: (args) => {
      const conversation = argOf(args, "conversation") as Conversation;
      stored.set(conversation.id, conversation);
      return summaryOf(conversation);
    },
    rename_conversation: (args) => {
      const id = String(argOf(args, "id"));
      const found = stored.get(id);
      if (found === undefined) throw new Error(`no conversation ${id}`);
      const renamed = { ...found, title: String(argOf(args, "title")) };
      stored.set(id, renamed);
      return summaryOf(renamed);
    },
    delete_conversation: (args) => {
      stored.delete(String(argOf(args, "id")));
      return null;
    },
  } satisfies CommandReplies;
  return { stored, replies };
}

/** The History item of conversation `id`, once the list shows it. */
export async function historyItem(id: string): Promise<HTMLElement> {
  let item: HTMLElement | undefined;
  await waitFor(() => {
    item = screen.queryAllByTestId("history-item").find((element) => element.dataset.id === id);
    expect(item).toBeDefined();
  });
  return item as HTMLElement;
}
