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
      take_settings_recovery: () => ({
        reason: "the settings could not be read: EOF while parsing a string at line 1 column 40",
        movedTo: "/home/me/.local/share/dev.foundrydesk.app/settings.json.invalid-20261129-041502",
      }),
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
    expect(calls.filter((call) => call.cmd === "take_settings_recovery")).toHaveLength(1);
  });

  it("says nothing when the settings loaded", async () => {
    mockCommands({
      get_settings: () => sampleSettings("system"),
      take_settings_recovery: () => null,
      list_all_presets: () => [],
    });
    openSettings();
    expect(await screen.findByTestId("theme-select")).toBeVisible();
    expect(screen.queryByTestId("settings-recovery")).not.toBeInTheDocument();
  });

  it("says where the file is when it could not be moved", async () => {
    mockCommands({
      get_settings: () => sampleSettings("system"),
      take_settings_recovery: () => ({ reason: "the settings file could not be read", movedTo: null }),
      list_all_presets: () => [],
    });
    openSettings();
    expect(await screen.findByTestId("settings-recovery")).toHaveTextContent(
      "The file could not be moved aside: saving settings will replace it.",
    );
  });
});
