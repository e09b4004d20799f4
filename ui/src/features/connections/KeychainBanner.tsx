import type { KeychainStatus } from "../../bindings";
import { ErrorNotice } from "../../components/ErrorNotice";
import { useKeepSecretsForSession, useKeychainStatus } from "./connectionQueries";

/** Rust names its in-memory store this once "keep for this session only" was chosen. */
const sessionBackend = "Session memory";

function whatToDo(status: KeychainStatus): string {
  return status.state === "locked"
    ? "Unlock your keyring (for example by signing in to your desktop again), then try again."
    : "Install or start GNOME Keyring or KWallet, then restart Foundry Desk.";
}

/**
 * Says when secrets (sign-ins and keys) cannot be saved, because every other action on this
 * screen fails in confusing ways until that is dealt with.
 */
export function KeychainBanner() {
  const status = useKeychainStatus();
  const keep = useKeepSecretsForSession();

  if (status.isError) {
    return (
      <ErrorNotice
        title="Couldn’t check where secrets are kept."
        error={status.error}
        onRetry={() => void status.refetch()}
      />
    );
  }
  if (!status.isSuccess) {
    return null;
  }

  const keychain = status.data;
  if (keychain.backend === sessionBackend) {
    return (
      <p className="keychain-note" data-testid="session-only-note" role="status">
        Secrets are kept in memory until the app closes.
      </p>
    );
  }
  if (keychain.state === "unlocked") {
    return null;
  }

  return (
    <div className="keychain-banner" data-testid="keychain-banner" role="alert">
      <p className="keychain-banner-title">
        Secrets can’t be saved: {keychain.backend} is {keychain.state}.
      </p>
      {keychain.detail !== null && <p className="keychain-banner-detail">{keychain.detail}</p>}
      <p>{whatToDo(keychain)}</p>
      <p className="muted">
        Or keep sign-ins and keys in memory only: they are forgotten when the app closes.
      </p>
      <div className="button-row">
        <button
          type="button"
          className="button"
          data-testid="keep-for-session"
          disabled={keep.isPending}
          onClick={() => keep.mutate()}
        >
          {keep.isPending ? "Switching…" : "Keep secrets for this session only"}
        </button>
        <button type="button" className="button" onClick={() => void status.refetch()}>
          Check again
        </button>
      </div>
      {keep.isError && (
        <ErrorNotice title="Couldn’t switch to session memory." error={keep.error} />
      )}
    </div>
  );
}
