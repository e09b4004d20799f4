import { CopyButton } from "./CopyButton";

type CodeBlockProps = {
  /** Names the block and labels its region. */
  title: string;
  text: string;
  /** The <pre>'s data-testid. */
  testId: string;
  copyTestId: string;
  copyLabel: string;
};

/**
 * A request or command shown as it is sent, under its title with a button that copies it: the
 * wizard's review and the Manage panel's show theirs the same way.
 */
export function CodeBlock({ title, text, testId, copyTestId, copyLabel }: CodeBlockProps) {
  return (
    <section className="code-block" aria-label={title}>
      <div className="code-block-header">
        <p className="code-block-title">{title}</p>
        <CopyButton text={text} label={copyLabel} testId={copyTestId} />
      </div>
      <pre className="code-pre" data-testid={testId} tabIndex={0}>
        {text}
      </pre>
    </section>
  );
}
