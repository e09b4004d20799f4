import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { Conversation } from "../bindings";
import {
  answer,
  argOf,
  ask,
  callsTo,
  chatServer,
  exchange,
  gpt4oRoute,
  input,
  savedConversations,
  summaryOf,
  transcript,
} from "../features/playground/screenTestKit";
import { targetsFixture } from "../features/playground/testFixtures";
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
    expect(await screen.findByTestId("profile-detail")).toHaveAttribute(
      "data-profile-name",
      "Sandbox",
    );
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

  it("keeps the Playground as it was left: the conversation, its answer, the draft", async () => {
    window.location.hash = gpt4oRoute;
    const user = userEvent.setup();
    const server = chatServer();
    const calls = mockCommands({
      get_settings: () => sampleSettings("system"),
      playground_targets: () => targetsFixture,
      list_conversations: () => [],
      list_presets: () => [],
      save_conversation: (args) => summaryOf(argOf(args, "conversation") as Conversation),
      stop_chat: () => true,
      send_chat: server.reply,
      list_all_presets: () => [],
    });
    renderApp();
    await waitFor(() => expect(screen.getByTestId("playground-model")).toBeVisible());
    await exchange(user, server, "Hello", "Hi there.");
    await ask(user, "Tell me a story");
    const run = await server.run(1);
    run.push({ type: "delta", text: "Once upon" });
    await screen.findByText("Once upon");
    await user.type(input(), "And then?");

    await user.click(within(mainNav()).getByRole("link", { name: "Settings" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
    expect(screen.queryByRole("heading", { level: 1, name: "Playground" })).toBeNull();
    // Esc belongs to the screen in sight: it does not stop the hidden Playground's answer.
    await user.keyboard("{Escape}");
    // The answer goes on arriving out of sight, and is not stopped.
    run.push({ type: "delta", text: " a time" });
    await run.finish(answer("Once upon a time."));
    expect(callsTo(calls, "stop_chat")).toEqual([]);

    await user.click(within(mainNav()).getByRole("link", { name: "Playground" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Playground" })).toBeVisible();
    expect(input()).toHaveValue("And then?");
    expect(input()).toBeVisible();
    expect(transcript()).toEqual([
      "user: Hello",
      "assistant: Hi there.",
      "user: Tell me a story",
      "assistant: Once upon a time.",
    ]);
    await waitFor(() => expect(savedConversations(calls)).toHaveLength(2));
    expect(savedConversations(calls)[1]?.messages).toHaveLength(4);
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
