import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { ActionError } from "./ActionError";
import { useRenameProfile } from "./connectionQueries";

type RenameProfileProps = { profileId: string; name: string; onDone: () => void };

/** The inline rename field: Enter saves, Escape leaves the name as it was. */
export function RenameProfile({ profileId, name, onDone }: RenameProfileProps) {
  const id = useId();
  const rename = useRenameProfile(profileId);
  const [draft, setDraft] = useState(name);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    input.current?.select();
  }, []);

  function save(event: FormEvent) {
    event.preventDefault();
    const next = draft.trim();
    if (next === name) {
      onDone();
      return;
    }
    rename.mutate(next, { onSuccess: onDone });
  }

  return (
    <form className="rename-form" onSubmit={save}>
      <label htmlFor={id} className="visually-hidden">
        New name
      </label>
      <div className="inline-form">
        <input
          id={id}
          ref={input}
          className="input"
          data-testid="rename-input"
          value={draft}
          aria-invalid={rename.isError}
          disabled={rename.isPending}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Escape") {
              event.preventDefault();
              onDone();
            }
          }}
        />
        <button
          type="submit"
          className="button button-primary"
          data-testid="rename-save"
          disabled={rename.isPending}
        >
          {rename.isPending ? "Saving…" : "Save"}
        </button>
        <button type="button" className="button" onClick={onDone} disabled={rename.isPending}>
          Cancel
        </button>
      </div>
      {rename.isError && <ActionError title="Couldn’t rename the profile." error={rename.error} />}
    </form>
  );
}
