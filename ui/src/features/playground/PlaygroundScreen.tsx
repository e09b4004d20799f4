import { useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  commands,
  type ConversationMessage,
  type ConversationTarget,
  type PlaygroundTarget,
  type ProfileTargets,
} from "../../bindings";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Screen } from "../../components/Screen";
import { unwrap } from "../../lib/unwrap";
import "../../styles/forms.css";
import "../../styles/playground.css";
import { useSettings } from "../settings/settingsQueries";
import { CompareView } from "./CompareView";
import { Composer } from "./Composer";
import { Conversation } from "./Conversation";
import { ConversationCost } from "./ConversationCost";
import { HistoryPanel } from "./HistoryPanel";
import { ParametersPanel } from "./ParametersPanel";
import {
  DEFAULT_PARAMETERS,
  parameterProblems,
  shownProblems,
  startingParameters,
} from "./parameters";
import { NoDeployment, RouteNoteView } from "./PlaygroundEmpty";
import { ClearConfirmation, PlaygroundHeader, StillArriving } from "./PlaygroundHeader";
import { SaveStatus, UnsavedConfirmation, useSaveShortcut } from "./SavingByHand";
import { useTargets } from "./playgroundQueries";
import { onHistoryCleared } from "./historyEvents";
import { useAnswerPrice } from "./useAnswerPrice";
import { usePlaygroundSession } from "./usePlaygroundSession";
import { useRouteTarget } from "./useRouteTarget";
import { ViewCodeDialog } from "./ViewCodeDialog";

/** The same deployment: profile, endpoint and name (a missing endpoint matches any). */
function sameTarget(a: ConversationTarget, b: ConversationTarget): boolean {
  return (
    (a.profileId ?? "") === (b.profileId ?? "") &&
    (a.deployment ?? "") === (b.deployment ?? "") &&
    (a.endpoint ?? "") === (b.endpoint ?? "")
  );
}

function listedTarget(
  profiles: readonly ProfileTargets[] | undefined,
  target: ConversationTarget | null,
): PlaygroundTarget | null {
  if (profiles === undefined || target === null) return null;
  for (const profile of profiles) {
    const found = profile.targets.find((item) => sameTarget(item.target, target));
    if (found !== undefined) return found;
  }
  return null;
}

/**
 * What a saved conversation's model takes, when its deployment is no longer listed (deleted, or
 * its profile signed out): Rust answers from the model's name alone.
 */
function useUnlistedRules(target: ConversationTarget | null, enabled: boolean) {
  const model = target?.model ?? null;
  const version = target?.modelVersion ?? null;
  return useQuery({
    queryKey: ["parameterRules", model, version],
    queryFn: () => unwrap(commands.parameterRules(model, version)),
    enabled: enabled && target !== null,
    staleTime: Infinity,
  });
}

/** Where the person goes from the conversation on screen. */
type Leaving = { to: "new" } | { to: "open"; id: string };

/**
 * The chat playground: history on the left, the conversation with one deployment in the middle
 * (streaming answers, their numbers, what went wrong and what to do), its parameters on the right.
 * New conversations start from the Playground defaults in Settings; with auto-save off there, the
 * conversation is saved with Save (or Ctrl/Cmd+S), and leaving unsaved changes asks first.
 */
export function PlaygroundScreen() {
  const targets = useTargets();
  const settings = useSettings();
  // Until the settings are read (or when they cannot be), the playground works as it always has.
  const savedDefaults = settings.data?.playground;
  const autosave = savedDefaults?.autosave ?? true;
  const {
    session,
    run,
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
    saveFailure,
    retrySave,
    saveState,
    savingNow,
    saveNow,
    hasUnsavedChanges,
  } = usePlaygroundSession(autosave);
  useEffect(() => onHistoryCleared(forgetHistory), [forgetHistory]);
  const [draft, setDraft] = useState("");
  const [comparing, setComparing] = useState(false);
  const [showingCode, setShowingCode] = useState(false);
  const [confirmingClear, setConfirmingClear] = useState(false);
  const [leaving, setLeaving] = useState<Leaving | null>(null);
  const input = useRef<HTMLTextAreaElement>(null);

  const profiles = targets.data;
  const target = session.target;
  const chosen = listedTarget(profiles, target);
  const unlisted = target !== null && chosen === null && !targets.isPending;
  const unlistedRules = useUnlistedRules(target, unlisted);
  const rules = chosen?.rules ?? (unlisted ? unlistedRules.data : undefined) ?? null;
  const routeNote = useRouteTarget(targets, target, setTarget);
  const quote = useAnswerPrice(target).data ?? null;

  // The defaults of the deployment's model family (reasoning or chat, as its rules say); none
  // while the rules of a deployment are still being read.
  const reasoning = rules?.reasoning === true;
  const familyKnown = target === null || rules !== null;
  const starting = useMemo(
    () => (familyKnown ? startingParameters(savedDefaults, reasoning) : null),
    [familyKnown, savedDefaults, reasoning],
  );
  useEffect(() => {
    if (starting !== null) followDefaults(starting);
  }, [starting, followDefaults]);

  // A parameter the model does not take is not sent, so it cannot hold a send back.
  const problems =
    rules === null
      ? parameterProblems(session.parameters)
      : shownProblems(rules, session.parameters);
  const firstProblem = Object.values(problems)[0];
  const blocked =
    target === null
      ? "Pick a deployment first."
      : firstProblem !== undefined
        ? `Fix the parameters first: ${firstProblem}.`
        : null;

  const profileName =
    chosen?.profileName ??
    profiles?.find((profile) => profile.profileId === target?.profileId)?.profileName ??
    null;

  // View code shows the conversation with the question being typed, as it would be sent.
  const codeMessages = useMemo((): ConversationMessage[] => {
    const question = draft.trim();
    return question === ""
      ? session.messages
      : [...session.messages, { id: "m-draft", role: "user", content: question }];
  }, [draft, session.messages]);

  function focusComposer() {
    input.current?.focus();
  }

  function sendDraft() {
    const text = draft.replace(/\s+$/, "");
    if (text.trim() === "" || target === null || blocked !== null || streaming) return;
    send(text);
    setDraft("");
    focusComposer();
  }

  function newConversation() {
    setConfirmingClear(false);
    setLeaving(null);
    setComparing(false);
    startNew();
    focusComposer();
  }

  function openConversation(id: string) {
    setConfirmingClear(false);
    setLeaving(null);
    setComparing(false);
    open(id);
  }

  function go(where: Leaving) {
    if (where.to === "new") newConversation();
    else openConversation(where.id);
  }

  /** Goes `where`, asking first when that would lose unsaved changes (auto-save off). */
  function leaveTo(where: Leaving) {
    if (hasUnsavedChanges()) {
      setConfirmingClear(false);
      setLeaving(where);
    } else {
      go(where);
    }
  }

  const canSave = !autosave && saveState === "unsaved" && !streaming && !savingNow;
  const saveByHand = useCallback(() => {
    if (canSave) saveNow();
  }, [canSave, saveNow]);
  useSaveShortcut(!autosave, saveByHand);

  function conversationBody() {
    const noDeployments =
      profiles !== undefined && profiles.every((profile) => profile.targets.length === 0);
    const waiting = targets.isPending || targets.isError || noDeployments;
    if (target === null && (waiting || session.messages.length === 0)) {
      return (
        <NoDeployment
          profiles={profiles}
          loading={targets.isPending}
          error={targets.isError ? targets.error : null}
          onRetry={() => void targets.refetch()}
        />
      );
    }
    return (
      <Conversation
        messages={session.messages}
        run={run}
        live={live}
        onResend={(id, text) => {
          resend(id, text);
          focusComposer();
        }}
        onDelete={deleteMessage}
        quote={quote}
        target={target}
        onResendLast={() => {
          resendLast();
          focusComposer();
        }}
        onRetry={() => {
          retry();
          focusComposer();
        }}
        empty={
          <p className="muted conversation-empty" data-testid="conversation-empty">
            Ask {target?.deployment ?? "the deployment"} something: the answer streams in here.
          </p>
        }
      />
    );
  }

  return (
    <Screen id="playground" title="Playground">
      <div className="playground">
        <aside className="playground-history" aria-label="History">
          <HistoryPanel
            activeId={session.id}
            onOpen={(id) => leaveTo({ to: "open", id })}
            onNew={() => leaveTo({ to: "new" })}
            onDeleted={forgetDeleted}
            onRenamed={adoptTitle}
          />
        </aside>

        <div className="playground-main">
          <PlaygroundHeader
            target={target}
            chosen={chosen}
            profileName={profileName}
            unlisted={unlisted}
            comparing={comparing}
            confirmingClear={confirmingClear}
            canClear={session.messages.length > 0}
            onTarget={(picked) => setTarget(picked.target)}
            onNew={() => leaveTo({ to: "new" })}
            onViewCode={() => setShowingCode(true)}
            onToggleCompare={() => setComparing((on) => !on)}
            onClear={() => {
              // Unsaved, it would not stay in History as Clear says: ask about that instead.
              if (hasUnsavedChanges()) leaveTo({ to: "new" });
              else setConfirmingClear(true);
            }}
          />

          {!autosave && (
            <SaveStatus
              state={saveState}
              saving={savingNow}
              canSave={canSave}
              streaming={streaming}
              onSave={saveByHand}
            />
          )}

          {leaving !== null && (
            <UnsavedConfirmation
              onSave={() => {
                saveNow();
                go(leaving);
              }}
              onDiscard={() => go(leaving)}
              onCancel={() => setLeaving(null)}
            />
          )}

          {routeNote !== null && <RouteNoteView note={routeNote} />}

          {confirmingClear && (
            <ClearConfirmation
              onConfirm={() => leaveTo({ to: "new" })}
              onCancel={() => setConfirmingClear(false)}
            />
          )}

          {opening.isPending && (
            <p className="muted" role="status">
              Opening the conversation…
            </p>
          )}
          {opening.isError && (
            <ErrorNotice
              title="Couldn’t open that conversation"
              error={opening.error}
              onRetry={() => {
                if (opening.variables !== undefined) open(opening.variables);
              }}
            />
          )}

          {comparing ? (
            <>
              {streaming && <StillArriving onStop={stop} />}
              <CompareView
                first={chosen}
                parameters={session.parameters}
                onClose={() => setComparing(false)}
              />
            </>
          ) : (
            <>
              {conversationBody()}
              {saveFailure !== null && (
                <div data-testid="save-error">
                  <ErrorNotice
                    title="This conversation could not be saved"
                    error={saveFailure}
                    onRetry={retrySave}
                  />
                </div>
              )}
              <ConversationCost target={target} messages={session.messages} />
              <Composer
                value={draft}
                onChange={setDraft}
                onSend={sendDraft}
                onStop={() => {
                  stop();
                  // The Stop button goes away with the answer: typing goes on where it was.
                  focusComposer();
                }}
                streaming={streaming}
                blocked={blocked}
                inputRef={input}
              />
            </>
          )}
        </div>

        <aside className="playground-parameters" aria-label="Parameters">
          {rules !== null ? (
            <ParametersPanel
              rules={rules}
              defaults={starting ?? DEFAULT_PARAMETERS}
              value={session.parameters}
              onChange={setParameters}
              target={target}
            />
          ) : unlisted && unlistedRules.isError ? (
            <ErrorNotice
              title="Couldn’t read what this model takes"
              error={unlistedRules.error}
              onRetry={() => void unlistedRules.refetch()}
            />
          ) : (
            <p className="muted playground-parameters-note">
              {target === null
                ? "Pick a deployment to see the parameters its model takes."
                : "Reading what this model takes…"}
            </p>
          )}
        </aside>
      </div>

      {showingCode && target !== null && (
        <ViewCodeDialog
          target={target}
          parameters={session.parameters}
          messages={codeMessages}
          onClose={() => setShowingCode(false)}
        />
      )}
    </Screen>
  );
}
