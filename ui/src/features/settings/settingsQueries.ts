import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { commands, type ThemePreference } from "../../bindings";
import { unwrap } from "../../lib/unwrap";

const settingsKey = ["settings"] as const;

/** The saved settings. Only this app writes them, and each save updates the cache. */
export function useSettings() {
  return useQuery({
    queryKey: settingsKey,
    queryFn: () => unwrap(commands.getSettings()),
    staleTime: Infinity,
  });
}

/** Saves a theme choice; on success the cached settings become what Rust saved. */
export function useSaveTheme() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (theme: ThemePreference) => unwrap(commands.setTheme(theme)),
    // One save at a time, so the last choice made is the one that sticks.
    scope: { id: "settings" },
    onSuccess: (saved) => queryClient.setQueryData(settingsKey, saved),
  });
}
