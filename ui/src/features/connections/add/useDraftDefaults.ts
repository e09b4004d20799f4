import { useSettings } from "../../settings/settingsQueries";
import { draftDefaults, type DraftDefaults } from "./draft";

/**
 * What a new profile starts with, from the saved Settings › Azure: read from the shared settings
 * cache, so a save in Settings shows here at once. Built-in defaults while they load or fail.
 */
export function useDraftDefaults(): DraftDefaults {
  const settings = useSettings();
  return draftDefaults(settings.data?.azure);
}
