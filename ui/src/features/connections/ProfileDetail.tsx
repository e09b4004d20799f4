import { useRef, useState } from "react";
import type { ProfileView, Removed } from "../../bindings";
import { AccountsPanel } from "./AccountsPanel";
import { ActionError } from "./ActionError";
import { CheckConnection } from "./CheckConnection";
import { useSignOut } from "./connectionQueries";
import { EndpointKeyPanel } from "./EndpointKeyPanel";
import { kindLabel, noTenantYet, signInLabel } from "./format";
import { RemoveProfile } from "./RemoveProfile";
import { RenameProfile } from "./RenameProfile";
import { SignInPanel } from "./SignInPanel";
import { TenantPicker } from "./TenantPicker";

type ProfileDetailProps = {
  view: ProfileView;
  onRemoved: (removed: Removed) => void;
};

/** Everything about one profile. Keyed by profile id, so no state leaks between profiles. */
export function ProfileDetail({ view, onRemoved }: ProfileDetailProps) {
  const { id, name, connection } = view.profile;
  const [editing, setEditing] = useState<"none" | "rename" | "remove">("none");
  // A check refused for want of a sign-in shows the sign-in panel before Rust's refreshed
  // profile (signIn "expired") arrives.
  const [checkWantsSignIn, setCheckWantsSignIn] = useState(false);
  const signInHeading = useRef<HTMLHeadingElement>(null);
  const signOut = useSignOut(id);

  const account = connection.kind === "azureAccount" ? connection : null;
  const signedIn = view.signIn === "signedIn" || view.signIn === "azureCli";
  const needsSignIn =
    account !== null &&
    (view.signIn === "signedOut" || view.signIn === "expired" || checkWantsSignIn);
  const browsesAzure = (account !== null && signedIn && !needsSignIn) || connection.kind === "sandbox";

  function showSignIn() {
    const heading = signInHeading.current;
    heading?.focus();
    // jsdom has no scrollIntoView.
    heading?.scrollIntoView?.({ block: "start", behavior: "smooth" });
  }

  return (
    <article
      className="profile-detail"
      data-testid="profile-detail"
      data-profile-name={name}
      aria-label={name}
    >
      <header className="detail-header">
        <div className="detail-heading">
          {editing === "rename" ? (
            <RenameProfile profileId={id} name={name} onDone={() => setEditing("none")} />
          ) : (
            <h2 className="detail-name">
              {name}
            </h2>
          )}
          <p className="detail-kind">
            {kindLabel(connection)}
            {view.simulated && <span className="badge">Simulated</span>}
          </p>
        </div>
        {editing !== "rename" && (
          <div className="button-row">
            <button
              type="button"
              className="button"
              data-testid="rename-profile"
              onClick={() => setEditing("rename")}
            >
              Rename
            </button>
            <button
              type="button"
              className="button"
              data-testid="remove-profile"
              aria-expanded={editing === "remove"}
              onClick={() => setEditing("remove")}
            >
              Remove…
            </button>
          </div>
        )}
      </header>

      {editing === "remove" && (
        <RemoveProfile
          profileId={id}
          name={name}
          onRemoved={onRemoved}
          onCancel={() => setEditing("none")}
        />
      )}

      <dl className="details">
        {account !== null && (
          <>
            <div>
              <dt>Signed in as</dt>
              <dd data-testid="profile-user">{account.user ?? "No one yet"}</dd>
            </div>
            <div>
              <dt>Tenant</dt>
              <dd className="path" data-testid="profile-tenant">
                {account.tenant === noTenantYet ? "Not chosen yet" : account.tenant}
              </dd>
            </div>
          </>
        )}
        <div>
          <dt>Sign-in</dt>
          <dd>
            <span data-testid="profile-signin-state">{signInLabel(view.signIn)}</span>
            {account !== null && (view.signIn === "expired" || view.signIn === "signedIn") && (
              <span className="button-row detail-signin-actions">
                {view.signIn === "expired" && (
                  <button
                    type="button"
                    className="button button-primary"
                    data-testid="sign-in-again"
                    onClick={showSignIn}
                  >
                    Sign in again
                  </button>
                )}
                {view.signIn === "signedIn" && (
                  <button
                    type="button"
                    className="button"
                    data-testid="sign-out"
                    disabled={signOut.isPending}
                    onClick={() => signOut.mutate()}
                  >
                    {signOut.isPending ? "Signing out…" : "Sign out"}
                  </button>
                )}
              </span>
            )}
          </dd>
        </div>
      </dl>
      {view.simulated && (
        <p className="muted">
          Nothing in the Sandbox is real Azure: it simulates subscriptions, accounts and chats so
          you can try the app.
        </p>
      )}
      {signOut.isError && <ActionError title="Couldn’t sign out." error={signOut.error} />}

      {needsSignIn && (
        <SignInPanel
          view={view}
          headingRef={signInHeading}
          onSignedIn={() => setCheckWantsSignIn(false)}
        />
      )}
      {account !== null && signedIn && !needsSignIn && (
        <TenantPicker profileId={id} currentTenant={account.tenant} />
      )}
      {browsesAzure && <AccountsPanel profileId={id} />}
      {connection.kind === "endpointKey" && <EndpointKeyPanel view={view} />}
      <CheckConnection profileId={id} onSignInRequired={() => setCheckWantsSignIn(true)} />
    </article>
  );
}
