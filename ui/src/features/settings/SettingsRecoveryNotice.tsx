import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { commands } from "../../bindings";
import { unwrap } from "../../lib/unwrap";
import { hrefFor } from "../../routes/useRoute";

/**
 * Said once, at the top of the window, when the saved settings could not be used: why, where the
 * file was kept, and that defaults are in use. Rust keeps it until it is dismissed here, so a
 * reload of the window shows it again, and the next start does not.
 */
export function SettingsRecoveryNotice() {
  const recovery = useQuery({
    queryKey: ["settingsRecovery"],
    queryFn: () => unwrap(commands.settingsRecovery()),
    staleTime: Infinity,
    retry: false,
  });
  const [dismissed, setDismissed] = useState(false);
  const dismissInRust = useMutation({ mutationFn: () => unwrap(commands.dismissSettingsRecovery()) });
  const notice = recovery.data ?? null;
  if (notice === null || dismissed) return null;

  function dismiss() {
    setDismissed(true);
    dismissInRust.mutate();
  }

  return (
    <div className="settings-recovery" role="alert" data-testid="settings-recovery">
      <p className="settings-recovery-title">Your settings could not be used, so defaults are in use</p>
      <p className="settings-recovery-reason">{notice.reason}</p>
      <p className="muted">
        {notice.readOnly
          ? "The file was left as it is for the newer version; changes made now are not saved."
          : notice.movedTo === null
            ? "The file could not be moved aside: saving settings will replace it."
            : `The file was kept as ${notice.movedTo}, to fix by hand or to compare.`}
      </p>
      <div className="button-row">
        <a className="button button-small" href={hrefFor("settings")} onClick={dismiss}>
          Review settings
        </a>
        <button
          type="button"
          className="button button-small"
          data-testid="settings-recovery-dismiss"
          onClick={dismiss}
        >
          Dismiss
        </button>
      </div>
    </div>
  );
}
