import { useEffect, useId, useRef } from "react";
import type { AccountCoordinates } from "../../bindings";
import { ErrorNotice } from "../../components/ErrorNotice";
import { useMyAccess } from "./accessQueries";
import { MyAccessView } from "./MyAccessView";

type MyAccessPanelProps = {
  profileId: string;
  account: AccountCoordinates;
  onClose: () => void;
  /** Changes each time the panel is asked for again: focus goes back to its heading. */
  focusSignal?: number;
};

/** "What can I do here?" on one account, asked of Azure when the panel opens. */
export function MyAccessPanel({ profileId, account, onClose, focusSignal = 0 }: MyAccessPanelProps) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const access = useMyAccess(profileId, account);

  // Into the panel when it opens (often from a refusal elsewhere), and when asked for again.
  useEffect(() => heading.current?.focus(), [focusSignal]);

  return (
    <section
      className="my-access"
      data-testid="my-access"
      aria-labelledby={id}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="my-access-header">
        <h3 id={id} ref={heading} className="my-access-title" tabIndex={-1}>
          What can I do on {account.name}?
        </h3>
        <button
          type="button"
          className="button button-small"
          data-testid="my-access-close"
          onClick={onClose}
        >
          Close
        </button>
      </div>
      {access.isPending && (
        <p role="status" className="muted">
          Asking Azure what you can do here…
        </p>
      )}
      {access.isError && (
        <ErrorNotice
          title="Couldn’t find out what you can do here."
          error={access.error}
          onRetry={() => void access.refetch()}
        />
      )}
      {access.data !== undefined && <MyAccessView access={access.data} />}
    </section>
  );
}
