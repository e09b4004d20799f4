import type { AccountView } from "../../bindings";
import { noValue } from "./format";

/** What matters about the selected resource before touching its deployments. */
export function ResourceFacts({ account }: { account: AccountView }) {
  return (
    <div className="resource-facts" data-testid="resource-facts">
      <div className="resource-facts-head">
        <h2 className="resource-facts-name">{account.name}</h2>
        {account.keyAuthDisabled && (
          <span className="deployments-badge tone-neutral" data-testid="key-access-off">
            Key access off
          </span>
        )}
      </div>
      <dl className="resource-facts-list">
        <div>
          <dt>Region</dt>
          <dd>{account.location ?? noValue}</dd>
        </div>
        <div>
          <dt>Endpoint</dt>
          <dd className="path">{account.endpoint ?? noValue}</dd>
        </div>
        <div>
          <dt>Resource group</dt>
          <dd>{account.resourceGroup}</dd>
        </div>
      </dl>
    </div>
  );
}
