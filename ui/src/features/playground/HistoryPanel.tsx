import { useId, useRef, useState } from "react";
import type { ConversationSummary, ExportFormat } from "../../bindings";
import { ErrorNotice } from "../../components/ErrorNotice";
import { useDebounced } from "../../lib/useDebounced";
import "../../styles/forms.css";
import "../../styles/playground-panels.css";
import { HistoryItem, type Editing } from "./HistoryItem";
import { useConversations, useExportConversation } from "./playgroundQueries";

type HistoryPanelProps = {
  activeId: string | null;
  onOpen: (id: string) => void;
  onNew: () => void;
  /** After a conversation is deleted (before `onNew`, when it was the open one). */
  onDeleted?: (id: string) => void;
  /** After a conversation is renamed: the open one's later saves must keep the title. */
  onRenamed?: (id: string, title: string) => void;
};

/** How long typing must pause before the list is searched. */
export const SEARCH_DELAY_MS = 200;

/**
 * The saved conversations, newest first: search them, open one, rename, export or delete it.
 * Conversations are saved as they happen, so there is nothing to save here.
 */
export function HistoryPanel(props: HistoryPanelProps) {
  const { activeId, onOpen, onNew, onDeleted, onRenamed } = props;
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
    onDeleted?.(deletedId);
    if (deletedId === activeId) onNew();
  }

  function renamed(renamedId: string, title: string) {
    onRenamed?.(renamedId, title);
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
              onRenamed={renamed}
              exporting={exportConversation.isPending}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
