import { useId, useState, type FormEvent } from "react";
import type { ApiStyleChoice, ProfileView } from "../../bindings";
import { SecretInput } from "../../components/SecretInput";
import { useEntraSignInFor } from "../access/accessQueries";
import { ActionError } from "./ActionError";
import { useDeleteKey, useProfiles, useSaveKey } from "./connectionQueries";
import { savedKeyText } from "./format";

function apiStyleText(api: ApiStyleChoice): string {
  return api.style === "v1" ? "v1 (/openai/v1)" : `Classic, api-version ${api.apiVersion}`;
}

/** An endpoint + key profile: where it points, and the key saved for it. */
export function EndpointKeyPanel({ view }: { view: ProfileView }) {
  const id = useId();
  const connection = view.profile.connection;
  const save = useSaveKey();
  const deleteKey = useDeleteKey();
  const [pasted, setPasted] = useState("");

  if (connection.kind !== "endpointKey") {
    return null;
  }
  const endpoint = connection.endpoint;

  async function saveKey(event: FormEvent) {
    event.preventDefault();
    const key = pasted.trim();
    if (key === "") {
      return;
    }
    deleteKey.reset();
    await save.save(endpoint, key);
    // The keychain has it (or the save failed and it must be pasted again): either way the web
    // view must not keep the secret around.
    setPasted("");
  }

  return (
    <section className="panel" aria-labelledby={`${id}-title`} data-testid="endpoint-panel">
      <h3 id={`${id}-title`} className="panel-title">
        Endpoint
      </h3>
      <dl className="details">
        <div>
          <dt>Endpoint</dt>
          <dd className="path" data-testid="endpoint-url">
            {endpoint}
          </dd>
        </div>
        <div>
          <dt>API style</dt>
          <dd>{apiStyleText(connection.api)}</dd>
        </div>
        <div>
          <dt>Deployments</dt>
          <dd>{connection.deployments.length === 0 ? "None listed" : connection.deployments.join(", ")}</dd>
        </div>
        <div>
          <dt>Key</dt>
          <dd data-testid="endpoint-key">{savedKeyText(view.key)}</dd>
        </div>
        {connection.signInWith !== null && (
          <SignInWith profileId={view.profile.id} through={connection.signInWith} />
        )}
      </dl>
      <form className="inline-form" onSubmit={(event) => void saveKey(event)}>
        <label htmlFor={`${id}-key`}>{view.key === null ? "Paste the key" : "Replace the key"}</label>
        <SecretInput
          id={`${id}-key`}
          className="input input-mono"
          data-testid="paste-key"
          value={pasted}
          onValueChange={setPasted}
        />
        <button
          type="submit"
          className="button"
          data-testid="save-key"
          disabled={save.isPending || pasted.trim() === ""}
        >
          {save.isPending ? "Saving…" : "Save key"}
        </button>
        {view.key !== null && (
          <button
            type="button"
            className="button"
            data-testid="delete-key"
            disabled={deleteKey.isPending || save.isPending}
            onClick={() => {
              save.reset();
              deleteKey.mutate(view.key?.endpoint ?? endpoint);
            }}
          >
            {deleteKey.isPending ? "Deleting…" : "Delete saved key"}
          </button>
        )}
      </form>
      {save.saved !== null && (
        <p role="status" className="muted" data-testid="key-saved-status">
          Key saved ({save.saved.masked}).
        </p>
      )}
      {deleteKey.isSuccess && (
        <p role="status" className="muted">
          {deleteKey.data ? "Saved key deleted." : "There was no saved key to delete."}
        </p>
      )}
      {save.error !== null && <ActionError title="Couldn’t save the key." error={save.error} />}
      {deleteKey.isError && (
        <ActionError title="Couldn’t delete the saved key." error={deleteKey.error} />
      )}
    </section>
  );
}

/**
 * The endpoint refuses keys, so the profile reaches it with another profile's Entra sign-in:
 * which one, and the way back to the key.
 */
function SignInWith({ profileId, through }: { profileId: string; through: string }) {
  const profiles = useProfiles();
  const useKey = useEntraSignInFor();
  const name = profiles.data?.find((item) => item.profile.id === through)?.profile.name ?? through;
  return (
    <div>
      <dt>Signs in</dt>
      <dd data-testid="endpoint-sign-in-with">
        Through {name}’s Entra sign-in, instead of the key
        <span className="button-row detail-signin-actions">
          <button
            type="button"
            className="button"
            data-testid="use-key-again"
            disabled={useKey.isPending}
            onClick={() => useKey.mutate({ profileId, signInProfileId: null })}
          >
            {useKey.isPending ? "Switching…" : "Use the key again"}
          </button>
        </span>
        {useKey.isError && <ActionError title="Couldn’t switch back to the key." error={useKey.error} />}
      </dd>
    </div>
  );
}
