import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { commands } from "../../../bindings";
import { unwrap } from "../../../lib/unwrap";
import { followUpOnError } from "../../connections/connectionQueries";

export const regionQuotasKey = (profileId: string, subscriptionId: string, region: string) =>
  ["regionQuotas", profileId, subscriptionId, region] as const;

/** A region's quota for the subscription: every usage name with its limit and use. */
export function useRegionQuotas(profileId: string, subscriptionId: string, region: string) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: regionQuotasKey(profileId, subscriptionId, region),
    queryFn: () => unwrap(commands.regionQuotas(profileId, subscriptionId, region)),
  });
  const { error } = query;
  useEffect(() => {
    if (error) {
      followUpOnError(queryClient, error);
    }
  }, [queryClient, error]);
  return query;
}
