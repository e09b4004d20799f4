import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { commands } from "../../bindings";
import { unwrap } from "../../lib/unwrap";
import { hrefFor } from "../../routes/useRoute";

/**
 * Said once, at the top of the window, when the saved settings could not be used: why, where the
 * file was kept, and that defaults are in use. Rust answers it only the first time it is asked.
 */
export function SettingsRecoveryNotice() {
  const recovery = useQuery({
    queryKey: ["settingsRecovery"],
    queryFn: () => unwrap(commands.takeSettingsRecovery()),
    staleTime: Infinity,
    retry: false,
  });
  const [dismissed, setDismissed] = useState(false);
  const notice = recovery.data ?? null;
  if (notice === null || dismissed) return null;
  return (
    <div className="settings-recovery" role="alert" data-testid="settings-recovery">
      <p className="settings-recovery-title">Your settings could not be used, so defaults are in use</p>
      <p className="settings-recovery-reason">{notice.reason}</p>
      <p className="muted">
        {notice.movedTo === null
          ? "The file could not be moved aside: saving settings will replace it."
          : `The file was kept as ${notice.movedTo}, to fix by hand or to compare.`}
      </p>
      <div className="button-row">
        <a className="button button-small" href={hrefFor("settings")} onClick={() => setDismissed(true)}>
          Review settings
        </a>
        <button
          type="button"
          className="button button-small"
          data-testid="settings-recovery-dismiss"
          onClick={() => setDismissed(true)}
        >
          Dismiss
        </button>
      </div>
    </div>
  );
}
