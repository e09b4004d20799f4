import { useId } from "react";

type DeploymentsToolbarProps = {
  filter: string;
  onFilter: (text: string) => void;
  refreshing: boolean;
  onRefresh: () => void;
  onNew: () => void;
  /** "12 deployments", "3 of 12 deployments"; null while they load. */
  count: string | null;
  /** Why the filter and New deployment wait (a change or delete in flight), else null. */
  busy: string | null;
};

export function DeploymentsToolbar({
  filter,
  onFilter,
  refreshing,
  onRefresh,
  onNew,
  count,
  busy,
}: DeploymentsToolbarProps) {
  const id = useId();
  return (
    <div className="deployments-toolbar">
      <label htmlFor={id} className="deployments-sr-only">
        Filter deployments
      </label>
      <input
        id={id}
        type="search"
        className="input deployments-filter"
        data-testid="deployments-filter"
        placeholder="Filter by name, model or type"
        value={filter}
        disabled={busy !== null}
        title={busy ?? undefined}
        onChange={(event) => onFilter(event.target.value)}
      />
      {count !== null && (
        <span className="muted deployments-count" data-testid="deployments-count">
          {count}
        </span>
      )}
      <div className="deployments-toolbar-actions">
        <button
          type="button"
          className="button"
          data-testid="deployments-refresh"
          disabled={refreshing}
          onClick={onRefresh}
        >
          {refreshing ? "Refreshing…" : "Refresh"}
        </button>
        <button
          type="button"
          className="button button-primary"
          data-testid="new-deployment"
          disabled={busy !== null}
          title={busy ?? undefined}
          onClick={onNew}
        >
          New deployment
        </button>
      </div>
    </div>
  );
}
