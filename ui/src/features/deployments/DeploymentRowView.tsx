import { memo } from "react";
import type { DeploymentRow } from "../../bindings";
import { formatCount, noValue, rateText, statusText, upgradePolicyText } from "./format";

type DeploymentRowViewProps = {
  row: DeploymentRow;
  highlighted: boolean;
  confirming: boolean;
  managing: boolean;
  /** Stable across renders, so unchanged rows skip re-rendering. */
  onAskDelete: (name: string) => void;
  /** Opens the row's Manage panel, or closes it when open; stable like onAskDelete. */
  onToggleManage: (name: string) => void;
};

/** One deployment: plain cells, no queries, memoized — a resource may have hundreds. */
export const DeploymentRowView = memo(function DeploymentRowView({
  row,
  highlighted,
  confirming,
  managing,
  onAskDelete,
  onToggleManage,
}: DeploymentRowViewProps) {
  const status = statusText(row.status);
  const rate = rateText(row);
  return (
    <tr
      className="deployment-row"
      data-testid="deployment-row"
      data-deployment-name={row.name}
      data-highlighted={highlighted ? "true" : undefined}
    >
      <th scope="row" className="deployment-name">
        <span className="deployments-mono">{row.name}</span>
        {row.warning !== null && (
          <span className="deployments-badge tone-warning" data-testid="retirement-badge">
            {row.warning}
          </span>
        )}
      </th>
      <td>
        {row.model}
        {row.modelVersion !== null && <span className="cell-version"> {row.modelVersion}</span>}
      </td>
      <td>{row.sku ?? noValue}</td>
      <td className="deployment-capacity" data-testid="deployment-capacity">
        {row.capacity === null ? (
          noValue
        ) : (
          <>
            <span className="cell-number">{formatCount(row.capacity)}</span>
            {rate !== null && <span className="cell-secondary">{rate}</span>}
          </>
        )}
      </td>
      <td>
        <span className={`deployments-badge tone-${status.tone}`} data-testid="deployment-state">
          {status.label}
        </span>
      </td>
      <td title={row.upgradePolicy ?? undefined}>{upgradePolicyText(row.upgradePolicy)}</td>
      <td>{row.contentFilter ?? noValue}</td>
      <td className="deployment-actions">
        <button
          type="button"
          className="button button-small"
          data-testid="manage-deployment"
          aria-label={`Manage ${row.name}`}
          aria-expanded={managing}
          onClick={() => onToggleManage(row.name)}
        >
          Manage
        </button>{" "}
        <button
          type="button"
          className="button button-small"
          data-testid="delete-deployment"
          aria-label={`Delete ${row.name}`}
          aria-expanded={confirming}
          onClick={() => onAskDelete(row.name)}
        >
          Delete
        </button>
      </td>
    </tr>
  );
});
