import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { commands, type AccountCoordinates, type UsageRange } from "../../bindings";
import { unwrap } from "../../lib/unwrap";
import { useFollowUpOnQueryError } from "../connections/connectionQueries";

export const usageKey = (profileId: string, account: AccountCoordinates, range: UsageRange) =>
  ["usage", profileId, account.subscriptionId, account.resourceGroup, account.name, range] as const;

/** Names the moment a report arrived from Rust: the start of the benchmark's "usage_chart_render". */
export const usageResponseMark = "fd:usage-response";

/**
 * A resource's usage over a range. The previous range's report stays on screen while the next
 * one loads (`isPlaceholderData`), so switching range never blanks the charts.
 */
export function useUsageReport(profileId: string, account: AccountCoordinates, range: UsageRange) {
  const query = useQuery({
    queryKey: usageKey(profileId, account, range),
    queryFn: async () => {
      const report = await unwrap(commands.usageReport(profileId, account, range));
      if (typeof performance !== "undefined" && typeof performance.mark === "function") {
        performance.mark(usageResponseMark);
      }
      return report;
    },
    placeholderData: keepPreviousData,
  });
  useFollowUpOnQueryError(query.error);
  return query;
}
