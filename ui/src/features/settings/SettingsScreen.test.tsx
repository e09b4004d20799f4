import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { sampleAppInfo, sampleSettings, settingsWith } from "../../test/fixtures";
import { commandError, mockCommands, never } from "../../test/mockCommands";
import { renderApp } from "../../test/render";
import {
  chooseSection,
  openSettings,
  painted,
  saveAndWait,
  savedSettings,
  sectionView,
  settingsOnFile,
  unsavedSections,
} from "./settingsTestKit";

const sectionList = () => screen.getByRole("tablist", { name: "Settings sections" });

describe("Settings screen", () => {
  it("lists the sections in order and opens on Appearance", async () => {
    await openSettings();

    expect(within(sectionList()).getAllByRole("tab").map((tab) => tab.textContent)).toEqual([
      "Appearance",
      "Azure",
      "Network",
      "Playground defaults",
      "Deployment presets",
      "Privacy & data",
      "Import & export",
    ]);
    expect(screen.getByRole("tab", { name: "Appearance" })).toHaveAttribute(
      "aria-selected",
      "true",
    );
    expect(screen.getByRole("tabpanel", { name: "Appearance" })).toBe(sectionView("appearance"));
    expect(screen.queryByText("More settings coming.")).not.toBeInTheDocument();
  });

  it("says it is loading the settings, with the section list already there", async () => {
    window.location.hash = "#/settings";
    mockCommands({ get_settings: never, settings_recovery: () => null });
    renderApp();

    expect(await screen.findByTestId("settings-loading")).toHaveTextContent("Loading settings…");
    expect(screen.getByTestId("settings-nav-network")).toBeVisible();
    expect(screen.queryByTestId("theme-select")).not.toBeInTheDocument();
  });

  it("says why the settings could not be read, and reads them again on Try again", async () => {
    window.location.hash = "#/settings";
    let reads = 0;
    mockCommands({
      settings_recovery: () => null,
      get_settings: () => {
        reads += 1;
        if (reads === 1) {
          throw commandError({ kind: "settings", message: "The settings file is locked." });
        }
        return sampleSettings("system");
      },
    });
    const user = userEvent.setup();
    renderApp();

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Couldn’t read your settings.");
    expect(alert).toHaveTextContent("The settings file is locked.");
    await user.click(within(alert).getByRole("button", { name: "Try again" }));

    expect(await screen.findByTestId("theme-select")).toBeVisible();
  });

  it("keeps each section's edits while other sections are looked at, and saves one at a time", async () => {
    const initial = settingsWith({ azure: { defaultRegion: "eastus" } });
    const file = settingsOnFile(initial);
    const { user, calls } = await openSettings(file.replies);

    await user.selectOptions(screen.getByTestId("setting-font-size"), "16 px");
    await chooseSection(user, "azure");
    await user.clear(screen.getByTestId("setting-default-region"));
    await user.type(screen.getByTestId("setting-default-region"), "swedencentral");
    await chooseSection(user, "network");
    await user.click(screen.getByTestId("setting-proxy-mode-none"));
    expect(unsavedSections()).toEqual(["appearance", "azure", "network"]);
    expect(within(sectionList()).getByRole("tab", { name: /Azure/ })).toHaveTextContent(
      "AzureUnsaved",
    );

    await chooseSection(user, "azure");
    expect(screen.getByTestId("setting-default-region")).toHaveValue("swedencentral");
    await saveAndWait(user, "azure");

    // Only Azure was sent: the other drafts are still drafts.
    expect(savedSettings(calls)).toEqual([
      { ...initial, azure: { ...initial.azure, defaultRegion: "swedencentral" } },
    ]);
    expect(unsavedSections()).toEqual(["appearance", "network"]);

    await chooseSection(user, "appearance");
    expect(screen.getByTestId("setting-font-size")).toHaveDisplayValue("16 px");
    expect(painted().fontSize).toBe("16px");
    await saveAndWait(user, "appearance");

    // Built on the settings as saved just before: Azure's save stays.
    expect(savedSettings(calls)[1]).toEqual({
      ...initial,
      appearance: { ...initial.appearance, fontSize: 16 },
      azure: { ...initial.azure, defaultRegion: "swedencentral" },
    });
    await chooseSection(user, "network");
    expect(screen.getByTestId("setting-proxy-mode-none")).toBeChecked();
    expect(unsavedSections()).toEqual(["network"]);
    expect(file.current().network).toEqual(initial.network);
  });

  it("keeps what was typed when the person goes to another screen and comes back", async () => {
    const file = settingsOnFile();
    const { user } = await openSettings({ ...file.replies, app_info: () => sampleAppInfo() });
    await user.selectOptions(screen.getByTestId("setting-font-size"), "18 px");
    await chooseSection(user, "azure");
    await user.type(screen.getByTestId("setting-default-region"), "westeurope");
    expect(painted().fontSize).toBe("18px");

    await user.click(screen.getByRole("link", { name: "About" }));
    await screen.findByRole("heading", { level: 1, name: "About" });
    // Away from Settings, the saved look is back.
    expect(painted().fontSize).toBe("14px");

    await user.click(screen.getByRole("link", { name: "Settings" }));
    await chooseSection(user, "azure");
    expect(screen.getByTestId("setting-default-region")).toHaveValue("westeurope");
    expect(unsavedSections()).toEqual(["appearance", "azure"]);
    await chooseSection(user, "appearance");
    expect(screen.getByTestId("setting-font-size")).toHaveDisplayValue("18 px");
    expect(painted().fontSize).toBe("18px");
  });

  it("moves between sections with the arrow keys", async () => {
    const { user } = await openSettings();
    screen.getByRole("tab", { name: "Appearance" }).focus();

    await user.keyboard("{ArrowDown}");
    expect(screen.getByRole("tab", { name: "Azure" })).toHaveFocus();
    expect(sectionView("azure")).toBeVisible();
    await user.keyboard("{End}");
    expect(screen.getByRole("tab", { name: "Import & export" })).toHaveFocus();
    expect(sectionView("transfer")).toBeVisible();
    await user.keyboard("{ArrowDown}");
    expect(screen.getByRole("tab", { name: "Appearance" })).toHaveFocus();
    await user.keyboard("{ArrowUp}");
    expect(screen.getByRole("tab", { name: "Import & export" })).toHaveFocus();

    // Tab goes from the chosen section's name into the section.
    await user.tab();
    expect(screen.getByTestId("settings-export")).toHaveFocus();
  });

  it("shows the deployment presets and privacy sections where they are listed", async () => {
    const { user } = await openSettings({
      ...settingsOnFile().replies,
      list_all_presets: () => [],
      playground_targets: () => [],
      app_info: () => sampleAppInfo(),
    });

    await chooseSection(user, "presets");
    expect(within(sectionView("presets")).getByTestId("presets-section")).toBeVisible();
    expect(await screen.findByTestId("presets-empty")).toBeVisible();
    await chooseSection(user, "privacy");
    expect(sectionView("privacy")).toBeVisible();
  });
});
