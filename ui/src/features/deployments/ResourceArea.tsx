import { useState } from "react";
import { useAccounts } from "../connections/connectionQueries";
import { accountKey } from "./coordinates";
import { DeploymentsError } from "./DeploymentsError";
import { DeploymentsPanel } from "./DeploymentsPanel";
import { ResourceBrowser } from "./ResourceBrowser";

type ResourceAreaProps = { profileId: string; subscriptionId: string };

/** The subscription's AI resources on the left, the selected one's deployments on the right. */
export function ResourceArea({ profileId, subscriptionId }: ResourceAreaProps) {
  const accounts = useAccounts(profileId, subscriptionId);
  const [pickedKey, setPickedKey] = useState<string | null>(null);
  const list = accounts.data ?? [];
  const selected = list.find((account) => accountKey(account) === pickedKey) ?? list[0] ?? null;

  return (
    <div className="deployments-layout">
      <nav className="deployments-resources" aria-label="AI resources">
        <h2 className="panel-title">Resources</h2>
        {accounts.isPending && (
          <p role="status" className="muted">
            Loading resources…
          </p>
        )}
        {accounts.isError && (
          <DeploymentsError
            title="Couldn’t list the resources in this subscription."
            error={accounts.error}
            onRetry={() => void accounts.refetch()}
          />
        )}
        {accounts.isSuccess && list.length === 0 && (
          <p className="muted" data-testid="no-resources">
            No Azure OpenAI or AI Services resources in this subscription that you can see.
          </p>
        )}
        {list.length > 0 && (
          <ResourceBrowser
            accounts={list}
            selectedKey={selected === null ? null : accountKey(selected)}
            onSelect={setPickedKey}
          />
        )}
      </nav>
      <div className="deployments-main">
        {selected !== null && (
          <DeploymentsPanel key={accountKey(selected)} profileId={profileId} account={selected} />
        )}
      </div>
    </div>
  );
}
