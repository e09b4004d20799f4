import { useState, type MouseEvent, type ReactNode } from "react";
import { commands } from "../bindings";
import { errorDetails } from "../lib/errorDetails";
import { unwrap } from "../lib/unwrap";

type ExternalLinkProps = {
  href: string;
  children: ReactNode;
  testId?: string;
  className?: string;
};

/**
 * A link to one of Microsoft's pages, opened in the system browser by the app's shell: the window
 * itself opens nothing. If the browser cannot be started, the address is shown to copy instead.
 */
export function ExternalLink({ href, children, testId, className }: ExternalLinkProps) {
  const [failure, setFailure] = useState<string | null>(null);

  function open(event: MouseEvent<HTMLAnchorElement>) {
    event.preventDefault();
    setFailure(null);
    unwrap(commands.openLink(href)).catch((error: unknown) =>
      setFailure(errorDetails(error).message),
    );
  }

  return (
    <>
      <a
        href={href}
        data-testid={testId}
        className={className}
        rel="noreferrer"
        // A click, Enter (the browser clicks the link for it) and a modified click.
        onClick={open}
        // The middle button, which would otherwise follow the href inside the web view. Other
        // buttons (the right one's auxclick, after its context menu) open nothing.
        onAuxClick={(event) => {
          if (event.button === 1) {
            open(event);
          }
        }}
      >
        {children}
      </a>
      {failure !== null && (
        <span className="external-link-failure" role="alert">
          {" "}
          {failure} — open <span className="path">{href}</span> yourself.
        </span>
      )}
    </>
  );
}
