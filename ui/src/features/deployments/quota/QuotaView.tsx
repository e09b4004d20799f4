import { memo, useDeferredValue, useId, useMemo, useState } from "react";
import type { AccountView } from "../../../bindings";
import { BreakAtDots } from "../../../components/BreakAtDots";
import { CopyButton } from "../../../components/CopyButton";
import { ExternalLink } from "../../../components/ExternalLink";
import { withMissingRole } from "../../../lib/errorDetails";
import { DeploymentsError } from "../DeploymentsError";
import { formatCount, noValue } from "../format";
import { quotaRequestUrl } from "../wizard/capacity";
import {
  countText,
  filterLines,
  findRegion,
  percentText,
  quotaLines,
  regionsOf,
  type QuotaLine,
} from "./quota";
import { useRegionQuotas } from "./quotaQueries";
import "../../../styles/quota.css";

/** The role that lets a person read a subscription's quota. */
export const quotaReaderRole = "Cognitive Services Usages Reader";

type QuotaViewProps = {
  profileId: string;
  subscriptionId: string;
  /** The subscription's AI resources: their regions are the ones offered. */
  accounts: readonly AccountView[];
  /** The selected resource's region, shown first. */
  defaultLocation: string | null;
};

/** A region's quota for the subscription: each usage name with how much of it is used. */
export function QuotaView({
  profileId,
  subscriptionId,
  accounts,
  defaultLocation,
}: QuotaViewProps) {
  const regions = useMemo(() => regionsOf(accounts), [accounts]);
  const fallback = findRegion(regions, defaultLocation) ?? regions[0] ?? null;
  // A region picked here holds until another resource is selected on the left.
  const [picked, setPicked] = useState<{ region: string; over: string | null } | null>(null);
  const region =
    picked !== null && picked.over === fallback && regions.includes(picked.region)
      ? picked.region
      : fallback;

  if (region === null) {
    return (
      <p className="deployments-empty" data-testid="quota-no-region">
        None of these resources says which region it is in, so there is no quota to show.
      </p>
    );
  }
  return (
    <RegionQuota
      profileId={profileId}
      subscriptionId={subscriptionId}
      regions={regions}
      region={region}
      onRegion={(next) => setPicked({ region: next, over: fallback })}
    />
  );
}

type RegionQuotaProps = {
  profileId: string;
  subscriptionId: string;
  regions: readonly string[];
  region: string;
  onRegion: (region: string) => void;
};

function RegionQuota({ profileId, subscriptionId, regions, region, onRegion }: RegionQuotaProps) {
  const id = useId();
  const quotas = useRegionQuotas(profileId, subscriptionId, region);
  const [filter, setFilter] = useState("");

  // Parsed and sorted once per answer; filtered as the person types, a moment behind the box.
  const lines = useMemo(() => quotaLines(quotas.data ?? []), [quotas.data]);
  const deferredFilter = useDeferredValue(filter);
  const visible = useMemo(() => filterLines(lines, deferredFilter), [lines, deferredFilter]);

  const total = lines.length;
  const refreshing = quotas.isFetching && !quotas.isPending;

  return (
    <div className="quota-view" data-testid="quota-view">
      <div className="deployments-toolbar">
        <div className="deployments-picker">
          <label htmlFor={`${id}-region`}>Region</label>
          <select
            id={`${id}-region`}
            className="select"
            data-testid="quota-region"
            value={region}
            onChange={(event) => onRegion(event.target.value)}
          >
            {regions.map((item) => (
              <option key={item} value={item}>
                {item}
              </option>
            ))}
          </select>
        </div>
        <label htmlFor={`${id}-filter`} className="deployments-sr-only">
          Filter quota by model
        </label>
        <input
          id={`${id}-filter`}
          type="search"
          className="input deployments-filter"
          data-testid="quota-filter"
          placeholder="Filter by model, e.g. gpt-4o"
          autoComplete="off"
          spellCheck={false}
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
        {quotas.isSuccess && total > 0 && (
          <span className="muted" data-testid="quota-count">
            {countText(visible.length, total)}
          </span>
        )}
        <div className="deployments-toolbar-actions">
          <button
            type="button"
            className="button"
            data-testid="quota-refresh"
            disabled={quotas.isFetching}
            onClick={() => void quotas.refetch()}
          >
            {refreshing ? "Refreshing…" : "Refresh"}
          </button>
        </div>
      </div>

      {quotas.isPending && (
        <p role="status" className="muted">
          Loading quota for {region}…
        </p>
      )}
      {quotas.isError && (
        <DeploymentsError
          title={`Couldn’t read the quota for ${region}.`}
          error={withMissingRole(quotas.error, quotaReaderRole)}
          onRetry={() => void quotas.refetch()}
        />
      )}
      {quotas.isSuccess && total === 0 && (
        <p className="deployments-empty" data-testid="no-quota">
          No quota in {region} for this subscription.
        </p>
      )}
      {total > 0 && visible.length === 0 && (
        <p className="deployments-empty" data-testid="quota-no-matches">
          No usage matches “{deferredFilter.trim()}”.
        </p>
      )}
      {visible.length > 0 && <QuotaTable lines={visible} region={region} />}

      <p className="quota-footer muted" data-testid="quota-footer">
        Need more?{" "}
        <ExternalLink href={quotaRequestUrl} testId="quota-request-link">
          Request more quota
        </ExternalLink>{" "}
        <span className="path quota-url" data-testid="quota-request-url">
          {quotaRequestUrl}
        </span>{" "}
        <CopyButton text={quotaRequestUrl} label="Copy address" testId="quota-request-copy" />
      </p>
    </div>
  );
}

function QuotaTable({ lines, region }: { lines: readonly QuotaLine[]; region: string }) {
  return (
    <div className="deployments-table-wrap">
      <table className="deployments-table quota-table" data-testid="quota-table">
        <caption className="deployments-sr-only">Quota in {region}</caption>
        <thead>
          <tr>
            <th scope="col">Model</th>
            <th scope="col">Deployment type</th>
            <th scope="col">Use</th>
            <th scope="col">Used of limit</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <QuotaRow key={line.usageName} line={line} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

const QuotaRow = memo(function QuotaRow({ line }: { line: QuotaLine }) {
  const { quota } = line;
  // Units of capacity: PTUs, or thousands of tokens per minute (said in full in the tooltip).
  const unit = line.type === null ? null : line.provisioned ? "PTU" : "K TPM";
  return (
    <tr
      className="quota-row"
      data-testid="quota-row"
      data-usage-name={line.usageName}
      data-level={line.level}
    >
      <td>
        <span className="quota-model">{line.model}</span>
        {line.model !== line.usageName && (
          <span className="cell-secondary deployments-mono">
            <BreakAtDots text={line.usageName} />
          </span>
        )}
      </td>
      <td>{line.typeLabel ?? noValue}</td>
      <td className="quota-use">
        <QuotaUse line={line} />
      </td>
      <td className="cell-number quota-numbers">
        <span data-testid="quota-numbers">
          {quota.used === null ? noValue : formatCount(quota.used)} of{" "}
          {quota.limit === null ? noValue : formatCount(quota.limit)}
        </span>
        {unit !== null && (
          <span
            className="cell-secondary"
            title={line.provisioned ? "provisioned throughput units" : "thousand tokens per minute"}
          >
            {unit}
          </span>
        )}
      </td>
    </tr>
  );
});

/** The bar, or why there is none. */
function QuotaUse({ line }: { line: QuotaLine }) {
  const { quota, percent, level } = line;
  if (level === "none") {
    return <span className="quota-none">No quota here</span>;
  }
  if (percent === null || quota.used === null || quota.limit === null) {
    return <span className="quota-none">Not reported</span>;
  }
  const used = Math.max(quota.used, 0);
  const name = line.typeLabel === null ? line.model : `${line.model}, ${line.typeLabel}`;
  const shown = percentText(percent);
  return (
    <span className="quota-use-inner">
      <span
        role="meter"
        className="quota-meter"
        aria-label={`${name}: quota used`}
        aria-valuemin={0}
        aria-valuemax={quota.limit}
        // Use can run over a limit Azure lowered: the bar stops full, the text says how far.
        aria-valuenow={Math.min(used, quota.limit)}
        aria-valuetext={`${formatCount(used)} of ${formatCount(quota.limit)} used (${shown})`}
      >
        <span
          className="quota-meter-fill"
          // Set through the CSSOM by React, which the CSP (style-src 'self') allows.
          style={{ width: `${Math.min(percent, 100)}%` }}
        />
      </span>
      <span className="quota-percent">{shown}</span>
      {level === "high" && (
        <span className="deployments-badge tone-warning" data-testid="quota-warning">
          {percent >= 100 ? "Used up" : "Nearly used up"}
        </span>
      )}
    </span>
  );
}
