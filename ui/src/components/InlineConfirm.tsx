import { ErrorNotice } from "./ErrorNotice";

type InlineConfirmProps = {
  /** What will happen, and whether it can be undone. */
  question: string;
  /** The confirm button's words ("Delete all"), and while the work runs ("Deleting…"). */
  confirmLabel: string;
  busyLabel: string;
  busy: boolean;
  /** The failure of the last attempt, if any; the confirmation stays open to try again. */
  error?: unknown;
  errorTitle?: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** The group's name for screen readers; the question when not given. */
  label?: string;
  /** Prefix of the test ids: `<testId>`, `<testId>-confirm`, `<testId>-cancel`, unless named here. */
  testId: string;
  confirmTestId?: string;
  cancelTestId?: string;
};

/**
 * A question under the button that asked it, with a red confirm button (focused, so Enter confirms)
 * and Cancel; Escape cancels. Used for what cannot be undone.
 */
export function InlineConfirm(props: InlineConfirmProps) {
  const { question, confirmLabel, busyLabel, busy, error, errorTitle, onConfirm, onCancel, testId } =
    props;
  const { label = question, confirmTestId = `${testId}-confirm`, cancelTestId = `${testId}-cancel` } =
    props;
  return (
    <div
      className="confirm"
      role="group"
      aria-label={label}
      data-testid={testId}
      onKeyDown={(event) => {
        if (event.key === "Escape" && !busy) {
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      <p>{question}</p>
      <div className="button-row">
        <button
          type="button"
          className="button button-small button-danger"
          data-testid={confirmTestId}
          disabled={busy}
          autoFocus
          onClick={onConfirm}
        >
          {busy ? busyLabel : confirmLabel}
        </button>
        <button
          type="button"
          className="button button-small"
          data-testid={cancelTestId}
          disabled={busy}
          onClick={onCancel}
        >
          Cancel
        </button>
      </div>
      {error !== undefined && error !== null && (
        <ErrorNotice title={errorTitle ?? "That didn’t work."} error={error} />
      )}
    </div>
  );
}
