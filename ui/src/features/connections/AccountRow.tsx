import { useCallback, useId, useState } from "react";
import type { AccountView, KeyChoice } from "../../bindings";
import { MyAccessPanel } from "../access/MyAccessPanel";
import { OpenMyAccessContext } from "../access/openMyAccess";
import { ActionError } from "./ActionError";
import { useDeleteKey, useGetKeysFromAzure, useRotateKey } from "./connectionQueries";
import { savedKeyText } from "./format";
import { useReturnFocus } from "../../lib/useReturnFocus";

type AccountRowProps = { profileId: string; account: AccountView };

/**
 * One AI account: where it is, the key saved for it, and the key actions, each failing in place;
 * a refusal offers "What can I do here?", which opens in the row.
 */
export function AccountRow({ profileId, account }: AccountRowProps) {
  const coordinates = {
    subscriptionId: account.subscriptionId,
    resourceGroup: account.resourceGroup,
    name: account.name,
  };
  const getKeys = useGetKeysFromAzure(profileId, coordinates);
  const rotate = useRotateKey(profileId, coordinates);
  const deleteKey = useDeleteKey();
  const [confirmingRotate, setConfirmingRotate] = useState(false);
  const [which, setWhich] = useState<KeyChoice>("key1");
  const rotateId = useId();
  const [myAccessSignal, setMyAccessSignal] = useState(0);
  const myAccessOpener = useReturnFocus();
  const rememberOpener = myAccessOpener.remember;
  const openMyAccess = useCallback(() => {
    rememberOpener();
    setMyAccessSignal((signal) => signal + 1);
  }, [rememberOpener]);

  // One outcome at a time: an old failure next to a newer success would mislead.
  function clearOutcomes() {
    getKeys.reset();
    rotate.reset();
    deleteKey.reset();
  }

  const keysOff = account.keyAuthDisabled;
  const busy = getKeys.isPending || rotate.isPending || deleteKey.isPending;
  const facts = [account.kind, account.location].filter((fact) => fact !== null).join(" · ");

  return (
    <li className="account-row" data-testid="account-row" data-account-name={account.name}>
      <div className="account-row-head">
        <span className="account-name">{account.name}</span>
        {facts !== "" && <span className="muted">{facts}</span>}
      </div>
      <p className="path">{account.endpoint ?? "No endpoint"}</p>
      <p className="muted">Resource group {account.resourceGroup}</p>
      <p className="account-key" data-testid="account-key">
        {savedKeyText(account.key)}
      </p>
      {keysOff && (
        <p className="muted" data-testid="key-auth-disabled">
          Key access is turned off on this resource: use sign-in.
        </p>
      )}
      <div className="button-row">
        <button
          type="button"
          className="button"
          data-testid="get-keys"
          disabled={keysOff || busy}
          onClick={() => {
            clearOutcomes();
            getKeys.mutate();
          }}
        >
          {getKeys.isPending ? "Getting key…" : "Get key from Azure"}
        </button>
        <button
          type="button"
          className="button"
          data-testid="rotate-key"
          disabled={keysOff || busy}
          aria-expanded={confirmingRotate}
          onClick={() => setConfirmingRotate(true)}
        >
          Rotate key…
        </button>
        {account.key !== null && (
          <button
            type="button"
            className="button"
            data-testid="delete-key"
            disabled={busy}
            onClick={() => {
              clearOutcomes();
              if (account.key) deleteKey.mutate(account.key.endpoint);
            }}
          >
            {deleteKey.isPending ? "Deleting…" : "Delete saved key"}
          </button>
        )}
      </div>
      {confirmingRotate && (
        <div className="confirm" data-testid="rotate-confirmation">
          <p>
            Azure makes a new key and Foundry Desk saves it. The old key stops working at once;
            apps using it must get the new one.
          </p>
          <div className="inline-form">
            <label htmlFor={rotateId}>Key to rotate</label>
            <select
              id={rotateId}
              className="select"
              data-testid="rotate-which"
              value={which}
              onChange={(event) => setWhich(event.target.value === "key2" ? "key2" : "key1")}
            >
              <option value="key1">key1</option>
              <option value="key2">key2</option>
            </select>
            <button
              type="button"
              className="button button-danger"
              data-testid="rotate-confirm"
              disabled={rotate.isPending}
              onClick={() => {
                clearOutcomes();
                rotate.mutate(which, { onSuccess: () => setConfirmingRotate(false) });
              }}
            >
              {rotate.isPending ? "Rotating…" : `Rotate ${which}`}
            </button>
            <button
              type="button"
              className="button"
              disabled={rotate.isPending}
              onClick={() => setConfirmingRotate(false)}
            >
              Cancel
            </button>
          </div>
        </div>
      )}
      <OpenMyAccessContext value={openMyAccess}>
        {getKeys.isError && <ActionError title="Couldn’t get the key." error={getKeys.error} />}
        {rotate.isError && <ActionError title="Couldn’t rotate the key." error={rotate.error} />}
        {deleteKey.isError && (
          <ActionError title="Couldn’t delete the saved key." error={deleteKey.error} />
        )}
      </OpenMyAccessContext>
      {myAccessSignal > 0 && (
        <MyAccessPanel
          profileId={profileId}
          account={coordinates}
          focusSignal={myAccessSignal}
          onClose={() => {
            setMyAccessSignal(0);
            myAccessOpener.restore();
          }}
        />
      )}
    </li>
  );
}
