import { Fragment } from "react";

/**
 * `OpenAI.GlobalStandard.gpt-4o` or `Microsoft.DefaultV2`, allowed to wrap after each dot in a narrow
 * cell rather than anywhere in a word.
 */
export function BreakAtDots({ text }: { text: string }) {
  const parts = text.split(".");
  return parts.map((part, index) => (
    // The parts of one string never move, so their places are stable keys.
    <Fragment key={index}>
      {part}
      {index < parts.length - 1 && (
        <>
          .<wbr />
        </>
      )}
    </Fragment>
  ));
}
