import { useState } from "react";
import type { ProfileView } from "../../bindings";
import { useSubscriptions } from "../connections/connectionQueries";
import { DeploymentsError } from "./DeploymentsError";
import { ProfilePicker, SubscriptionPicker } from "./Pickers";
import { ResourceArea } from "./ResourceArea";

type ProfileWorkspaceProps = {
  profiles: ProfileView[];
  profileId: string;
  onPickProfile: (profileId: string) => void;
};

/** The pickers row, and the resources of the subscription picked in it. */
export function ProfileWorkspace({ profiles, profileId, onPickProfile }: ProfileWorkspaceProps) {
  const subscriptions = useSubscriptions(profileId);
  const [pickedId, setPickedId] = useState<string | null>(null);
  const list = subscriptions.data ?? [];
  const selected = list.find((item) => item.subscriptionId === pickedId) ?? list[0] ?? null;

  return (
    <>
      <div className="deployments-pickers">
        <ProfilePicker profiles={profiles} value={profileId} onChange={onPickProfile} />
        <SubscriptionPicker
          subscriptions={subscriptions.data}
          value={selected?.subscriptionId ?? null}
          onChange={setPickedId}
        />
      </div>
      {subscriptions.isPending && (
        <p role="status" className="muted">
          Loading subscriptions…
        </p>
      )}
      {subscriptions.isError && (
        <DeploymentsError
          title="Couldn’t list the subscriptions."
          error={subscriptions.error}
          onRetry={() => void subscriptions.refetch()}
        />
      )}
      {subscriptions.isSuccess && list.length === 0 && (
        <p className="muted" data-testid="no-subscriptions">
          This profile sees no subscriptions: pick another tenant on the Connections screen, or ask
          for access.
        </p>
      )}
      {selected !== null && (
        <ResourceArea
          key={selected.subscriptionId}
          profileId={profileId}
          subscriptionId={selected.subscriptionId}
        />
      )}
    </>
  );
}
