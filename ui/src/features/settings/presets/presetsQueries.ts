import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { commands, type PlaygroundParameters } from "../../../bindings";
import { unwrap } from "../../../lib/unwrap";

/**
 * Every preset lives under the playground's `["presets"]` prefix: invalidating the prefix after a
 * change refreshes this list and any deployment's list an open Playground shows.
 */
export const presetsPrefix = ["presets"] as const;
export const allPresetsKey = [...presetsPrefix, "all"] as const;
const unknownRulesKey = ["parameterRules", "unknown"] as const;

/** Every deployment's presets, as Rust keeps them. */
export function useAllPresets() {
  return useQuery({
    queryKey: allPresetsKey,
    queryFn: () => unwrap(commands.listAllPresets()),
  });
}

/**
 * The parameters offered for a model nobody knows (every one): for a preset whose deployment is
 * not listed any more. Asked only when `enabled`; the answer never changes while the app runs.
 */
export function useUnknownRules(enabled: boolean) {
  return useQuery({
    queryKey: unknownRulesKey,
    queryFn: () => unwrap(commands.parameterRules(null, null)),
    staleTime: Infinity,
    enabled,
  });
}

/** Reads every preset list again (this one and the Playground's). */
export function useRefreshPresets() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: presetsPrefix });
}

export type PresetUpdate = { id: string; name: string; parameters: PlaygroundParameters };

/** Renames a preset and replaces its parameters. */
export function useUpdatePreset() {
  const refresh = useRefreshPresets();
  return useMutation({
    mutationFn: ({ id, name, parameters }: PresetUpdate) =>
      unwrap(commands.updatePreset(id, name, parameters)),
    onSuccess: refresh,
  });
}

/** Copies a preset under a free name (Rust picks it). */
export function useDuplicatePreset() {
  const refresh = useRefreshPresets();
  return useMutation({
    mutationFn: (id: string) => unwrap(commands.duplicatePreset(id)),
    onSuccess: refresh,
  });
}

/** Deletes a preset; one already gone counts as deleted. */
export function useDeletePresetById() {
  const refresh = useRefreshPresets();
  return useMutation({
    mutationFn: (id: string) => unwrap(commands.deletePreset(id)),
    onSuccess: refresh,
  });
}
