import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { PlaygroundDefaults } from "../../bindings";
import { sampleSettings } from "../../test/fixtures";
import { commandError } from "../../test/mockCommands";
import {
  answer,
  ask,
  callsTo,
  conversationStore,
  exchange,
  gpt4oRoute,
  historyItem,
  messages,
  ready,
  renderPlayground,
  savedConversations,
  transcript,
} from "./screenTestKit";
import { o4miniTarget, sampleConversation, sampleParameters } from "./testFixtures";

// The Playground defaults of the Settings screen: what a new conversation starts from, per model
// family, and whether conversations save themselves.

afterEach(() => {
  vi.useRealTimers();
});

const o4miniRoute =
  "#/playground?profile=sandbox&deployment=o4-mini&endpoint=" +
  encodeURIComponent(o4miniTarget.target.endpoint ?? "");

const chatDefaults = sampleParameters({
  systemMessage: "You are a terse assistant.",
  temperature: 0.3,
  pastMessages: 4,
});
const reasoningDefaults = sampleParameters({
  systemMessage: "Think before answering.",
  reasoningEffort: "high",
  pastMessages: 6,
});

function settingsWith(playground: Partial<PlaygroundDefaults> = {}) {
  return sampleSettings("system", {
    chat: chatDefaults,
    reasoning: reasoningDefaults,
    ...playground,
  });
}

/** Replies reading the settings as saved: `settingsWith(playground)`. */
function savedSettings(playground: Partial<PlaygroundDefaults> = {}) {
  return { get_settings: () => settingsWith(playground) };
}

const systemField = () => screen.getByTestId<HTMLTextAreaElement>("param-system");
const temperatureField = () => screen.getByTestId<HTMLInputElement>("param-temperature");
const effortField = () => screen.getByTestId<HTMLSelectElement>("param-reasoning-effort");
const pastMessagesField = () => screen.getByTestId<HTMLInputElement>("param-past-messages");

async function pick(user: ReturnType<typeof userEvent.setup>, deployment: RegExp) {
  await user.selectOptions(
    screen.getByTestId("target-picker"),
    screen.getByRole("option", { name: deployment }),
  );
}

/** Shows the chat defaults, once the settings are read. */
async function showsChatDefaults() {
  await waitFor(() => expect(systemField()).toHaveValue("You are a terse assistant."));
  expect(temperatureField()).toHaveValue(0.3);
  expect(pastMessagesField()).toHaveValue(4);
}

async function showsReasoningDefaults() {
  await waitFor(() => expect(effortField()).toHaveValue("high"));
  expect(systemField()).toHaveValue("Think before answering.");
  expect(pastMessagesField()).toHaveValue(6);
  expect(screen.queryByTestId("param-temperature")).not.toBeInTheDocument();
}

function saveStatus(): HTMLElement {
  return screen.getByTestId("save-state");
}

function unsavedQuestion(): HTMLElement {
  return screen.getByRole("group", { name: "Discard unsaved conversation?" });
}

describe("playground: new conversations start from the Playground defaults", () => {
  it("shows the chat defaults on a chat deployment, and sends with them", async () => {
    const { user, server } = renderPlayground(savedSettings());
    await ready();

    await showsChatDefaults();

    await ask(user, "Hello");
    const run = await server.run(0);
    expect(run.request.parameters).toEqual(chatDefaults);
  });

  it("shows the reasoning defaults on a reasoning deployment", async () => {
    renderPlayground(savedSettings(), o4miniRoute);
    await ready();

    await showsReasoningDefaults();
  });

  it("takes the other family's defaults when a fresh conversation changes deployment", async () => {
    const { user } = renderPlayground(savedSettings(), "#/playground");
    await screen.findByText("Pick a deployment to start");

    await pick(user, /^gpt-4o/);
    await showsChatDefaults();
    await pick(user, /^o4-mini/);
    await showsReasoningDefaults();
    await pick(user, /^gpt-4o/);
    await showsChatDefaults();
  });

  it("starts a new conversation from the defaults, not the last one's parameters", async () => {
    const { user, server } = renderPlayground(savedSettings());
    await ready();
    await showsChatDefaults();
    fireEvent.change(systemField(), { target: { value: "Answer in French." } });
    await exchange(user, server, "Hello", "Bonjour.");

    await user.click(screen.getByTestId("new-conversation"));

    expect(messages()).toEqual([]);
    await showsChatDefaults();
  });

  it("keeps parameters someone chose when the deployment or the defaults change", async () => {
    const { user, queryClient } = renderPlayground(savedSettings());
    await ready();
    await showsChatDefaults();

    fireEvent.change(systemField(), { target: { value: "My own words." } });
    await pick(user, /^o4-mini/);

    expect(systemField()).toHaveValue("My own words.");
    expect(effortField()).toHaveValue("");
    expect(pastMessagesField()).toHaveValue(4);

    // Settings saved new defaults: the conversation someone edited keeps its own.
    const changed = sampleParameters({ systemMessage: "New defaults.", reasoningEffort: "low" });
    act(() => {
      queryClient.setQueryData(["settings"], settingsWith({ reasoning: changed }));
    });
    expect(systemField()).toHaveValue("My own words.");
    expect(effortField()).toHaveValue("");

    // A new conversation takes them.
    await user.click(screen.getByTestId("new-conversation"));
    await waitFor(() => expect(systemField()).toHaveValue("New defaults."));
    expect(effortField()).toHaveValue("low");
  });

  it("keeps a preset applied to a fresh conversation when the deployment changes", async () => {
    const { user } = renderPlayground({
      ...savedSettings(),
      list_presets: () => [
        {
          id: "preset-warm",
          name: "Warm",
          profileId: "sandbox",
          endpoint: "https://contoso-openai-eastus.openai.azure.com/",
          deployment: "gpt-4o",
          parameters: sampleParameters({ systemMessage: "Be warm.", temperature: 1.1 }),
          updatedAtMs: 0,
        },
      ],
    });
    await ready();
    await showsChatDefaults();

    await screen.findByRole("option", { name: "Warm" });
    await user.selectOptions(screen.getByRole("combobox", { name: "Preset" }), "Warm");
    expect(systemField()).toHaveValue("Be warm.");
    await pick(user, /^o4-mini/);

    expect(systemField()).toHaveValue("Be warm.");
    expect(effortField()).toHaveValue("");
  });

  it("lets an untouched conversation follow defaults changed in Settings", async () => {
    const { queryClient } = renderPlayground(savedSettings());
    await ready();
    await showsChatDefaults();

    act(() => {
      queryClient.setQueryData(
        ["settings"],
        settingsWith({ chat: sampleParameters({ systemMessage: "Changed.", temperature: 0.9 }) }),
      );
    });

    await waitFor(() => expect(systemField()).toHaveValue("Changed."));
    expect(temperatureField()).toHaveValue(0.9);
  });

  it("keeps a reopened conversation's own parameters", async () => {
    const store = conversationStore([sampleConversation]);
    const { user } = renderPlayground({ ...store.replies, ...savedSettings() }, "#/playground");

    await user.click(within(await historyItem(sampleConversation.id)).getByTestId("history-open"));

    expect(await screen.findByText("Paris.")).toBeVisible();
    expect(systemField()).toHaveValue("Be brief.");
    expect(temperatureField()).toHaveValue(null);
    expect(pastMessagesField()).toHaveValue(10);
  });

  it("resets to the defaults of the deployment's family", async () => {
    const { user } = renderPlayground(savedSettings(), o4miniRoute);
    await ready();
    await showsReasoningDefaults();
    await user.selectOptions(effortField(), "low");
    fireEvent.change(systemField(), { target: { value: "Something else." } });

    await user.click(screen.getByTestId("params-reset"));

    expect(effortField()).toHaveValue("high");
    expect(systemField()).toHaveValue("Think before answering.");
  });

  it("starts from the model's defaults, saving itself, when settings cannot be read", async () => {
    const { user, calls, server } = renderPlayground({
      get_settings: () => {
        throw commandError({ kind: "settings", message: "settings.json is unreadable" });
      },
    });
    await ready();
    await waitFor(() => expect(callsTo(calls, "get_settings")).toHaveLength(1));

    expect(systemField()).toHaveValue("");
    expect(temperatureField()).toHaveValue(null);
    expect(pastMessagesField()).toHaveValue(10);
    expect(screen.queryByTestId("save-status")).not.toBeInTheDocument();
    await exchange(user, server, "Hello", "Hi.");
    await waitFor(() => expect(savedConversations(calls)).toHaveLength(1));
  });
});

describe("playground: with auto-save off", () => {
  it("saves only when Save is clicked, and says when changes are unsaved", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const { calls, server } = renderPlayground(
      savedSettings({ autosave: false }),
      gpt4oRoute,
      user,
    );
    await ready();
    await waitFor(() =>
      expect(saveStatus()).toHaveTextContent("Auto-save is off · Nothing to save yet"),
    );
    expect(screen.getByTestId("save-conversation")).toBeDisabled();

    await exchange(user, server, "Hello", "Hi.");
    await act(async () => vi.advanceTimersByTime(2000));

    expect(callsTo(calls, "save_conversation")).toEqual([]);
    expect(saveStatus()).toHaveTextContent("Unsaved changes");

    await user.click(screen.getByTestId("save-conversation"));

    await waitFor(() => expect(savedConversations(calls)).toHaveLength(1));
    expect(savedConversations(calls)[0]).toMatchObject({
      title: "Hello",
      parameters: chatDefaults,
      messages: [
        expect.objectContaining({ content: "Hello" }),
        expect.objectContaining({ content: "Hi." }),
      ],
    });
    await waitFor(() => expect(saveStatus()).toHaveTextContent("Saved"));
    expect(screen.getByTestId("save-conversation")).toBeDisabled();

    // A change is unsaved again until saved, here with Ctrl+S.
    fireEvent.change(systemField(), { target: { value: "Be brief." } });
    expect(saveStatus()).toHaveTextContent("Unsaved changes");
    await act(async () => vi.advanceTimersByTime(2000));
    expect(savedConversations(calls)).toHaveLength(1);

    await user.click(screen.getByTestId("composer-input"));
    await user.keyboard("{Control>}s{/Control}");

    await waitFor(() => expect(savedConversations(calls)).toHaveLength(2));
    expect(savedConversations(calls)[1]).toMatchObject({
      id: savedConversations(calls)[0]?.id,
      parameters: expect.objectContaining({ systemMessage: "Be brief." }),
    });
    await waitFor(() => expect(saveStatus()).toHaveTextContent("Saved"));

    // Cmd+S too.
    await exchange(user, server, "Again?", "Yes.");
    expect(saveStatus()).toHaveTextContent("Unsaved changes");
    await user.keyboard("{Meta>}s{/Meta}");
    await waitFor(() => expect(savedConversations(calls)).toHaveLength(3));
    expect(savedConversations(calls)[2]?.messages).toHaveLength(4);
  });

  it("asks before New conversation discards unsaved changes: Cancel, Discard or Save", async () => {
    const { user, calls, server } = renderPlayground(savedSettings({ autosave: false }));
    await ready();
    await exchange(user, server, "Keep me?", "Maybe.");

    await user.click(screen.getByTestId("new-conversation"));
    expect(unsavedQuestion()).toHaveTextContent("Discard unsaved conversation?");
    await user.click(within(unsavedQuestion()).getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("group", { name: "Discard unsaved conversation?" })).toBeNull();
    expect(transcript()).toEqual(["user: Keep me?", "assistant: Maybe."]);

    await user.click(screen.getByTestId("new-conversation"));
    await user.click(within(unsavedQuestion()).getByRole("button", { name: "Discard" }));
    expect(messages()).toEqual([]);
    expect(callsTo(calls, "save_conversation")).toEqual([]);

    await exchange(user, server, "Save me", "Sure.");
    await user.click(screen.getByTestId("history-new"));
    await user.click(within(unsavedQuestion()).getByRole("button", { name: "Save" }));

    expect(messages()).toEqual([]);
    await waitFor(() => expect(savedConversations(calls)).toHaveLength(1));
    expect(savedConversations(calls)[0]?.messages?.map((message) => message.content)).toEqual([
      "Save me",
      "Sure.",
    ]);
    expect(saveStatus()).toHaveTextContent("Nothing to save yet");
  });

  it("asks before opening another conversation, and does not ask once saved", async () => {
    const store = conversationStore([sampleConversation]);
    const { user, calls, server } = renderPlayground({
      ...store.replies,
      ...savedSettings({ autosave: false }),
    });
    await ready();
    await exchange(user, server, "Question A", "Answer A.");

    await user.click(within(await historyItem(sampleConversation.id)).getByTestId("history-open"));
    expect(unsavedQuestion()).toBeVisible();
    expect(callsTo(calls, "load_conversation")).toEqual([]);
    await user.click(within(unsavedQuestion()).getByRole("button", { name: "Save" }));

    expect(await screen.findByText("Paris.")).toBeVisible();
    await waitFor(() => expect(savedConversations(calls)).toHaveLength(1));
    const saved = savedConversations(calls)[0]?.id ?? "";
    expect(store.stored.get(saved)?.messages).toHaveLength(2);
    expect(saveStatus()).toHaveTextContent("Saved");

    // Nothing unsaved: History opens at once.
    await user.click(within(await historyItem(saved)).getByTestId("history-open"));
    await waitFor(() =>
      expect(transcript()).toEqual(["user: Question A", "assistant: Answer A."]),
    );
    expect(screen.queryByRole("group", { name: "Discard unsaved conversation?" })).toBeNull();
  });

  it("asks about unsaved changes on Clear, since they would not stay in History", async () => {
    const { user, calls, server } = renderPlayground(savedSettings({ autosave: false }));
    await ready();
    await exchange(user, server, "Hello", "Hi.");

    await user.click(screen.getByTestId("clear-conversation"));

    expect(screen.queryByTestId("clear-confirm")).not.toBeInTheDocument();
    await user.click(within(unsavedQuestion()).getByRole("button", { name: "Discard" }));
    expect(messages()).toEqual([]);
    expect(callsTo(calls, "save_conversation")).toEqual([]);
  });

  it("saves an answer still arriving once it ends when Save is chosen on leaving", async () => {
    const { user, calls, server } = renderPlayground(savedSettings({ autosave: false }));
    await ready();
    await ask(user, "Tell me a long story");
    const run = await server.run(0);
    run.push({ type: "delta", text: "Once upon a time" });
    await screen.findByText("Once upon a time");
    // Not while the answer arrives.
    expect(screen.getByTestId("save-conversation")).toBeDisabled();

    await user.click(screen.getByTestId("new-conversation"));
    await user.click(within(unsavedQuestion()).getByRole("button", { name: "Save" }));

    expect(messages()).toEqual([]);
    expect(callsTo(calls, "stop_chat")).toHaveLength(1);
    await run.finish({ ...answer("Once upon a time", { incomplete: true }), stopped: true });
    await waitFor(() => expect(savedConversations(calls)).toHaveLength(1));
    expect(savedConversations(calls)[0]?.messages).toEqual([
      expect.objectContaining({ content: "Tell me a long story" }),
      expect.objectContaining({ content: "Once upon a time", stopped: true }),
    ]);
  });

  it("never saves an answer still arriving when its conversation is discarded", async () => {
    const { user, calls, server } = renderPlayground(savedSettings({ autosave: false }));
    await ready();
    await ask(user, "Tell me a long story");
    const run = await server.run(0);

    await user.click(screen.getByTestId("new-conversation"));
    await user.click(within(unsavedQuestion()).getByRole("button", { name: "Discard" }));
    await run.finish({ ...answer("Once", { incomplete: true }), stopped: true });

    await exchange(user, server, "Fresh start", "OK.");
    expect(saveStatus()).toHaveTextContent("Unsaved changes");
    expect(callsTo(calls, "save_conversation")).toEqual([]);
  });

  it("saves what was left unsaved once auto-save is turned back on", async () => {
    const { user, calls, server, queryClient } = renderPlayground(
      savedSettings({ autosave: false }),
    );
    await ready();
    await exchange(user, server, "Hello", "Hi.");
    expect(callsTo(calls, "save_conversation")).toEqual([]);

    act(() => {
      queryClient.setQueryData(["settings"], settingsWith({ autosave: true }));
    });

    await waitFor(() => expect(savedConversations(calls)).toHaveLength(1));
    expect(screen.queryByTestId("save-status")).not.toBeInTheDocument();
    // And from then on, as always.
    await exchange(user, server, "More?", "Yes.");
    await waitFor(() => expect(savedConversations(calls)).toHaveLength(2));
  });
});
