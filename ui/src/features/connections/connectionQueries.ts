import {
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from "@tanstack/react-query";
import { useCallback, useEffect, useState } from "react";
import {
  commands,
  type AccountCoordinates,
  type AccountView,
  type KeyChoice,
  type ProfileView,
  type SavedKeyView,
} from "../../bindings";
import { isCommandError } from "../../lib/errorDetails";
import { unwrap } from "../../lib/unwrap";

export const profilesKey = ["profiles"] as const;
export const keychainKey = ["keychain"] as const;
export const tenantsKey = (profileId: string) => ["tenants", profileId] as const;
export const subscriptionsKey = (profileId: string) => ["subscriptions", profileId] as const;
export const accountsKey = (profileId: string, subscriptionId: string) =>
  ["accounts", profileId, subscriptionId] as const;

/**
 * What any failure tells us about the rest of the screen. Rust reports an expired sign-in as
 * `signInRequired` wherever it notices; refetching the profiles turns that into signIn
 * "expired", which is what makes the detail pane offer "Sign in again". A `keychain` failure
 * means the store changed under us, so the banner must be rechecked.
 */
export function followUpOnError(queryClient: QueryClient, error: unknown): void {
  if (!isCommandError(error)) {
    return;
  }
  if (error.kind === "signInRequired") {
    void queryClient.invalidateQueries({ queryKey: profilesKey });
  }
  if (error.kind === "keychain") {
    void queryClient.invalidateQueries({ queryKey: keychainKey });
  }
}

/** Queries have no onError in TanStack 5, so their failures are followed up from an effect. */
export function useFollowUpOnQueryError(error: unknown): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (error) {
      followUpOnError(queryClient, error);
    }
  }, [queryClient, error]);
}

/** Puts a profile Rust just returned into the list, so the screen shows it before the refetch. */
export function rememberProfile(queryClient: QueryClient, view: ProfileView): void {
  queryClient.setQueryData<ProfileView[]>(profilesKey, (old) => {
    if (!old) {
      return old;
    }
    const known = old.some((item) => item.profile.id === view.profile.id);
    return known
      ? old.map((item) => (item.profile.id === view.profile.id ? view : item))
      : [...old, view];
  });
}

function refreshProfiles(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: profilesKey });
}

export function useProfiles() {
  return useQuery({
    queryKey: profilesKey,
    queryFn: () => unwrap(commands.listProfiles()),
  });
}

export function useKeychainStatus() {
  return useQuery({
    queryKey: keychainKey,
    queryFn: () => unwrap(commands.keychainStatus()),
  });
}

export function useKeepSecretsForSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(commands.keepSecretsForSession()),
    onSuccess: (status) => {
      queryClient.setQueryData(keychainKey, status);
      // The About screen shows the keychain too.
      void queryClient.invalidateQueries({ queryKey: ["app_info"] });
    },
  });
}

export function useRenameProfile(profileId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => unwrap(commands.renameProfile(profileId, name)),
    onSuccess: (view) => {
      rememberProfile(queryClient, view);
      return refreshProfiles(queryClient);
    },
  });
}

export function useRemoveProfile(profileId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(commands.removeProfile(profileId)),
    onSuccess: () => {
      queryClient.setQueryData<ProfileView[]>(profilesKey, (old) =>
        old?.filter((item) => item.profile.id !== profileId),
      );
      for (const key of ["tenants", "subscriptions", "accounts"]) {
        queryClient.removeQueries({ queryKey: [key, profileId] });
      }
      void refreshProfiles(queryClient);
    },
    onError: (error) => followUpOnError(queryClient, error),
  });
}

export function useSignOut(profileId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(commands.signOut(profileId)),
    onSuccess: (view) => {
      rememberProfile(queryClient, view);
      // What the signed-out person could see must not linger for the next one.
      for (const key of ["tenants", "subscriptions", "accounts"]) {
        queryClient.removeQueries({ queryKey: [key, profileId] });
      }
      return refreshProfiles(queryClient);
    },
  });
}

export function useStartDeviceCode(profileId: string) {
  return useMutation({
    mutationFn: () => unwrap(commands.startDeviceCode(profileId)),
  });
}

export function useStartBrowserSignIn(profileId: string) {
  return useMutation({
    mutationFn: () => unwrap(commands.startBrowserSignIn(profileId)),
  });
}

/**
 * Waits for a sign-in. The cache is updated by `useRecordSignIn`, not here: the panel first has
 * to mark the sign-in finished, or re-rendering it away as "signed in" would cancel it.
 */
export function useFinishSignIn() {
  return useMutation({
    mutationFn: (signInId: string) => unwrap(commands.finishSignIn(signInId)),
  });
}

/** Takes in a finished sign-in: the profile as signed in now, and what it can see. */
export function useRecordSignIn(profileId: string) {
  const queryClient = useQueryClient();
  return useCallback(
    (view: ProfileView) => {
      rememberProfile(queryClient, view);
      // A new sign-in may be a different person: their tenants and subscriptions differ.
      for (const key of ["tenants", "subscriptions", "accounts"]) {
        void queryClient.invalidateQueries({ queryKey: [key, profileId] });
      }
      void refreshProfiles(queryClient);
    },
    [queryClient, profileId],
  );
}

export function useCancelSignIn() {
  return useMutation({
    mutationFn: (signInId: string) => unwrap(commands.cancelSignIn(signInId)),
  });
}

export function useTenants(profileId: string) {
  const query = useQuery({
    queryKey: tenantsKey(profileId),
    queryFn: () => unwrap(commands.listTenants(profileId)),
  });
  useFollowUpOnQueryError(query.error);
  return query;
}

export function useChooseTenant(profileId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tenantId: string) => unwrap(commands.chooseTenant(profileId, tenantId)),
    onSuccess: (view) => {
      rememberProfile(queryClient, view);
      void queryClient.invalidateQueries({ queryKey: subscriptionsKey(profileId) });
      void queryClient.invalidateQueries({ queryKey: ["accounts", profileId] });
      return refreshProfiles(queryClient);
    },
    onError: (error) => followUpOnError(queryClient, error),
  });
}

export function useSubscriptions(profileId: string) {
  const query = useQuery({
    queryKey: subscriptionsKey(profileId),
    queryFn: () => unwrap(commands.listSubscriptions(profileId)),
  });
  useFollowUpOnQueryError(query.error);
  return query;
}

export function useAccounts(profileId: string, subscriptionId: string) {
  const query = useQuery({
    queryKey: accountsKey(profileId, subscriptionId),
    queryFn: () => unwrap(commands.listAccounts(profileId, subscriptionId)),
  });
  useFollowUpOnQueryError(query.error);
  return query;
}

/** Shows a key Rust just saved on its account row at once; the refetch then confirms it. */
function rememberAccountKey(
  queryClient: QueryClient,
  profileId: string,
  account: AccountCoordinates,
  key: SavedKeyView | null,
): Promise<void> {
  const queryKey = accountsKey(profileId, account.subscriptionId);
  queryClient.setQueryData<AccountView[]>(queryKey, (old) =>
    old?.map((item) =>
      item.resourceGroup === account.resourceGroup && item.name === account.name
        ? { ...item, key }
        : item,
    ),
  );
  // Endpoint + key profiles may share the endpoint, and so the key.
  void refreshProfiles(queryClient);
  return queryClient.invalidateQueries({ queryKey });
}

export function useGetKeysFromAzure(profileId: string, account: AccountCoordinates) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(commands.getKeysFromAzure(profileId, account)),
    onSuccess: (key) => rememberAccountKey(queryClient, profileId, account, key),
    onError: (error) => followUpOnError(queryClient, error),
  });
}

export function useRotateKey(profileId: string, account: AccountCoordinates) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (which: KeyChoice) => unwrap(commands.rotateKey(profileId, account, which)),
    onSuccess: (key) => rememberAccountKey(queryClient, profileId, account, key),
    onError: (error) => followUpOnError(queryClient, error),
  });
}

/** Deletes the key saved for an endpoint, wherever the screen shows it. */
export function useDeleteKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (endpoint: string) => unwrap(commands.deleteKey(endpoint)),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["accounts"] });
      return refreshProfiles(queryClient);
    },
    onError: (error) => followUpOnError(queryClient, error),
  });
}

type SaveKeyState = { isPending: boolean; error: unknown; saved: SavedKeyView | null };

/**
 * Saves a pasted key. Deliberately not a `useMutation`: TanStack keeps a mutation's variables
 * (here, the key itself) in its cache for minutes, and the web view must not hold on to it.
 */
export function useSaveKey() {
  const queryClient = useQueryClient();
  const [state, setState] = useState<SaveKeyState>({
    isPending: false,
    error: null,
    saved: null,
  });

  const save = useCallback(
    async (endpoint: string, key: string): Promise<boolean> => {
      setState({ isPending: true, error: null, saved: null });
      try {
        const saved = await unwrap(commands.saveKey(endpoint, key));
        setState({ isPending: false, error: null, saved });
        void queryClient.invalidateQueries({ queryKey: ["accounts"] });
        void refreshProfiles(queryClient);
        return true;
      } catch (error) {
        setState({ isPending: false, error, saved: null });
        followUpOnError(queryClient, error);
        return false;
      }
    },
    [queryClient],
  );

  const reset = useCallback(() => setState({ isPending: false, error: null, saved: null }), []);

  return { ...state, save, reset };
}

export function useCheckConnection(profileId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(commands.checkConnection(profileId)),
    onError: (error) => followUpOnError(queryClient, error),
  });
}
