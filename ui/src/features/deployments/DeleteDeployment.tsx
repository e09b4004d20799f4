import { useId, useState } from "react";
import type { AccountCoordinates } from "../../bindings";
import { useDeleteDeployment } from "./deploymentQueries";
import { DeploymentsError } from "./DeploymentsError";

type DeleteDeploymentProps = {
  profileId: string;
  account: AccountCoordinates;
  name: string;
  onDeleted: (name: string) => void;
  onCancel: () => void;
};

/** Asks for the deployment's name before deleting it: apps calling it stop working at once. */
export function DeleteDeployment({
  profileId,
  account,
  name,
  onDeleted,
  onCancel,
}: DeleteDeploymentProps) {
  const id = useId();
  const [typed, setTyped] = useState("");
  const remove = useDeleteDeployment(profileId, account);
  const matches = typed === name;

  async function confirm() {
    try {
      // mutateAsync: closing the confirmation unmounts this before mutate's callbacks would run.
      await remove.mutateAsync({ name, typedName: typed });
      onDeleted(name);
    } catch {
      // Shown below from the mutation's state.
    }
  }

  return (
    <div
      className="deployments-confirm"
      data-testid="delete-confirmation"
      role="group"
      aria-label={`Delete ${name}`}
    >
      <p>
        Delete <strong>{name}</strong> from {account.name}? Apps that call it stop working at once,
        and its quota is freed. This cannot be undone.
      </p>
      <form
        className="deployments-confirm-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (matches && !remove.isPending) void confirm();
        }}
      >
        <label htmlFor={id}>
          Type <strong className="deployments-mono">{name}</strong> to confirm
        </label>
        <input
          id={id}
          className="input input-mono"
          data-testid="delete-confirm-name"
          value={typed}
          autoComplete="off"
          spellCheck={false}
          autoFocus
          disabled={remove.isPending}
          onChange={(event) => setTyped(event.target.value)}
        />
        <button
          type="submit"
          className="button deployments-danger"
          data-testid="delete-confirm"
          disabled={!matches || remove.isPending}
        >
          {remove.isPending ? "Deleting…" : "Delete deployment"}
        </button>
        <button type="button" className="button" disabled={remove.isPending} onClick={onCancel}>
          Keep it
        </button>
      </form>
      {remove.isError && (
        <DeploymentsError title={`Couldn’t delete ${name}.`} error={remove.error} />
      )}
    </div>
  );
}
