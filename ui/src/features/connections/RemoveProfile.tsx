import type { Removed } from "../../bindings";
import { ActionError } from "./ActionError";
import { useRemoveProfile } from "./connectionQueries";

type RemoveProfileProps = {
  profileId: string;
  name: string;
  onRemoved: (removed: Removed) => void;
  onCancel: () => void;
};

/** Asks before removing: the keychain entries go with the profile and cannot be brought back. */
export function RemoveProfile({ profileId, name, onRemoved, onCancel }: RemoveProfileProps) {
  const remove = useRemoveProfile(profileId);

  async function confirm() {
    try {
      // mutateAsync, not mutate's callbacks: removing it unmounts this pane before they'd run.
      onRemoved(await remove.mutateAsync());
    } catch {
      // Shown below from the mutation's state.
    }
  }

  return (
    <div className="confirm" role="group" aria-label={`Remove ${name}`}>
      <p>
        Remove <strong>{name}</strong>? Its keychain entries — the sign-in and any keys it saved —
        are removed too. Azure itself is not changed.
      </p>
      <div className="button-row">
        <button
          type="button"
          className="button button-danger"
          data-testid="remove-confirm"
          disabled={remove.isPending}
          onClick={() => void confirm()}
        >
          {remove.isPending ? "Removing…" : "Remove profile"}
        </button>
        <button type="button" className="button" disabled={remove.isPending} onClick={onCancel}>
          Keep it
        </button>
      </div>
      {remove.isError && <ActionError title="Couldn’t remove the profile." error={remove.error} />}
    </div>
  );
}
