import { useEffect, useId, useMemo, useRef, useState } from "react";
import type { AccountView, AffectedProfile } from "../../bindings";
import { ErrorNotice } from "../../components/ErrorNotice";
import { ActionError } from "../connections/ActionError";
import { useProfiles } from "../connections/connectionQueries";
import { coordinatesOf } from "../deployments/coordinates";
import { useEntraSignInFor, useKeyAuthImpact, useSetKeyAuth } from "./accessQueries";
import { AccessError } from "./AccessError";

type KeyAuthSectionProps = { profileId: string; account: AccountView };

/**
 * Whether the resource accepts keys. Turning them off first says what stops working (saved keys,
 * endpoint + key profiles, each of which can switch to Entra sign-in) and asks to confirm;
 * turning them back on is one click.
 */
export function KeyAuthSection({ profileId, account }: KeyAuthSectionProps) {
  const id = useId();
  const coordinates = useMemo(() => coordinatesOf(account), [account]);
  const keysAccepted = !account.keyAuthDisabled;
  const [warning, setWarning] = useState(false);
  const setKeyAuth = useSetKeyAuth(profileId, coordinates);
  const toggle = useRef<HTMLButtonElement>(null);
  // The warning replaces the toggle: when it closes (keys off, or cancelled), focus goes back to it.
  const focusToggle = useRef(false);

  useEffect(() => {
    if (!warning && focusToggle.current) {
      focusToggle.current = false;
      toggle.current?.focus();
    }
  }, [warning]);

  function closeWarning() {
    focusToggle.current = true;
    setWarning(false);
  }

  async function turnOff() {
    try {
      // mutateAsync: the warning closes only once Azure has turned keys off.
      await setKeyAuth.mutateAsync(false);
      closeWarning();
    } catch {
      // Shown in the warning, which stays open to try again.
    }
  }

  return (
    <section className="panel key-auth" data-testid="key-auth" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="panel-title">
        Keys
      </h3>
      <div className="key-auth-line">
        <p className="key-auth-state" data-testid="key-auth-state" data-keys-accepted={keysAccepted}>
          {keysAccepted ? "Keys accepted" : "Keys off — only Entra sign-in works"}
        </p>
        {!warning && (
          <button
            ref={toggle}
            type="button"
            className="button"
            data-testid="key-auth-toggle"
            disabled={setKeyAuth.isPending}
            onClick={() => {
              setKeyAuth.reset();
              if (keysAccepted) setWarning(true);
              else setKeyAuth.mutate(true);
            }}
          >
            {keysAccepted
              ? "Turn keys off…"
              : setKeyAuth.isPending
                ? "Turning keys on…"
                : "Turn keys back on"}
          </button>
        )}
      </div>
      <p className="muted">
        {keysAccepted
          ? "Anyone with one of the resource’s two keys can chat with its deployments, whatever their roles. Turning keys off leaves only Entra sign-in, which the roles above control."
          : "Only people and apps signing in with Entra ID reach the deployments, as their roles allow. Keys saved for this resource are refused."}
      </p>
      {warning && (
        <KeyAuthWarning
          profileId={profileId}
          account={account}
          busy={setKeyAuth.isPending}
          onConfirm={() => void turnOff()}
          onCancel={() => {
            setKeyAuth.reset();
            closeWarning();
          }}
        />
      )}
      {setKeyAuth.isError && <AccessError action="keyAuth" error={setKeyAuth.error} />}
    </section>
  );
}

type KeyAuthWarningProps = {
  profileId: string;
  account: AccountView;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
};

/** What turning keys off stops, each affected profile with a way onto Entra sign-in; then confirm. */
function KeyAuthWarning({ profileId, account, busy, onConfirm, onCancel }: KeyAuthWarningProps) {
  const coordinates = useMemo(() => coordinatesOf(account), [account]);
  const impact = useKeyAuthImpact(profileId, coordinates, true);
  const profiles = useProfiles();
  const switchProfile = useEntraSignInFor();
  // Switched profiles leave Rust's list (they no longer use a key): they stay here, saying so.
  const [switched, setSwitched] = useState<AffectedProfile[]>([]);
  const signInName =
    profiles.data?.find((view) => view.profile.id === profileId)?.profile.name ?? "this profile";

  const listed = impact.data?.profiles ?? [];
  const affected = [
    ...listed,
    ...switched.filter((item) => !listed.some((other) => other.id === item.id)),
  ];
  const savedKeys = impact.data?.savedKeys ?? [];

  async function switchToEntra(profile: AffectedProfile) {
    try {
      await switchProfile.mutateAsync({ profileId: profile.id, signInProfileId: profileId });
      setSwitched((old) => [...old.filter((item) => item.id !== profile.id), profile]);
    } catch {
      // Shown under the list from the mutation's state.
    }
  }

  return (
    <div
      className="confirm key-auth-warning"
      role="group"
      aria-label={`Turn keys off on ${account.name}`}
      data-testid="key-auth-warning"
      onKeyDown={(event) => {
        if (event.key === "Escape" && !busy) {
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      <p>
        <strong>Turn keys off on {account.name}?</strong> Every key stops working at once: apps
        and profiles using one must sign in with Entra ID instead, with a role that allows chat.
      </p>
      {impact.isPending && (
        <p role="status" className="muted">
          Looking for saved keys and profiles that use this resource…
        </p>
      )}
      {impact.isError && (
        <ErrorNotice
          title="Couldn’t find out what uses this resource’s keys."
          error={impact.error}
          onRetry={() => void impact.refetch()}
        />
      )}
      {impact.isSuccess && savedKeys.length === 0 && affected.length === 0 && (
        <p className="muted" data-testid="key-auth-nothing">
          No key is saved for this resource here, and no endpoint + key profile uses it.
        </p>
      )}
      {savedKeys.length > 0 && (
        <div className="key-auth-impact">
          <p>Saved keys that will be refused:</p>
          <ul data-testid="key-auth-saved-keys">
            {savedKeys.map((endpoint) => (
              <li key={endpoint} className="path">
                {endpoint}
              </li>
            ))}
          </ul>
        </div>
      )}
      {affected.length > 0 && (
        <div className="key-auth-impact">
          <p>Endpoint + key profiles that will stop working:</p>
          <ul className="key-auth-profiles" data-testid="key-auth-profiles">
            {affected.map((profile) => {
              const done = switched.some((item) => item.id === profile.id);
              const switching =
                switchProfile.isPending && switchProfile.variables.profileId === profile.id;
              return (
                <li key={profile.id} className="key-auth-profile" data-testid="key-auth-profile">
                  <span className="key-auth-profile-name">{profile.name}</span>{" "}
                  <span className="path">{profile.endpoint}</span>
                  {done ? (
                    <span
                      className="muted"
                      role="status"
                      data-testid={`key-auth-switched-${profile.name}`}
                    >
                      Now signs in through {signInName}.
                    </span>
                  ) : (
                    <button
                      type="button"
                      className="button button-small"
                      data-testid={`key-auth-switch-${profile.name}`}
                      aria-label={`Use Entra sign-in instead for ${profile.name}`}
                      disabled={switchProfile.isPending || busy}
                      onClick={() => void switchToEntra(profile)}
                    >
                      {switching ? "Switching…" : "Use Entra sign-in instead"}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
          <p className="muted">
            “Use Entra sign-in instead” keeps the profile, and makes it sign in through{" "}
            {signInName}; chatting then needs a role such as Cognitive Services OpenAI User.
          </p>
        </div>
      )}
      {switchProfile.isError && (
        <ActionError title="Couldn’t switch the profile to Entra sign-in." error={switchProfile.error} />
      )}
      <div className="button-row">
        <button
          type="button"
          className="button button-small button-danger"
          data-testid="key-auth-confirm"
          disabled={busy}
          onClick={onConfirm}
        >
          {busy ? "Turning keys off…" : "Turn keys off"}
        </button>
        <button
          type="button"
          className="button button-small"
          data-testid="key-auth-cancel"
          disabled={busy}
          // The toggle that opened the warning is gone: focus lands on the safe choice.
          autoFocus
          onClick={onCancel}
        >
          Cancel
        </button>
      </div>
    </div>
  );
}
