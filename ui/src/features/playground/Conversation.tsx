import { useCallback, useLayoutEffect, useRef, useState, type ReactNode } from "react";
import type { ConversationMessage, ConversationTarget, PriceQuote } from "../../bindings";
import { ErrorNotice } from "../../components/ErrorNotice";
import { StreamingFactsView } from "./AnswerFactsView";
import { MessageView } from "./MessageView";
import { ProblemView } from "./ProblemView";
import type { LiveAnswer } from "./liveAnswer";
import type { RunState } from "./useChatRun";

type ConversationProps = {
  messages: ConversationMessage[];
  run: RunState;
  /** The answer as it streams. */
  live: LiveAnswer;
  onResend: (messageId: string, text: string) => void;
  onDelete: (messageId: string) => void;
  /** Regenerate: sends the last question again for another answer. */
  onResendLast: () => void;
  /** Retry after a problem: sends the last question again, keeping what came of it till then. */
  onRetry: () => void;
  /** Shown when there is no message yet. */
  empty: ReactNode;
  /** The deployment's prices, for each answer's estimated cost; none while unknown. */
  quote?: PriceQuote | null;
  /** The deployment talked to: a refusal for access says what to do about it. */
  target?: ConversationTarget | null;
};

function noop() {}

/** Within this many pixels of the end counts as "at the bottom" (sub-pixel sizes, margins). */
const BOTTOM_SLACK = 48;
/** Messages painted when a conversation opens (and added per "Show earlier"). */
const SHOWN_AT_FIRST = 40;

/**
 * The messages, the answer streaming in, and how the last send ended. Follows a streaming answer
 * down only while the person is at the bottom: scrolling up to read stops the following.
 */
export function Conversation({
  messages,
  run,
  live,
  onResend,
  onDelete,
  onResendLast,
  onRetry,
  empty,
  quote = null,
  target = null,
}: ConversationProps) {
  const log = useRef<HTMLDivElement>(null);
  // A long conversation opens on its last messages; earlier ones are a click away, so opening one
  // of 500 messages paints a few dozen, not all of them.
  const [shown, setShown] = useState(SHOWN_AT_FIRST);
  const [shownFor, setShownFor] = useState(messages[0]?.id);
  if (shownFor !== messages[0]?.id) {
    setShownFor(messages[0]?.id);
    setShown(SHOWN_AT_FIRST);
  }
  const hidden = Math.max(0, messages.length - shown);
  // The answer streaming in and the message it becomes are one row under one key (its run's), so
  // what was painted while it streamed stays on the screen: a long answer is not built again.
  const [rowKeys, setRowKeys] = useState<ReadonlyMap<string, string>>(new Map());
  const handedOver = run.status === "done" ? run.outcome?.message : undefined;
  if (handedOver && run.runId !== null && !rowKeys.has(handedOver.id)) {
    setRowKeys(new Map(rowKeys).set(handedOver.id, run.runId));
  }
  const atBottom = useRef(true);
  const streaming = run.status === "streaming";
  const outcome = run.status === "done" ? run.outcome : null;
  const lastMessage = messages[messages.length - 1];
  const lastId = lastMessage?.id;
  const lastIsQuestion = lastMessage?.role === "user";
  let lastAnswer = -1;
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    if (messages[i]?.role === "assistant") {
      lastAnswer = i;
      break;
    }
  }

  // Keeps the end of a growing answer in view while the reader is there.
  const follow = useCallback(() => {
    const element = log.current;
    if (element !== null && atBottom.current) element.scrollTop = element.scrollHeight;
  }, []);

  const rows = messages.slice(hidden).map((message, offset) => (
    <MessageView
      key={rowKeys.get(message.id) ?? message.id}
      message={message}
      last={hidden + offset === lastAnswer && hidden + offset === messages.length - 1}
      busy={streaming}
      onResend={(text) => onResend(message.id, text)}
      onDelete={() => onDelete(message.id)}
      onRegenerate={onResendLast}
      quote={quote}
    />
  ));
  if (streaming && run.runId !== null) {
    // In the same list as the messages, so its key carries it over when it joins them.
    rows.push(
      <MessageView
        key={run.runId}
        message={{ id: run.runId, role: "assistant", content: "" }}
        last={false}
        busy
        onResend={noop}
        onDelete={noop}
        onRegenerate={noop}
        live={{ answer: live, facts: <StreamingFactsView live={live} />, onGrow: follow }}
      />,
    );
  }

  // A new question always brings the end into view.
  useLayoutEffect(() => {
    if (lastIsQuestion) atBottom.current = true;
  }, [lastId, lastIsQuestion]);

  // A new message or the end of an answer: still at the bottom if the reader was.
  useLayoutEffect(() => follow(), [follow, messages, run.status]);

  return (
    <div
      ref={log}
      className="conversation"
      data-testid="conversation"
      role="log"
      aria-label="Conversation"
      aria-live="polite"
      // Screen readers wait for the whole answer instead of reading each piece as it lands.
      aria-busy={streaming || undefined}
      tabIndex={0}
      onScroll={(event) => {
        const element = event.currentTarget;
        atBottom.current =
          element.scrollHeight - element.scrollTop - element.clientHeight <= BOTTOM_SLACK;
      }}
    >
      {messages.length === 0 && !streaming && empty}
      {hidden > 0 && (
        <button
          type="button"
          className="button button-small conversation-earlier"
          data-testid="show-earlier"
          onClick={() => {
            // Keep the reader where they are: earlier messages appear above.
            atBottom.current = false;
            setShown((n) => n + SHOWN_AT_FIRST);
          }}
        >
          Show {Math.min(hidden, SHOWN_AT_FIRST)} earlier messages ({hidden} not shown)
        </button>
      )}
      {rows}

      {outcome?.problem && (
        <ProblemView
          problem={outcome.problem}
          receivedAtMs={run.receivedAtMs}
          onRetry={onRetry}
          target={target}
        />
      )}
      {outcome?.stopped === true && outcome.message === null && (
        <p className="muted conversation-note" data-testid="stopped-note">
          Stopped before any text arrived
        </p>
      )}
      {run.status === "done" && run.failure !== null && (
        <ErrorNotice
          title="The question could not be sent"
          error={run.failure}
          onRetry={onRetry}
        />
      )}
    </div>
  );
}
