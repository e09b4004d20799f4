import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Channel } from "@tauri-apps/api/core";
import { useState } from "react";
import {
  commands,
  type AccountCoordinates,
  type DeploymentChange,
  type OperationProgress,
} from "../../../bindings";
import { unwrap } from "../../../lib/unwrap";
import { followUpOnError } from "../../connections/connectionQueries";
import { deploymentChangeKey, updateRows } from "../deploymentQueries";
import { planFactsKey } from "../wizard/wizardQueries";

/** Rust's verdict on a change: its problems, or the exact request it would send. */
export function useReviewChange(profileId: string, account: AccountCoordinates, name: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: DeploymentChange) =>
      unwrap(commands.reviewDeploymentChange(profileId, account, name, change)),
    onError: (error) => followUpOnError(queryClient, error),
  });
}

/** Sends a change, keeping the latest progress Azure's operation reported. */
export function useChangeDeployment(profileId: string, account: AccountCoordinates, name: string) {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<OperationProgress | null>(null);
  const mutation = useMutation({
    // DeploymentsPanel waits for it (see there).
    mutationKey: deploymentChangeKey(profileId, account),
    mutationFn: (change: DeploymentChange) => {
      setProgress(null);
      const channel = new Channel<OperationProgress>();
      channel.onmessage = (update) => setProgress(update);
      return unwrap(commands.changeDeployment(profileId, account, name, change, channel));
    },
    // Here, not in mutate's callbacks: these run even if the panel was closed meanwhile.
    onSuccess: (row) => {
      void updateRows(queryClient, profileId, account, (rows) =>
        rows.map((item) => (item.name === name ? row : item)),
      );
      // A new size or type moved quota: the next panel or wizard reads it again.
      void queryClient.invalidateQueries({
        queryKey: planFactsKey(profileId, account),
        refetchType: "none",
      });
    },
    onError: (error) => followUpOnError(queryClient, error),
  });
  return { mutation, progress };
}
