import { describe, expect, it } from "vitest";
import type { ConversationMessage } from "../../bindings";
import { DEFAULT_PARAMETERS } from "./parameters";
import { gpt4oTarget, o4miniTarget, sampleConversation, sampleParameters } from "./testFixtures";
import {
  emptySession,
  fromSaved,
  hasSomethingToSave,
  newConversationId,
  newMessageId,
  titleFrom,
  toConversation,
  withChosenParameters,
  withStartingParameters,
} from "./session";

function question(content: string): ConversationMessage {
  return { id: newMessageId(), role: "user", content };
}

describe("conversation ids", () => {
  it("are what the Rust store accepts: c- then letters, digits and dashes, each its own", () => {
    const ids = Array.from({ length: 200 }, newConversationId);
    for (const id of ids) expect(id).toMatch(/^c-[a-z0-9-]+$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("name each message", () => {
    const ids = Array.from({ length: 200 }, newMessageId);
    for (const id of ids) expect(id).toMatch(/^m-[a-z0-9]{10}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("conversation titles", () => {
  it("take the first question's first line", () => {
    expect(titleFrom([question("  What is the capital of France?\nAnswer briefly.")])).toBe(
      "What is the capital of France?",
    );
    expect(
      titleFrom([{ id: "m-a", role: "assistant", content: "Hello" }, question("Second")]),
    ).toBe("Second");
  });

  it("cut at 60 characters (not UTF-16 units), with an ellipsis", () => {
    const long = "Explain ".repeat(10);
    expect(titleFrom([question(long)])).toBe(`${long.slice(0, 60)}…`);
    const emoji = "🌧".repeat(61);
    expect(titleFrom([question(emoji)])).toBe(`${"🌧".repeat(60)}…`);
    expect(titleFrom([question("x".repeat(60))])).toBe("x".repeat(60));
  });

  it("say New conversation when nothing was asked", () => {
    expect(titleFrom([])).toBe("New conversation");
    expect(titleFrom([question("   ")])).toBe("New conversation");
  });
});

describe("what is saved", () => {
  it("is nothing for a conversation with no message", () => {
    expect(toConversation(emptySession(gpt4oTarget.target, DEFAULT_PARAMETERS), 1)).toBeNull();
  });

  it("is the emptied conversation when it was saved before, under its saved title", () => {
    const emptied = emptySession(gpt4oTarget.target, DEFAULT_PARAMETERS);
    expect(toConversation(emptied, 300, "Hi there")).toMatchObject({
      id: emptied.id,
      title: "Hi there",
      messages: [],
      updatedAtMs: 300,
    });
    expect(toConversation({ ...emptied, title: "Greetings" }, 300, "Hi there")?.title).toBe(
      "Greetings",
    );
    expect(toConversation({ ...emptied, target: null }, 300, "Hi there")).toBeNull();
  });

  it("is the whole conversation, titled from its question unless named", () => {
    const session = {
      ...emptySession(gpt4oTarget.target, DEFAULT_PARAMETERS),
      messages: [question("Hi there")],
      createdAtMs: 100,
    };
    expect(toConversation(session, 200)).toEqual({
      id: session.id,
      title: "Hi there",
      target: gpt4oTarget.target,
      parameters: DEFAULT_PARAMETERS,
      messages: session.messages,
      createdAtMs: 100,
      updatedAtMs: 200,
    });
    expect(toConversation({ ...session, title: "Greetings" }, 200)?.title).toBe("Greetings");
  });
});

describe("the parameters a conversation starts from", () => {
  const chatDefaults = sampleParameters({ systemMessage: "Be brief.", temperature: 0.3 });
  const reasoningDefaults = sampleParameters({ reasoningEffort: "high" });

  it("follow the defaults while nobody has touched the conversation", () => {
    const fresh = emptySession(gpt4oTarget.target, chatDefaults);
    expect(fresh.followsDefaults).toBe(true);
    // Its deployment changed to a reasoning model: that family's defaults.
    const switched = withStartingParameters(
      { ...fresh, target: o4miniTarget.target },
      reasoningDefaults,
    );
    expect(switched.parameters).toEqual(reasoningDefaults);
    expect(switched.followsDefaults).toBe(true);
    // The same defaults again change nothing.
    expect(withStartingParameters(switched, sampleParameters({ reasoningEffort: "high" }))).toBe(
      switched,
    );
  });

  it("are kept once chosen by hand or by a preset, whatever the defaults become", () => {
    const chosen = withChosenParameters(
      emptySession(gpt4oTarget.target, chatDefaults),
      sampleParameters({ temperature: 1.2 }),
    );
    expect(chosen.followsDefaults).toBe(false);
    expect(withStartingParameters(chosen, reasoningDefaults)).toBe(chosen);
  });

  it("are kept once something was asked, and in a reopened conversation", () => {
    const asked = {
      ...emptySession(gpt4oTarget.target, chatDefaults),
      messages: [question("Hi")],
    };
    expect(withStartingParameters(asked, reasoningDefaults)).toBe(asked);
    const reopened = fromSaved(sampleConversation);
    expect(reopened.followsDefaults).toBe(false);
    expect(withStartingParameters({ ...reopened, messages: [] }, chatDefaults).parameters).toEqual(
      sampleConversation.parameters,
    );
  });
});

describe("what would be lost unsaved", () => {
  it("is nothing until something is asked, or a saved conversation changes", () => {
    const fresh = emptySession(gpt4oTarget.target, DEFAULT_PARAMETERS);
    expect(hasSomethingToSave(fresh)).toBe(false);
    expect(hasSomethingToSave({ ...fresh, messages: [question("Hi")] })).toBe(true);
    expect(hasSomethingToSave(fresh, "Hi")).toBe(true);
    expect(hasSomethingToSave({ ...fresh, target: null, messages: [question("Hi")] })).toBe(false);
  });
});
