import { useId, useState } from "react";
import type { SubscriptionView } from "../../bindings";
import { ErrorNotice } from "../../components/ErrorNotice";
import { AccountRow } from "./AccountRow";
import { useAccounts, useSubscriptions } from "./connectionQueries";

function subscriptionLabel(subscription: SubscriptionView): string {
  const name = subscription.displayName ?? subscription.subscriptionId;
  return `${name} (${subscription.subscriptionId})`;
}

/** The profile's subscriptions, and the AI accounts of the one picked. */
export function AccountsPanel({ profileId }: { profileId: string }) {
  const id = useId();
  const subscriptions = useSubscriptions(profileId);
  const [picked, setPicked] = useState<string | null>(null);
  const list = subscriptions.data ?? [];
  const selected = list.find((item) => item.subscriptionId === picked) ?? list[0];

  return (
    <section className="panel" aria-labelledby={`${id}-title`} data-testid="accounts-panel">
      <h3 id={`${id}-title`} className="panel-title">
        Subscriptions and accounts
      </h3>
      {subscriptions.isPending && (
        <p role="status" className="muted">
          Loading subscriptions…
        </p>
      )}
      {subscriptions.isError && (
        <ErrorNotice
          title="Couldn’t list the subscriptions."
          error={subscriptions.error}
          onRetry={() => void subscriptions.refetch()}
        />
      )}
      {subscriptions.isSuccess && list.length === 0 && (
        <p className="muted" data-testid="no-subscriptions">
          No subscriptions in this tenant: pick another tenant or ask for access.
        </p>
      )}
      {selected && (
        <>
          <div className="inline-form">
            <label htmlFor={id}>Subscription</label>
            <select
              id={id}
              className="select"
              data-testid="subscription-select"
              value={selected.subscriptionId}
              onChange={(event) => setPicked(event.target.value)}
            >
              {list.map((item) => (
                <option key={item.subscriptionId} value={item.subscriptionId}>
                  {subscriptionLabel(item)}
                </option>
              ))}
            </select>
          </div>
          <AccountList
            key={selected.subscriptionId}
            profileId={profileId}
            subscriptionId={selected.subscriptionId}
          />
        </>
      )}
    </section>
  );
}

function AccountList({ profileId, subscriptionId }: { profileId: string; subscriptionId: string }) {
  const accounts = useAccounts(profileId, subscriptionId);

  if (accounts.isPending) {
    return (
      <p role="status" className="muted">
        Loading accounts…
      </p>
    );
  }
  if (accounts.isError) {
    return (
      <ErrorNotice
        title="Couldn’t list the accounts in this subscription."
        error={accounts.error}
        onRetry={() => void accounts.refetch()}
      />
    );
  }
  if (accounts.data.length === 0) {
    return (
      <p className="muted">
        No Azure OpenAI or AI Services accounts in this subscription that you can see.
      </p>
    );
  }
  return (
    <ul className="account-list" aria-label="Accounts">
      {accounts.data.map((account) => (
        <AccountRow
          key={`${account.resourceGroup}/${account.name}`}
          profileId={profileId}
          account={account}
        />
      ))}
    </ul>
  );
}
