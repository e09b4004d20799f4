import type { UsageSeries } from "./aggregate";
import { countOrDash, formatTime } from "./usageFormat";

type UsageIntervalTableProps = {
  series: UsageSeries;
  /** "Tokens and requests per hour for all deployments, the last 7 days". */
  caption: string;
};

/**
 * The charts' numbers as a table, one row per interval: for screen readers, and for anyone who
 * wants the exact figures. Rendered only while "Show as table" is on (a month is 720 rows).
 */
export function UsageIntervalTable({ series, caption }: UsageIntervalTableProps) {
  const { times, prompt, completion, ok, throttled, failed } = series;
  return (
    <div className="deployments-table-wrap usage-interval-wrap">
      <table className="deployments-table usage-table" data-testid="usage-table">
        <caption className="usage-caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col" className="cell-number">Prompt tokens</th>
            <th scope="col" className="cell-number">Completion tokens</th>
            <th scope="col" className="cell-number">OK</th>
            <th scope="col" className="cell-number">Throttled</th>
            <th scope="col" className="cell-number">Errors</th>
          </tr>
        </thead>
        <tbody>
          {times.map((time, index) => (
            <tr key={time}>
              <th scope="row" className="cell-nowrap">
                <time dateTime={new Date(time).toISOString()}>{formatTime(time)}</time>
              </th>
              <td className="cell-number">{countOrDash(prompt[index])}</td>
              <td className="cell-number">{countOrDash(completion[index])}</td>
              <td className="cell-number">{countOrDash(ok[index])}</td>
              <td className="cell-number">{countOrDash(throttled[index])}</td>
              <td className="cell-number">{countOrDash(failed[index])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
