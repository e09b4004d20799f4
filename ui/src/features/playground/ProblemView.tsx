import { useEffect, useReducer, useState } from "react";
import type { ChatProblem, ConversationTarget, ProblemKind } from "../../bindings";
import { CopyButton } from "../../components/CopyButton";
import { ExternalLink } from "../../components/ExternalLink";
import { hrefFor } from "../../routes/useRoute";
import { ChatAccessHelp, chatAccessProblem } from "../access/ChatAccessHelp";
import { retryCountdown } from "./facts";

type ProblemViewProps = {
  problem: ChatProblem;
  /**
   * When the problem arrived (a `Date.now()` time): a 429's wait counts from then, so showing
   * the problem again (Compare toggled, the screen left and back) does not start it over.
   * Without it, the wait counts from when this problem was first shown here.
   */
  receivedAtMs?: number | null;
  /** Sends the same question again; offered only for problems a retry can cure. */
  onRetry?: () => void;
  /** The deployment asked: a refusal for access then says which role, or how to stop using a key. */
  target?: ConversationTarget | null;
};

/** The problems the same request may get past a moment later. */
const RETRYABLE: readonly ProblemKind[] = ["throttled", "cut", "network", "answerFiltered"];

const QUOTA_INCREASE = "https://aka.ms/oai/quotaincrease";

/** Seconds left until `deadline` (a `Date.now()` time), never below zero. */
function secondsUntil(deadline: number): number {
  return Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
}

/**
 * Counts down the wait Azure asked for `source` (a problem), from `since` (when it arrived) or
 * else from when this view first saw it: 0 once it is over, or when there is none. A new problem
 * starts its own wait.
 */
function useCountdown(source: object, seconds: number | null, since: number | null): number {
  const [seen, setSeen] = useState(() => ({ source, atMs: Date.now() }));
  const [, tick] = useReducer((count: number) => count + 1, 0);
  let seenAtMs = seen.atMs;
  if (seen.source !== source) {
    seenAtMs = Date.now();
    setSeen({ source, atMs: seenAtMs });
  }
  const deadline = (since ?? seenAtMs) + Math.max(0, seconds ?? 0) * 1000;
  const left = secondsUntil(deadline);
  const waiting = left > 0;
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(tick, 250);
    return () => clearInterval(timer);
  }, [waiting, deadline]);
  return left;
}

function WhereToFix({ kind }: { kind: ProblemKind }) {
  switch (kind) {
    case "signInRequired":
    case "auth":
    case "noKey":
      return (
        <a className="problem-link" href={hrefFor("connections")} data-testid="problem-link">
          Open Connections
        </a>
      );
    case "notFound":
    case "paused":
    case "retired":
      return (
        <a className="problem-link" href={hrefFor("deployments")} data-testid="problem-link">
          Open Deployments
        </a>
      );
    case "noQuota":
      return (
        <ExternalLink href={QUOTA_INCREASE} className="problem-link" testId="problem-link">
          Request more quota
        </ExternalLink>
      );
    default:
      return null;
  }
}

/**
 * Why an answer failed, told plainly, with Azure's own words to search for and the way forward:
 * a retry (after the wait Azure asked for: never by itself), or the screen that fixes it.
 */
export function ProblemView({ problem, receivedAtMs = null, onRetry, target = null }: ProblemViewProps) {
  const throttled = problem.kind === "throttled";
  const left = useCountdown(problem, throttled ? problem.retryAfterSecs : null, receivedAtMs);
  const retryable = onRetry !== undefined && RETRYABLE.includes(problem.kind);
  const details = [
    problem.code,
    problem.status === null ? null : `HTTP ${problem.status}`,
  ].filter((part) => part !== null);
  return (
    <div className="problem" role="alert" data-testid="problem" data-kind={problem.kind}>
      <p className="problem-title">{problem.title}</p>
      <p className="problem-action">{problem.action}</p>
      {problem.categories.length > 0 && (
        <p className="problem-categories">Categories: {problem.categories.join(", ")}</p>
      )}
      {(details.length > 0 || problem.message !== "" || problem.requestId !== null) && (
        <p className="problem-details" data-testid="problem-details">
          {details.length > 0 && <span className="problem-code">{details.join(" · ")}</span>}
          {problem.message !== "" && <span className="problem-message">{problem.message}</span>}
          {problem.requestId !== null && (
            <span className="problem-request">
              request id <span className="problem-request-id">{problem.requestId}</span>{" "}
              <CopyButton
                text={problem.requestId}
                label="Copy id"
                testId="copy-problem-request-id"
              />
            </span>
          )}
        </p>
      )}
      {target !== null && chatAccessProblem(problem) !== null && (
        <ChatAccessHelp problem={problem} target={target} />
      )}
      <div className="problem-actions">
        <WhereToFix kind={problem.kind} />
        {throttled && left > 0 && (
          // A timer is not read out each second (aria-live off), inside the alert or not.
          <span
            className="problem-countdown"
            data-testid="retry-countdown"
            role="timer"
            aria-live="off"
          >
            {retryCountdown(left)}
          </span>
        )}
        {retryable && (
          <button
            type="button"
            className="button button-small"
            data-testid="retry-button"
            disabled={throttled && left > 0}
            onClick={onRetry}
          >
            Retry
          </button>
        )}
      </div>
    </div>
  );
}
