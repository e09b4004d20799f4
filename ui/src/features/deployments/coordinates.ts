import type { AccountCoordinates, AccountView } from "../../bindings";

export function coordinatesOf(account: AccountView): AccountCoordinates {
  return {
    subscriptionId: account.subscriptionId,
    resourceGroup: account.resourceGroup,
    name: account.name,
  };
}

/** Names an account uniquely within a subscription. */
export function accountKey(account: Pick<AccountView, "resourceGroup" | "name">): string {
  return `${account.resourceGroup}/${account.name}`;
}
