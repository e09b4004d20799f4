import { useId, useState } from "react";
import type {
  ConversationMessage,
  PlaygroundParameters,
  PlaygroundTarget,
} from "../../bindings";
import { ErrorNotice } from "../../components/ErrorNotice";
import "../../styles/forms.css";
import "../../styles/playground-panels.css";
import { AnswerFactsView } from "./AnswerFactsView";
import { AnswerText } from "./AnswerText";
import { shownProblems } from "./parameters";
import { ProblemView } from "./ProblemView";
import { TargetPicker } from "./TargetPicker";
import { useAnswerPrice } from "./useAnswerPrice";
import { useChatRun } from "./useChatRun";

type CompareViewProps = {
  /** The deployment the playground was on: the first column starts with it. */
  first: PlaygroundTarget | null;
  parameters: PlaygroundParameters;
  onClose: () => void;
};

const MAX_COLUMNS = 3;

type Slot = 0 | 1 | 2;
type Run = ReturnType<typeof useChatRun>;
/** A column and the run (of the three) that streams its answers. */
type Column = { slot: Slot; target: PlaygroundTarget | null };

/**
 * What holds the question back, as the main screen checks it: per column, the parameters its
 * model takes (one it does not take is not sent). A problem of several columns is said once.
 */
function columnProblems(
  columns: readonly Column[],
  parameters: PlaygroundParameters,
): string[] {
  const byProblem = new Map<string, string[]>();
  for (const { target } of columns) {
    if (target === null) continue;
    for (const problem of Object.values(shownProblems(target.rules, parameters))) {
      const names = byProblem.get(problem) ?? [];
      byProblem.set(problem, [...names, target.target.deployment ?? "?"]);
    }
  }
  const checked = columns.filter((column) => column.target !== null).length;
  return [...byProblem].map(([problem, names]) =>
    names.length === checked ? problem : `${problem} (for ${names.join(", ")})`,
  );
}

let asked = 0;

/** A message id for the question, unique in this window. */
function questionId(): string {
  asked += 1;
  return `m-compare-${Date.now().toString(36)}-${asked}`;
}

type ColumnViewProps = {
  index: number;
  column: Column;
  run: Run;
  busy: boolean;
  removable: boolean;
  onTarget: (target: PlaygroundTarget) => void;
  onRemove: () => void;
  onRetry: () => void;
};

/** One deployment's answer to the shared question, streaming, then its numbers or its problem. */
function ColumnView(props: ColumnViewProps) {
  const { index, column, run, busy, removable, onTarget, onRemove, onRetry } = props;
  const { state } = run;
  const streaming = state.status === "streaming";
  const outcome = state.outcome;
  const answer = outcome?.message?.answer ?? null;
  const name = column.target?.target.deployment ?? `column ${index + 1}`;
  const quote = useAnswerPrice(column.target?.target ?? null).data ?? null;

  return (
    <section
      className="compare-column"
      data-testid="compare-column"
      aria-label={`Answer ${index + 1}: ${name}`}
      aria-busy={streaming || undefined}
    >
      <div className="compare-column-header">
        <TargetPicker
          value={column.target?.target ?? null}
          onChange={onTarget}
          label={`Deployment ${index + 1}`}
          testId={`compare-target-${index}`}
          disabled={busy}
        />
        {removable && (
          <button
            type="button"
            className="button button-small"
            data-testid="compare-remove"
            aria-label={`Remove ${name}`}
            disabled={busy}
            onClick={onRemove}
          >
            Remove
          </button>
        )}
      </div>

      <div className="compare-answer" data-testid="compare-answer" tabIndex={0}>
        {state.status === "idle" && (
          <p className="muted">
            {column.target === null ? "Choose a deployment." : "Its answer will appear here."}
          </p>
        )}
        {state.status !== "idle" && (
          <AnswerText
            text={outcome?.message?.content ?? run.live.read().text}
            live={streaming ? run.live : undefined}
          />
        )}
        {outcome?.stopped === true && (
          <p className="muted" data-testid="compare-stopped">
            Stopped: what arrived is kept.
          </p>
        )}
        {outcome !== null && outcome.problem !== null && (
          <ProblemView
            problem={outcome.problem}
            receivedAtMs={state.receivedAtMs}
            onRetry={onRetry}
            target={column.target?.target ?? null}
          />
        )}
        {answer !== null && <AnswerFactsView facts={answer} quote={quote} />}
        {state.failure !== null && (
          <ErrorNotice title="The question couldn’t be sent." error={state.failure} />
        )}
      </div>
    </section>
  );
}

/**
 * One question to two or three deployments at once, the answers side by side: the same
 * parameters, each column with its own deployment and its own stream.
 */
export function CompareView({ first, parameters, onClose }: CompareViewProps) {
  const id = useId();
  // One run per possible column, always in this order (a hook per slot, never in a loop).
  const runs: readonly [Run, Run, Run] = [useChatRun(), useChatRun(), useChatRun()];
  const [columns, setColumns] = useState<Column[]>([
    { slot: 0, target: first },
    { slot: 1, target: null },
  ]);
  const [prompt, setPrompt] = useState("");
  const [question, setQuestion] = useState<ConversationMessage | null>(null);

  const streaming = columns.some((column) => runs[column.slot].state.status === "streaming");
  const unchosen = columns.some((column) => column.target === null);
  const problems = columnProblems(columns, parameters);
  const canSend = prompt.trim() !== "" && !streaming && !unchosen && problems.length === 0;

  function ask(column: Column, message: ConversationMessage) {
    if (column.target === null) return;
    void runs[column.slot].start({ target: column.target.target, parameters, messages: [message] });
  }

  function send() {
    if (!canSend) return;
    const message: ConversationMessage = {
      id: questionId(),
      role: "user",
      content: prompt.trim(),
    };
    setQuestion(message);
    for (const column of columns) ask(column, message);
  }

  function stopAll() {
    for (const column of columns) {
      if (runs[column.slot].state.status === "streaming") runs[column.slot].stop();
    }
  }

  function choose(index: number, target: PlaygroundTarget) {
    const column = columns[index];
    if (column === undefined) return;
    // The answer there was another deployment's.
    runs[column.slot].reset();
    setColumns(columns.map((item, at) => (at === index ? { ...item, target } : item)));
  }

  function add() {
    const used = new Set(columns.map((column) => column.slot));
    const slot = ([0, 1, 2] as const).find((free) => !used.has(free));
    if (slot === undefined || columns.length >= MAX_COLUMNS) return;
    runs[slot].reset();
    setColumns([...columns, { slot, target: null }]);
  }

  function remove(index: number) {
    const column = columns[index];
    if (column === undefined) return;
    runs[column.slot].reset();
    setColumns(columns.filter((_, at) => at !== index));
  }

  return (
    <section className="compare-view" data-testid="compare-view" aria-labelledby={`${id}-title`}>
      <div className="compare-header">
        <h2 id={`${id}-title`} className="compare-title">
          Compare deployments
        </h2>
        <button
          type="button"
          className="button button-small"
          data-testid="compare-add"
          disabled={columns.length >= MAX_COLUMNS || streaming}
          onClick={add}
        >
          Add a third
        </button>
        <button
          type="button"
          className="button button-small"
          data-testid="compare-stop"
          disabled={!streaming}
          onClick={stopAll}
        >
          Stop all
        </button>
        <button
          type="button"
          className="button button-small"
          data-testid="compare-close"
          onClick={() => {
            // Closing must not leave answers streaming (and billed) out of sight.
            stopAll();
            onClose();
          }}
        >
          Close
        </button>
      </div>

      <div className="compare-composer">
        <label htmlFor={`${id}-prompt`} className="field-label">
          Question for every deployment
        </label>
        <textarea
          id={`${id}-prompt`}
          className="input textarea"
          data-testid="compare-input"
          aria-describedby={`${id}-hint`}
          value={prompt}
          placeholder="Ask the same question of each deployment"
          onChange={(event) => setPrompt(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              send();
            }
          }}
        />
        <div className="button-row">
          <button
            type="button"
            className="button button-primary"
            data-testid="compare-send"
            disabled={!canSend}
            onClick={send}
          >
            Send to all
          </button>
          <span id={`${id}-hint`} className="muted field-hint" data-testid="compare-hint">
            {problems.length > 0
              ? `Fix the parameters first: ${problems.join("; ")}.`
              : unchosen
                ? "Choose a deployment in every column."
                : "Ctrl+Enter sends. The same parameters go to each deployment."}
          </span>
        </div>
      </div>

      {question !== null && (
        <p className="compare-question" data-testid="compare-question">
          {question.content}
        </p>
      )}

      <div className="compare-columns" data-columns={columns.length}>
        {columns.map((column, index) => (
          <ColumnView
            key={column.slot}
            index={index}
            column={column}
            run={runs[column.slot]}
            busy={streaming}
            removable={columns.length > 2}
            onTarget={(target) => choose(index, target)}
            onRemove={() => remove(index)}
            onRetry={() => {
              if (question !== null) ask(column, question);
            }}
          />
        ))}
      </div>
    </section>
  );
}
