import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { settingsWith } from "../../../test/fixtures";
import { commandError } from "../../../test/mockCommands";
import { sampleParameters } from "../../playground/testFixtures";
import {
  callsTo,
  openSettings,
  saveAndWait,
  savedSettings,
  settingsOnFile,
  unsavedSections,
} from "../settingsTestKit";

const field = (testId: string) => screen.getByTestId(testId);
const chat = () => screen.getByTestId("settings-playground-chat");
const reasoning = () => screen.getByTestId("settings-playground-reasoning");

describe("Settings › Playground defaults", () => {
  it("edits the defaults for chat and for reasoning models, and saves only them", async () => {
    const initial = settingsWith({
      appearance: { compact: true },
      playground: { chat: sampleParameters({ seed: 7, stop: ["END"] }) },
    });
    const { user, calls } = await openSettings(settingsOnFile(initial).replies, "playground");

    await user.type(
      within(chat()).getByRole("textbox", { name: "System message" }),
      "Answer briefly.",
    );
    await user.type(within(chat()).getByRole("spinbutton", { name: "Temperature" }), "0.3");
    await user.type(within(chat()).getByRole("spinbutton", { name: "max_tokens" }), "800");
    await user.clear(within(chat()).getByRole("spinbutton", { name: "Past messages included" }));
    await user.type(within(chat()).getByRole("spinbutton", { name: "Past messages included" }), "4");
    expect(within(reasoning()).queryByRole("spinbutton", { name: "Temperature" })).toBeNull();
    await user.type(
      within(reasoning()).getByRole("textbox", { name: "Developer message" }),
      "Think first.",
    );
    await user.selectOptions(
      within(reasoning()).getByRole("combobox", { name: "Reasoning effort" }),
      "high",
    );
    await user.type(
      within(reasoning()).getByRole("spinbutton", { name: "max_completion_tokens" }),
      "4000",
    );
    await user.click(field("setting-autosave"));
    await user.type(field("setting-history-dir"), "/home/ada/chats");
    expect(unsavedSections()).toEqual(["playground"]);

    await saveAndWait(user, "playground");

    expect(savedSettings(calls)).toEqual([
      {
        ...initial,
        playground: {
          // What the form does not show (seed, stop sequences) is kept as saved.
          chat: sampleParameters({
            systemMessage: "Answer briefly.",
            temperature: 0.3,
            maxTokens: 800,
            pastMessages: 4,
            seed: 7,
            stop: ["END"],
          }),
          reasoning: sampleParameters({
            systemMessage: "Think first.",
            reasoningEffort: "high",
            maxTokens: 4000,
          }),
          autosave: false,
          historyDir: "/home/ada/chats",
        },
      },
    ]);
    expect(unsavedSections()).toEqual([]);
  });

  it("says a parameter out of range is wrong without asking Rust", async () => {
    const { user, calls } = await openSettings(settingsOnFile().replies, "playground");
    const temperature = within(chat()).getByRole("spinbutton", { name: "Temperature" });
    await user.type(temperature, "3");
    expect(screen.getByTestId("field-error-playground.chat.temperature")).toHaveTextContent(
      "Temperature must be between 0 and 2",
    );
    await user.click(temperature.ownerDocument.body);

    await user.click(screen.getByTestId("settings-save-playground"));

    expect(temperature).toHaveFocus();
    expect(callsTo(calls, "save_settings")).toEqual([]);
  });

  it("shows a refused history folder by its field and keeps the draft", async () => {
    const { user, calls } = await openSettings(
      {
        ...settingsOnFile().replies,
        save_settings: () => {
          throw commandError({
            kind: "settings",
            message: 'playground.historyDir: "chats" is not a full path (like /home/me/chats)',
            fields: [
              {
                field: "playground.historyDir",
                message: '"chats" is not a full path (like /home/me/chats)',
              },
            ],
          });
        },
      },
      "playground",
    );
    await user.type(within(chat()).getByRole("spinbutton", { name: "Top P" }), "0.9");
    await user.type(field("setting-history-dir"), "chats{Enter}");

    expect(await screen.findByTestId("field-error-playground.historyDir")).toHaveTextContent(
      '"chats" is not a full path',
    );
    expect(field("setting-history-dir")).toHaveFocus();
    expect(field("setting-history-dir")).toHaveValue("chats");
    expect(within(chat()).getByRole("spinbutton", { name: "Top P" })).toHaveValue(0.9);
    expect(callsTo(calls, "save_settings")).toHaveLength(1);

    await user.click(screen.getByTestId("settings-revert-playground"));
    await waitFor(() => expect(field("setting-history-dir")).toHaveValue(""));
    expect(within(chat()).getByRole("spinbutton", { name: "Top P" })).toHaveValue(null);
    expect(screen.queryByTestId("field-error-playground.historyDir")).not.toBeInTheDocument();
    expect(unsavedSections()).toEqual([]);
  });
});
