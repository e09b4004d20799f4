import { Fragment, memo } from "react";
import type { DeploymentRow } from "../../bindings";
import { BreakAtDots } from "../../components/BreakAtDots";
import { formatCount, noValue, rateParts, statusText, upgradePolicyText } from "./format";

type DeploymentRowViewProps = {
  row: DeploymentRow;
  highlighted: boolean;
  confirming: boolean;
  managing: boolean;
  /** Stable across renders, so unchanged rows skip re-rendering. */
  onAskDelete: (name: string) => void;
  /** Opens the row's Manage panel, or closes it when open; stable like onAskDelete. */
  onToggleManage: (name: string) => void;
  /** Why Manage and Delete wait (a change or delete in flight), else null. */
  busy: string | null;
};

/**
 * One deployment: plain cells, no queries, memoized — a resource may have hundreds. Each cell
 * has a first line (what its header sorts by) and a muted second one.
 */
export const DeploymentRowView = memo(function DeploymentRowView({
  row,
  highlighted,
  confirming,
  managing,
  onAskDelete,
  onToggleManage,
  busy,
}: DeploymentRowViewProps) {
  const status = statusText(row.status);
  const rates = rateParts(row);
  return (
    <tr
      className="deployment-row"
      data-testid="deployment-row"
      data-deployment-name={row.name}
      data-highlighted={highlighted ? "true" : undefined}
    >
      <th scope="row" className="deployment-name">
        <span className="deployments-mono cell-primary">{row.name}</span>
        <span className="cell-badges">
          <span className={`deployments-badge tone-${status.tone}`} data-testid="deployment-state">
            {status.label}
          </span>
          {row.warning !== null && (
            <span className="deployments-badge tone-warning" data-testid="retirement-badge">
              {row.warning}
            </span>
          )}
        </span>
      </th>
      <td className="deployment-model">
        <span className="cell-primary">
          {row.model}
          {row.modelVersion !== null && (
            <>
              {" "}
              <span className="cell-version">{row.modelVersion}</span>
            </>
          )}
        </span>
        <span className="cell-secondary" data-testid="deployment-type">
          {row.sku ?? noValue}
        </span>
      </td>
      <td className="deployment-capacity" data-testid="deployment-capacity">
        {row.capacity === null ? (
          noValue
        ) : (
          <>
            <span className="cell-primary cell-number">{formatCount(row.capacity)}</span>
            {rates.length > 0 && (
              <span className="cell-secondary">
                {rates.map((part, index) => (
                  <Fragment key={part}>
                    {index > 0 && " "}
                    {/* "150,000 TPM ·" and "900 RPM" each stay whole when the cell wraps. */}
                    <span className="cell-nowrap">
                      {index < rates.length - 1 ? `${part} ·` : part}
                    </span>
                  </Fragment>
                ))}
              </span>
            )}
          </>
        )}
      </td>
      <td className="deployment-options">
        <span
          className="cell-primary"
          data-testid="deployment-upgrade-policy"
          title={row.upgradePolicy === null ? undefined : `Upgrade policy: ${row.upgradePolicy}`}
        >
          <span className="deployments-sr-only">Upgrade policy: </span>
          {upgradePolicyText(row.upgradePolicy)}
        </span>
        <span
          className="cell-secondary"
          data-testid="deployment-content-filter"
          title={row.contentFilter === null ? undefined : `Content filter: ${row.contentFilter}`}
        >
          <span className="deployments-sr-only">Content filter: </span>
          {row.contentFilter === null ? noValue : <BreakAtDots text={row.contentFilter} />}
        </span>
      </td>
      <td className="deployment-actions">
        <div className="deployment-actions-buttons">
          <button
            type="button"
            className="button button-small"
            data-testid="manage-deployment"
            disabled={busy !== null}
            title={busy ?? undefined}
            aria-label={`Manage ${row.name}`}
            aria-expanded={managing}
            onClick={() => onToggleManage(row.name)}
          >
            Manage
          </button>
          <button
            type="button"
            className="button button-small"
            data-testid="delete-deployment"
            disabled={busy !== null}
            title={busy ?? undefined}
            aria-label={`Delete ${row.name}`}
            aria-expanded={confirming}
            onClick={() => onAskDelete(row.name)}
          >
            Delete
          </button>
        </div>
      </td>
    </tr>
  );
});
