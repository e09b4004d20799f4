import { useMutation, useQueryClient } from "@tanstack/react-query";
import { commands } from "../../../bindings";
import { unwrap } from "../../../lib/unwrap";
import type { NewProfileRequest } from "./draft";

/** Adds a profile; the profile list refetches so the new one shows up. */
export function useAddProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: NewProfileRequest) =>
      request.kind === "account"
        ? unwrap(commands.addAccountProfile(request.profile))
        : unwrap(commands.addEndpointProfile(request.profile)),
    // The request can carry an API key: let the cache drop a finished mutation at once
    // instead of holding it for the default five minutes.
    gcTime: 0,
    // Not awaited: a slow or failing list must not hold the form in "Adding…".
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["profiles"] });
    },
  });
}
