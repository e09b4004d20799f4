import { useState, type ReactNode } from "react";
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
  return (
    <>
      <a
        href={href}
        data-testid={testId}
        className={className}
        rel="noreferrer"
        onClick={(event) => {
          event.preventDefault();
          setFailure(null);
          unwrap(commands.openLink(href)).catch((error: unknown) =>
            setFailure(errorDetails(error).message),
          );
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
