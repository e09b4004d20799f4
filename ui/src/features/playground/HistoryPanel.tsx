import { useEffect, useId, useRef, useState, type MouseEvent } from "react";
import type { ConversationSummary, ExportFormat } from "../../bindings";
import { ErrorNotice } from "../../components/ErrorNotice";
import "../../styles/forms.css";
import "../../styles/playground-panels.css";
import {
  useConversations,
  useDeleteConversation,
  useExportConversation,
  useRenameConversation,
} from "./playgroundQueries";

type HistoryPanelProps = {
  activeId: string | null;
  onOpen: (id: string) => void;
  onNew: () => void;
};

/** How long typing must pause before the list is searched. */
export const SEARCH_DELAY_MS = 200;

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

/** The text typed in the search box, once typing has paused. */
function useDebounced(text: string, delayMs: number): string {
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(text), delayMs);
    return () => clearTimeout(timer);
  }, [text, delayMs]);
  return settled;
}

type Editing = { id: string; kind: "rename" | "delete" } | null;

type ItemProps = {
  item: ConversationSummary;
  active: boolean;
  editing: Editing;
  setEditing: (editing: Editing) => void;
  onOpen: (id: string) => void;
  onExport: (item: ConversationSummary, format: ExportFormat) => void;
  onDeleted: (id: string) => void;
  exporting: boolean;
};

/** One saved conversation: opens on click or Enter, with Rename, Export and Delete beside it. */
function HistoryItem(props: ItemProps) {
  const { item, active, editing, setEditing, onOpen, onExport, onDeleted, exporting } = props;
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

/**
 * The saved conversations, newest first: search them, open one, rename, export or delete it.
 * Conversations are saved as they happen, so there is nothing to save here.
 */
export function HistoryPanel({ activeId, onOpen, onNew }: HistoryPanelProps) {
  const id = useId();
  const [search, setSearch] = useState("");
  const query = useDebounced(search, SEARCH_DELAY_MS).trim();
  const conversations = useConversations(query);
  const exportConversation = useExportConversation();
  const [editing, setEditing] = useState<Editing>(null);
  const [exportTitle, setExportTitle] = useState("");
  const searchInput = useRef<HTMLInputElement>(null);

  function startExport(item: ConversationSummary, format: ExportFormat) {
    setExportTitle(item.title);
    exportConversation.mutate({ id: item.id, format });
  }

  function deleted(deletedId: string) {
    if (exportConversation.variables?.id === deletedId) exportConversation.reset();
    // Its item is gone: the keyboard goes on from the top of the panel.
    searchInput.current?.focus();
    if (deletedId === activeId) onNew();
  }

  const items = conversations.data ?? [];
  // While a new search runs the previous list stays, but "no match" waits for its own answer.
  const settled = conversations.isSuccess && !conversations.isPlaceholderData;

  return (
    <section className="history-panel" data-testid="history-panel" aria-labelledby={`${id}-title`}>
      <div className="history-header">
        <h2 id={`${id}-title`} className="panel-title">
          History
        </h2>
        <button
          type="button"
          className="button button-small"
          data-testid="history-new"
          onClick={onNew}
        >
          New chat
        </button>
      </div>
      <input
        ref={searchInput}
        type="search"
        className="input"
        data-testid="history-search"
        aria-label="Search conversations"
        placeholder="Search conversations"
        value={search}
        onChange={(event) => setSearch(event.target.value)}
      />

      {exportConversation.isPending && (
        <p className="muted" role="status">
          Exporting '{exportTitle}'…
        </p>
      )}
      {exportConversation.isSuccess && (
        <p className="history-export" role="status" data-testid="export-result">
          Saved to <span className="path">{exportConversation.data}</span>
        </p>
      )}
      {exportConversation.isError && (
        <ErrorNotice
          title={`Couldn’t export '${exportTitle}'.`}
          error={exportConversation.error}
        />
      )}

      {conversations.isPending && (
        <p className="muted" role="status">
          Loading conversations…
        </p>
      )}
      {conversations.isError && (
        <ErrorNotice
          title="Couldn’t read the saved conversations."
          error={conversations.error}
          onRetry={() => void conversations.refetch()}
        />
      )}
      {settled && items.length === 0 && (
        <p className="muted history-empty" data-testid="history-empty">
          {query === ""
            ? "No conversations yet — they are saved here automatically."
            : `No conversation mentions '${query}'.`}
        </p>
      )}
      {items.length > 0 && (
        <ul
          className="history-list"
          aria-label="Saved conversations"
          aria-busy={conversations.isFetching || undefined}
        >
          {items.map((item) => (
            <HistoryItem
              key={item.id}
              item={item}
              active={item.id === activeId}
              editing={editing}
              setEditing={setEditing}
              onOpen={onOpen}
              onExport={startExport}
              onDeleted={deleted}
              exporting={exportConversation.isPending}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
