import { useId, type RefObject } from "react";

type ComposerProps = {
  value: string;
  onChange: (text: string) => void;
  onSend: () => void;
  onStop: () => void;
  /** An answer is streaming: Send becomes Stop (typing the next question goes on). */
  streaming: boolean;
  /** Why nothing can be sent now (no deployment, a parameter out of range); null when it can. */
  blocked: string | null;
  inputRef: RefObject<HTMLTextAreaElement | null>;
};

/** Where the question is typed: Send (or Ctrl+Enter / ⌘+Enter), and Stop while answering. */
export function Composer({
  value,
  onChange,
  onSend,
  onStop,
  streaming,
  blocked,
  inputRef,
}: ComposerProps) {
  const id = useId();
  const canSend = !streaming && blocked === null && value.trim() !== "";
  const reason = streaming ? null : blocked;
  return (
    <form
      className="composer"
      aria-label="Ask"
      onSubmit={(event) => {
        event.preventDefault();
        if (canSend) onSend();
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        Message
      </label>
      <textarea
        id={id}
        ref={inputRef}
        className="input textarea composer-input"
        data-testid="composer-input"
        rows={3}
        placeholder="Ask something… (Ctrl+Enter to send)"
        value={value}
        aria-describedby={reason === null ? undefined : `${id}-reason`}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            if (canSend) onSend();
          }
        }}
      />
      <div className="composer-actions">
        {reason !== null && (
          <p id={`${id}-reason`} className="composer-reason" data-testid="send-blocked">
            {reason}
          </p>
        )}
        <span className="muted composer-hint" aria-hidden="true">
          Ctrl+Enter to send{streaming ? " · Esc to stop" : ""}
        </span>
        {streaming ? (
          <button
            type="button"
            className="button button-danger"
            data-testid="stop-button"
            onClick={onStop}
          >
            Stop
          </button>
        ) : (
          <button
            type="submit"
            className="button button-primary"
            data-testid="send-button"
            disabled={!canSend}
          >
            Send
          </button>
        )}
      </div>
    </form>
  );
}
