import { memo } from "react";
import type { DeploymentUsage, UsageReport } from "../../bindings";
import { plural } from "../../lib/plural";
import { noValue } from "../deployments/format";
import { sumTotals } from "./aggregate";
import { costCell, pricesNote, totalCost } from "./cost";
import { countOrDash } from "./usageFormat";

type UsageTotalsProps = {
  report: UsageReport;
  /** "the last 24 hours": the caption's period. */
  period: string;
};

/** Each deployment's totals over the window and what they cost, with a total row. */
export function UsageTotalsTable({ report, period }: UsageTotalsProps) {
  const { deployments, currency } = report;
  const sum = sumTotals(deployments);
  const total = totalCost(deployments, currency);
  return (
    <div className="usage-totals">
      <div className="deployments-table-wrap">
        <table className="deployments-table usage-table" data-testid="usage-totals">
          <caption className="deployments-sr-only">Usage and estimated cost per deployment, {period}</caption>
          <thead>
            <tr>
              <th scope="col">Deployment</th>
              <th scope="col">Model</th>
              <th scope="col">SKU</th>
              <th scope="col" className="cell-number">Prompt tokens</th>
              <th scope="col" className="cell-number">Completion tokens</th>
              <th scope="col" className="cell-number">Requests</th>
              <th scope="col" className="cell-number">Throttled</th>
              <th scope="col" className="cell-number">Errors</th>
              <th scope="col" className="cell-number">Estimated cost</th>
            </tr>
          </thead>
          <tbody>
            {deployments.map((usage) => (
              <TotalsRow key={usage.name} usage={usage} currency={currency} />
            ))}
          </tbody>
          {deployments.length > 1 && (
            <tfoot>
              <tr className="usage-total-row" data-testid="usage-row-total">
                <th scope="row" colSpan={3}>
                  Total
                </th>
                <td className="cell-number">{countOrDash(sum.promptTokens)}</td>
                <td className="cell-number">{countOrDash(sum.completionTokens)}</td>
                <td className="cell-number">{countOrDash(sum.requests)}</td>
                <td className="cell-number">{countOrDash(sum.throttled)}</td>
                <td className="cell-number">{countOrDash(sum.failed)}</td>
                <td className="cell-number" data-testid="usage-cost-total">
                  {total.text}
                  {total.missing > 0 && total.missing < deployments.length && (
                    <span className="cell-secondary">
                      without {plural(total.missing, "deployment", "deployments")} unpriced
                    </span>
                  )}
                </td>
              </tr>
            </tfoot>
          )}
        </table>
      </div>
      <p className="muted usage-prices-note" data-testid="usage-prices-note">
        {pricesNote(report.prices)}
        {report.prices.unavailable === null && (
          <span className="usage-estimate-note">
            {" "}
            An estimate: cached input is priced as full input, and Azure’s invoice may differ.
          </span>
        )}
      </p>
    </div>
  );
}

const TotalsRow = memo(function TotalsRow({
  usage,
  currency,
}: {
  usage: DeploymentUsage;
  currency: string;
}) {
  const { totals } = usage;
  const cost = costCell(usage, currency);
  return (
    <tr data-testid={`usage-row-${usage.name}`}>
      <th scope="row" className="usage-deployment-cell">
        {usage.name}
      </th>
      <td>
        {usage.model ?? noValue}
        {usage.modelVersion !== null && (
          <>
            {" "}
            <span className="cell-version">{usage.modelVersion}</span>
          </>
        )}
      </td>
      <td>{usage.sku ?? noValue}</td>
      <td className="cell-number">{countOrDash(totals.promptTokens)}</td>
      <td className="cell-number">{countOrDash(totals.completionTokens)}</td>
      <td className="cell-number">{countOrDash(totals.requests)}</td>
      <td className="cell-number">{countOrDash(totals.throttled)}</td>
      <td className="cell-number">{countOrDash(totals.failed)}</td>
      <td
        className="cell-number"
        data-testid={`usage-cost-${usage.name}`}
        title={cost.prices ?? undefined}
      >
        {cost.text}
        {cost.detail !== null && <span className="cell-secondary">{cost.detail}</span>}
        {/* The tooltip's prices, for keyboard and screen-reader users too. */}
        {cost.prices !== null && <span className="visually-hidden"> ({cost.prices})</span>}
      </td>
    </tr>
  );
});
