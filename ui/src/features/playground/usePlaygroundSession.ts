import { useMutation } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import {
  commands,
  type ConversationMessage,
  type ConversationTarget,
  type PlaygroundParameters,
} from "../../bindings";
import { unwrap } from "../../lib/unwrap";
import { DEFAULT_PARAMETERS } from "./parameters";
import { useSaveConversation } from "./playgroundQueries";
import {
  emptySession,
  fromSaved,
  keptAnswer,
  newMessageId,
  toConversation,
  upToLastQuestion,
  type Session,
} from "./session";
import { useChatRun } from "./useChatRun";

/** How long parameter and deployment changes settle before the conversation is saved with them. */
export const SETTINGS_SAVE_DELAY_MS = 500;

/**
 * The conversation on screen and everything done to it: send (streaming one answer), stop,
 * retry, regenerate, edit and resend, delete, start anew, reopen from History. It saves itself
 * after each answer or failure, after each edit, and once changed parameters settle; never
 * mid-answer. An empty one is saved only if it was saved before; a deleted one, never again.
 * Nothing typed is lost: a question stays in the conversation whatever happened to its answer.
 */
export function usePlaygroundSession() {
  const { state: runState, live, start, stop, reset } = useChatRun();
  const saveConversation = useSaveConversation().mutateAsync;
  const [session, setSession] = useState<Session>(() => emptySession(null, DEFAULT_PARAMETERS));
  // The session as of the last change, for code that runs after an await.
  const current = useRef(session);
  const saveQueue = useRef<Promise<void>>(Promise.resolve());
  // Saved (or opened) in this window, with the title it was saved with.
  const savedTitles = useRef(new Map<string, string>());
  // Deleted in History in this window: an answer arriving later must not bring one back.
  const deleted = useRef(new Set<string>());
  // Renamed in History in this window: every later save keeps the new title.
  const renamed = useRef(new Map<string, string>());
  // The conversation whose answer is on its way, if any.
  const asking = useRef<string | null>(null);
  // The conversation as it was left mid-answer: its answer is saved with its latest settings.
  const leftBehind = useRef<Session | null>(null);
  // Parameters or deployment changed since the conversation was last saved or sent.
  const settingsDirty = useRef(false);
  const [settingsEdits, setSettingsEdits] = useState(0);
  const [saveFailure, setSaveFailure] = useState<{ error: unknown; session: Session } | null>(
    null,
  );
  const streaming = runState.status === "streaming";

  const update = useCallback((change: (before: Session) => Session) => {
    current.current = change(current.current);
    setSession(current.current);
  }, []);

  // Saves one after the other, in the order asked: an older save never lands after a newer one.
  // What is saved is decided at its turn, so a delete or a rename made meanwhile is respected.
  const save = useCallback(
    (snapshot: Session) => {
      const id = snapshot.id;
      saveQueue.current = saveQueue.current.then(async () => {
        if (deleted.current.has(id)) return;
        const title = renamed.current.get(id) ?? snapshot.title;
        const conversation = toConversation(
          { ...snapshot, title },
          Date.now(),
          savedTitles.current.get(id),
        );
        if (conversation === null) return;
        try {
          await saveConversation(conversation);
          savedTitles.current.set(id, conversation.title);
          setSaveFailure((failure) => (failure?.session.id === id ? null : failure));
        } catch (error) {
          if (!deleted.current.has(id)) setSaveFailure({ error, session: snapshot });
        }
      });
    },
    [saveConversation],
  );

  /**
   * Sends `messages` (ending with the question) and keeps the answer, or why there is none.
   * `keptUntilAnswered` (a cut or filtered answer being retried) stays on screen, unsent, until a
   * new answer replaces it; if none comes, it stays.
   */
  const ask = useCallback(
    async (messages: ConversationMessage[], keptUntilAnswered: ConversationMessage[] = []) => {
      const before = current.current;
      const target = before.target;
      if (target === null || messages.length === 0) return;
      const asked: Session = { ...before, messages: [...messages, ...keptUntilAnswered] };
      // The answer's save carries the parameters and the deployment it was asked with.
      settingsDirty.current = false;
      asking.current = asked.id;
      update(() => asked);
      const outcome = await start({ target, parameters: asked.parameters, messages });
      if (asking.current === asked.id) asking.current = null;
      const answer = outcome?.message ?? null;
      const answered =
        answer === null
          ? asked.messages
          : [...messages, keptAnswer(answer, outcome?.stopped === true)];
      // The person may have opened another conversation meanwhile: this one is saved all the same.
      const still = current.current.id === asked.id;
      const left = leftBehind.current?.id === asked.id ? leftBehind.current : asked;
      if (left !== asked) leftBehind.current = null;
      const finished = { ...(still ? current.current : left), messages: answered };
      if (still) {
        settingsDirty.current = false;
        update(() => finished);
      }
      save(finished);
    },
    [start, save, update],
  );

  /**
   * Leaves the conversation on screen: settings changed a moment ago are saved with it, and an
   * answer still streaming is stopped and kept (saved once it ends).
   */
  const leave = useCallback(() => {
    const left = current.current;
    if (asking.current === left.id) leftBehind.current = left;
    else if (settingsDirty.current) save(left);
    settingsDirty.current = false;
    stop();
    reset();
  }, [save, stop, reset]);

  const send = useCallback(
    (text: string) => {
      const question: ConversationMessage = { id: newMessageId(), role: "user", content: text };
      void ask([...current.current.messages, question]);
    },
    [ask],
  );

  /** Sends the last question again for another answer: the last answer goes at once. */
  const resendLast = useCallback(() => {
    void ask(upToLastQuestion(current.current.messages));
  }, [ask]);

  /**
   * Sends the last question again after a problem: what came of it (a cut or filtered answer)
   * stays until a new answer replaces it.
   */
  const retry = useCallback(() => {
    const messages = current.current.messages;
    const question = upToLastQuestion(messages);
    void ask(question, messages.slice(question.length));
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

  // Parameters and the deployment are saved once they settle, never mid-answer (the answer's
  // own save carries them).
  const changeSettings = useCallback(
    (change: (before: Session) => Session) => {
      update(change);
      settingsDirty.current = true;
      setSettingsEdits((count) => count + 1);
    },
    [update],
  );

  useEffect(() => {
    if (settingsEdits === 0 || streaming) return;
    const timer = setTimeout(() => {
      if (!settingsDirty.current) return;
      settingsDirty.current = false;
      save(current.current);
    }, SETTINGS_SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [settingsEdits, streaming, save]);

  const setTarget = useCallback(
    (target: ConversationTarget) => changeSettings((s) => ({ ...s, target })),
    [changeSettings],
  );

  const setParameters = useCallback(
    (parameters: PlaygroundParameters) => changeSettings((s) => ({ ...s, parameters })),
    [changeSettings],
  );

  /** A new, empty conversation with the same deployment and parameters. */
  const startNew = useCallback(() => {
    leave();
    setSaveFailure(null);
    update((s) => emptySession(s.target, s.parameters));
  }, [leave, update]);

  /** History deleted `id`: it is never saved again (not even by an answer still on its way). */
  const forgetDeleted = useCallback((id: string) => {
    deleted.current.add(id);
    savedTitles.current.delete(id);
    setSaveFailure((failure) => (failure?.session.id === id ? null : failure));
  }, []);

  /** History renamed `id`: its later saves keep `title`. */
  const adoptTitle = useCallback(
    (id: string, title: string) => {
      renamed.current.set(id, title);
      if (current.current.id === id) update((s) => ({ ...s, title }));
    },
    [update],
  );

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
    requestAnimationFrame(() =>
      performance.measure("conversation_open", "conversation_open_start"),
    );
  }, [session.id]);

  const open = useCallback(
    (id: string) => {
      performance.clearMarks("conversation_open_start");
      performance.mark("conversation_open_start");
      measuringOpen.current = id;
      openMutate(id, {
        onSuccess: (conversation) => {
          // The part of the opening spent reading it from disk (`make bench`); the rest is painting.
          performance.measure("conversation_loaded", "conversation_open_start");
          leave();
          setSaveFailure(null);
          savedTitles.current.set(conversation.id, conversation.title);
          update(() => fromSaved(conversation));
        },
      });
    },
    [leave, openMutate, update],
  );

  const retrySave = useCallback(() => {
    if (saveFailure !== null) save(saveFailure.session);
  }, [save, saveFailure]);

  // Esc stops the answer from anywhere on the screen (a dialog that uses Esc stops it first) —
  // only while the Playground is shown: it stays mounted, hidden, behind the other screens.
  useEffect(() => {
    if (!streaming) return;
    const onKey = (event: KeyboardEvent) => {
      const screen = document.querySelector('[data-testid="screen-playground"]');
      if (screen === null || screen.closest("[hidden]") !== null) return;
      if (event.key === "Escape" && !event.defaultPrevented) stop();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [streaming, stop]);

  return {
    session,
    run: runState,
    live,
    streaming,
    send,
    stop,
    resendLast,
    retry,
    resend,
    deleteMessage,
    setTarget,
    setParameters,
    startNew,
    open,
    opening,
    forgetDeleted,
    adoptTitle,
    saveFailure: saveFailure?.error ?? null,
    retrySave,
  };
}
