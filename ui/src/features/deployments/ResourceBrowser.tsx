import { useMemo } from "react";
import type { AccountView } from "../../bindings";
import { accountKey } from "./coordinates";

type ResourceBrowserProps = {
  accounts: AccountView[];
  selectedKey: string | null;
  onSelect: (key: string) => void;
};

type Group = { resourceGroup: string; accounts: AccountView[] };

/** Groups in the order Azure lists them, so the first resource shown is the first listed. */
function byResourceGroup(accounts: AccountView[]): Group[] {
  const groups = new Map<string, AccountView[]>();
  for (const account of accounts) {
    const group = groups.get(account.resourceGroup);
    if (group) group.push(account);
    else groups.set(account.resourceGroup, [account]);
  }
  return [...groups].map(([resourceGroup, members]) => ({ resourceGroup, accounts: members }));
}

/** The subscription's AI resources under their resource group headings. */
export function ResourceBrowser({ accounts, selectedKey, onSelect }: ResourceBrowserProps) {
  const groups = useMemo(() => byResourceGroup(accounts), [accounts]);
  return (
    <div className="resource-groups">
      {groups.map((group) => (
        <section
          key={group.resourceGroup}
          className="resource-group"
          aria-label={group.resourceGroup}
        >
          <h3 className="resource-group-title" data-testid="resource-group">
            {group.resourceGroup}
          </h3>
          <ul className="resource-list">
            {group.accounts.map((account) => {
              const key = accountKey(account);
              const facts = [account.kind, account.location].filter((fact) => fact !== null);
              return (
                <li key={key}>
                  <button
                    type="button"
                    className="resource-row"
                    data-testid="resource-row"
                    data-account-name={account.name}
                    aria-current={key === selectedKey ? "true" : undefined}
                    onClick={() => onSelect(key)}
                  >
                    <span className="resource-row-name">{account.name}</span>
                    {facts.length > 0 && (
                      <span className="resource-row-meta">{facts.join(" · ")}</span>
                    )}
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
