import { useEffect, useMemo, useState } from "react";
import type { AccountView, UsageRange } from "../../bindings";
import { isCommandError } from "../../lib/errorDetails";
import "../../styles/usage.css";
import { coordinatesOf } from "../deployments/coordinates";
import { DeploymentsError } from "../deployments/DeploymentsError";
import type { UsageSelection } from "./aggregate";
import { canDrawCharts, loadUPlot } from "./chartSupport";
import { defaultUsageRange } from "./usageFormat";
import { useUsageReport } from "./usageQueries";
import { UsageReportView } from "./UsageReportView";
import { UsageToolbar } from "./UsageToolbar";

type UsageViewProps = {
  profileId: string;
  account: AccountView;
  /** The deployment shown (null: all), kept by ResourceArea so Manage can open one here. */
  selection: UsageSelection;
  onSelection: (selection: UsageSelection) => void;
  /** Opened from a deployment's Manage panel: focus lands on the picker naming it. */
  focusPicker?: boolean;
};

/** A resource's usage: tokens and requests over time per deployment, and what they cost. */
export function UsageView({
  profileId,
  account,
  selection,
  onSelection,
  focusPicker = false,
}: UsageViewProps) {
  const coordinates = useMemo(() => coordinatesOf(account), [account]);
  const [range, setRange] = useState<UsageRange>(defaultUsageRange);
  const [showTable, setShowTable] = useState(false);
  const usage = useUsageReport(profileId, coordinates, range);
  const report = usage.data;

  // The chart code loads while Azure answers, not after.
  useEffect(() => {
    if (canDrawCharts()) void loadUPlot().catch(() => undefined);
  }, []);

  const names = useMemo(() => report?.deployments.map((item) => item.name) ?? [], [report]);
  // A deployment picked before the report came (from Manage) is kept until the report says
  // whether it has one by that name; one it does not list shows all.
  const known = selection !== null && (report === undefined || names.includes(selection));
  const shown = known ? selection : null;
  const offered = shown !== null && !names.includes(shown) ? [...names, shown] : names;

  return (
    <div className="usage-view" data-testid="usage-view">
      <UsageToolbar
        range={range}
        onRange={setRange}
        names={offered}
        selection={shown}
        onSelection={onSelection}
        focusPicker={focusPicker}
        showTable={showTable}
        onShowTable={setShowTable}
        updating={usage.isFetching && !usage.isPending}
        fetching={usage.isFetching}
        onRefresh={() => void usage.refetch()}
      />
      {usage.isPending && (
        <p role="status" className="muted">
          Loading usage…
        </p>
      )}
      {usage.isError && (
        <div className="usage-error" data-testid="usage-error">
          <DeploymentsError
            title={
              report === undefined
                ? `Couldn’t read the usage of ${account.name}.`
                : `Couldn’t refresh the usage of ${account.name}; the last report is below.`
            }
            error={usage.error}
            onRetry={() => void usage.refetch()}
          />
          {isCommandError(usage.error) && usage.error.kind === "forbidden" && (
            <p className="deployments-error-note" data-testid="usage-role-note">
              Reading usage needs the <strong>Monitoring Reader</strong> role (or any reader role,
              such as Reader) on {account.name}.
            </p>
          )}
        </div>
      )}
      {report !== undefined && (
        <UsageReportView
          report={report}
          selection={shown}
          showTable={showTable}
          profileId={profileId}
          endpoint={account.endpoint}
        />
      )}
    </div>
  );
}
