import type { ConversationTarget, PlaygroundTarget } from "../../bindings";
import { modelLine } from "./facts";
import { SimulateMenu } from "./SimulateMenu";
import { TargetPicker } from "./TargetPicker";

type PlaygroundHeaderProps = {
  target: ConversationTarget | null;
  /** The target as the list has it (null when it is not listed now). */
  chosen: PlaygroundTarget | null;
  profileName: string | null;
  /** A saved conversation's deployment that no profile lists now. */
  unlisted: boolean;
  comparing: boolean;
  confirmingClear: boolean;
  canClear: boolean;
  onTarget: (target: PlaygroundTarget) => void;
  onNew: () => void;
  onViewCode: () => void;
  onToggleCompare: () => void;
  onClear: () => void;
};

/** Which deployment the conversation talks to, what it runs, and the conversation's tools. */
export function PlaygroundHeader(props: PlaygroundHeaderProps) {
  const { target, chosen, profileName, unlisted, comparing, confirmingClear, canClear } = props;
  return (
    <div className="playground-header">
      <div className="playground-target">
        <TargetPicker
          value={target}
          onChange={props.onTarget}
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
          onClick={props.onNew}
        >
          New
        </button>
        <button
          type="button"
          className="button button-small"
          data-testid="view-code-button"
          disabled={target === null}
          aria-haspopup="dialog"
          onClick={props.onViewCode}
        >
          View code
        </button>
        <button
          type="button"
          className="button button-small"
          data-testid="compare-button"
          aria-pressed={comparing}
          onClick={props.onToggleCompare}
        >
          Compare
        </button>
        <button
          type="button"
          className="button button-small"
          data-testid="clear-conversation"
          disabled={!canClear || comparing}
          aria-expanded={confirmingClear}
          aria-label="Clear conversation"
          onClick={props.onClear}
        >
          Clear
        </button>
        {chosen?.simulated === true && <SimulateMenu target={chosen.target} />}
      </div>
    </div>
  );
}

/** "Start over?": Clear asks first, the conversation staying in History either way. */
export function ClearConfirmation({
  onConfirm,
  onCancel,
}: {
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <div className="playground-confirm" role="group" aria-label="Clear conversation">
      <p>Start over with an empty conversation? This one stays in History.</p>
      <div className="button-row">
        <button
          type="button"
          className="button button-small button-danger"
          data-testid="clear-confirm"
          onClick={onConfirm}
        >
          Clear
        </button>
        <button
          type="button"
          className="button button-small"
          data-testid="clear-cancel"
          onClick={onCancel}
        >
          Cancel
        </button>
      </div>
    </div>
  );
}

/**
 * In Compare the composer (and its Stop) is out of sight: the conversation's answer, still
 * streaming, can be stopped from here.
 */
export function StillArriving({ onStop }: { onStop: () => void }) {
  return (
    <div
      className="muted playground-route playground-still-arriving"
      role="status"
      data-testid="main-answer-arriving"
    >
      <span>An answer is still arriving in the conversation —</span>
      <button
        type="button"
        className="button button-small button-danger"
        data-testid="main-stop-button"
        onClick={onStop}
      >
        Stop
      </button>
    </div>
  );
}
