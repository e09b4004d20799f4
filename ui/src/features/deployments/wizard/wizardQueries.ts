import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Channel } from "@tauri-apps/api/core";
import { useState } from "react";
import {
  commands,
  type AccountCoordinates,
  type OperationProgress,
  type DeploymentDraft,
} from "../../../bindings";
import { unwrap } from "../../../lib/unwrap";
import { pricesPrefix } from "../../settings/settingsQueries";

export function planFactsKey(profileId: string, account: AccountCoordinates) {
  return [
    "planFacts",
    profileId,
    account.subscriptionId,
    account.resourceGroup,
    account.name,
  ] as const;
}

/** Models, quota, names taken and content filters of the account: read once per wizard. */
export function usePlanFacts(profileId: string, account: AccountCoordinates) {
  return useQuery({
    queryKey: planFactsKey(profileId, account),
    queryFn: () => unwrap(commands.deploymentPlanFacts(profileId, account)),
  });
}

/**
 * Rust's verdict on a draft, with the exact request and `az` command. Asked for whenever the
 * review step is entered (and the draft changes with every edit, so an edit asks again).
 */
export function useReview(
  profileId: string,
  account: AccountCoordinates,
  draft: DeploymentDraft | null,
  enabled: boolean,
) {
  return useQuery({
    queryKey: [
      "reviewDeployment",
      profileId,
      account.subscriptionId,
      account.resourceGroup,
      account.name,
      draft,
    ],
    queryFn: () => {
      if (draft === null) {
        throw new Error("The draft is not complete yet.");
      }
      return unwrap(commands.reviewDeployment(profileId, account, draft));
    },
    enabled: enabled && draft !== null,
    // Quota and names change under us: a review is only good while it is on screen.
    staleTime: 0,
    gcTime: 0,
  });
}

/**
 * What the draft's deployment would cost: asked again when the model, version, type or capacity
 * change (the rest of the draft does not change the price). Under the shared prices prefix, so
 * saving another currency refetches it.
 */
export function useDeploymentPrice(
  profileId: string,
  account: AccountCoordinates,
  draft: DeploymentDraft,
) {
  const { modelName, modelVersion, skuName, skuCapacity } = draft;
  return useQuery({
    queryKey: [
      ...pricesPrefix,
      "deployment",
      profileId,
      account.subscriptionId,
      account.resourceGroup,
      account.name,
      modelName,
      modelVersion,
      skuName,
      skuCapacity,
    ],
    queryFn: () =>
      unwrap(
        commands.deploymentPrice(profileId, account, modelName, modelVersion, skuName, skuCapacity),
      ),
    // Retail prices change monthly at most: going back and forth between steps asks once.
    staleTime: 60 * 60 * 1000,
    retry: false,
  });
}

/** Creates the deployment, keeping the latest progress Azure's operation reported. */
export function useCreateDeployment(profileId: string, account: AccountCoordinates) {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<OperationProgress | null>(null);
  const mutation = useMutation({
    mutationFn: (draft: DeploymentDraft) => {
      setProgress(null);
      const channel = new Channel<OperationProgress>();
      channel.onmessage = (update) => setProgress(update);
      return unwrap(commands.createDeployment(profileId, account, draft, channel));
    },
    onSuccess: () => {
      // The new name is taken now, and the quota it uses is gone: the next wizard reads them
      // again. Not refetched now, so this one keeps showing what it just created.
      void queryClient.invalidateQueries({
        queryKey: planFactsKey(profileId, account),
        refetchType: "none",
      });
    },
  });
  return { mutation, progress };
}
