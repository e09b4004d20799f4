import { useEffect, useId, useRef } from "react";
import type { UsageRange } from "../../bindings";
import type { UsageSelection } from "./aggregate";
import { RangeSwitch } from "./RangeSwitch";

/** The picker's value for "All deployments" (a deployment name is never empty). */
const allValue = "";

type UsageToolbarProps = {
  range: UsageRange;
  onRange: (range: UsageRange) => void;
  /** The names offered, in the report's order. */
  names: readonly string[];
  selection: UsageSelection;
  onSelection: (selection: UsageSelection) => void;
  /** Opened for one deployment (from its Manage panel): focus the picker, which names it. */
  focusPicker: boolean;
  showTable: boolean;
  onShowTable: (show: boolean) => void;
  /** A new range or a refresh is loading while the last report stays on screen. */
  updating: boolean;
  fetching: boolean;
  onRefresh: () => void;
};

/** Period, deployment, table toggle and Refresh, with the "Updating…" status. */
export function UsageToolbar(props: UsageToolbarProps) {
  const { range, onRange, names, selection, onSelection, focusPicker } = props;
  const id = useId();
  const picker = useRef<HTMLSelectElement>(null);

  useEffect(() => {
    if (focusPicker) picker.current?.focus();
  }, [focusPicker]);

  return (
    <div className="deployments-toolbar usage-toolbar">
      <RangeSwitch value={range} onChange={onRange} />
      <div className="deployments-picker">
        <label htmlFor={`${id}-deployment`}>Deployment</label>
        <select
          id={`${id}-deployment`}
          ref={picker}
          className="select"
          data-testid="usage-deployment"
          value={selection ?? allValue}
          onChange={(event) =>
            onSelection(event.target.value === allValue ? null : event.target.value)
          }
        >
          <option value={allValue}>All deployments</option>
          {names.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </div>
      {/* Always in the page, so screen readers announce the text as it appears. */}
      <span role="status" className="muted usage-updating" data-testid="usage-updating">
        {props.updating ? "Updating…" : ""}
      </span>
      <div className="deployments-toolbar-actions">
        <button
          type="button"
          className="button"
          data-testid="usage-table-toggle"
          aria-pressed={props.showTable}
          onClick={() => props.onShowTable(!props.showTable)}
        >
          Show as table
        </button>
        <button
          type="button"
          className="button"
          data-testid="usage-refresh"
          // aria-disabled, not disabled: the button keeps the focus it was pressed with.
          aria-disabled={props.fetching}
          onClick={() => {
            if (!props.fetching) props.onRefresh();
          }}
        >
          Refresh
        </button>
      </div>
    </div>
  );
}
