import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { settingsWith } from "../../../test/fixtures";
import { commandError } from "../../../test/mockCommands";
import {
  callsTo,
  openSettings,
  saveAndWait,
  savedSettings,
  settingsOnFile,
  unsavedSections,
} from "../settingsTestKit";

const field = (testId: string) => screen.getByTestId(testId);

describe("Settings › Network", () => {
  it("asks for the proxy URL and its exceptions only for a manual proxy, and saves the list", async () => {
    const initial = settingsWith({ azure: { defaultRegion: "eastus" } });
    const { user, calls } = await openSettings(settingsOnFile(initial).replies, "network");
    expect(field("setting-proxy-mode-system")).toBeChecked();
    expect(screen.queryByTestId("setting-proxy-url")).not.toBeInTheDocument();
    expect(screen.queryByTestId("setting-no-proxy")).not.toBeInTheDocument();

    await user.click(screen.getByRole("radio", { name: "Manual" }));
    expect(field("setting-proxy-mode-manual")).toBeChecked();
    await user.type(field("setting-proxy-url"), "http://proxy.corp:8080");
    await user.type(field("setting-no-proxy"), "localhost{Enter}.corp.example, 10.0.0.0/8{Enter}{Enter}, ");
    await user.clear(field("setting-request-timeout"));
    await user.type(field("setting-request-timeout"), "90");
    expect(unsavedSections()).toEqual(["network"]);

    await saveAndWait(user, "network");

    expect(savedSettings(calls)).toEqual([
      {
        ...initial,
        network: {
          proxy: {
            mode: "manual",
            url: "http://proxy.corp:8080",
            noProxy: ["localhost", ".corp.example", "10.0.0.0/8"],
          },
          caCertificate: null,
          requestTimeoutSecs: 90,
        },
      },
    ]);
    // Shown again as saved: one host per line.
    expect(field("setting-no-proxy")).toHaveValue("localhost\n.corp.example\n10.0.0.0/8");
  });

  it("keeps a manual proxy's URL while another mode is looked at", async () => {
    const saved = settingsWith({
      network: { proxy: { mode: "manual", url: "http://proxy.corp:3128", noProxy: ["localhost"] } },
    });
    const { user, calls } = await openSettings(settingsOnFile(saved).replies, "network");
    expect(field("setting-proxy-url")).toHaveValue("http://proxy.corp:3128");

    await user.click(field("setting-proxy-mode-none"));
    expect(screen.queryByTestId("setting-proxy-url")).not.toBeInTheDocument();
    await user.click(field("setting-proxy-mode-manual"));

    expect(field("setting-proxy-url")).toHaveValue("http://proxy.corp:3128");
    expect(field("setting-no-proxy")).toHaveValue("localhost");
    expect(screen.getByTestId("settings-save-network")).toBeDisabled();
    expect(unsavedSections()).toEqual([]);
    expect(callsTo(calls, "save_settings")).toEqual([]);
  });

  it("shows a refused proxy URL and CA file by their fields, keeping what was typed", async () => {
    const { user, calls } = await openSettings(
      {
        ...settingsOnFile().replies,
        save_settings: () => {
          throw commandError({
            kind: "settings",
            message: "network.proxy.url: a user name or password in the proxy URL … (and 1 more)",
            fields: [
              {
                field: "network.proxy.url",
                message:
                  "a user name or password in the proxy URL would be kept in a plain file: leave them out",
              },
              {
                field: "network.caCertificate",
                message: "/etc/ssl/corp.pem cannot be read: No such file or directory (os error 2)",
              },
            ],
          });
        },
      },
      "network",
    );
    await user.click(field("setting-proxy-mode-manual"));
    await user.type(field("setting-proxy-url"), "http://ada:secret@proxy.corp:8080");
    await user.type(field("setting-ca-certificate"), "/etc/ssl/corp.pem");
    await user.click(screen.getByTestId("settings-save-network"));

    expect(await screen.findByTestId("field-error-network.proxy.url")).toHaveTextContent(
      "leave them out",
    );
    expect(screen.getByTestId("field-error-network.caCertificate")).toHaveTextContent(
      "/etc/ssl/corp.pem cannot be read",
    );
    expect(field("setting-proxy-url")).toHaveFocus();
    expect(field("setting-proxy-url")).toHaveValue("http://ada:secret@proxy.corp:8080");
    expect(field("setting-ca-certificate")).toHaveValue("/etc/ssl/corp.pem");
    expect(field("setting-proxy-mode-manual")).toBeChecked();
    expect(screen.getByTestId("settings-problems-network")).toHaveTextContent(
      "Fix the fields marked above.",
    );
    expect(callsTo(calls, "save_settings")).toHaveLength(1);
  });

  it("says a timeout that is no number is wrong without asking Rust", async () => {
    const { user, calls } = await openSettings(settingsOnFile().replies, "network");
    await user.clear(field("setting-request-timeout"));
    await user.click(screen.getByTestId("settings-save-network"));

    expect(await screen.findByTestId("field-error-network.requestTimeoutSecs")).toHaveTextContent(
      "Enter a whole number of seconds, 5 to 600",
    );
    expect(field("setting-request-timeout")).toHaveFocus();
    expect(callsTo(calls, "save_settings")).toEqual([]);

    await user.type(field("setting-request-timeout"), "45{Enter}");
    await waitFor(() =>
      expect(screen.getByTestId("settings-status-network")).toHaveTextContent("Saved."),
    );
    expect(savedSettings(calls).map((settings) => settings.network.requestTimeoutSecs)).toEqual([
      45,
    ]);
  });

  it("puts the network settings back to their defaults only once confirmed", async () => {
    const file = settingsOnFile(
      settingsWith({ network: { proxy: { mode: "none" }, requestTimeoutSecs: 300 } }),
    );
    const { user, calls } = await openSettings(file.replies, "network");

    await user.click(screen.getByTestId("settings-reset-network"));
    const confirmation = screen.getByRole("group", { name: "Reset network to defaults" });
    await user.keyboard("{Escape}");
    expect(confirmation).not.toBeInTheDocument();
    expect(callsTo(calls, "reset_settings_section")).toEqual([]);

    await user.click(screen.getByTestId("settings-reset-network"));
    await user.click(
      within(screen.getByRole("group", { name: "Reset network to defaults" })).getByRole(
        "button",
        { name: "Reset to defaults" },
      ),
    );

    await waitFor(() => expect(field("setting-proxy-mode-system")).toBeChecked());
    expect(field("setting-request-timeout")).toHaveValue(120);
    expect(callsTo(calls, "reset_settings_section")).toEqual([
      { cmd: "reset_settings_section", args: { section: "network" } },
    ]);
    expect(screen.getByTestId("settings-status-network")).toHaveTextContent("Reset to defaults.");
  });
});
