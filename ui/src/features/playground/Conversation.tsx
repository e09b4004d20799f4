import { useLayoutEffect, useRef, useState, type ReactNode } from "react";
import type { ConversationMessage } from "../../bindings";
import { ErrorNotice } from "../../components/ErrorNotice";
import { StreamingFactsView } from "./AnswerFactsView";
import { Markdown } from "./Markdown";
import { MessageView } from "./MessageView";
import { ProblemView } from "./ProblemView";
import type { RunState } from "./useChatRun";

type ConversationProps = {
  messages: ConversationMessage[];
  run: RunState;
  onResend: (messageId: string, text: string) => void;
  onDelete: (messageId: string) => void;
  /** Regenerate: sends the last question again for another answer. */
  onResendLast: () => void;
  /** Retry after a problem: sends the last question again, keeping what came of it till then. */
  onRetry: () => void;
  /** Shown when there is no message yet. */
  empty: ReactNode;
};

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
  onResend,
  onDelete,
  onResendLast,
  onRetry,
  empty,
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

  // A new question always brings the end into view.
  useLayoutEffect(() => {
    if (lastIsQuestion) atBottom.current = true;
  }, [lastId, lastIsQuestion]);

  useLayoutEffect(() => {
    const element = log.current;
    if (element !== null && atBottom.current) element.scrollTop = element.scrollHeight;
  }, [messages, run.text, run.status]);

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
      {messages.slice(hidden).map((message, offset) => (
        <MessageView
          key={message.id}
          message={message}
          last={hidden + offset === lastAnswer && hidden + offset === messages.length - 1}
          busy={streaming}
          onResend={(text) => onResend(message.id, text)}
          onDelete={() => onDelete(message.id)}
          onRegenerate={onResendLast}
        />
      ))}

      {streaming && (
        <article
          className="message message-assistant message-streaming"
          data-testid="message"
          data-role="assistant"
          data-streaming="true"
          aria-label="Answer"
        >
          {run.text === "" ? (
            <p className="muted message-waiting" data-testid="waiting-first-token">
              <span className="spinner" aria-hidden="true" /> Waiting for the first token…
            </p>
          ) : (
            <Markdown text={run.text} streaming />
          )}
          <StreamingFactsView run={run} />
        </article>
      )}

      {outcome?.problem && (
        <ProblemView problem={outcome.problem} receivedAtMs={run.receivedAtMs} onRetry={onRetry} />
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
