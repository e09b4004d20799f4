import { createContext, createElement, useCallback, useContext, useState, type ReactNode } from "react";
import type { Appearance } from "../../bindings";
import type { AzureForm } from "./azure/azureForm";
import { untouched, type DraftState } from "./form/sectionForm";
import type { NetworkForm } from "./network/networkForm";
import type { PlaygroundForm } from "./playground/playgroundForm";
import type { FormSectionId } from "./settingsSections";

/** Every form section's edits, kept by the screen so that looking at another section loses none. */
export type SettingsDrafts = {
  appearance: DraftState<Appearance>;
  azure: DraftState<AzureForm>;
  network: DraftState<NetworkForm>;
  playground: DraftState<PlaygroundForm>;
};

export type DraftUpdate<K extends FormSectionId> = (
  update: (state: SettingsDrafts[K]) => SettingsDrafts[K],
) => void;

const noDrafts: SettingsDrafts = {
  appearance: untouched,
  azure: untouched,
  network: untouched,
  playground: untouched,
};

type DraftsState = ReturnType<typeof useDraftsState>;

function useDraftsState() {
  const [drafts, setDrafts] = useState<SettingsDrafts>(noDrafts);
  const updater = useCallback(
    <K extends FormSectionId>(section: K): DraftUpdate<K> =>
      (update) =>
        setDrafts((all) => ({ ...all, [section]: update(all[section]) })),
    [],
  );
  return { drafts, updater };
}

const SharedDrafts = createContext<DraftsState | null>(null);

/**
 * Keeps the drafts above the screens, so going to another screen and back loses nothing typed in
 * Settings (the window keeps them until it closes).
 */
export function SettingsDraftsProvider({ children }: { children: ReactNode }) {
  return createElement(SharedDrafts.Provider, { value: useDraftsState() }, children);
}

/** The drafts, and an updater per section: the window's when provided, else the screen's own. */
export function useSettingsDrafts(): DraftsState {
  const shared = useContext(SharedDrafts);
  const own = useDraftsState();
  return shared ?? own;
}
