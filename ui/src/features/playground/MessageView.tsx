import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import type { ConversationMessage, PriceQuote } from "../../bindings";
import { CopyButton } from "../../components/CopyButton";
import { AnswerFactsView } from "./AnswerFactsView";
import { AnswerText } from "./AnswerText";
import type { LiveAnswer } from "./liveAnswer";

type MessageViewProps = {
  message: ConversationMessage;
  /** The last answer: the one Regenerate replaces. */
  last: boolean;
  /** An answer is streaming: nothing may change under it. */
  busy: boolean;
  onResend: (text: string) => void;
  onDelete: () => void;
  onRegenerate: () => void;
  /** Set while the answer streams in: it has no actions yet. */
  live?: StreamingAnswer;
  /** The deployment's prices, for an answer's estimated cost. */
  quote?: PriceQuote | null;
};

/** An answer streaming in: its growing text, and what is known of it so far instead of its numbers. */
export type StreamingAnswer = {
  answer: LiveAnswer;
  facts: ReactNode;
  /** Called once newly arrived text is on the page. */
  onGrow: () => void;
};

function EditQuestion({
  initial,
  onSave,
  onCancel,
}: {
  initial: string;
  onSave: (text: string) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [text, setText] = useState(initial);
  const input = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const field = input.current;
    field?.focus();
    field?.setSelectionRange(field.value.length, field.value.length);
  }, []);
  const canSave = text.trim() !== "";
  return (
    <form
      className="message-edit"
      onSubmit={(event) => {
        event.preventDefault();
        if (canSave) onSave(text);
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          onCancel();
        } else if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          if (canSave) onSave(text);
        }
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        Edit the question
      </label>
      <textarea
        id={id}
        ref={input}
        className="input textarea"
        data-testid="edit-input"
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <div className="button-row">
        <button
          type="submit"
          className="button button-small button-primary"
          data-testid="resend-button"
          disabled={!canSave}
        >
          Save &amp; resend
        </button>
        <button
          type="button"
          className="button button-small"
          data-testid="edit-cancel"
          onClick={onCancel}
        >
          Cancel
        </button>
      </div>
      <p className="muted message-edit-note">Everything after this question is replaced.</p>
    </form>
  );
}

/**
 * One message: a question as typed, or an answer as Markdown with its facts; and its actions. An
 * answer streaming in is the same view (`live`), so when it ends nothing is built again.
 */
export function MessageView({
  message,
  last,
  busy,
  onResend,
  onDelete,
  onRegenerate,
  live,
  quote = null,
}: MessageViewProps) {
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const user = message.role === "user";
  const who = user ? "Question" : "Answer";
  const streaming = live !== undefined;

  return (
    <article
      className={`message message-${message.role}${streaming ? " message-streaming" : ""}`}
      data-testid="message"
      data-role={message.role}
      data-streaming={streaming || undefined}
      aria-label={who}
    >
      {editing ? (
        <EditQuestion
          initial={message.content}
          onSave={(text) => {
            setEditing(false);
            onResend(text);
          }}
          onCancel={() => {
            setEditing(false);
            // Back to where the person was, not to the top of the page.
            requestAnimationFrame(() => editButton.current?.focus());
          }}
        />
      ) : user ? (
        <p className="message-text">{message.content}</p>
      ) : (
        <AnswerText text={message.content} live={live?.answer} onGrow={live?.onGrow} />
      )}

      {!user && message.incomplete === true && (
        <span className="badge badge-warning message-incomplete" data-testid="message-incomplete">
          {/* Stopped by the person (saved with the message), else cut off. */}
          {message.stopped === true ? "Stopped" : "Incomplete — the answer was cut off"}
        </span>
      )}
      {!user && message.answer && <AnswerFactsView facts={message.answer} quote={quote} />}
      {live?.facts}

      {!editing && !streaming && (
        <div className="message-actions" role="group" aria-label={`${who} actions`}>
          {user ? (
            <button
              ref={editButton}
              type="button"
              className="button button-small"
              data-testid="edit-message"
              aria-label="Edit question"
              disabled={busy}
              onClick={() => setEditing(true)}
            >
              Edit
            </button>
          ) : (
            <>
              <CopyButton text={message.content} label="Copy" testId="copy-message" />
              {last && (
                <button
                  type="button"
                  className="button button-small"
                  data-testid="regenerate-button"
                  aria-label="Regenerate answer"
                  disabled={busy}
                  onClick={onRegenerate}
                >
                  Regenerate
                </button>
              )}
            </>
          )}
          <button
            type="button"
            className="button button-small"
            data-testid="delete-message"
            aria-label={user ? "Delete question" : "Delete answer"}
            disabled={busy}
            onClick={onDelete}
          >
            Delete
          </button>
        </div>
      )}
    </article>
  );
}
