import type { SettingsSection } from "../../bindings";

/** The Settings screen's sections, in the order the list shows them. */
export const settingsSections = [
  { id: "appearance", label: "Appearance" },
  { id: "azure", label: "Azure" },
  { id: "network", label: "Network" },
  { id: "playground", label: "Playground defaults" },
  { id: "presets", label: "Deployment presets" },
  { id: "privacy", label: "Privacy & data" },
  { id: "transfer", label: "Import & export" },
] as const satisfies ReadonlyArray<{ id: string; label: string }>;

export type SettingsSectionId = (typeof settingsSections)[number]["id"];

/** The sections edited as forms of saved settings (Save, Revert, Reset). */
export type FormSectionId = SettingsSection;
