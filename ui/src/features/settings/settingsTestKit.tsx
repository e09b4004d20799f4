// Helpers for the Settings screen's tests: settings kept as Rust keeps them, and the screen
// opened on a section in the whole app window (so the appearance shows on <html> as it would).

import { screen, waitFor, within } from "@testing-library/react";
import userEvent, { type UserEvent } from "@testing-library/user-event";
import { expect } from "vitest";
import type { Settings, SettingsSection } from "../../bindings";
import { defaultSettings, sampleSettings, sandboxProfile } from "../../test/fixtures";
import { mockCommands, type CommandReplies, type IpcCall } from "../../test/mockCommands";
import { renderApp } from "../../test/render";
import type { SettingsSectionId } from "./settingsSections";

/** The settings file as Rust keeps it: saves replace it whole, a reset puts one section back. */
export function settingsOnFile(initial: Settings = sampleSettings("system")) {
  let saved = initial;
  return {
    current: () => saved,
    replies: {
      get_settings: () => saved,
      save_settings: (args) => {
        saved = (args as { settings: Settings }).settings;
        return saved;
      },
      reset_settings_section: (args) => {
        const { section } = args as { section: SettingsSection };
        saved = { ...saved, [section]: defaultSettings()[section] };
        return saved;
      },
    } satisfies CommandReplies,
  };
}

/** The settings each call to save_settings sent, in order. */
export function savedSettings(calls: IpcCall[]): Settings[] {
  return calls
    .filter((call) => call.cmd === "save_settings")
    .map((call) => (call.args as { settings: Settings }).settings);
}

/** The calls made to `cmd`. */
export function callsTo(calls: IpcCall[], cmd: string): IpcCall[] {
  return calls.filter((call) => call.cmd === cmd);
}

export type OpenedSettings = { user: UserEvent; calls: IpcCall[] };

/**
 * Opens the app on Settings, with these replies (the saved settings unless told otherwise), and
 * chooses `section` once the saved settings show.
 */
export async function openSettings(
  replies: CommandReplies = settingsOnFile().replies,
  section: SettingsSectionId = "appearance",
): Promise<OpenedSettings> {
  window.location.hash = "#/settings";
  const calls = mockCommands({
    settings_recovery: () => null,
    // Network's "Test" lists the connections to test against.
    list_profiles: () => [sandboxProfile()],
    ...replies,
  });
  const user = userEvent.setup();
  renderApp();
  await screen.findByTestId("theme-select");
  if (section !== "appearance") await chooseSection(user, section);
  return { user, calls };
}

/** Clicks a section in the list and waits for it to show. */
export async function chooseSection(user: UserEvent, section: SettingsSectionId): Promise<void> {
  await user.click(screen.getByTestId(`settings-nav-${section}`));
  await waitFor(() => expect(screen.getByTestId(`settings-section-${section}`)).toBeVisible());
}

/** The chosen section's container. */
export function sectionView(section: SettingsSectionId): HTMLElement {
  return screen.getByTestId(`settings-section-${section}`);
}

/** Clicks Save and waits for "Saved." */
export async function saveAndWait(user: UserEvent, section: SettingsSection): Promise<void> {
  await user.click(screen.getByTestId(`settings-save-${section}`));
  await waitFor(() =>
    expect(screen.getByTestId(`settings-status-${section}`)).toHaveTextContent("Saved."),
  );
}

/** The sections the list marks as unsaved, by their labels. */
export function unsavedSections(): string[] {
  const list = screen.getByRole("tablist", { name: "Settings sections" });
  return within(list)
    .getAllByRole("tab")
    .filter((tab) => within(tab).queryByTestId("settings-nav-unsaved") !== null)
    .map((tab) => tab.getAttribute("data-testid")?.replace("settings-nav-", "") ?? "");
}

/** What <html> shows: the theme, the root text size and the density. */
export function painted() {
  const root = document.documentElement;
  return {
    theme: root.dataset.theme,
    fontSize: root.style.fontSize,
    density: root.dataset.density,
  };
}
