import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { mockColorScheme } from "../../test/colorScheme";
import { sampleSettings } from "../../test/fixtures";
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

  it("saves Dark when chosen and paints it", async () => {
    const calls = mockCommands({
      ...presetsSection,
      get_settings: () => sampleSettings("system"),
      set_theme: () => sampleSettings("dark"),
    });
    renderApp();
    const { user, select } = await openSettings();
    expect(paintedTheme()).toBe("light");

    await user.selectOptions(select, "Dark");

    await waitFor(() => expect(paintedTheme()).toBe("dark"));
    expect(select).toHaveDisplayValue("Dark");
    expect(calls).toContainEqual({ cmd: "set_theme", args: { theme: "dark" } });
  });

  it("keeps the previous theme and says why when saving fails", async () => {
    mockColorScheme("dark");
    mockCommands({
      ...presetsSection,
      get_settings: () => sampleSettings("light"),
      set_theme: () => {
        throw commandError({ kind: "settings", message: "The settings file is read-only." });
      },
    });
    renderApp();
    const { user, select } = await openSettings();
    await waitFor(() => expect(select).toHaveDisplayValue("Light"));

    await user.selectOptions(select, "Dark");

    expect(await screen.findByRole("alert")).toHaveTextContent("The settings file is read-only.");
    expect(select).toHaveDisplayValue("Light");
    expect(paintedTheme()).toBe("light");
  });
});
