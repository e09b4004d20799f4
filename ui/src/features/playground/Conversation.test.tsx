import { fireEvent, render, screen } from "@testing-library/react";
import { act } from "react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { ConversationMessage } from "../../bindings";
import { Conversation } from "./Conversation";
import { LiveAnswer } from "./liveAnswer";
import type { RunState } from "./useChatRun";

const question: ConversationMessage = { id: "m-q", role: "user", content: "Tell me a story" };

/** The answer's text as it streams, as `useChatRun` keeps it. */
let live = new LiveAnswer();
beforeEach(() => {
  live = new LiveAnswer();
});

function streaming(text: string): RunState {
  live.update({ text });
  return {
    status: "streaming",
    runId: "run-1",
    outcome: null,
    receivedAtMs: null,
    failure: null,
  };
}

function view(messages: ConversationMessage[], run: RunState) {
  return (
    <Conversation
      messages={messages}
      run={run}
      live={live}
      onResend={vi.fn()}
      onDelete={vi.fn()}
      onResendLast={vi.fn()}
      onRetry={vi.fn()}
      empty={<p>Nothing yet</p>}
    />
  );
}

/** Gives the log a size jsdom does not compute: `content` tall, 400 px shown. */
function sized(log: HTMLElement) {
  const box = { content: 1000, top: 0 };
  Object.defineProperty(log, "scrollHeight", { configurable: true, get: () => box.content });
  Object.defineProperty(log, "clientHeight", { configurable: true, get: () => 400 });
  Object.defineProperty(log, "scrollTop", {
    configurable: true,
    get: () => box.top,
    set: (value: number) => {
      box.top = value;
    },
  });
  return box;
}

const idle: RunState = { ...streaming(""), status: "idle" };

function longConversation(id: string, count: number): ConversationMessage[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${id}-${i}`,
    role: i % 2 === 0 ? "user" : "assistant",
    content: `message ${i + 1}`,
  }));
}

describe("Conversation", () => {
  it("opens a long conversation on its last 40 messages, earlier ones on request", () => {
    const { rerender } = render(view(longConversation("a", 100), idle));
    expect(screen.getAllByTestId("message")).toHaveLength(40);
    expect(screen.getByText("message 100")).toBeInTheDocument();
    expect(screen.queryByText("message 60")).toBeNull();

    fireEvent.click(screen.getByRole("button", { name: /Show 40 earlier messages \(60 not shown\)/ }));
    expect(screen.getAllByTestId("message")).toHaveLength(80);
    expect(screen.getByText("message 21")).toBeInTheDocument();
    fireEvent.click(screen.getByTestId("show-earlier"));
    expect(screen.getAllByTestId("message")).toHaveLength(100);
    expect(screen.queryByTestId("show-earlier")).toBeNull();

    // Another conversation opens on its last messages again.
    rerender(view(longConversation("b", 60), idle));
    expect(screen.getAllByTestId("message")).toHaveLength(40);
  });

  it("is a polite log, busy while an answer streams so it is read once whole", () => {
    const { rerender } = render(view([question], streaming("")));

    const log = screen.getByRole("log", { name: "Conversation" });
    expect(log).toHaveAttribute("aria-live", "polite");
    expect(log).toHaveAttribute("aria-busy", "true");
    expect(screen.getByTestId("waiting-first-token")).toHaveTextContent(
      "Waiting for the first token…",
    );

    rerender(view([question], streaming("Once upon")));
    expect(screen.queryByTestId("waiting-first-token")).not.toBeInTheDocument();
    expect(screen.getByText("Once upon")).toBeVisible();

    rerender(
      view([question, { id: "m-a", role: "assistant", content: "Once upon a time." }], {
        ...streaming("Once upon a time."),
        status: "done",
        outcome: { message: null, problem: null, stopped: false },
      }),
    );
    expect(log).not.toHaveAttribute("aria-busy");
  });

  it("keeps the streamed answer on the screen as it joins the conversation, selection and all", () => {
    const text = "Once upon a time.\n\nThe end.";
    const { rerender } = render(view([question], streaming(text)));
    const painted = screen.getByText("The end.");
    const selection = window.getSelection();
    selection?.selectAllChildren(painted);

    const answer: ConversationMessage = {
      id: "m-a",
      role: "assistant",
      content: text,
      answer: { completionTokens: 7 },
    };
    rerender(
      view([question, answer], {
        ...streaming(text),
        status: "done",
        outcome: { message: answer, problem: null, stopped: false },
      }),
    );
    // The same paragraph, not a copy built anew: what the reader selected is still selected.
    expect(screen.getByText("The end.")).toBe(painted);
    expect(selection?.toString()).toBe("The end.");
    const [, finished] = screen.getAllByTestId("message");
    expect(finished).not.toHaveAttribute("data-streaming");
    expect(screen.getByTestId("regenerate-button")).toBeEnabled();

    // The next question does not rebuild it either.
    const next: ConversationMessage = { id: "m-q2", role: "user", content: "Again" };
    rerender(view([question, answer, next], { ...streaming(""), runId: "run-2" }));
    expect(screen.getByText("The end.")).toBe(painted);
  });

  it("follows a streaming answer down only while the reader is at the bottom", () => {
    const { rerender } = render(view([question], streaming("a")));
    const log = screen.getByRole("log");
    const box = sized(log);

    rerender(view([question], streaming("a b")));
    expect(box.top).toBe(1000);

    // The reader scrolls up to read: the answer grows without pulling them down.
    box.top = 200;
    fireEvent.scroll(log);
    box.content = 1600;
    rerender(view([question], streaming("a b c")));
    expect(box.top).toBe(200);

    // Back at the bottom: followed again.
    box.top = 1200;
    fireEvent.scroll(log);
    box.content = 2000;
    rerender(view([question], streaming("a b c d")));
    expect(box.top).toBe(2000);
  });

  it("brings a new question into view even when the reader had scrolled up", () => {
    const answer: ConversationMessage = { id: "m-a", role: "assistant", content: "Done." };
    const idle: RunState = { ...streaming(""), status: "idle" };
    const { rerender } = render(view([question, answer], idle));
    const log = screen.getByRole("log");
    const box = sized(log);
    box.top = 0;
    fireEvent.scroll(log);

    box.content = 1400;
    rerender(
      view([question, answer, { id: "m-q2", role: "user", content: "More" }], streaming("")),
    );
    expect(box.top).toBe(1400);
  });

  it("tells a stopped answer from one cut off", () => {
    render(
      view(
        [
          question,
          { id: "m-cut", role: "assistant", content: "Once", incomplete: true },
          { id: "m-q2", role: "user", content: "Again" },
          {
            id: "m-stopped",
            role: "assistant",
            content: "Twice",
            incomplete: true,
            stopped: true,
          },
        ],
        { ...streaming(""), status: "idle" },
      ),
    );
    expect(screen.getAllByTestId("message-incomplete").map((badge) => badge.textContent)).toEqual(
      ["Incomplete — the answer was cut off", "Stopped"],
    );
    // Regenerate is offered on the last answer only.
    expect(screen.getAllByTestId("regenerate-button")).toHaveLength(1);
  });

  it("shows the request id and the content filter's notes while the answer streams", () => {
    render(view([question], streaming("")));
    expect(screen.queryByTestId("streaming-facts")).not.toBeInTheDocument();

    act(() =>
      live.update({
        text: "Once upon",
        opened: {
          type: "opened",
          requestId: "req-live-42",
          remainingRequests: 99,
          remainingTokens: 39_900,
          adjustments: ["temperature: not sent: o4-mini takes only the default"],
        },
      }),
    );
    const facts = screen.getByTestId("streaming-facts");
    expect(facts).toHaveTextContent("request id req-live-42");
    expect(facts).toHaveTextContent("temperature: not sent: o4-mini takes only the default");
    expect(screen.queryByTestId("filter-notes")).not.toBeInTheDocument();

    act(() =>
      live.update({
        text: "Once upon a time",
        filterNotes: ["prompt: violence low", "answer: hate medium"],
      }),
    );
    expect(screen.getByTestId("filter-notes")).toHaveTextContent(
      "Content filter — prompt: violence low answer: hate medium",
    );
    // Inside the answer that streams, not elsewhere in the log.
    expect(screen.getByRole("article", { name: "Answer" })).toContainElement(
      screen.getByTestId("filter-notes"),
    );
  });

  it("shows the empty note with no message", () => {
    render(view([], { ...streaming(""), status: "idle" }));
    expect(screen.getByText("Nothing yet")).toBeVisible();
  });
});
