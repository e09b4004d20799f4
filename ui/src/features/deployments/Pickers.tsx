import { useId } from "react";
import type { ProfileView, SubscriptionView } from "../../bindings";

type ProfilePickerProps = {
  profiles: ProfileView[];
  value: string;
  onChange: (profileId: string) => void;
};

export function ProfilePicker({ profiles, value, onChange }: ProfilePickerProps) {
  const id = useId();
  return (
    <div className="deployments-picker">
      <label htmlFor={id}>Profile</label>
      <select
        id={id}
        className="select"
        data-testid="deployments-profile"
        value={value}
        onChange={(event) => onChange(event.target.value)}
      >
        {profiles.map((view) => (
          <option key={view.profile.id} value={view.profile.id}>
            {view.profile.name}
          </option>
        ))}
      </select>
    </div>
  );
}

export function subscriptionLabel(subscription: SubscriptionView): string {
  const name = subscription.displayName ?? subscription.subscriptionId;
  return `${name} (${subscription.subscriptionId})`;
}

type SubscriptionPickerProps = {
  /** Undefined while they load. */
  subscriptions: SubscriptionView[] | undefined;
  value: string | null;
  onChange: (subscriptionId: string) => void;
};

export function SubscriptionPicker({ subscriptions, value, onChange }: SubscriptionPickerProps) {
  const id = useId();
  const list = subscriptions ?? [];
  return (
    <div className="deployments-picker">
      <label htmlFor={id}>Subscription</label>
      <select
        id={id}
        className="select"
        data-testid="deployments-subscription"
        value={value ?? ""}
        disabled={list.length === 0}
        onChange={(event) => onChange(event.target.value)}
      >
        {list.length === 0 && (
          <option value="">{subscriptions === undefined ? "Loading…" : "None"}</option>
        )}
        {list.map((item) => (
          <option key={item.subscriptionId} value={item.subscriptionId}>
            {subscriptionLabel(item)}
          </option>
        ))}
      </select>
    </div>
  );
}
