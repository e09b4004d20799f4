import type { DeploymentRow } from "../../bindings";
import { statusText } from "./format";

export type SortColumn = "name" | "model" | "type" | "capacity" | "upgrade" | "filter" | "state";
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
    case "type":
      return row.sku;
    case "capacity":
      return row.capacity;
    case "upgrade":
      return row.upgradePolicy;
    case "filter":
      return row.contentFilter;
    case "state":
      return statusText(row.status).label;
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
