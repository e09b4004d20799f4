import { useState } from "react";
import type { ProfileView } from "../../bindings";
import { Screen } from "../../components/Screen";
import "../../styles/forms.css";
import "../../styles/deployments.css";
import { useArmProfiles } from "./deploymentQueries";
import { DeploymentsError } from "./DeploymentsError";
import { NoArmProfile } from "./NoArmProfile";
import { ProfileWorkspace } from "./ProfileWorkspace";

function isSandbox(view: ProfileView): boolean {
  return view.profile.connection.kind === "sandbox";
}

export function DeploymentsScreen() {
  const { profiles, armProfiles } = useArmProfiles();
  const [pickedId, setPickedId] = useState<string | null>(null);
  // The one picked; else the Sandbox, else the first; again when the picked one signs out.
  const selected =
    armProfiles.find((view) => view.profile.id === pickedId) ??
    armProfiles.find(isSandbox) ??
    armProfiles[0] ??
    null;

  return (
    <Screen id="deployments" title="Deployments">
      {profiles.isPending && (
        <p role="status" className="muted">
          Loading profiles…
        </p>
      )}
      {profiles.isError && (
        <DeploymentsError
          title="Couldn’t load your profiles."
          error={profiles.error}
          onRetry={() => void profiles.refetch()}
        />
      )}
      {profiles.isSuccess && selected === null && <NoArmProfile />}
      {selected !== null && (
        <ProfileWorkspace
          key={selected.profile.id}
          profiles={armProfiles}
          profileId={selected.profile.id}
          onPickProfile={setPickedId}
        />
      )}
    </Screen>
  );
}
