import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { commands, type ConversationTarget, type SimulatedProblem } from "../../bindings";
import { ErrorNotice } from "../../components/ErrorNotice";
import { unwrap } from "../../lib/unwrap";
import "../../styles/playground-panels.css";
import { targetKey } from "./TargetPicker";

type SimulateMenuProps = { target: ConversationTarget };

/** The Sandbox's problems, in the words the menu and its armed line use. */
export const simulatedProblems: { kind: SimulatedProblem; label: string }[] = [
  { kind: "rateLimit", label: "Rate limit (429)" },
  { kind: "promptFiltered", label: "Prompt blocked by the content filter" },
  { kind: "answerFiltered", label: "Answer stopped by the content filter" },
  { kind: "cutStream", label: "Connection cut mid-answer" },
  { kind: "slowAnswer", label: "Slow answer (time to press Stop)" },
];

function isSimulatedProblem(value: string): value is SimulatedProblem {
  return simulatedProblems.some((problem) => problem.kind === value);
}

/**
 * Makes the Sandbox's next answer go wrong in a chosen way, so anyone can see how the playground
 * handles it without an Azure subscription.
 */
export function SimulateMenu({ target }: SimulateMenuProps) {
  const id = useId();
  const simulate = useMutation({
    mutationFn: (problem: SimulatedProblem) => unwrap(commands.simulateProblem(target, problem)),
  });
  const [armed, setArmed] = useState<SimulatedProblem | null>(null);

  // What is armed belongs to the deployment it was armed on.
  const key = targetKey(target);
  const [armedKey, setArmedKey] = useState(key);
  if (armedKey !== key) {
    setArmedKey(key);
    setArmed(null);
  }

  async function choose(value: string) {
    if (!isSimulatedProblem(value)) return;
    try {
      await simulate.mutateAsync(value);
      setArmed(value);
    } catch {
      // Shown below from the mutation's state.
    }
  }

  const armedLabel = simulatedProblems.find((problem) => problem.kind === armed)?.label;

  return (
    <div className="simulate-menu" data-testid="simulate-menu">
      <select
        id={`${id}-select`}
        className="select select-small"
        aria-label="Sandbox: simulate a problem on the next answer"
        title="Sandbox: make the next answer go wrong, to see how it is handled"
        data-testid="simulate-select"
        // Always back on the prompt: the armed line says what was chosen.
        value=""
        disabled={simulate.isPending}
        onChange={(event) => void choose(event.target.value)}
      >
        <option value="" disabled>
          {simulate.isPending ? "Arming…" : "Simulate a problem…"}
        </option>
        {simulatedProblems.map((problem) => (
          <option key={problem.kind} value={problem.kind}>
            {problem.label}
          </option>
        ))}
      </select>
      {/* The live region is always there, so the line is read out when it appears. */}
      <p className="muted simulate-armed" role="status">
        {armedLabel !== undefined && (
          <span data-testid="simulate-armed">The next answer will hit: {armedLabel}.</span>
        )}
      </p>
      {simulate.isError && (
        <ErrorNotice title="Couldn’t arm the simulated problem." error={simulate.error} />
      )}
    </div>
  );
}
