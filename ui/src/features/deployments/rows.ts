import type { DeploymentRow } from "../../bindings";

/**
 * The table's sortable columns. Each cell has two lines and its header sorts by the first one:
 * Name by name, Model by model and version, Capacity by units, Options by upgrade policy. The
 * second lines (state, deployment type, rates, content filter) are not sort keys, to keep one
 * sort per header; the filter box still finds a deployment type.
 */
export type SortColumn = "name" | "model" | "capacity" | "upgrade";
export type SortDirection = "ascending" | "descending";
export type Sort = { column: SortColumn; direction: SortDirection };

export const defaultSort: Sort = { column: "name", direction: "ascending" };

type SortValue = string | number | null;

function sortValue(row: DeploymentRow, column: SortColumn): SortValue {
  switch (column) {
    case "name":
      return row.name;
    case "model":
      return row.modelVersion === null ? row.model : `${row.model} ${row.modelVersion}`;
    case "capacity":
      return row.capacity;
    case "upgrade":
      // Azure's names, which read from least to most eager: NoAutoUpgrade,
      // OnceCurrentVersionExpired, OnceNewDefaultVersionAvailable.
      return row.upgradePolicy;
  }
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });

function compareValues(a: SortValue, b: SortValue): number {
  if (typeof a === "number" && typeof b === "number") {
    return a - b;
  }
  return collator.compare(String(a), String(b));
}

/** A sorted copy; empty cells go last whichever way it is sorted, and ties keep Azure's order. */
export function sortRows(rows: readonly DeploymentRow[], sort: Sort): DeploymentRow[] {
  const sign = sort.direction === "ascending" ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, value: sortValue(row, sort.column) }))
    .sort((a, b) => {
      if (a.value === null || b.value === null) {
        return a.value === b.value ? a.index - b.index : a.value === null ? 1 : -1;
      }
      return sign * compareValues(a.value, b.value) || a.index - b.index;
    })
    .map((entry) => entry.row);
}

/** Rows whose name, model or deployment type contain the text, ignoring case. */
export function filterRows(rows: readonly DeploymentRow[], text: string): readonly DeploymentRow[] {
  const needle = text.trim().toLocaleLowerCase();
  if (needle === "") {
    return rows;
  }
  return rows.filter((row) =>
    [row.name, row.model, row.sku ?? ""].some((field) =>
      field.toLocaleLowerCase().includes(needle),
    ),
  );
}

/** Clicking a header: the other way round on the sorted column, else ascending on the new one. */
export function nextSort(current: Sort, column: SortColumn): Sort {
  if (current.column === column) {
    return { column, direction: current.direction === "ascending" ? "descending" : "ascending" };
  }
  return { column, direction: "ascending" };
}
