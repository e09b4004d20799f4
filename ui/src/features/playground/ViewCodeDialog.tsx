import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { createPortal } from "react-dom";
import {
  commands,
  type ConversationMessage,
  type ConversationTarget,
  type PlaygroundParameters,
} from "../../bindings";
import { CodeBlock } from "../../components/CodeBlock";
import { ErrorNotice } from "../../components/ErrorNotice";
import { unwrap } from "../../lib/unwrap";
import "../../styles/playground-panels.css";

type ViewCodeDialogProps = {
  target: ConversationTarget;
  parameters: PlaygroundParameters;
  messages: ConversationMessage[];
  onClose: () => void;
};

const focusable =
  'button:not(:disabled), [href], input:not(:disabled), select:not(:disabled), [tabindex="0"]';

/** Keeps Tab and Shift+Tab inside `container`, wrapping at either end. */
function trapTab(event: KeyboardEvent<HTMLElement>, container: HTMLElement) {
  const items = [...container.querySelectorAll<HTMLElement>(focusable)].filter(
    (element) => element.tabIndex >= 0,
  );
  const first = items[0];
  const last = items[items.length - 1];
  if (first === undefined || last === undefined) {
    event.preventDefault();
    return;
  }
  const active = document.activeElement;
  if (event.shiftKey && (active === first || active === container)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}

/**
 * The conversation and its parameters as code to run elsewhere: curl, Python, JavaScript and
 * Rust, written by Rust exactly as it sends them, with the key left in an environment variable.
 */
export function ViewCodeDialog({ target, parameters, messages, onClose }: ViewCodeDialogProps) {
  const id = useId();
  const dialog = useRef<HTMLDivElement>(null);
  const tabs = useRef(new Map<string, HTMLButtonElement>());
  const [language, setLanguage] = useState<string | null>(null);
  const snippets = useQuery({
    queryKey: ["viewCode", target, parameters, messages],
    queryFn: () => unwrap(commands.viewCode(target, parameters, messages)),
  });

  // Into the dialog when it opens, and back where it was when it closes.
  useEffect(() => {
    const before = document.activeElement;
    dialog.current?.focus();
    return () => {
      if (before instanceof HTMLElement && before.isConnected) before.focus();
    };
  }, []);

  const list = snippets.data ?? [];
  const shown = list.find((snippet) => snippet.language === language) ?? list[0];

  function moveTab(event: KeyboardEvent<HTMLDivElement>) {
    const at = list.findIndex((snippet) => snippet === shown);
    const moves: Record<string, number> = {
      ArrowRight: (at + 1) % list.length,
      ArrowLeft: (at - 1 + list.length) % list.length,
      Home: 0,
      End: list.length - 1,
    };
    const next = list[moves[event.key] ?? -1];
    if (next === undefined) return;
    event.preventDefault();
    setLanguage(next.language);
    tabs.current.get(next.language)?.focus();
  }

  return createPortal(
    <div
      className="code-dialog-backdrop"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div
        ref={dialog}
        className="code-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        data-testid="code-dialog"
        tabIndex={-1}
        onKeyDown={(event) => {
          if (event.key === "Escape") {
            event.stopPropagation();
            onClose();
          } else if (event.key === "Tab" && dialog.current !== null) {
            trapTab(event, dialog.current);
          }
        }}
      >
        <div className="code-dialog-header">
          <h2 id={`${id}-title`} className="code-dialog-title">
            View code
          </h2>
          <button
            type="button"
            className="button button-small"
            data-testid="code-close"
            onClick={onClose}
          >
            Close
          </button>
        </div>
        <p className="muted code-dialog-note" data-testid="code-key-note">
          The key is read from an environment variable; it is never written into the code.
        </p>

        {snippets.isPending && (
          <p className="muted" role="status">
            Writing the code…
          </p>
        )}
        {snippets.isError && (
          <ErrorNotice
            title="Couldn’t write the code."
            error={snippets.error}
            onRetry={() => void snippets.refetch()}
          />
        )}
        {shown !== undefined && (
          <>
            <div
              className="code-tabs"
              role="tablist"
              aria-label="Language"
              onKeyDown={moveTab}
            >
              {list.map((snippet) => {
                const selected = snippet === shown;
                return (
                  <button
                    key={snippet.language}
                    ref={(element) => {
                      if (element === null) tabs.current.delete(snippet.language);
                      else tabs.current.set(snippet.language, element);
                    }}
                    type="button"
                    role="tab"
                    id={`${id}-tab-${snippet.language}`}
                    className="code-tab"
                    data-testid={`code-tab-${snippet.language}`}
                    aria-selected={selected}
                    aria-controls={`${id}-panel`}
                    tabIndex={selected ? 0 : -1}
                    onClick={() => setLanguage(snippet.language)}
                  >
                    {snippet.label}
                  </button>
                );
              })}
            </div>
            <div
              id={`${id}-panel`}
              className="code-panel"
              role="tabpanel"
              aria-labelledby={`${id}-tab-${shown.language}`}
            >
              <p className="code-setup" data-testid="code-setup">
                <span className="muted">First: </span>
                <code>{shown.setup}</code>
              </p>
              <CodeBlock
                title={shown.label}
                text={shown.code}
                testId="code-snippet"
                copyTestId="code-copy"
                copyLabel="Copy code"
              />
            </div>
          </>
        )}
      </div>
    </div>,
    document.body,
  );
}
