import { useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import {
  commands,
  type Conversation,
  type ConversationMessage,
  type ConversationSummary,
  type ConversationTarget,
  type PlaygroundParameters,
} from "../../bindings";
import { unwrap } from "../../lib/unwrap";
import { DEFAULT_PARAMETERS } from "./parameters";
import { conversationsKey, useSaveConversation } from "./playgroundQueries";
import { useChatRun } from "./useChatRun";

/** The conversation on screen. */
export type Session = {
  id: string;
  /** What the person or the saved file named it; `null` takes the first question's line. */
  title: string | null;
  target: ConversationTarget | null;
  parameters: PlaygroundParameters;
  messages: ConversationMessage[];
  createdAtMs: number;
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

/** What the store saves; nothing for a conversation with no message or no deployment. */
export function toConversation(session: Session, nowMs: number): Conversation | null {
  if (session.messages.length === 0 || session.target === null) return null;
  return {
    id: session.id,
    title: session.title ?? titleFrom(session.messages),
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
  };
}

function fromSaved(conversation: Conversation): Session {
  return {
    id: conversation.id,
    title: conversation.title,
    target: conversation.target,
    parameters: { ...DEFAULT_PARAMETERS, ...conversation.parameters },
    messages: conversation.messages ?? [],
    createdAtMs: conversation.createdAtMs ?? Date.now(),
  };
}

/** The messages up to and with the last question: what a retry or a regenerate sends again. */
function upToLastQuestion(messages: readonly ConversationMessage[]): ConversationMessage[] {
  let last = messages.length - 1;
  while (last >= 0 && messages[last]?.role !== "user") last -= 1;
  return messages.slice(0, last + 1);
}

type LastSave = { id: string; title: string; updatedAtMs: number };

/**
 * The title History shows for a conversation renamed there since we saved it. Rust's rename
 * keeps `updatedAtMs`, and every save of ours sets a new one: a summary with our time but
 * another title is a rename, one with another time is an older (or newer) list.
 */
function renamedTitle(client: QueryClient, last: LastSave | null): string | null {
  if (last === null) return null;
  for (const [, list] of client.getQueriesData<ConversationSummary[]>({
    queryKey: conversationsKey,
  })) {
    const summary = list?.find((item) => item.id === last.id);
    if (summary && summary.updatedAtMs === last.updatedAtMs && summary.title !== last.title) {
      return summary.title;
    }
  }
  return null;
}

/**
 * The conversation on screen and everything done to it: send (streaming one answer), stop,
 * retry, regenerate, edit and resend, delete, start anew, reopen from History. It saves itself
 * after each answer or failure and after each edit, never mid-answer; an empty one is not saved.
 * Nothing typed is lost: a question stays in the conversation whatever happened to its answer.
 */
export function usePlaygroundSession() {
  const queryClient = useQueryClient();
  const { state: runState, start, stop, reset } = useChatRun();
  const saveConversation = useSaveConversation().mutateAsync;
  const [session, setSession] = useState<Session>(() => emptySession(null, DEFAULT_PARAMETERS));
  // The session as of the last change, for code that runs after an await.
  const current = useRef(session);
  const lastSave = useRef<LastSave | null>(null);
  const saveQueue = useRef<Promise<void>>(Promise.resolve());
  const stopped = useRef(new Set<string>());
  const [saveFailure, setSaveFailure] = useState<{ error: unknown; session: Session } | null>(
    null,
  );
  const streaming = runState.status === "streaming";

  const update = useCallback((change: (before: Session) => Session) => {
    current.current = change(current.current);
    setSession(current.current);
  }, []);

  // Saves one after the other, in the order asked: an older save never lands after a newer one.
  const save = useCallback(
    (snapshot: Session) => {
      let toSave = snapshot;
      const renamed =
        snapshot.id === lastSave.current?.id ? renamedTitle(queryClient, lastSave.current) : null;
      if (renamed !== null) {
        toSave = { ...snapshot, title: renamed };
        update((s) => (s.id === snapshot.id ? { ...s, title: renamed } : s));
      }
      const conversation = toConversation(toSave, Date.now());
      if (conversation === null) return;
      saveQueue.current = saveQueue.current.then(() =>
        saveConversation(conversation).then(
          () => {
            lastSave.current = {
              id: conversation.id,
              title: conversation.title,
              updatedAtMs: conversation.updatedAtMs ?? 0,
            };
            setSaveFailure((failure) =>
              failure?.session.id === conversation.id ? null : failure,
            );
          },
          (error: unknown) => setSaveFailure({ error, session: toSave }),
        ),
      );
    },
    [queryClient, saveConversation, update],
  );

  /** Sends `messages` (ending with the question) and keeps the answer, or why there is none. */
  const ask = useCallback(
    async (messages: ConversationMessage[]) => {
      const before = current.current;
      const target = before.target;
      if (target === null || messages.length === 0) return;
      const asked: Session = { ...before, messages };
      update(() => asked);
      const outcome = await start({ target, parameters: asked.parameters, messages });
      let answered = messages;
      const answer = outcome?.message ?? null;
      if (answer !== null) {
        const kept = { ...answer, id: answer.id === "" ? newMessageId() : answer.id };
        if (outcome?.stopped === true) stopped.current.add(kept.id);
        answered = [...messages, kept];
      }
      // The person may have opened another conversation meanwhile: this one is saved all the same.
      const still = current.current.id === asked.id;
      const finished = { ...(still ? current.current : asked), messages: answered };
      if (still) update(() => finished);
      save(finished);
    },
    [start, save, update],
  );

  /** Leaves the conversation on screen (its answer, if one is streaming, is stopped and kept). */
  const leave = useCallback(() => {
    stop();
    reset();
  }, [stop, reset]);

  const send = useCallback(
    (text: string) => {
      const question: ConversationMessage = { id: newMessageId(), role: "user", content: text };
      void ask([...current.current.messages, question]);
    },
    [ask],
  );

  /** Sends the last question again (after a problem, or for another answer). */
  const resendLast = useCallback(() => {
    void ask(upToLastQuestion(current.current.messages));
  }, [ask]);

  /** Replaces a question's text, drops everything after it, and sends it. */
  const resend = useCallback(
    (messageId: string, text: string) => {
      const messages = current.current.messages;
      const index = messages.findIndex((message) => message.id === messageId);
      const edited = messages[index];
      if (edited === undefined) return;
      void ask([...messages.slice(0, index), { ...edited, content: text }]);
    },
    [ask],
  );

  const deleteMessage = useCallback(
    (messageId: string) => {
      update((s) => ({
        ...s,
        messages: s.messages.filter((message) => message.id !== messageId),
      }));
      save(current.current);
    },
    [save, update],
  );

  const setTarget = useCallback(
    (target: ConversationTarget) => update((s) => ({ ...s, target })),
    [update],
  );

  const setParameters = useCallback(
    (parameters: PlaygroundParameters) => update((s) => ({ ...s, parameters })),
    [update],
  );

  /** A new, empty conversation with the same deployment and parameters. */
  const startNew = useCallback(() => {
    leave();
    setSaveFailure(null);
    update((s) => emptySession(s.target, s.parameters));
  }, [leave, update]);

  const opening = useMutation({
    mutationFn: (id: string) => unwrap(commands.loadConversation(id)),
  });
  const openMutate = opening.mutate;

  // Opening a saved conversation is measured (User Timing) from the click to the frame that shows
  // it, for `make bench`'s conversation_open_ms.
  const measuringOpen = useRef<string | null>(null);
  useEffect(() => {
    if (measuringOpen.current !== session.id) return;
    measuringOpen.current = null;
    requestAnimationFrame(() => performance.measure("conversation_open", "conversation_open_start"));
  }, [session.id]);

  const open = useCallback(
    (id: string) => {
      performance.clearMarks("conversation_open_start");
      performance.mark("conversation_open_start");
      measuringOpen.current = id;
      openMutate(id, {
        onSuccess: (conversation) => {
          leave();
          setSaveFailure(null);
          const opened = fromSaved(conversation);
          lastSave.current = {
            id: conversation.id,
            title: conversation.title,
            updatedAtMs: conversation.updatedAtMs ?? 0,
          };
          update(() => opened);
        },
      });
    },
    [leave, openMutate, update],
  );

  const retrySave = useCallback(() => {
    if (saveFailure !== null) save(saveFailure.session);
  }, [save, saveFailure]);

  // Esc stops the answer from anywhere on the screen (a dialog that uses Esc stops it first).
  useEffect(() => {
    if (!streaming) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape" && !event.defaultPrevented) stop();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [streaming, stop]);

  return {
    session,
    run: runState,
    streaming,
    /** Whether an answer was stopped by the person (rather than cut off). */
    wasStopped: (messageId: string) => stopped.current.has(messageId),
    send,
    stop,
    resendLast,
    resend,
    deleteMessage,
    setTarget,
    setParameters,
    startNew,
    open,
    opening,
    saveFailure: saveFailure?.error ?? null,
    retrySave,
  };
}
