import type { AccountView } from "../../bindings";
import { noValue } from "./format";

/** What matters about the selected resource before touching its deployments. */
export function ResourceFacts({ account }: { account: AccountView }) {
  // The main endpoint first; an AI Services resource also serves speech, vision, … at others.
  const others = account.endpoints.filter((endpoint) => endpoint.url !== account.endpoint);
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
          <dt>{others.length > 0 ? "Endpoints" : "Endpoint"}</dt>
          <dd className="path" data-testid="resource-endpoint">
            {account.endpoint ?? noValue}
          </dd>
          {others.map((endpoint) => (
            <dd key={endpoint.name} className="path resource-endpoint-more" title={endpoint.name}>
              <span className="resource-endpoint-name">{endpoint.name}</span> {endpoint.url}
            </dd>
          ))}
        </div>
        <div>
          <dt>Resource group</dt>
          <dd>{account.resourceGroup}</dd>
        </div>
      </dl>
    </div>
  );
}
