import { describe, expect, it } from "vitest";
import type { ConversationMessage } from "../../bindings";
import { DEFAULT_PARAMETERS } from "./parameters";
import { gpt4oTarget } from "./testFixtures";
import {
  emptySession,
  newConversationId,
  newMessageId,
  titleFrom,
  toConversation,
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
