import { useLayoutEffect } from "react";
import { LiveAnswer, useLive } from "./liveAnswer";
import { Markdown } from "./Markdown";

type AnswerTextProps = {
  /** The finished text (unused while `live` is given). */
  text: string;
  /** The answer streaming in, when it still is. */
  live?: LiveAnswer;
  /** Called once the growing text is on the page (to follow it down). */
  onGrow?: () => void;
};

/** Read by answers that no longer stream: it never changes. */
const FINISHED = new LiveAnswer();

function textOf(now: { text: string }): string {
  return now.text;
}

/**
 * An answer's text as Markdown: while it streams, the growing text (with a wait note until the
 * first token), then the finished one, in the same place, so nothing is built again when it ends.
 */
export function AnswerText({ text, live, onGrow }: AnswerTextProps) {
  const streamed = useLive(live ?? FINISHED, textOf);
  const shown = live === undefined ? text : streamed;

  useLayoutEffect(() => {
    if (live !== undefined) onGrow?.();
  }, [live, onGrow, streamed]);

  if (live !== undefined && shown === "") {
    return (
      <p className="muted message-waiting" role="status" data-testid="waiting-first-token">
        <span className="spinner" aria-hidden="true" /> Waiting for the first token…
      </p>
    );
  }
  return <Markdown text={shown} streaming={live !== undefined} />;
}
