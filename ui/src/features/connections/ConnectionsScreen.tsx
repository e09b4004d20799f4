import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { ProfileView, Removed } from "../../bindings";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Screen } from "../../components/Screen";
import "../../styles/connections.css";
import { AddProfileForm } from "./add/AddProfileForm";
import { rememberProfile, useProfiles } from "./connectionQueries";
import { KeychainBanner } from "./KeychainBanner";
import { ProfileDetail } from "./ProfileDetail";
import { ProfileList } from "./ProfileList";

function removedText(removed: Removed): string {
  const entries = removed.secretsRemoved === 1 ? "keychain entry" : "keychain entries";
  return `Removed ${removed.name} and ${removed.secretsRemoved} ${entries}.`;
}

export function ConnectionsScreen() {
  const queryClient = useQueryClient();
  const profiles = useProfiles();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [removed, setRemoved] = useState<Removed | null>(null);

  const list = profiles.data ?? [];
  // The first profile until the person picks one, and again when the picked one is gone.
  const selected = list.find((view) => view.profile.id === selectedId) ?? list[0] ?? null;

  function select(profileId: string) {
    setSelectedId(profileId);
    setAdding(false);
    setRemoved(null);
  }

  function added(view: ProfileView) {
    rememberProfile(queryClient, view);
    select(view.profile.id);
  }

  function afterRemove(profileId: string, what: Removed) {
    // The neighbour below, or above when it was last: where the eye already is.
    const index = list.findIndex((view) => view.profile.id === profileId);
    const neighbour = list[index + 1] ?? list[index - 1] ?? null;
    setSelectedId(neighbour?.profile.id ?? null);
    setRemoved(what);
  }

  return (
    <Screen id="connections" title="Connections">
      <KeychainBanner />
      {removed !== null && (
        <p className="connections-status" role="status" data-testid="remove-status">
          {removedText(removed)}
        </p>
      )}
      <div className="connections">
        <div className="connections-list-pane">
          <div className="pane-header">
            <h2 className="panel-title">Profiles</h2>
            <button
              type="button"
              className="button"
              data-testid="add-profile"
              aria-pressed={adding}
              onClick={() => {
                setAdding(true);
                setRemoved(null);
              }}
            >
              Add profile
            </button>
          </div>
          {profiles.isPending && (
            <p role="status" className="muted">
              Loading profiles…
            </p>
          )}
          {profiles.isError && (
            <ErrorNotice
              title="Couldn’t load your profiles."
              error={profiles.error}
              onRetry={() => void profiles.refetch()}
            />
          )}
          {profiles.isSuccess && list.length === 0 && (
            <p className="muted" data-testid="no-profiles">
              No profiles yet. Add one to connect to Azure OpenAI.
            </p>
          )}
          {list.length > 0 && (
            <ProfileList
              profiles={list}
              selectedId={adding ? null : (selected?.profile.id ?? null)}
              onSelect={select}
            />
          )}
        </div>
        <div className="connections-detail-pane">
          {adding ? (
            <AddProfileForm onAdded={added} onCancel={() => setAdding(false)} />
          ) : (
            selected !== null && (
              <ProfileDetail
                key={selected.profile.id}
                view={selected}
                onRemoved={(what) => afterRemove(selected.profile.id, what)}
              />
            )
          )}
        </div>
      </div>
    </Screen>
  );
}
