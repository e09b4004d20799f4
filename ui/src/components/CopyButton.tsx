import { copyFailedText, useCopy } from "../lib/useCopy";

type CopyButtonProps = { text: string; label: string; testId: string };

/** Copies `text`, says so for a moment, and says what to do when the clipboard refuses. */
export function CopyButton({ text, label, testId }: CopyButtonProps) {
  const { state, copy } = useCopy(text);
  return (
    <>
      <button
        type="button"
        className="button button-small"
        data-testid={testId}
        onClick={() => void copy()}
      >
        {state === "copied" ? "Copied" : label}
      </button>
      <span className="muted copy-note" role="status">
        {state === "failed" ? copyFailedText : ""}
      </span>
    </>
  );
}
