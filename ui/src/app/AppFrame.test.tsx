import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { sampleAppInfo, sampleSettings, sandboxProfile, unlockedKeychain } from "../test/fixtures";
import { mockCommands, never } from "../test/mockCommands";
import { renderApp } from "../test/render";

const entries = ["Connections", "Deployments", "Playground", "Settings", "About"];

function mainNav() {
  return screen.getByRole("navigation", { name: "Main" });
}

describe("app frame", () => {
  it("lists every screen in the sidebar and opens on Connections", async () => {
    mockCommands({
      get_settings: () => sampleSettings("system"),
      list_profiles: () => [sandboxProfile()],
      keychain_status: () => unlockedKeychain,
      list_subscriptions: never,
    });
    renderApp();

    for (const name of entries) {
      expect(within(mainNav()).getByRole("link", { name })).toBeVisible();
    }
    expect(within(mainNav()).getByRole("link", { name: "Connections" })).toHaveAttribute(
      "aria-current",
      "page",
    );
    expect(await screen.findByRole("heading", { level: 1, name: "Connections" })).toBeVisible();
    expect(await screen.findByTestId("profile-detail")).toHaveAttribute("data-profile-name", "Sandbox");
  });

  it("switches screens from the sidebar", async () => {
    const user = userEvent.setup();
    mockCommands({ get_settings: () => sampleSettings("system"), app_info: () => sampleAppInfo() });
    renderApp();

    for (const name of entries) {
      await user.click(within(mainNav()).getByRole("link", { name }));
      expect(await screen.findByRole("heading", { level: 1, name })).toBeVisible();
      expect(within(mainNav()).getByRole("link", { name })).toHaveAttribute("aria-current", "page");
      expect(within(mainNav()).getAllByRole("link", { current: "page" })).toHaveLength(1);
    }
  });

  it("can be driven from the keyboard", async () => {
    const user = userEvent.setup();
    mockCommands({ get_settings: () => sampleSettings("system") });
    renderApp();

    await user.tab();
    expect(within(mainNav()).getByRole("link", { name: "Connections" })).toHaveFocus();
    await user.tab();
    await user.tab();
    expect(within(mainNav()).getByRole("link", { name: "Playground" })).toHaveFocus();
    await user.keyboard("{Enter}");
    expect(await screen.findByRole("heading", { level: 1, name: "Playground" })).toBeVisible();
  });
});
