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
  hasSomethingToSave,
  keptAnswer,
  newMessageId,
  toConversation,
  upToLastQuestion,
  withChosenParameters,
  withStartingParameters,
  type Session,
} from "./session";
import { useChatRun } from "./useChatRun";
import { useSaveState } from "./useSaveState";

/** How long parameter and deployment changes settle before the conversation is saved with them. */
export const SETTINGS_SAVE_DELAY_MS = 500;

type SaveFailure = { error: unknown; session: Session; edits: number };

/**
 * The conversation on screen and everything done to it: send (streaming one answer), stop,
 * retry, regenerate, edit and resend, delete, start anew, reopen from History. With `autosave`
 * it saves itself after each answer or failure, after each edit, and once changed parameters
 * settle; never mid-answer. Without, it is saved only when asked (`saveNow`), and says whether
 * it has unsaved changes. An empty one is saved only if it was saved before; a deleted one,
 * never again. Nothing typed is lost: a question stays in the conversation whatever happened
 * to its answer.
 */
export function usePlaygroundSession(autosave: boolean) {
  const { state: runState, live, start, stop, reset } = useChatRun();
  const saving = useSaveConversation();
  const saveConversation = saving.mutateAsync;
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
  // A save that failed, with the changes made when its conversation was taken.
  const [saveFailure, setSaveFailure] = useState<SaveFailure | null>(null);
  const streaming = runState.status === "streaming";
  // Settings' auto-save, for code that runs after an await.
  const autosaving = useRef(autosave);
  // The parameters a new conversation starts from, as the screen last told (`followDefaults`).
  const startingParameters = useRef(DEFAULT_PARAMETERS);
  const saveState = useSaveState();
  const { changed, replaced, editsSoFar, landed, isUnsaved } = saveState;
  // Left mid-answer with auto-save off and Save chosen: saved once its answer ends.
  const keptWhenAnswered = useRef(new Set<string>());

  /** The conversation on screen changed, and is now `after`. */
  const noteChange = useCallback(
    (after: Session) => changed(hasSomethingToSave(after, savedTitles.current.get(after.id))),
    [changed],
  );

  const update = useCallback((change: (before: Session) => Session) => {
    current.current = change(current.current);
    setSession(current.current);
  }, []);

  // Saves one after the other, in the order asked: an older save never lands after a newer one.
  // What is saved is decided at its turn, so a delete or a rename made meanwhile is respected.
  // `editsThen`: the changes made when `snapshot` was taken (none since: it is saved as it is).
  const save = useCallback(
    (snapshot: Session, editsThen: number = editsSoFar()) => {
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
          if (current.current.id === id) landed(editsThen);
        } catch (error) {
          if (!deleted.current.has(id)) {
            setSaveFailure({ error, session: snapshot, edits: editsThen });
          }
        }
      });
    },
    [saveConversation, editsSoFar, landed],
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
      const asked: Session = {
        ...before,
        messages: [...messages, ...keptUntilAnswered],
        followsDefaults: false,
      };
      // The answer's save carries the parameters and the deployment it was asked with.
      settingsDirty.current = false;
      asking.current = asked.id;
      update(() => asked);
      noteChange(asked);
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
        noteChange(finished);
      }
      const kept = keptWhenAnswered.current.delete(asked.id);
      if (autosaving.current || kept) save(finished);
    },
    [start, save, update, noteChange],
  );

  /**
   * Leaves the conversation on screen: settings changed a moment ago are saved with it, and an
   * answer still streaming is stopped and kept (saved once it ends). With auto-save off, it is
   * saved only if `saveNow` was asked first.
   */
  const leave = useCallback(() => {
    const left = current.current;
    if (asking.current === left.id) leftBehind.current = left;
    else if (settingsDirty.current && autosaving.current) save(left);
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
      noteChange(current.current);
      if (autosaving.current) save(current.current);
    },
    [save, update, noteChange],
  );

  // Parameters and the deployment are saved once they settle, never mid-answer (the answer's
  // own save carries them).
  const changeSettings = useCallback(
    (change: (before: Session) => Session) => {
      update(change);
      noteChange(current.current);
      settingsDirty.current = true;
      setSettingsEdits((count) => count + 1);
    },
    [update, noteChange],
  );

  useEffect(() => {
    if (settingsEdits === 0 || streaming) return;
    const timer = setTimeout(() => {
      if (!settingsDirty.current || !autosaving.current) return;
      settingsDirty.current = false;
      save(current.current);
    }, SETTINGS_SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [settingsEdits, streaming, save]);

  const setTarget = useCallback(
    (target: ConversationTarget) => changeSettings((s) => ({ ...s, target })),
    [changeSettings],
  );

  /** Parameters chosen by hand or by a preset: the conversation keeps them. */
  const setParameters = useCallback(
    (parameters: PlaygroundParameters) =>
      changeSettings((s) => withChosenParameters(s, parameters)),
    [changeSettings],
  );

  /**
   * The parameters a new conversation starts from (the saved defaults for the deployment's model
   * family): later new conversations take them, and so does the one on screen if nobody has
   * touched it.
   */
  const followDefaults = useCallback(
    (parameters: PlaygroundParameters) => {
      startingParameters.current = parameters;
      const followed = withStartingParameters(current.current, parameters);
      if (followed !== current.current) update(() => followed);
    },
    [update],
  );

  /** A new, empty conversation with the same deployment, on the starting parameters. */
  const startNew = useCallback(() => {
    leave();
    setSaveFailure(null);
    update((s) => emptySession(s.target, startingParameters.current));
    replaced(false);
  }, [leave, update, replaced]);

  /**
   * Saves the conversation on screen now, as it is; one whose answer is on its way is saved once
   * the answer ends (even if it is left meanwhile).
   */
  const saveNow = useCallback(() => {
    const snapshot = current.current;
    settingsDirty.current = false;
    if (asking.current === snapshot.id) keptWhenAnswered.current.add(snapshot.id);
    else save(snapshot);
  }, [save]);

  /** Whether leaving the conversation now loses changes: auto-save is off and they are unsaved. */
  const hasUnsavedChanges = useCallback(() => !autosaving.current && isUnsaved(), [isUnsaved]);

  // Auto-save turned on in Settings: what was left unsaved is saved now (an answer on its way
  // saves itself when it ends).
  useEffect(() => {
    autosaving.current = autosave;
    if (!autosave || !isUnsaved()) return;
    if (asking.current === current.current.id) return;
    settingsDirty.current = false;
    save(current.current);
  }, [autosave, save, isUnsaved]);

  /** History deleted `id`: it is never saved again (not even by an answer still on its way). */
  const forgetDeleted = useCallback(
    (id: string) => {
      deleted.current.add(id);
      savedTitles.current.delete(id);
      keptWhenAnswered.current.delete(id);
      setSaveFailure((failure) => (failure?.session.id === id ? null : failure));
      // Deleted on purpose: there is nothing left to save.
      if (current.current.id === id) replaced(false);
    },
    [replaced],
  );

  /**
   * The whole history was deleted (Settings › Privacy): no conversation known here is saved again,
   * and a new one starts.
   */
  const forgetHistory = useCallback(() => {
    const known = [...savedTitles.current.keys(), current.current.id, asking.current];
    for (const id of known) if (id !== null) forgetDeleted(id);
    startNew();
  }, [forgetDeleted, startNew]);

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
          replaced(true);
        },
      });
    },
    [leave, openMutate, update, replaced],
  );

  const retrySave = useCallback(() => {
    if (saveFailure !== null) save(saveFailure.session, saveFailure.edits);
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
    followDefaults,
    startNew,
    open,
    opening,
    forgetDeleted,
    forgetHistory,
    adoptTitle,
    saveFailure: saveFailure?.error ?? null,
    retrySave,
    saveState: saveState.state,
    savingNow: saving.isPending,
    saveNow,
    hasUnsavedChanges,
  };
}
