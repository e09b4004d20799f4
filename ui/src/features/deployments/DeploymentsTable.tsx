import { Fragment, useEffect, useRef, type ReactNode } from "react";
import type { DeploymentRow } from "../../bindings";
import { DeploymentRowView } from "./DeploymentRowView";
import type { Sort, SortColumn } from "./rows";

const columns: { id: SortColumn; label: string }[] = [
  { id: "name", label: "Name" },
  { id: "model", label: "Model" },
  { id: "type", label: "Type" },
  { id: "capacity", label: "Capacity" },
  { id: "state", label: "State" },
  { id: "upgrade", label: "Upgrade policy" },
  { id: "filter", label: "Content filter" },
];

type DeploymentsTableProps = {
  rows: readonly DeploymentRow[];
  sort: Sort;
  onSort: (column: SortColumn) => void;
  highlighted: string | null;
  confirming: string | null;
  onAskDelete: (name: string) => void;
  /** The delete confirmation, shown in a row under the deployment it is about. */
  confirmation: ReactNode;
};

export function DeploymentsTable({
  rows,
  sort,
  onSort,
  highlighted,
  confirming,
  onAskDelete,
  confirmation,
}: DeploymentsTableProps) {
  const tableRef = useRef<HTMLTableElement>(null);

  // Bring a just-created deployment into view: with hundreds of rows it may be far down.
  useEffect(() => {
    if (highlighted === null) return;
    const rows = tableRef.current?.querySelectorAll<HTMLElement>("tr[data-deployment-name]") ?? [];
    const row = [...rows].find((element) => element.dataset.deploymentName === highlighted);
    row?.scrollIntoView?.({ block: "nearest" });
  }, [highlighted]);

  return (
    <div className="deployments-table-wrap">
      <table className="deployments-table" data-testid="deployments-table" ref={tableRef}>
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
                    {column.label}
                    <span className="sort-indicator" aria-hidden="true">
                      {sorted ? (sort.direction === "ascending" ? "▲" : "▼") : ""}
                    </span>
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
                onAskDelete={onAskDelete}
              />
              {row.name === confirming && (
                <tr className="deployment-confirm-row">
                  <td colSpan={columns.length + 1}>{confirmation}</td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}
