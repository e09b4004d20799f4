import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { sampleSettings } from "../../test/fixtures";
import { mockCommands } from "../../test/mockCommands";
import { renderApp } from "../../test/render";

function openSettings() {
  window.location.hash = "#/settings";
  renderApp();
}

describe("settings recovery notice", () => {
  it("says once why the settings were set aside and where the file is kept", async () => {
    const user = userEvent.setup();
    const calls = mockCommands({
      get_settings: () => sampleSettings("system"),
      settings_recovery: () => ({
        reason: "the settings could not be read: EOF while parsing a string at line 1 column 40",
        movedTo: "/home/me/.local/share/dev.foundrydesk.app/settings.json.invalid-20261129-041502",
        readOnly: false,
      }),
      dismiss_settings_recovery: () => null,
      list_all_presets: () => [],
    });
    openSettings();

    const notice = await screen.findByTestId("settings-recovery");
    expect(notice).toHaveAttribute("role", "alert");
    expect(notice).toHaveTextContent("Your settings could not be used, so defaults are in use");
    expect(notice).toHaveTextContent("EOF while parsing a string at line 1 column 40");
    expect(notice).toHaveTextContent("settings.json.invalid-20261129-041502");

    await user.click(screen.getByRole("button", { name: "Dismiss" }));
    expect(screen.queryByTestId("settings-recovery")).not.toBeInTheDocument();
    // Rust is told, so the next start says nothing; until then a reload would show it again.
    expect(calls.filter((call) => call.cmd === "dismiss_settings_recovery")).toHaveLength(1);
  });

  it("says nothing when the settings loaded", async () => {
    mockCommands({
      get_settings: () => sampleSettings("system"),
      settings_recovery: () => null,
      list_all_presets: () => [],
    });
    openSettings();
    expect(await screen.findByTestId("theme-select")).toBeVisible();
    expect(screen.queryByTestId("settings-recovery")).not.toBeInTheDocument();
  });

  it("says where the file is when it could not be moved", async () => {
    mockCommands({
      get_settings: () => sampleSettings("system"),
      settings_recovery: () => ({
        reason: "the settings file could not be read",
        movedTo: null,
        readOnly: false,
      }),
      list_all_presets: () => [],
    });
    openSettings();
    expect(await screen.findByTestId("settings-recovery")).toHaveTextContent(
      "The file could not be moved aside: saving settings will replace it.",
    );
  });

  it("says the file is left for a newer version and that changes are not saved", async () => {
    mockCommands({
      get_settings: () => sampleSettings("system"),
      settings_recovery: () => ({
        reason: "the settings are version 7, newer than this app understands (2); update Foundry Desk",
        movedTo: null,
        readOnly: true,
      }),
      list_all_presets: () => [],
    });
    openSettings();
    const notice = await screen.findByTestId("settings-recovery");
    expect(notice).toHaveTextContent("update Foundry Desk");
    expect(notice).toHaveTextContent("changes made now are not saved");
  });
});
