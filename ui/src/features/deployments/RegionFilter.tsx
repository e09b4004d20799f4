import { useId } from "react";
import type { RegionChoice } from "./regionFilter";

type RegionFilterProps = {
  choices: readonly RegionChoice[];
  /** How many resources there are in all. */
  total: number;
  /** The key of the region shown; null for all. */
  value: string | null;
  onChange: (region: string | null) => void;
  /** The default region from Settings when no resource is in it. */
  missedDefault: string | null;
};

/** Narrows the resource list to one region: "All regions" or a region the resources are in. */
export function RegionFilter({ choices, total, value, onChange, missedDefault }: RegionFilterProps) {
  const id = useId();
  return (
    <div className="region-filter">
      <label htmlFor={id} className="region-filter-label">
        Filter by region
      </label>
      <select
        id={id}
        className="select region-filter-select"
        data-testid="region-filter"
        value={value ?? ""}
        aria-describedby={missedDefault === null ? undefined : `${id}-note`}
        onChange={(event) => onChange(event.target.value === "" ? null : event.target.value)}
      >
        <option value="">All regions ({total})</option>
        {choices.map((choice) => (
          <option key={choice.key} value={choice.key}>
            {choice.label} ({choice.count})
          </option>
        ))}
      </select>
      {missedDefault !== null && (
        <p id={`${id}-note`} className="muted region-filter-note" data-testid="region-filter-note">
          No account in {missedDefault}; showing all regions.
        </p>
      )}
    </div>
  );
}
