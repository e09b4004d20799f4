import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { commands, type Settings, type SettingsSection } from "../../bindings";
import { unwrap } from "../../lib/unwrap";
import { presetsPrefix } from "./presets/presetsQueries";

export const settingsKey = ["settings"] as const;
/** Settings writes run one at a time, so each starts from what the one before saved. */
const settingsScope = { id: "settings" };

/** The saved settings. Only this app writes them, and each save updates the cache. */
export function useSettings() {
  return useQuery({
    queryKey: settingsKey,
    queryFn: () => unwrap(commands.getSettings()),
    staleTime: Infinity,
  });
}

/** `settings` with one section replaced. */
export function withSection<S extends SettingsSection>(
  settings: Settings,
  section: S,
  value: Settings[S],
): Settings {
  const next = { ...settings };
  next[section] = value;
  return next;
}

/**
 * Where every query of prices (the wizard's, the playground's) and of usage costs keeps its key:
 * they are in the currency of the settings, so saving another currency refetches them all.
 */
export const pricesPrefix = ["prices"] as const;
export const usagePrefix = ["usage"] as const;

/**
 * Puts what Rust saved in the cache; when the history folder changed, the history lists are read
 * again (from the new folder), and when the currency changed, prices and costs are.
 */
function adoptSaved(queryClient: QueryClient, saved: Settings): Promise<void> {
  const before = queryClient.getQueryData<Settings>(settingsKey);
  queryClient.setQueryData(settingsKey, saved);
  if (before?.azure.currency !== saved.azure.currency) {
    // Not awaited: the Retail Prices API may be slow or out of reach, and "Saved." should not
    // wait for it; the price lines show their own loading and errors.
    void queryClient.invalidateQueries({ queryKey: pricesPrefix });
    void queryClient.invalidateQueries({ queryKey: usagePrefix });
  }
  if (before?.playground.historyDir === saved.playground.historyDir) return Promise.resolve();
  return queryClient.invalidateQueries({ queryKey: ["conversations"] });
}

function savedSettings(queryClient: QueryClient): Settings {
  const saved = queryClient.getQueryData<Settings>(settingsKey);
  if (saved === undefined) {
    // The forms only show once the settings are read, so this is a bug, said plainly.
    throw new Error("The settings have not been read yet.");
  }
  return saved;
}

/** Makes the settings to save from the latest saved ones. */
export type SettingsEdit = (latest: Settings) => Settings;

/**
 * Saves settings made from the latest saved ones, read when the save starts (after any save
 * before it), so saving one section never undoes another's. On success the cache becomes what
 * Rust saved.
 */
export function useSaveSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (edit: SettingsEdit) => unwrap(commands.saveSettings(edit(savedSettings(queryClient)))),
    scope: settingsScope,
    onSuccess: (saved) => adoptSaved(queryClient, saved),
  });
}

/** Puts one section back to its defaults; the cache becomes what Rust saved. */
export function useResetSection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (section: SettingsSection) => unwrap(commands.resetSettingsSection(section)),
    scope: settingsScope,
    onSuccess: (saved) => adoptSaved(queryClient, saved),
  });
}

/** Writes the settings and presets to a file in Downloads; answers its path. */
export function useExportSettings() {
  return useMutation({
    mutationFn: () => unwrap(commands.exportSettings()),
  });
}

/** Reads an export file's text and says what importing it would change; applies nothing. */
export function usePreviewImport() {
  return useMutation({
    mutationFn: (text: string) => unwrap(commands.previewSettingsImport(text)),
  });
}

/** Imports an export file, all of it or nothing; the settings and every presets list are re-read. */
export function useApplyImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (text: string) => unwrap(commands.applySettingsImport(text)),
    scope: settingsScope,
    onSuccess: async (saved) => {
      await adoptSaved(queryClient, saved);
      await queryClient.invalidateQueries({ queryKey: presetsPrefix });
    },
  });
}
