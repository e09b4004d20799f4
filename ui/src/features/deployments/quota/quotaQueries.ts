import { useQuery } from "@tanstack/react-query";
import { commands } from "../../../bindings";
import { unwrap } from "../../../lib/unwrap";
import { useFollowUpOnQueryError } from "../../connections/connectionQueries";

export const regionQuotasKey = (profileId: string, subscriptionId: string, region: string) =>
  ["regionQuotas", profileId, subscriptionId, region] as const;

/** A region's quota for the subscription: every usage name with its limit and use. */
export function useRegionQuotas(profileId: string, subscriptionId: string, region: string) {
  const query = useQuery({
    queryKey: regionQuotasKey(profileId, subscriptionId, region),
    queryFn: () => unwrap(commands.regionQuotas(profileId, subscriptionId, region)),
  });
  useFollowUpOnQueryError(query.error);
  return query;
}
