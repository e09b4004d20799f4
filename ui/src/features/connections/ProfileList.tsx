import { useRef, type KeyboardEvent } from "react";
import type { ProfileView } from "../../bindings";
import { kindLabel } from "./format";

type ProfileListProps = {
  profiles: ProfileView[];
  selectedId: string | null;
  onSelect: (profileId: string) => void;
};

/** The profiles as buttons; Up and Down move through them as in a list box. */
export function ProfileList({ profiles, selectedId, onSelect }: ProfileListProps) {
  const buttons = useRef(new Map<string, HTMLButtonElement>());

  function move(event: KeyboardEvent<HTMLUListElement>) {
    const step = event.key === "ArrowDown" ? 1 : event.key === "ArrowUp" ? -1 : 0;
    if (step === 0) {
      return;
    }
    const index = profiles.findIndex((item) => item.profile.id === selectedId);
    const next = profiles[Math.min(Math.max(index + step, 0), profiles.length - 1)];
    if (next) {
      event.preventDefault();
      onSelect(next.profile.id);
      buttons.current.get(next.profile.id)?.focus();
    }
  }

  return (
    <ul className="profile-list" aria-label="Profiles" onKeyDown={move}>
      {profiles.map((view) => {
        const { id, name, connection } = view.profile;
        const selected = id === selectedId;
        return (
          <li key={id}>
            <button
              type="button"
              ref={(element) => {
                if (element) buttons.current.set(id, element);
                else buttons.current.delete(id);
              }}
              className="profile-row"
              data-testid="profile-row"
              data-profile-name={name}
              aria-current={selected ? "true" : undefined}
              onClick={() => onSelect(id)}
            >
              <span className="profile-row-name">{name}</span>
              <span className="profile-row-meta">
                <span className="profile-row-kind">{kindLabel(connection)}</span>
                {view.simulated && (
                  <span className="badge" data-testid="simulated-badge">
                    Simulated
                  </span>
                )}
                {view.signIn === "expired" && (
                  <span className="badge badge-warning">Sign in again</span>
                )}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
