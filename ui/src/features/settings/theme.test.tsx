import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { mockColorScheme } from "../../test/colorScheme";
import { sampleAppInfo, sampleSettings } from "../../test/fixtures";
import { commandError, mockCommands, never } from "../../test/mockCommands";
import { renderApp } from "../../test/render";

function paintedTheme() {
  return document.documentElement.dataset.theme;
}

async function openSettings() {
  const user = userEvent.setup();
  const nav = screen.getByRole("navigation", { name: "Main" });
  await user.click(within(nav).getByRole("link", { name: "Settings" }));
  const select = await screen.findByRole("combobox", { name: "Theme" });
  await waitFor(() => expect(select).toBeEnabled());
  return { user, select };
}

/** The Settings screen's presets section, empty. */
const presetsSection = { list_all_presets: () => [], playground_targets: () => [] };

describe("theme", () => {
  it("follows the OS while settings are still loading", () => {
    mockColorScheme("dark");
    mockCommands({ get_settings: never });
    renderApp();

    expect(paintedTheme()).toBe("dark");
  });

  it("follows the OS by default, including when the OS switches", async () => {
    const os = mockColorScheme("dark");
    mockCommands({ get_settings: () => sampleSettings("system"), ...presetsSection });
    renderApp();
    const { select } = await openSettings();

    expect(select).toHaveDisplayValue("System");
    expect(paintedTheme()).toBe("dark");
    os.switchTo("light");
    expect(paintedTheme()).toBe("light");
  });

  it("paints Dark as soon as it is chosen, and keeps it once saved", async () => {
    const calls = mockCommands({
      ...presetsSection,
      get_settings: () => sampleSettings("system"),
      save_settings: () => sampleSettings("dark"),
    });
    renderApp();
    const { user, select } = await openSettings();
    expect(paintedTheme()).toBe("light");

    await user.selectOptions(select, "Dark");
    expect(paintedTheme()).toBe("dark");
    await user.click(screen.getByTestId("settings-save-appearance"));

    await waitFor(() =>
      expect(screen.getByTestId("settings-status-appearance")).toHaveTextContent("Saved."),
    );
    expect(paintedTheme()).toBe("dark");
    expect(select).toHaveDisplayValue("Dark");
    expect(calls).toContainEqual({ cmd: "save_settings", args: { settings: sampleSettings("dark") } });
  });

  it("says why when saving fails, and paints the saved theme again once Settings is left", async () => {
    mockColorScheme("dark");
    mockCommands({
      ...presetsSection,
      get_settings: () => sampleSettings("light"),
      save_settings: () => {
        throw commandError({ kind: "settings", message: "The settings file is read-only." });
      },
      app_info: () => sampleAppInfo(),
    });
    renderApp();
    const { user, select } = await openSettings();
    await waitFor(() => expect(select).toHaveDisplayValue("Light"));

    await user.selectOptions(select, "Dark");
    await user.click(screen.getByTestId("settings-save-appearance"));

    expect(await screen.findByRole("alert")).toHaveTextContent("The settings file is read-only.");
    // Nothing chosen is lost: the choice stays, to save again.
    expect(select).toHaveDisplayValue("Dark");
    expect(paintedTheme()).toBe("dark");

    const nav = screen.getByRole("navigation", { name: "Main" });
    await user.click(within(nav).getByRole("link", { name: "About" }));
    await screen.findByRole("heading", { level: 1, name: "About" });
    expect(paintedTheme()).toBe("light");
  });
});
