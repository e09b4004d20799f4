import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { defaultSettings, sampleAppInfo, settingsWith } from "../../../test/fixtures";
import { commandError, mockCommands } from "../../../test/mockCommands";
import { renderApp } from "../../../test/render";
import {
  callsTo,
  openSettings,
  painted,
  saveAndWait,
  savedSettings,
  settingsOnFile,
  unsavedSections,
} from "../settingsTestKit";

const themeSelect = () => screen.getByTestId("theme-select");
const fontSize = () => screen.getByTestId("setting-font-size");
const compact = () => screen.getByTestId("setting-compact");

describe("Settings › Appearance", () => {
  it("paints the saved text size and density when the app starts", async () => {
    mockCommands({
      get_settings: () => settingsWith({ appearance: { theme: "dark", fontSize: 17, compact: true } }),
      settings_recovery: () => null,
    });
    renderApp();

    await waitFor(() => expect(painted()).toEqual({ theme: "dark", fontSize: "17px", density: "compact" }));
  });

  it("shows each choice across the window at once, and saves only the appearance", async () => {
    const initial = settingsWith({ network: { requestTimeoutSecs: 120 } });
    const file = settingsOnFile(initial);
    const { user, calls } = await openSettings({ ...file.replies, app_info: () => sampleAppInfo() });
    expect(painted()).toEqual({ theme: "light", fontSize: "14px", density: undefined });
    expect(screen.getByTestId("settings-save-appearance")).toBeDisabled();

    await user.selectOptions(themeSelect(), "Dark");
    await user.selectOptions(fontSize(), "18 px");
    await user.click(compact());

    expect(painted()).toEqual({ theme: "dark", fontSize: "18px", density: "compact" });
    expect(unsavedSections()).toEqual(["appearance"]);
    expect(callsTo(calls, "save_settings")).toEqual([]);

    await saveAndWait(user, "appearance");

    expect(savedSettings(calls)).toEqual([
      { ...initial, appearance: { theme: "dark", fontSize: 18, compact: true } },
    ]);
    expect(painted()).toEqual({ theme: "dark", fontSize: "18px", density: "compact" });
    expect(unsavedSections()).toEqual([]);
    expect(screen.getByTestId("settings-save-appearance")).toBeDisabled();

    // Saved: it stays when Settings is left.
    const nav = screen.getByRole("navigation", { name: "Main" });
    await user.click(within(nav).getByRole("link", { name: "About" }));
    await screen.findByRole("heading", { level: 1, name: "About" });
    expect(painted()).toEqual({ theme: "dark", fontSize: "18px", density: "compact" });
  });

  it("shows the saved appearance again on Revert", async () => {
    const { user, calls } = await openSettings(
      settingsOnFile(settingsWith({ appearance: { fontSize: 16 } })).replies,
    );
    await waitFor(() => expect(painted().fontSize).toBe("16px"));

    await user.selectOptions(themeSelect(), "Dark");
    await user.selectOptions(fontSize(), "12 px");
    await user.click(compact());
    expect(painted()).toEqual({ theme: "dark", fontSize: "12px", density: "compact" });

    await user.click(screen.getByTestId("settings-revert-appearance"));

    expect(painted()).toEqual({ theme: "light", fontSize: "16px", density: undefined });
    expect(themeSelect()).toHaveDisplayValue("System");
    expect(fontSize()).toHaveDisplayValue("16 px");
    expect(compact()).not.toBeChecked();
    expect(unsavedSections()).toEqual([]);
    expect(callsTo(calls, "save_settings")).toEqual([]);
  });

  it("shows the saved appearance again when Settings is left unsaved", async () => {
    const { user, calls } = await openSettings({
      ...settingsOnFile().replies,
      app_info: () => sampleAppInfo(),
    });
    await user.selectOptions(themeSelect(), "Dark");
    await user.selectOptions(fontSize(), "20 px");
    await user.click(compact());
    expect(painted()).toEqual({ theme: "dark", fontSize: "20px", density: "compact" });

    const nav = screen.getByRole("navigation", { name: "Main" });
    await user.click(within(nav).getByRole("link", { name: "About" }));
    await screen.findByRole("heading", { level: 1, name: "About" });

    expect(painted()).toEqual({ theme: "light", fontSize: "14px", density: undefined });
    expect(callsTo(calls, "save_settings")).toEqual([]);
  });

  it("keeps the choice and says why by the field when Rust refuses it", async () => {
    const { user, calls } = await openSettings({
      ...settingsOnFile().replies,
      save_settings: () => {
        throw commandError({
          kind: "settings",
          message: "appearance.fontSize: 21 px is not offered by this build",
          fields: [{ field: "appearance.fontSize", message: "21 px is not offered by this build" }],
        });
      },
    });
    await user.selectOptions(fontSize(), "21 px");
    await user.click(screen.getByTestId("settings-save-appearance"));

    expect(await screen.findByTestId("field-error-appearance.fontSize")).toHaveTextContent(
      "21 px is not offered by this build",
    );
    expect(fontSize()).toHaveDisplayValue("21 px");
    expect(fontSize()).toHaveAttribute("aria-invalid", "true");
    expect(fontSize()).toHaveFocus();
    expect(painted().fontSize).toBe("21px");
    expect(screen.getByTestId("settings-status-appearance")).toHaveTextContent("");
    expect(unsavedSections()).toEqual(["appearance"]);
    expect(callsTo(calls, "save_settings")).toHaveLength(1);

    // Choosing again clears the refusal of the old choice.
    await user.selectOptions(fontSize(), "15 px");
    expect(screen.queryByTestId("field-error-appearance.fontSize")).not.toBeInTheDocument();
  });

  it("puts the appearance back to its defaults only once confirmed", async () => {
    const saved = settingsWith({ appearance: { theme: "dark", fontSize: 19, compact: true } });
    const file = settingsOnFile(saved);
    const { user, calls } = await openSettings(file.replies);
    await waitFor(() => expect(painted().fontSize).toBe("19px"));

    await user.click(screen.getByTestId("settings-reset-appearance"));
    const confirmation = screen.getByRole("group", { name: "Reset appearance to defaults" });
    expect(confirmation).toHaveTextContent("Put every appearance setting back to its default?");
    await user.click(within(confirmation).getByRole("button", { name: "Cancel" }));
    expect(screen.queryByTestId("settings-reset-confirm-appearance")).not.toBeInTheDocument();
    expect(callsTo(calls, "reset_settings_section")).toEqual([]);
    expect(screen.getByTestId("settings-reset-appearance")).toHaveFocus();

    await user.click(screen.getByTestId("settings-reset-appearance"));
    await user.click(screen.getByTestId("settings-reset-confirm-appearance"));

    await waitFor(() =>
      expect(screen.getByTestId("settings-status-appearance")).toHaveTextContent(
        "Reset to defaults.",
      ),
    );
    expect(callsTo(calls, "reset_settings_section")).toEqual([
      { cmd: "reset_settings_section", args: { section: "appearance" } },
    ]);
    expect(themeSelect()).toHaveDisplayValue("System");
    expect(fontSize()).toHaveDisplayValue("14 px (default)");
    expect(compact()).not.toBeChecked();
    expect(painted()).toEqual({ theme: "light", fontSize: "14px", density: undefined });
    expect(file.current().appearance).toEqual(defaultSettings().appearance);
  });
});
