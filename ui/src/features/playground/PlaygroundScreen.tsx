import { useQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState, type ReactNode } from "react";
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
import { hrefFor, useRouteParams } from "../../routes/useRoute";
import "../../styles/forms.css";
import "../../styles/playground.css";
import { CompareView } from "./CompareView";
import { Composer } from "./Composer";
import { Conversation } from "./Conversation";
import { modelLine } from "./facts";
import { HistoryPanel } from "./HistoryPanel";
import { ParametersPanel } from "./ParametersPanel";
import { parameterProblems, shownProblems } from "./parameters";
import { useTargets } from "./playgroundQueries";
import { SimulateMenu } from "./SimulateMenu";
import { TargetPicker } from "./TargetPicker";
import { usePlaygroundSession } from "./usePlaygroundSession";
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

/** The deployment "Open in Playground" named: profile and name, and the endpoint when given. */
function routeTarget(
  profiles: readonly ProfileTargets[],
  params: URLSearchParams,
): PlaygroundTarget | null {
  const deployment = params.get("deployment");
  if (deployment === null || deployment === "") return null;
  const profile = params.get("profile");
  const endpoint = params.get("endpoint");
  for (const listed of profiles) {
    if (profile !== null && profile !== "" && listed.profileId !== profile) continue;
    const found = listed.targets.find(
      (item) =>
        item.target.deployment === deployment &&
        (endpoint === null || endpoint === "" || item.target.endpoint === endpoint),
    );
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

function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty-state playground-empty" data-testid="playground-empty">
      <svg className="empty-state-icon" viewBox="0 0 24 24" aria-hidden="true">
        <path d="M4 5.5h16v10H10l-4.5 3.5v-3.5H4z" />
      </svg>
      <p className="empty-state-title">{title}</p>
      {children}
    </div>
  );
}

/**
 * The chat playground: history on the left, the conversation with one deployment in the middle
 * (streaming answers, their numbers, what went wrong and what to do), its parameters on the right.
 */
export function PlaygroundScreen() {
  const params = useRouteParams();
  const targets = useTargets();
  const {
    session,
    run,
    streaming,
    wasStopped,
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
    saveFailure,
    retrySave,
  } = usePlaygroundSession();
  const [draft, setDraft] = useState("");
  const [comparing, setComparing] = useState(false);
  const [showingCode, setShowingCode] = useState(false);
  const [confirmingClear, setConfirmingClear] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);

  const profiles = targets.data;
  const target = session.target;
  const chosen = listedTarget(profiles, target);
  const unlisted = target !== null && chosen === null && !targets.isPending;
  const unlistedRules = useUnlistedRules(target, unlisted);
  const rules = chosen?.rules ?? (unlisted ? unlistedRules.data : undefined) ?? null;

  // "Open in Playground" names a deployment: chosen once the list is in, once per link.
  const routeDeployment = params.get("deployment");
  const routeKey = params.toString();
  const appliedRoute = useRef<string | null>(null);
  const fromRoute = profiles === undefined ? null : routeTarget(profiles, params);
  useEffect(() => {
    if (profiles === undefined || appliedRoute.current === routeKey) return;
    appliedRoute.current = routeKey;
    if (fromRoute !== null) setTarget(fromRoute.target);
  }, [profiles, routeKey, fromRoute, setTarget]);

  // Said until the link's deployment is chosen, or when it cannot be.
  const routeNote =
    target === null &&
    routeDeployment !== null &&
    routeDeployment !== "" &&
    (profiles === undefined || fromRoute === null);

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
  const noDeployments =
    profiles !== undefined && profiles.every((profile) => profile.targets.length === 0);

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
    setComparing(false);
    startNew();
    focusComposer();
  }

  function conversationBody() {
    if (target === null) {
      if (targets.isPending) {
        return (
          <p className="muted playground-loading" role="status">
            <span className="spinner" aria-hidden="true" /> Loading deployments…
          </p>
        );
      }
      if (targets.isError) {
        return (
          <ErrorNotice
            title="Couldn’t list the deployments to try"
            error={targets.error}
            onRetry={() => void targets.refetch()}
          />
        );
      }
      if (noDeployments) {
        return (
          <EmptyState title="No chat deployments yet">
            <p className="empty-state-text" data-testid="no-deployments">
              No chat deployments yet — create one on the{" "}
              <a href={hrefFor("deployments")}>Deployments screen</a>.
            </p>
            {profiles?.map(
              (profile) =>
                profile.problem !== null && (
                  <p key={profile.profileId} className="empty-state-text">
                    {profile.problem}
                  </p>
                ),
            )}
          </EmptyState>
        );
      }
      if (session.messages.length === 0) {
        return (
          <EmptyState title="Pick a deployment to start">
            <p className="empty-state-text">
              Choose one of your chat deployments above, then ask it something.
            </p>
          </EmptyState>
        );
      }
    }
    return (
      <Conversation
        messages={session.messages}
        run={run}
        wasStopped={wasStopped}
        onResend={(id, text) => {
          resend(id, text);
          focusComposer();
        }}
        onDelete={deleteMessage}
        onResendLast={() => {
          resendLast();
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
            onOpen={(id) => {
              setConfirmingClear(false);
              setComparing(false);
              open(id);
            }}
            onNew={newConversation}
          />
        </aside>

        <div className="playground-main">
          <div className="playground-header">
            <div className="playground-target">
              <TargetPicker
                value={target}
                onChange={(picked) => setTarget(picked.target)}
                label="Deployment"
                testId="target-picker"
              />
              {target !== null && (
                <p className="muted playground-model" data-testid="playground-model">
                  {modelLine(target, profileName)}
                  {unlisted && " · not listed now"}
                </p>
              )}
            </div>
            <div className="button-row playground-tools">
              <button
                type="button"
                className="button button-small"
                data-testid="new-conversation"
                aria-label="New conversation"
                onClick={newConversation}
              >
                New
              </button>
              <button
                type="button"
                className="button button-small"
                data-testid="view-code-button"
                disabled={target === null}
                aria-haspopup="dialog"
                onClick={() => setShowingCode(true)}
              >
                View code
              </button>
              <button
                type="button"
                className="button button-small"
                data-testid="compare-button"
                aria-pressed={comparing}
                onClick={() => setComparing((on) => !on)}
              >
                Compare
              </button>
              <button
                type="button"
                className="button button-small"
                data-testid="clear-conversation"
                disabled={session.messages.length === 0 || comparing}
                aria-expanded={confirmingClear}
                aria-label="Clear conversation"
                onClick={() => setConfirmingClear(true)}
              >
                Clear
              </button>
              {chosen?.simulated === true && <SimulateMenu target={chosen.target} />}
            </div>
          </div>

          {routeNote && (
            <p className="muted playground-route" role="status" data-testid="playground-target">
              {profiles === undefined ? (
                <>
                  Ready to try <strong>{routeDeployment}</strong> once the deployments are listed.
                </>
              ) : (
                <>
                  <strong>{routeDeployment}</strong> is not among the chat deployments listed now:
                  pick another one.
                </>
              )}
            </p>
          )}

          {confirmingClear && (
            <div className="playground-confirm" role="group" aria-label="Clear conversation">
              <p>Start over with an empty conversation? This one stays in History.</p>
              <div className="button-row">
                <button
                  type="button"
                  className="button button-small button-danger"
                  data-testid="clear-confirm"
                  onClick={newConversation}
                >
                  Clear
                </button>
                <button
                  type="button"
                  className="button button-small"
                  data-testid="clear-cancel"
                  onClick={() => setConfirmingClear(false)}
                >
                  Cancel
                </button>
              </div>
            </div>
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
            <CompareView
              first={chosen}
              parameters={session.parameters}
              onClose={() => setComparing(false)}
            />
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
