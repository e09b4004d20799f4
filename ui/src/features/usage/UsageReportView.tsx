import { useMemo } from "react";
import type { UsageReport } from "../../bindings";
import { hrefFor } from "../../routes/useRoute";
import {
  deploymentsIn,
  isQuiet,
  limitPlacement,
  seriesOf,
  sumTotals,
  type UsageSelection,
} from "./aggregate";
import { UsageCharts } from "./UsageCharts";
import { intervalText, rangePhrase } from "./usageFormat";
import { UsageIntervalTable } from "./UsageIntervalTable";
import { UsageTotalsTable } from "./UsageTotals";

type UsageReportViewProps = {
  report: UsageReport;
  selection: UsageSelection;
  showTable: boolean;
  /** For the Playground link of the empty state. */
  profileId: string;
  endpoint: string | null;
};

/** One report: the selection's charts (or table), or the empty state; then every deployment's totals. */
export function UsageReportView({
  report,
  selection,
  showTable,
  profileId,
  endpoint,
}: UsageReportViewProps) {
  // Aggregated once per report and selection: a range switch or a refresh makes a new report.
  const series = useMemo(() => seriesOf(report, selection), [report, selection]);
  const totals = useMemo(() => sumTotals(deploymentsIn(report, selection)), [report, selection]);
  const limit = limitPlacement(report, selection);
  // The report's own range: while another range loads, this one stays on screen as it is.
  const period = rangePhrase(report.range);
  const subject = selection ?? "all deployments";

  return (
    <>
      {isQuiet(totals) ? (
        <p className="deployments-empty" data-testid="usage-empty">
          {selection === null ? "No requests" : `No requests to ${selection}`} in {period}. Chat
          with {selection === null ? "a deployment" : "it"} in the{" "}
          <a
            href={hrefFor("playground", {
              profile: profileId,
              endpoint: endpoint ?? undefined,
              deployment: selection ?? undefined,
            })}
          >
            Playground
          </a>
          , then come back.
        </p>
      ) : showTable ? (
        <UsageIntervalTable
          series={series}
          caption={`Tokens and requests per ${intervalText(report.intervalSecs)} for ${subject}, ${period}`}
        />
      ) : (
        <UsageCharts
          series={series}
          totals={totals}
          limit={limit}
          subject={subject}
          period={period}
        />
      )}
      <UsageTotalsTable report={report} period={period} />
    </>
  );
}
