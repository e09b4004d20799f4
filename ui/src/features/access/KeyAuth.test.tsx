import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { AccountView } from "../../bindings";
import { endpointProfile, sampleAccount, sandboxProfile } from "../../test/fixtures";
import { commandError } from "../../test/mockCommands";
import { argOf, callsTo } from "../deployments/testSupport";
import { openAccessTab, renderAccess } from "./testSupport";

vi.mock("../deployments/wizard/DeploymentWizard", () => import("../deployments/testWizard"));

const contoso = { subscriptionId: "sub-prod-0001", resourceGroup: "rg-ai", name: "contoso-eastus" };
const endpoint = "https://contoso-eastus.openai.azure.com/";

/** contoso-eastus as Azure has it: `set_key_auth` changes it, and the account list shows it. */
function accountOnFile(initial: AccountView) {
  let account = initial;
  return {
    list: () => [account],
    setKeyAuth: (keysAccepted: boolean) => {
      account = { ...account, keyAuthDisabled: !keysAccepted };
      return account;
    },
  };
}

describe("key access", () => {
  it("gives focus back to the toggle when turning keys off is cancelled", async () => {
    const { user, calls } = renderAccess({
      key_auth_impact: () => ({ savedKeys: [], profiles: [] }),
    });
    const view = await openAccessTab(user);
    const section = within(view).getByTestId("key-auth");

    await user.click(within(section).getByTestId("key-auth-toggle"));
    const warning = within(section).getByTestId("key-auth-warning");
    await user.click(within(warning).getByTestId("key-auth-cancel"));
    expect(within(section).queryByTestId("key-auth-warning")).not.toBeInTheDocument();
    expect(within(section).getByTestId("key-auth-toggle")).toHaveFocus();

    await user.click(within(section).getByTestId("key-auth-toggle"));
    await user.keyboard("{Escape}");
    expect(within(section).queryByTestId("key-auth-warning")).not.toBeInTheDocument();
    expect(within(section).getByTestId("key-auth-toggle")).toHaveFocus();
    expect(callsTo(calls, "set_key_auth")).toEqual([]);
  });

  it("warns before turning keys off: the saved keys, and the profiles that stop, each switchable", async () => {
    const azure = accountOnFile(sampleAccount());
    const teamEndpoint = endpointProfile({ id: "ep-team", name: "Team endpoint" });
    const { user, calls } = renderAccess({
      list_profiles: () => [sandboxProfile(), teamEndpoint],
      list_accounts: () => azure.list(),
      key_auth_impact: () => ({
        savedKeys: [endpoint],
        profiles: [
          { id: "ep-team", name: "Team endpoint", endpoint },
          { id: "ep-ci", name: "CI bot", endpoint },
        ],
      }),
      use_entra_sign_in: () => endpointProfile({ id: "ep-team", name: "Team endpoint", signInWith: "sandbox" }),
      set_key_auth: (args) => azure.setKeyAuth(argOf(args, "keysAccepted") === true),
    });
    const view = await openAccessTab(user);
    const section = within(view).getByTestId("key-auth");
    expect(within(section).getByTestId("key-auth-state")).toHaveTextContent("Keys accepted");

    await user.click(within(section).getByTestId("key-auth-toggle"));
    const warning = within(section).getByTestId("key-auth-warning");
    expect(await within(warning).findByTestId("key-auth-saved-keys")).toHaveTextContent(endpoint);
    const profiles = within(warning).getByTestId("key-auth-profiles");
    expect(within(profiles).getAllByTestId("key-auth-profile").map((item) => item.textContent)).toEqual([
      expect.stringContaining("Team endpoint"),
      expect.stringContaining("CI bot"),
    ]);
    expect(callsTo(calls, "set_key_auth")).toEqual([]);

    await user.click(within(warning).getByTestId("key-auth-switch-Team endpoint"));
    expect(await within(warning).findByTestId("key-auth-switched-Team endpoint")).toHaveTextContent(
      "Now signs in through Sandbox.",
    );
    expect(callsTo(calls, "use_entra_sign_in").map((call) => call.args)).toEqual([
      { profileId: "ep-team", signInProfileId: "sandbox" },
    ]);
    expect(within(warning).getByTestId("key-auth-switch-CI bot")).toBeEnabled();

    await user.click(within(warning).getByTestId("key-auth-confirm"));

    await waitFor(() =>
      expect(within(section).getByTestId("key-auth-state")).toHaveTextContent(
        "Keys off — only Entra sign-in works",
      ),
    );
    expect(within(section).queryByTestId("key-auth-warning")).not.toBeInTheDocument();
    expect(within(section).getByTestId("key-auth-toggle")).toHaveFocus();
    expect(callsTo(calls, "set_key_auth").map((call) => call.args)).toEqual([
      { profileId: "sandbox", account: contoso, keysAccepted: false },
    ]);
    // The Deployments tab's facts say so too, from the same account list.
    await user.click(screen.getByTestId("tab-deployments"));
    expect(screen.getByTestId("key-access-off")).toHaveTextContent("Key access off");
  });

  it("turns keys back on in one click", async () => {
    const azure = accountOnFile(sampleAccount({ keyAuthDisabled: true }));
    const { user, calls } = renderAccess({
      list_accounts: () => azure.list(),
      set_key_auth: (args) => azure.setKeyAuth(argOf(args, "keysAccepted") === true),
    });
    const view = await openAccessTab(user);
    const section = within(view).getByTestId("key-auth");
    expect(within(section).getByTestId("key-auth-state")).toHaveTextContent(
      "Keys off — only Entra sign-in works",
    );

    await user.click(within(section).getByTestId("key-auth-toggle"));

    await waitFor(() =>
      expect(within(section).getByTestId("key-auth-state")).toHaveTextContent("Keys accepted"),
    );
    expect(screen.queryByTestId("key-auth-warning")).not.toBeInTheDocument();
    expect(callsTo(calls, "key_auth_impact")).toEqual([]);
    expect(callsTo(calls, "set_key_auth").map((call) => argOf(call.args, "keysAccepted"))).toEqual([true]);
  });

  it("says nothing stops when no key or profile uses the resource, and Cancel keeps keys", async () => {
    const { user, calls } = renderAccess({
      key_auth_impact: () => ({ savedKeys: [], profiles: [] }),
    });
    await openAccessTab(user);
    await user.click(screen.getByTestId("key-auth-toggle"));

    expect(await screen.findByTestId("key-auth-nothing")).toHaveTextContent(
      "No key is saved for this resource here, and no endpoint + key profile uses it.",
    );
    await user.click(screen.getByTestId("key-auth-cancel"));
    expect(screen.queryByTestId("key-auth-warning")).not.toBeInTheDocument();
    expect(screen.getByTestId("key-auth-state")).toHaveTextContent("Keys accepted");
    expect(callsTo(calls, "set_key_auth")).toEqual([]);
  });

  it("says a refusal needs Cognitive Services Contributor", async () => {
    const { user } = renderAccess({
      key_auth_impact: () => ({ savedKeys: [], profiles: [] }),
      set_key_auth: () => {
        throw commandError({
          kind: "forbidden",
          message: "The client does not have authorization to perform action 'Microsoft.CognitiveServices/accounts/write'.",
          code: "AuthorizationFailed",
          requestId: "req-keys-403",
        });
      },
    });
    await openAccessTab(user);
    await user.click(screen.getByTestId("key-auth-toggle"));
    await user.click(await screen.findByTestId("key-auth-confirm"));

    const error = await screen.findByTestId("key-auth-error");
    expect(error).toHaveTextContent(
      "Turning keys on or off needs Cognitive Services Contributor on this resource.",
    );
    expect(error).toHaveTextContent("Needs the role: Cognitive Services Contributor");
    expect(error).toHaveTextContent("req-keys-403");
    expect(screen.getByTestId("key-auth-warning")).toBeVisible();
    expect(screen.getByTestId("key-auth-state")).toHaveTextContent("Keys accepted");
  });
});
