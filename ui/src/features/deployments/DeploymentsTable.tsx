import { Fragment, useEffect, useRef, type ReactNode } from "react";
import type { DeploymentRow } from "../../bindings";
import { DeploymentRowView } from "./DeploymentRowView";
import type { Sort, SortColumn } from "./rows";

/**
 * Four sortable columns whose cells have two lines: the value the header sorts by (Options: the
 * upgrade policy), and a muted one the header's second line names; then the actions. Fixed
 * widths (deployments.css, per <col>) keep the table, and the Manage panel or delete
 * confirmation under a row, within the panel's width.
 */
const columns: { id: SortColumn; label: string; detail: string }[] = [
  { id: "name", label: "Name", detail: "state" },
  { id: "model", label: "Model", detail: "type" },
  { id: "capacity", label: "Capacity", detail: "TPM · RPM" },
  { id: "upgrade", label: "Options", detail: "upgrade · filter" },
];

type DeploymentsTableProps = {
  rows: readonly DeploymentRow[];
  sort: Sort;
  onSort: (column: SortColumn) => void;
  highlighted: string | null;
  confirming: string | null;
  managing: string | null;
  onAskDelete: (name: string) => void;
  onToggleManage: (name: string) => void;
  /**
   * The delete confirmation or the Manage panel (one at a time), shown in a row under the
   * deployment it is about.
   */
  detail: ReactNode;
  /** Why every row's Manage and Delete wait (a change or delete in flight), else null. */
  busy: string | null;
};

export function DeploymentsTable({
  rows,
  sort,
  onSort,
  highlighted,
  confirming,
  managing,
  onAskDelete,
  onToggleManage,
  detail,
  busy,
}: DeploymentsTableProps) {
  const tableRef = useRef<HTMLTableElement>(null);
  const managed = useRef<string | null>(managing);
  const expanded = confirming ?? managing;

  // Bring a just-created deployment into view: with hundreds of rows it may be far down.
  useEffect(() => {
    if (highlighted === null) return;
    const rows = tableRef.current?.querySelectorAll<HTMLElement>("tr[data-deployment-name]") ?? [];
    const row = [...rows].find((element) => element.dataset.deploymentName === highlighted);
    row?.scrollIntoView?.({ block: "nearest" });
  }, [highlighted]);

  // A closed Manage panel hands focus back to its row's Manage button, unless something
  // else took it meanwhile (the delete confirmation's input, say).
  useEffect(() => {
    const closed = managed.current;
    managed.current = managing;
    if (closed === null || managing !== null) return;
    const active = document.activeElement;
    if (active !== null && active !== document.body) return;
    const rows = tableRef.current?.querySelectorAll<HTMLElement>("tr[data-deployment-name]") ?? [];
    const row = [...rows].find((element) => element.dataset.deploymentName === closed);
    row?.querySelector<HTMLElement>('[data-testid="manage-deployment"]')?.focus();
  }, [managing]);

  return (
    <div className="deployments-table-wrap deployments-list-wrap">
      <table
        className="deployments-table deployments-list"
        data-testid="deployments-table"
        ref={tableRef}
      >
        <colgroup>
          {columns.map((column) => (
            <col key={column.id} className={`deployments-col-${column.id}`} />
          ))}
          <col className="deployments-col-actions" />
        </colgroup>
        <thead>
          <tr>
            {columns.map((column) => {
              const sorted = sort.column === column.id;
              return (
                <th key={column.id} scope="col" aria-sort={sorted ? sort.direction : undefined}>
                  <button
                    type="button"
                    className="sort-button"
                    data-testid={`sort-${column.id}`}
                    onClick={() => onSort(column.id)}
                  >
                    <span className="sort-label">
                      {column.label}
                      <span className="sort-indicator" aria-hidden="true">
                        {sorted ? (sort.direction === "ascending" ? "▲" : "▼") : ""}
                      </span>
                    </span>{" "}
                    <span className="sort-detail">{column.detail}</span>
                  </button>
                </th>
              );
            })}
            <th scope="col">
              <span className="deployments-sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <Fragment key={row.name}>
              <DeploymentRowView
                row={row}
                highlighted={row.name === highlighted}
                confirming={row.name === confirming}
                managing={row.name === managing}
                onAskDelete={onAskDelete}
                onToggleManage={onToggleManage}
                busy={busy}
              />
              {row.name === expanded && (
                <tr className="deployment-confirm-row">
                  <td colSpan={columns.length + 1}>{detail}</td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}
