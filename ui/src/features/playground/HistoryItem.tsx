import { useEffect, useRef, useState, type MouseEvent } from "react";
import type { ConversationSummary, ExportFormat } from "../../bindings";
import { ErrorNotice } from "../../components/ErrorNotice";
import "../../styles/forms.css";
import "../../styles/playground-panels.css";
import { useDeleteConversation, useRenameConversation } from "./playgroundQueries";

function sameDay(a: Date, b: Date): boolean {
  return (
    a.getFullYear() === b.getFullYear() &&
    a.getMonth() === b.getMonth() &&
    a.getDate() === b.getDate()
  );
}

/**
 * When a conversation was last touched, as the list says it: "today 14:05", "yesterday 09:12",
 * "12 Nov", or "12 Nov 2024" for an earlier year (in the machine's locale).
 */
export function relativeDate(ms: number, now: Date = new Date(), locale?: string): string {
  const when = new Date(ms);
  const time = when.toLocaleTimeString(locale, { hour: "2-digit", minute: "2-digit" });
  if (sameDay(when, now)) return `today ${time}`;
  const yesterday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1);
  if (sameDay(when, yesterday)) return `yesterday ${time}`;
  const sameYear = when.getFullYear() === now.getFullYear();
  return when.toLocaleDateString(locale, {
    day: "numeric",
    month: "short",
    year: sameYear ? undefined : "numeric",
  });
}

function countText(count: number): string {
  return count === 1 ? "1 message" : `${count} messages`;
}

export type Editing = { id: string; kind: "rename" | "delete" } | null;

type ItemProps = {
  item: ConversationSummary;
  active: boolean;
  editing: Editing;
  setEditing: (editing: Editing) => void;
  onOpen: (id: string) => void;
  onExport: (item: ConversationSummary, format: ExportFormat) => void;
  onDeleted: (id: string) => void;
  onRenamed: (id: string, title: string) => void;
  exporting: boolean;
};

/** One saved conversation: opens on click or Enter, with Rename, Export and Delete beside it. */
export function HistoryItem(props: ItemProps) {
  const { item, active, editing, setEditing, onOpen, onExport, onDeleted, onRenamed } = props;
  const { exporting } = props;
  const renaming = editing?.id === item.id && editing.kind === "rename";
  const confirming = editing?.id === item.id && editing.kind === "delete";
  const rename = useRenameConversation();
  const remove = useDeleteConversation();
  const [title, setTitle] = useState(item.title);
  const openButton = useRef<HTMLButtonElement>(null);
  // Back on the item's own button once it is shown again, so the keyboard stays where it was.
  const [refocus, setRefocus] = useState(false);
  useEffect(() => {
    if (refocus && openButton.current !== null) {
      openButton.current.focus();
      setRefocus(false);
    }
  });
  const when = item.updatedAtMs ?? item.createdAtMs;

  function close() {
    setEditing(null);
    rename.reset();
    remove.reset();
    setRefocus(true);
  }

  async function saveTitle() {
    const next = title.trim();
    if (next === "" || rename.isPending) return;
    if (next === item.title) {
      close();
      return;
    }
    try {
      await rename.mutateAsync({ id: item.id, title: next });
      onRenamed(item.id, next);
      close();
    } catch {
      // Shown under the input from the mutation's state, the title kept as typed.
    }
  }

  async function confirmDelete() {
    try {
      await remove.mutateAsync(item.id);
      setEditing(null);
      onDeleted(item.id);
    } catch {
      // Shown under the confirmation from the mutation's state.
    }
  }

  // A click anywhere on the item opens it, but not one on its own buttons or the rename input.
  function openFromClick(event: MouseEvent<HTMLLIElement>) {
    if (renaming || confirming) return;
    const from = event.target as HTMLElement;
    if (from.closest("[data-history-controls]") !== null) return;
    onOpen(item.id);
  }

  return (
    <li
      className="history-item"
      data-testid="history-item"
      data-id={item.id}
      aria-current={active ? "true" : undefined}
      onClick={openFromClick}
    >
      {renaming ? (
        <form
          className="history-rename"
          data-history-controls
          onSubmit={(event) => {
            event.preventDefault();
            void saveTitle();
          }}
          onKeyDown={(event) => {
            if (event.key === "Escape") {
              event.stopPropagation();
              close();
            }
          }}
        >
          <input
            className="input"
            data-testid="history-rename-input"
            aria-label={`New title for '${item.title}'`}
            value={title}
            maxLength={200}
            autoFocus
            onFocus={(event) => event.target.select()}
            disabled={rename.isPending}
            onChange={(event) => setTitle(event.target.value)}
          />
          <div className="history-controls">
            <button
              type="submit"
              className="button button-small button-primary"
              data-testid="history-rename-save"
              disabled={title.trim() === "" || rename.isPending}
            >
              {rename.isPending ? "Saving…" : "Save"}
            </button>
            <button
              type="button"
              className="button button-small"
              data-testid="history-rename-cancel"
              disabled={rename.isPending}
              onClick={close}
            >
              Cancel
            </button>
          </div>
          {rename.isError && <ErrorNotice title="Couldn’t rename it." error={rename.error} />}
        </form>
      ) : (
        <button
          ref={openButton}
          type="button"
          className="history-open"
          data-testid="history-open"
          aria-current={active ? "true" : undefined}
        >
          <span className="history-title">{item.title}</span>
          <span className="history-meta">
            {item.deployment}
            {when === null ? "" : ` · ${relativeDate(when)}`} · {countText(item.messageCount)}
          </span>
        </button>
      )}

      {confirming ? (
        <div
          className="history-confirm"
          role="group"
          aria-label={`Delete '${item.title}'`}
          data-history-controls
          data-testid="history-delete-confirmation"
          onKeyDown={(event) => {
            if (event.key === "Escape") {
              event.stopPropagation();
              close();
            }
          }}
        >
          <p>Delete this conversation? It cannot be brought back.</p>
          <div className="history-controls">
            <button
              type="button"
              className="button button-small button-danger"
              data-testid="history-delete-confirm"
              disabled={remove.isPending}
              autoFocus
              onClick={() => void confirmDelete()}
            >
              {remove.isPending ? "Deleting…" : "Delete"}
            </button>
            <button
              type="button"
              className="button button-small"
              data-testid="history-delete-cancel"
              disabled={remove.isPending}
              onClick={close}
            >
              Cancel
            </button>
          </div>
          {remove.isError && <ErrorNotice title="Couldn’t delete it." error={remove.error} />}
        </div>
      ) : (
        !renaming && (
          <div className="history-controls history-actions" data-history-controls>
            <button
              type="button"
              className="history-action"
              data-testid="history-rename"
              aria-label={`Rename '${item.title}'`}
              onClick={() => {
                setTitle(item.title);
                rename.reset();
                setEditing({ id: item.id, kind: "rename" });
              }}
            >
              Rename
            </button>
            <button
              type="button"
              className="history-action"
              data-testid="history-export-md"
              aria-label={`Export '${item.title}' as Markdown`}
              disabled={exporting}
              onClick={() => onExport(item, "markdown")}
            >
              .md
            </button>
            <button
              type="button"
              className="history-action"
              data-testid="history-export-json"
              aria-label={`Export '${item.title}' as JSON`}
              disabled={exporting}
              onClick={() => onExport(item, "json")}
            >
              .json
            </button>
            <button
              type="button"
              className="history-action history-action-danger"
              data-testid="history-delete"
              aria-label={`Delete '${item.title}'`}
              onClick={() => {
                remove.reset();
                setEditing({ id: item.id, kind: "delete" });
              }}
            >
              Delete
            </button>
          </div>
        )
      )}
    </li>
  );
}
