import { useEffect, useId, useRef, useState, type Ref } from "react";
import type { BrowserSignInView, DeviceCodeView, ProfileView } from "../../bindings";
import { ExternalLink } from "../../components/ExternalLink";
import { isCommandError } from "../../lib/errorDetails";
import { useCopy } from "../../lib/useCopy";
import { ActionError } from "./ActionError";
import {
  useCancelSignIn,
  useFinishSignIn,
  useRecordSignIn,
  useStartBrowserSignIn,
  useStartDeviceCode,
} from "./connectionQueries";

type Flow =
  | { step: "choose" }
  | { step: "deviceCode"; view: DeviceCodeView }
  | { step: "browser"; view: BrowserSignInView };

type SignInPanelProps = {
  view: ProfileView;
  /** The heading, so "Sign in again" elsewhere can bring the panel into view. */
  headingRef?: Ref<HTMLHeadingElement>;
  onSignedIn?: () => void;
};

/** Signs an Azure account profile in, with the browser or with a code typed on any device. */
export function SignInPanel({ view, headingRef, onSignedIn }: SignInPanelProps) {
  const profileId = view.profile.id;
  const headingId = useId();
  const startDeviceCode = useStartDeviceCode(profileId);
  const startBrowser = useStartBrowserSignIn(profileId);
  const finish = useFinishSignIn();
  const recordSignIn = useRecordSignIn(profileId);
  const cancelSignIn = useCancelSignIn();
  const [flow, setFlow] = useState<Flow>({ step: "choose" });
  const [failure, setFailure] = useState<unknown>(null);
  // The sign-in being waited for. A reply about any other one (cancelled, or replaced by a
  // newer attempt) is stale and must not move the panel.
  const waitingFor = useRef<string | null>(null);

  // Leaving the panel (another profile, another screen) abandons the sign-in; tell Rust so it
  // stops polling Entra for it.
  const cancelOnLeave = useRef(cancelSignIn.mutate);
  cancelOnLeave.current = cancelSignIn.mutate;
  useEffect(
    () => () => {
      const signInId = waitingFor.current;
      waitingFor.current = null;
      if (signInId !== null) {
        cancelOnLeave.current(signInId);
      }
    },
    [],
  );

  async function waitUntilSignedIn(signInId: string) {
    waitingFor.current = signInId;
    try {
      const signedIn = await finish.mutateAsync(signInId);
      const stillWaiting = waitingFor.current === signInId;
      if (stillWaiting) {
        waitingFor.current = null;
      }
      // Even a sign-in cancelled too late did happen: Rust's answer is the truth.
      recordSignIn(signedIn);
      if (stillWaiting) {
        setFlow({ step: "choose" });
        onSignedIn?.();
      }
    } catch (error) {
      if (waitingFor.current !== signInId) {
        return;
      }
      waitingFor.current = null;
      setFlow({ step: "choose" });
      // The person pressed Cancel: nothing went wrong.
      if (!(isCommandError(error) && error.kind === "cancelled")) {
        setFailure(error);
      }
    }
  }

  async function begin(method: "deviceCode" | "browser") {
    setFailure(null);
    try {
      if (method === "deviceCode") {
        const started = await startDeviceCode.mutateAsync();
        setFlow({ step: "deviceCode", view: started });
        await waitUntilSignedIn(started.signInId);
      } else {
        const started = await startBrowser.mutateAsync();
        setFlow({ step: "browser", view: started });
        await waitUntilSignedIn(started.signInId);
      }
    } catch (error) {
      setFailure(error);
    }
  }

  function cancel() {
    const signInId = waitingFor.current;
    waitingFor.current = null;
    setFlow({ step: "choose" });
    if (signInId !== null) {
      cancelSignIn.mutate(signInId);
    }
  }

  const expired = view.signIn === "expired";
  const starting = startDeviceCode.isPending || startBrowser.isPending;

  return (
    <section className="panel sign-in-panel" aria-labelledby={headingId} data-testid="sign-in-panel">
      <h3 id={headingId} ref={headingRef} tabIndex={-1} className="panel-title">
        {expired ? "Sign in again" : "Sign in"}
      </h3>
      {flow.step === "choose" && (
        <>
          <p className="muted">
            {expired
              ? "Your sign-in for this profile expired or was revoked. Sign in again to keep using it."
              : "Sign in with your Microsoft Entra ID work or school account."}
          </p>
          {view.profile.connection.kind === "azureAccount" &&
            view.profile.connection.useAzureCli && (
              <p className="muted">
                This profile uses your Azure CLI login: run <code>az login</code> in a terminal,
                or sign in here.
              </p>
            )}
          <div className="button-row">
            <button
              type="button"
              className="button button-primary"
              data-testid="sign-in-browser"
              disabled={starting}
              onClick={() => void begin("browser")}
            >
              Sign in with browser
            </button>
            <button
              type="button"
              className="button"
              data-testid="sign-in-device-code"
              disabled={starting}
              onClick={() => void begin("deviceCode")}
            >
              Sign in with a code
            </button>
          </div>
          {starting && (
            <p role="status" className="muted">
              Starting sign-in…
            </p>
          )}
        </>
      )}
      {flow.step === "deviceCode" && <DeviceCode view={flow.view} onCancel={cancel} />}
      {flow.step === "browser" && <BrowserWait view={flow.view} onCancel={cancel} />}
      {failure !== null && <ActionError title="Sign-in didn’t finish." error={failure} />}
      {cancelSignIn.isError && (
        <ActionError title="Couldn’t stop the sign-in." error={cancelSignIn.error} />
      )}
    </section>
  );
}

function Waiting({ onCancel }: { onCancel: () => void }) {
  return (
    <div className="sign-in-waiting">
      <p role="status" data-testid="device-code-waiting" className="waiting">
        <span className="spinner" aria-hidden="true" />
        Waiting for you to sign in…
      </p>
      <button type="button" className="button" data-testid="device-code-cancel" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}

function DeviceCode({ view, onCancel }: { view: DeviceCodeView; onCancel: () => void }) {
  // Its own advice when the clipboard refuses: it is a code to select, not a text.
  const { state: copied, copy } = useCopy(view.userCode);
  const minutes = Math.max(1, Math.round(view.expiresInSecs / 60));

  return (
    <div className="device-code-step">
      <p>
        On this or any other device, open{" "}
        {/* Text first: on another device the address is typed, and the web view may not open it. */}
        <ExternalLink
          href={view.verificationUri}
          className="device-code-link"
          testId="device-code-link"
        >
          {view.verificationUri}
        </ExternalLink>{" "}
        and enter this code:
      </p>
      <div className="device-code-row">
        <span className="device-code" data-testid="device-code">
          {view.userCode}
        </span>
        <button
          type="button"
          className="button"
          data-testid="device-code-copy"
          onClick={() => void copy()}
        >
          {copied === "copied" ? "Copied" : "Copy code"}
        </button>
      </div>
      {copied === "failed" && (
        <p className="muted">Couldn’t copy: select the code and copy it yourself.</p>
      )}
      <p className="muted">The code works for about {minutes} minutes.</p>
      <Waiting onCancel={onCancel} />
    </div>
  );
}

function BrowserWait({ view, onCancel }: { view: BrowserSignInView; onCancel: () => void }) {
  const id = useId();
  return (
    <div className="device-code-step">
      <p className="sign-in-step-title">Finish signing in in your browser</p>
      <label htmlFor={id} className="muted">
        If the browser didn’t open, copy this address into it:
      </label>
      <input
        id={id}
        className="input input-mono"
        data-testid="browser-sign-in-url"
        readOnly
        value={view.authorizeUrl}
        onFocus={(event) => event.currentTarget.select()}
      />
      <Waiting onCancel={onCancel} />
    </div>
  );
}
