import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { commands, type AccountCoordinates, type DeploymentRow } from "../../bindings";
import { unwrap } from "../../lib/unwrap";
import {
  followUpOnError,
  useFollowUpOnQueryError,
  useProfiles,
} from "../connections/connectionQueries";
import { canReachResourceManager } from "./format";

export const deploymentsKey = (profileId: string, account: AccountCoordinates) =>
  ["deployments", profileId, account.subscriptionId, account.resourceGroup, account.name] as const;

/**
 * Names the changes (Manage) and deletes in flight on an account's deployments, so that
 * DeploymentsPanel can keep what shows their outcome on screen until Azure answers.
 */
export const deploymentChangeKey = (profileId: string, account: AccountCoordinates) =>
  ["deployment-change", ...deploymentsKey(profileId, account).slice(1)] as const;
export const deploymentDeleteKey = (profileId: string, account: AccountCoordinates) =>
  ["deployment-delete", ...deploymentsKey(profileId, account).slice(1)] as const;

/** The profiles that can list deployments, from the same ["profiles"] query Connections uses. */
export function useArmProfiles() {
  const profiles = useProfiles();
  const armProfiles = useMemo(
    () => (profiles.data ?? []).filter(canReachResourceManager),
    [profiles.data],
  );
  return { profiles, armProfiles };
}

export function useDeploymentRows(profileId: string, account: AccountCoordinates) {
  const query = useQuery({
    queryKey: deploymentsKey(profileId, account),
    queryFn: async () => {
      const rows = await unwrap(commands.listDeploymentRows(profileId, account));
      // The start of "deployments_table_render", which DeploymentsPanel measures once the
      // table is painted (the benchmark reads that measure).
      markDeploymentsResponse();
      return rows;
    },
  });
  useFollowUpOnQueryError(query.error);
  return query;
}

/** Names the moment the rows arrived from Rust (the benchmark's start mark). */
export const deploymentsResponseMark = "fd:deployments-response";

function markDeploymentsResponse(): void {
  if (typeof performance !== "undefined" && typeof performance.mark === "function") {
    performance.mark(deploymentsResponseMark);
  }
}

/** Shows a row at once (a created one) or drops it (a deleted one), then asks Azure again. */
export function updateRows(
  queryClient: QueryClient,
  profileId: string,
  account: AccountCoordinates,
  change: (rows: DeploymentRow[]) => DeploymentRow[],
): Promise<void> {
  const queryKey = deploymentsKey(profileId, account);
  queryClient.setQueryData<DeploymentRow[]>(queryKey, (old) => (old ? change(old) : old));
  return queryClient.invalidateQueries({ queryKey });
}

export function useDeleteDeployment(profileId: string, account: AccountCoordinates) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: deploymentDeleteKey(profileId, account),
    mutationFn: ({ name, typedName }: { name: string; typedName: string }) =>
      unwrap(commands.deleteDeployment(profileId, account, name, typedName)),
    onSuccess: (_done, { name }) =>
      void updateRows(queryClient, profileId, account, (rows) =>
        rows.filter((row) => row.name !== name),
      ),
    onError: (error) => followUpOnError(queryClient, error),
  });
}
