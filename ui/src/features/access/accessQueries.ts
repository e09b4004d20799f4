import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  commands,
  type AccessReport,
  type AccountCoordinates,
  type AccountView,
  type PrincipalView,
} from "../../bindings";
import { unwrap } from "../../lib/unwrap";
import {
  accountsKey,
  followUpOnError,
  profilesKey,
  rememberProfile,
  useFollowUpOnQueryError,
} from "../connections/connectionQueries";
import { targetsKey } from "../playground/playgroundQueries";
import { MIN_SEARCH } from "./grant";
import { sameId } from "./words";

const accountParts = (account: AccountCoordinates) =>
  [account.subscriptionId, account.resourceGroup, account.name] as const;

export const accessKey = (profileId: string, account: AccountCoordinates) =>
  ["access", profileId, ...accountParts(account)] as const;
export const myAccessKey = (profileId: string, account: AccountCoordinates) =>
  ["my-access", profileId, ...accountParts(account)] as const;
export const keyAuthImpactKey = (profileId: string, account: AccountCoordinates) =>
  ["key-auth-impact", profileId, ...accountParts(account)] as const;
const principalsKey = (profileId: string, query: string) => ["principals", profileId, query] as const;

/**
 * Who has which role on an account. `refetchInterval` asks again while a grant waits to be
 * listed (Azure lists a new assignment a little after making it).
 */
export function useAccessReport(
  profileId: string,
  account: AccountCoordinates,
  refetchInterval: (report: AccessReport | undefined) => number | false = () => false,
) {
  const query = useQuery({
    queryKey: accessKey(profileId, account),
    queryFn: () => unwrap(commands.accessReport(profileId, account)),
    refetchInterval: (current) => refetchInterval(current.state.data),
  });
  useFollowUpOnQueryError(query.error);
  return query;
}

/**
 * People, groups and apps whose names start with `text` (already debounced), or the one an
 * object id names. The last answer stays while the next one loads, so the list never blinks.
 */
export function useFindPrincipals(profileId: string, text: string) {
  const query = text.trim();
  return useQuery({
    queryKey: principalsKey(profileId, query),
    queryFn: () => unwrap(commands.findPrincipals(profileId, query)),
    enabled: query.length >= MIN_SEARCH,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/** Gives a principal a role. The new assignment shows as pending until the list has it. */
export function useGrantRole(profileId: string, account: AccountCoordinates) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ principal, roleId }: { principal: PrincipalView; roleId: string }) =>
      unwrap(commands.grantRole(profileId, account, principal, roleId)),
    onSuccess: () => {
      // The person may have granted themselves something.
      void queryClient.invalidateQueries({ queryKey: myAccessKey(profileId, account) });
    },
    onError: (error) => followUpOnError(queryClient, error),
  });
}

/** Removes an assignment made on the account: it leaves the list at once. */
export function useRevokeRole(profileId: string, account: AccountCoordinates) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (assignmentId: string) =>
      unwrap(commands.revokeRole(profileId, account, assignmentId)),
    onSuccess: (_gone, assignmentId) => {
      queryClient.setQueryData<AccessReport>(accessKey(profileId, account), (old) =>
        old === undefined
          ? old
          : {
              ...old,
              assignments: old.assignments.filter((item) => !sameId(item.id, assignmentId)),
            },
      );
      void queryClient.invalidateQueries({ queryKey: myAccessKey(profileId, account) });
    },
    onError: (error) => followUpOnError(queryClient, error),
  });
}

/** "What can I do here?" for the signed-in person on one account. */
export function useMyAccess(profileId: string, account: AccountCoordinates) {
  const query = useQuery({
    queryKey: myAccessKey(profileId, account),
    queryFn: () => unwrap(commands.myAccess(profileId, account)),
  });
  useFollowUpOnQueryError(query.error);
  return query;
}

/** What turning keys off would stop: asked only when the person is about to. */
export function useKeyAuthImpact(profileId: string, account: AccountCoordinates, enabled: boolean) {
  const query = useQuery({
    queryKey: keyAuthImpactKey(profileId, account),
    queryFn: () => unwrap(commands.keyAuthImpact(profileId, account)),
    enabled,
  });
  useFollowUpOnQueryError(query.error);
  return query;
}

/**
 * Turns key access on or off. The account's row (here and on Connections) shows the change at
 * once; what depends on it (the access report, what the person can do) is asked again.
 */
export function useSetKeyAuth(profileId: string, account: AccountCoordinates) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (keysAccepted: boolean) =>
      unwrap(commands.setKeyAuth(profileId, account, keysAccepted)),
    onSuccess: (view) => {
      queryClient.setQueryData<AccountView[]>(
        accountsKey(profileId, account.subscriptionId),
        (old) =>
          old?.map((item) =>
            item.resourceGroup === view.resourceGroup && item.name === view.name ? view : item,
          ),
      );
      queryClient.setQueryData<AccessReport>(accessKey(profileId, account), (old) =>
        old === undefined ? old : { ...old, keysAccepted: !view.keyAuthDisabled },
      );
      // Other profiles may list the same account, and endpoint + key profiles use its keys.
      void queryClient.invalidateQueries({ queryKey: ["accounts"] });
      void queryClient.invalidateQueries({ queryKey: accessKey(profileId, account) });
      void queryClient.invalidateQueries({ queryKey: myAccessKey(profileId, account) });
      void queryClient.invalidateQueries({ queryKey: keyAuthImpactKey(profileId, account) });
      void queryClient.invalidateQueries({ queryKey: profilesKey });
    },
    onError: (error) => followUpOnError(queryClient, error),
  });
}

/**
 * Makes an endpoint + key profile reach inference with another profile's Entra sign-in (or its
 * key again, with `signInProfileId` null).
 */
export function useEntraSignInFor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ profileId, signInProfileId }: { profileId: string; signInProfileId: string | null }) =>
      unwrap(commands.useEntraSignIn(profileId, signInProfileId)),
    onSuccess: (view) => {
      rememberProfile(queryClient, view);
      void queryClient.invalidateQueries({ queryKey: profilesKey });
      void queryClient.invalidateQueries({ queryKey: targetsKey });
      void queryClient.invalidateQueries({ queryKey: ["key-auth-impact"] });
    },
    onError: (error) => followUpOnError(queryClient, error),
  });
}
