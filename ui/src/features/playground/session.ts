import type {
  Conversation,
  ConversationMessage,
  ConversationTarget,
  PlaygroundParameters,
} from "../../bindings";
import { DEFAULT_PARAMETERS, sameParameters } from "./parameters";

// The conversation on screen as plain data, and what the store saves of it.

/** The conversation on screen. */
export type Session = {
  id: string;
  /** What the person or the saved file named it; `null` takes the first question's line. */
  title: string | null;
  target: ConversationTarget | null;
  parameters: PlaygroundParameters;
  messages: ConversationMessage[];
  createdAtMs: number;
  /**
   * Nothing asked yet and the parameters never chosen (by hand, a preset, or a saved
   * conversation): they follow the saved defaults of the deployment's model family.
   */
  followsDefaults: boolean;
};

const TITLE_LENGTH = 60;

function randomText(length: number): string {
  const letters = "abcdefghijklmnopqrstuvwxyz0123456789";
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return Array.from(bytes, (byte) => letters[byte % letters.length]).join("");
}

/** `c-` then letters and digits: the only ids the Rust store accepts (never a path). */
export function newConversationId(): string {
  return `c-${Date.now().toString(36)}${randomText(6)}`;
}

export function newMessageId(): string {
  return `m-${randomText(10)}`;
}

/** The first question's first line, cut at 60 characters (as Rust titles a conversation). */
export function titleFrom(messages: readonly ConversationMessage[]): string {
  const first = messages.find((message) => message.role === "user")?.content.trim() ?? "";
  if (first === "") return "New conversation";
  const line = first.split("\n", 1)[0] ?? first;
  const characters = Array.from(line);
  return characters.length > TITLE_LENGTH
    ? `${characters.slice(0, TITLE_LENGTH).join("")}…`
    : line;
}

/**
 * What the store saves; nothing with no deployment. A conversation with no message is saved only
 * when it was saved before (`savedTitle`, the title it was saved with): its messages were all
 * deleted, and reopening it must not bring them back.
 */
export function toConversation(
  session: Session,
  nowMs: number,
  savedTitle?: string,
): Conversation | null {
  if (session.target === null) return null;
  const empty = session.messages.length === 0;
  if (empty && savedTitle === undefined) return null;
  return {
    id: session.id,
    title:
      session.title ??
      (empty && savedTitle !== undefined ? savedTitle : titleFrom(session.messages)),
    target: session.target,
    parameters: session.parameters,
    messages: session.messages,
    createdAtMs: session.createdAtMs,
    updatedAtMs: nowMs,
  };
}

export function emptySession(
  target: ConversationTarget | null,
  parameters: PlaygroundParameters,
): Session {
  return {
    id: newConversationId(),
    title: null,
    target,
    parameters,
    messages: [],
    createdAtMs: Date.now(),
    followsDefaults: true,
  };
}

export function fromSaved(conversation: Conversation): Session {
  return {
    id: conversation.id,
    title: conversation.title,
    target: conversation.target,
    parameters: { ...DEFAULT_PARAMETERS, ...conversation.parameters },
    messages: conversation.messages ?? [],
    createdAtMs: conversation.createdAtMs ?? Date.now(),
    followsDefaults: false,
  };
}

/**
 * The conversation once the starting defaults are `defaults` (another deployment's family, or
 * defaults changed in Settings): one nobody has touched takes them; any other keeps what was
 * chosen for it.
 */
export function withStartingParameters(session: Session, defaults: PlaygroundParameters): Session {
  if (!session.followsDefaults || session.messages.length > 0) return session;
  if (sameParameters(session.parameters, defaults)) return session;
  return { ...session, parameters: defaults };
}

/** The conversation with parameters someone chose: it keeps them from now on. */
export function withChosenParameters(session: Session, parameters: PlaygroundParameters): Session {
  return { ...session, parameters, followsDefaults: false };
}

/**
 * Whether the conversation has anything the store would save (see `toConversation`): what is
 * lost if it is left unsaved.
 */
export function hasSomethingToSave(session: Session, savedTitle?: string): boolean {
  return toConversation(session, 0, savedTitle) !== null;
}

/** The messages up to and with the last question: what a retry or a regenerate sends again. */
export function upToLastQuestion(messages: readonly ConversationMessage[]): ConversationMessage[] {
  let last = messages.length - 1;
  while (last >= 0 && messages[last]?.role !== "user") last -= 1;
  return messages.slice(0, last + 1);
}

/** The answer as the conversation keeps it: with an id, and marked if the person stopped it. */
export function keptAnswer(answer: ConversationMessage, stopped: boolean): ConversationMessage {
  const id = answer.id === "" ? newMessageId() : answer.id;
  return stopped ? { ...answer, id, stopped: true } : { ...answer, id };
}
