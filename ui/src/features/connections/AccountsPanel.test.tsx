import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { AccountView } from "../../bindings";
import {
  accountProfile,
  sampleAccount,
  sampleSavedKey,
  sampleSubscriptions,
  sampleTenants,
  sandboxProfile,
} from "../../test/fixtures";
import { commandError, never } from "../../test/mockCommands";
import { argOf, callsTo, detailOf, renderConnections } from "./testSupport";

const fabrikam = "22222222-2222-2222-2222-222222222222";
const azureKey = sampleSavedKey({
  masked: "•••• 9c1e",
  origin: { kind: "azure", profileId: "acct-1", keyName: "key1" },
});

function accountRow(name: string): HTMLElement {
  const row = screen
    .getAllByTestId("account-row")
    .find((element) => element.dataset.accountName === name);
  if (!row) {
    throw new Error(`no account row named ${name}`);
  }
  return row;
}

/** Accounts whose saved keys change as Rust would save them. */
function accountsOnFile(initial: AccountView[]) {
  let accounts = initial;
  return {
    list: () => accounts,
    saveKey: (name: string, key: AccountView["key"]) => {
      accounts = accounts.map((account) => (account.name === name ? { ...account, key } : account));
    },
  };
}

describe("tenant", () => {
  it("preselects the profile's tenant and switches to the one picked", async () => {
    let tenant = "11111111-1111-1111-1111-111111111111";
    const { user, calls } = renderConnections({
      list_profiles: () => [accountProfile({ tenant })],
      list_tenants: () => sampleTenants(),
      list_subscriptions: () => sampleSubscriptions(),
      list_accounts: () => [],
      choose_tenant: (args) => {
        tenant = String(argOf(args, "tenantId"));
        return accountProfile({ tenant });
      },
    });
    const detail = await detailOf("Contoso");

    const select = await within(detail).findByTestId("tenant-select");
    expect(select).toHaveDisplayValue("Contoso (contoso.onmicrosoft.com)");
    expect(within(detail).getByTestId("current-tenant")).toHaveTextContent(
      "Current tenant: Contoso (contoso.onmicrosoft.com)",
    );

    await user.selectOptions(select, "Fabrikam (fabrikam.onmicrosoft.com)");
    await user.click(within(detail).getByTestId("tenant-confirm"));

    await waitFor(() =>
      expect(within(detail).getByTestId("current-tenant")).toHaveTextContent(
        "Current tenant: Fabrikam (fabrikam.onmicrosoft.com)",
      ),
    );
    expect(within(detail).getByTestId("profile-tenant")).toHaveTextContent(fabrikam);
    expect(callsTo(calls, "choose_tenant")).toEqual([
      { cmd: "choose_tenant", args: { profileId: "acct-1", tenantId: fabrikam } },
    ]);
    // The new tenant's subscriptions, not the old one's.
    await waitFor(() => expect(callsTo(calls, "list_subscriptions")).toHaveLength(2));
  });

  it("asks for a tenant after the first sign-in", async () => {
    renderConnections({
      list_profiles: () => [accountProfile({ tenant: "organizations" })],
      list_tenants: () => sampleTenants(),
      list_subscriptions: never,
    });
    const detail = await detailOf("Contoso");

    expect(await within(detail).findByTestId("tenant-select")).toHaveDisplayValue(
      "Contoso (contoso.onmicrosoft.com)",
    );
    expect(within(detail).getByTestId("current-tenant")).toHaveTextContent(
      "No tenant chosen yet",
    );
  });
});

describe("subscriptions and accounts", () => {
  it("lists the first subscription's accounts and switches subscription", async () => {
    const { user, calls } = renderConnections({
      list_profiles: () => [sandboxProfile()],
      list_subscriptions: () => sampleSubscriptions(),
      list_accounts: (args) =>
        argOf(args, "subscriptionId") === "sub-prod-0001"
          ? [sampleAccount({ key: sampleSavedKey({ savedAtMs: 0 }) })]
          : [sampleAccount({ name: "dev-westeurope", subscriptionId: "sub-dev-0002" })],
    });
    const detail = await detailOf("Sandbox");

    const select = await within(detail).findByTestId("subscription-select");
    expect(select).toHaveDisplayValue("Production (sub-prod-0001)");
    const row = await within(detail).findByTestId("account-row");
    expect(row).toHaveAttribute("data-account-name", "contoso-eastus");
    expect(row).toHaveTextContent("OpenAI");
    expect(row).toHaveTextContent("eastus");
    expect(row).toHaveTextContent("https://contoso-eastus.openai.azure.com/");
    // A zero timestamp means Rust does not know when: no made-up 1970 date.
    expect(within(row).getByTestId("account-key")).toHaveTextContent(/^•••• 3f9a$/);

    await user.selectOptions(select, "Development (sub-dev-0002)");

    expect(await within(detail).findByText("dev-westeurope")).toBeVisible();
    expect(within(detail).getByTestId("account-key")).toHaveTextContent("No key saved");
    expect(callsTo(calls, "list_accounts").map((call) => call.args)).toEqual([
      { profileId: "sandbox", subscriptionId: "sub-prod-0001" },
      { profileId: "sandbox", subscriptionId: "sub-dev-0002" },
    ]);
  });

  it("says what to do when the tenant has no subscription", async () => {
    renderConnections({
      list_profiles: () => [accountProfile({ signIn: "azureCli", useAzureCli: true })],
      list_tenants: () => sampleTenants(),
      list_subscriptions: () => [],
    });
    const detail = await detailOf("Contoso");

    expect(await within(detail).findByTestId("no-subscriptions")).toHaveTextContent(
      "No subscriptions in this tenant: pick another tenant or ask for access",
    );
    expect(within(detail).getByTestId("profile-signin-state")).toHaveTextContent(
      "Using your Azure CLI login",
    );
    expect(within(detail).queryByTestId("subscription-select")).not.toBeInTheDocument();
  });

  it("gets a key from Azure and shows it masked on the row", async () => {
    const accounts = accountsOnFile([sampleAccount()]);
    const { user, calls } = renderConnections({
      list_profiles: () => [accountProfile()],
      list_tenants: () => sampleTenants(),
      list_subscriptions: () => sampleSubscriptions(),
      list_accounts: accounts.list,
      get_keys_from_azure: () => {
        accounts.saveKey("contoso-eastus", azureKey);
        return azureKey;
      },
    });
    const detail = await detailOf("Contoso");
    const row = await within(detail).findByTestId("account-row");
    expect(within(row).getByTestId("account-key")).toHaveTextContent("No key saved");
    expect(within(row).queryByTestId("delete-key")).not.toBeInTheDocument();

    await user.click(within(row).getByTestId("get-keys"));

    await waitFor(() =>
      expect(within(accountRow("contoso-eastus")).getByTestId("account-key")).toHaveTextContent(
        "•••• 9c1e",
      ),
    );
    expect(within(accountRow("contoso-eastus")).getByTestId("account-key")).toHaveTextContent(
      `saved ${new Date(azureKey.savedAtMs ?? 0).toLocaleString()}`,
    );
    expect(within(accountRow("contoso-eastus")).getByTestId("delete-key")).toBeVisible();
    expect(callsTo(calls, "get_keys_from_azure")).toEqual([
      {
        cmd: "get_keys_from_azure",
        args: {
          profileId: "acct-1",
          account: { subscriptionId: "sub-prod-0001", resourceGroup: "rg-ai", name: "contoso-eastus" },
        },
      },
    ]);
  });

  it("names the missing role when Azure refuses the key", async () => {
    const { user } = renderConnections({
      list_profiles: () => [accountProfile()],
      list_tenants: () => sampleTenants(),
      list_subscriptions: () => sampleSubscriptions(),
      list_accounts: () => [sampleAccount()],
      get_keys_from_azure: () => {
        throw commandError({
          kind: "forbidden",
          message: "You may not list the keys of contoso-eastus.",
          code: "AuthorizationFailed",
          requestId: "b6f0c1d2-req",
          missingRole: "Cognitive Services Contributor",
        });
      },
    });
    const detail = await detailOf("Contoso");
    const row = await within(detail).findByTestId("account-row");

    await user.click(within(row).getByTestId("get-keys"));

    const alert = await within(row).findByRole("alert");
    expect(alert).toHaveTextContent("You may not list the keys of contoso-eastus.");
    expect(alert).toHaveTextContent("AuthorizationFailed");
    expect(alert).toHaveTextContent("b6f0c1d2-req");
    expect(row).toHaveTextContent("Needs the role: Cognitive Services Contributor");
    expect(within(row).getByTestId("account-key")).toHaveTextContent("No key saved");
    expect(within(row).getByTestId("get-keys")).toBeEnabled();
  });

  it("rotates key2 only after a warning", async () => {
    const accounts = accountsOnFile([sampleAccount({ key: sampleSavedKey() })]);
    const rotated = sampleSavedKey({ masked: "•••• 77b0" });
    const { user, calls } = renderConnections({
      list_profiles: () => [accountProfile()],
      list_tenants: () => sampleTenants(),
      list_subscriptions: () => sampleSubscriptions(),
      list_accounts: accounts.list,
      rotate_key: () => {
        accounts.saveKey("contoso-eastus", rotated);
        return rotated;
      },
    });
    const detail = await detailOf("Contoso");
    const row = await within(detail).findByTestId("account-row");

    await user.click(within(row).getByTestId("rotate-key"));
    expect(row).toHaveTextContent("The old key stops working at once; apps using it must get the new one");
    expect(callsTo(calls, "rotate_key")).toEqual([]);
    await user.selectOptions(within(row).getByTestId("rotate-which"), "key2");
    await user.click(within(row).getByTestId("rotate-confirm"));

    await waitFor(() =>
      expect(within(accountRow("contoso-eastus")).getByTestId("account-key")).toHaveTextContent(
        "•••• 77b0",
      ),
    );
    expect(within(accountRow("contoso-eastus")).queryByTestId("rotate-confirm")).not.toBeInTheDocument();
    expect(callsTo(calls, "rotate_key")).toEqual([
      {
        cmd: "rotate_key",
        args: {
          profileId: "acct-1",
          account: { subscriptionId: "sub-prod-0001", resourceGroup: "rg-ai", name: "contoso-eastus" },
          key: "key2",
        },
      },
    ]);
  });

  it("deletes a saved key by its endpoint", async () => {
    const accounts = accountsOnFile([sampleAccount({ key: sampleSavedKey() })]);
    const { user, calls } = renderConnections({
      list_profiles: () => [sandboxProfile()],
      list_subscriptions: () => sampleSubscriptions(),
      list_accounts: accounts.list,
      delete_key: () => {
        accounts.saveKey("contoso-eastus", null);
        return true;
      },
    });
    const row = await screen.findByTestId("account-row");

    await user.click(within(row).getByTestId("delete-key"));

    await waitFor(() =>
      expect(within(accountRow("contoso-eastus")).getByTestId("account-key")).toHaveTextContent(
        "No key saved",
      ),
    );
    expect(callsTo(calls, "delete_key")).toEqual([
      { cmd: "delete_key", args: { endpoint: "https://contoso-eastus.openai.azure.com/" } },
    ]);
  });

  it("says key access is off and disables the key buttons", async () => {
    renderConnections({
      list_profiles: () => [sandboxProfile()],
      list_subscriptions: () => sampleSubscriptions(),
      list_accounts: () => [sampleAccount({ keyAuthDisabled: true })],
    });
    const row = await screen.findByTestId("account-row");

    expect(row).toHaveTextContent("Key access is turned off on this resource: use sign-in");
    expect(within(row).getByTestId("get-keys")).toBeDisabled();
    expect(within(row).getByTestId("rotate-key")).toBeDisabled();
  });

  it("leads to Sign in again when listing accounts finds the sign-in expired", async () => {
    let expired = false;
    renderConnections({
      list_profiles: () => [accountProfile({ signIn: expired ? "expired" : "signedIn" })],
      list_tenants: () => sampleTenants(),
      list_subscriptions: () => sampleSubscriptions(),
      list_accounts: () => {
        expired = true;
        throw commandError({
          kind: "signInRequired",
          message: "Your sign-in expired. Sign in again.",
        });
      },
    });
    const detail = await detailOf("Contoso");

    expect(
      await within(detail).findByRole("heading", { name: "Sign in again" }),
    ).toBeVisible();
    expect(within(detail).getByTestId("sign-in-again")).toBeVisible();
    expect(within(detail).getByTestId("profile-signin-state")).toHaveTextContent(
      "Sign-in expired",
    );
  });
});
