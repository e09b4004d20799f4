import { Channel } from "@tauri-apps/api/core";
import { useCallback, useEffect, useRef, useState } from "react";
import { flushSync } from "react-dom";
import {
  commands,
  type CommandError,
  type ConversationMessage,
  type ConversationTarget,
  type PlaygroundEvent,
  type PlaygroundParameters,
  type SendOutcome,
} from "../../bindings";
import { unwrap } from "../../lib/unwrap";
import { LiveAnswer } from "./liveAnswer";

/** One answer as it streams, then how it ended. */
export type RunState = {
  status: "idle" | "streaming" | "done";
  /** The answer's run: names it on the screen from its first token to its place in the list. */
  runId: string | null;
  outcome: SendOutcome | null;
  /**
   * When the outcome (or the failure) arrived, as a `Date.now()` time: a wait Azure asked for
   * counts down from here, however often its view is shown again.
   */
  receivedAtMs: number | null;
  /** The command itself failed (not Azure: Azure's failures are in `outcome.problem`). */
  failure: CommandError | null;
};

export type RunRequest = {
  target: ConversationTarget;
  parameters: PlaygroundParameters;
  /** The conversation so far, ending with the question. */
  messages: ConversationMessage[];
};

const IDLE: RunState = {
  status: "idle",
  runId: null,
  outcome: null,
  receivedAtMs: null,
  failure: null,
};

let nextRun = 0;

/** `make bench` sets this array to learn when each piece of text reached the window. */
type BenchWindow = Window & { __fdEventTimes?: number[] };

/** Marks the send, so the first painted text can be measured against it (User Timing). */
function markSend(id: string) {
  performance.clearMarks("playground_send");
  performance.mark("playground_send", { detail: id });
}

/** A run id: unique in this window, so Stop reaches this answer only. */
function newRunId(): string {
  nextRun += 1;
  return `run-${Date.now().toString(36)}-${nextRun}`;
}

/**
 * Streams one answer at a time. Text arriving between two frames is painted once, in the next
 * frame, so a fast stream never makes more renders than the screen can show; and it goes to
 * `live`, which only the answer's own view reads, so the screen around it does not render again
 * (typing and scrolling stay smooth). The command's result is the final word: it replaces what
 * streamed.
 */
export function useChatRun() {
  const [state, setState] = useState<RunState>(IDLE);
  const [live] = useState(() => new LiveAnswer());
  const runId = useRef<string | null>(null);
  const pending = useRef("");
  const frame = useRef<number | null>(null);

  const firstPaint = useRef(false);

  const flush = useCallback(() => {
    frame.current = null;
    const text = pending.current;
    if (text === "") return;
    pending.current = "";
    // Rendered now, within this frame, so this very frame paints it: an update left to React's
    // scheduler could land after the frame and wait for the next one.
    flushSync(() => live.append(text));
    if (!firstPaint.current) {
      firstPaint.current = true;
      // Time to first token as a person sees it: from Send to the end of the frame that paints
      // the text (a task queued from a frame callback runs once that frame is drawn).
      setTimeout(() => performance.measure("playground_ttft", "playground_send"), 0);
    }
  }, [live]);

  // Gone from the screen (Compare closed, a column removed): an answer still streaming is stopped,
  // so it is neither billed further nor left running unseen.
  useEffect(
    () => () => {
      if (frame.current !== null) cancelAnimationFrame(frame.current);
      const id = runId.current;
      runId.current = null;
      // Best effort: the window may be closing.
      if (id !== null) commands.stopChat(id).catch(() => undefined);
    },
    [],
  );

  const start = useCallback(
    async (request: RunRequest): Promise<SendOutcome | null> => {
      const id = newRunId();
      runId.current = id;
      pending.current = "";
      firstPaint.current = false;
      markSend(id);
      live.clear();
      setState({ ...IDLE, status: "streaming", runId: id });
      const events = new Channel<PlaygroundEvent>();
      let firstEvent = true;
      events.onmessage = (event) => {
        if (runId.current !== id) return;
        if (firstEvent) {
          firstEvent = false;
          // The part of the wait spent before the window hears from the answer (`make bench`).
          performance.measure("playground_first_event", "playground_send");
        }
        if (event.type === "delta") {
          (window as BenchWindow).__fdEventTimes?.push(performance.timeOrigin + performance.now());
          pending.current += event.text;
          frame.current ??= requestAnimationFrame(flush);
        } else if (event.type === "opened") {
          live.update({ opened: event });
        } else {
          live.update({ filterNotes: [...live.read().filterNotes, ...event.notes] });
        }
      };
      try {
        const outcome = await unwrap(commands.sendChat({ runId: id, ...request }, events));
        if (runId.current !== id) return outcome;
        runId.current = null;
        if (frame.current !== null) cancelAnimationFrame(frame.current);
        frame.current = null;
        live.update({ text: outcome.message?.content ?? live.read().text + pending.current });
        pending.current = "";
        setState((s) => ({
          ...s,
          status: "done",
          outcome,
          receivedAtMs: Date.now(),
        }));
        return outcome;
      } catch (error) {
        if (runId.current === id) {
          runId.current = null;
          setState((s) => ({
            ...s,
            status: "done",
            failure: error as CommandError,
            receivedAtMs: Date.now(),
          }));
        }
        return null;
      }
    },
    [flush, live],
  );

  /** Stops the answer: the connection closes, and what arrived is kept. */
  const stop = useCallback(() => {
    const id = runId.current;
    if (id !== null) void commands.stopChat(id);
  }, []);

  const reset = useCallback(() => {
    runId.current = null;
    pending.current = "";
    live.clear();
    setState(IDLE);
  }, [live]);

  return { state, live, start, stop, reset };
}
