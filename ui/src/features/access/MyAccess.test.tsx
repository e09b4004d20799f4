import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { sampleAccount, sampleSubscriptions, sandboxProfile } from "../../test/fixtures";
import { commandError } from "../../test/mockCommands";
import { detailOf, renderConnections } from "../connections/testSupport";
import { argOf, callsTo } from "../deployments/testSupport";
import { sampleMyAccess } from "./testFixtures";
import { openAccessTab, renderAccess } from "./testSupport";

vi.mock("../deployments/wizard/DeploymentWizard", () => import("../deployments/testWizard"));

const contoso = { subscriptionId: "sub-prod-0001", resourceGroup: "rg-ai", name: "contoso-eastus" };

const refused = commandError({
  kind: "forbidden",
  message: "The client does not have authorization to perform this action.",
  code: "AuthorizationFailed",
  requestId: "req-403",
  missingRole: "Cognitive Services Contributor",
});

describe("what can I do here?", () => {
  it("lists each capability with ✓ or ✗, and the role to ask for what is missing", async () => {
    const { user, calls } = renderAccess({ my_access: () => sampleMyAccess() });
    const view = await openAccessTab(user);

    await user.click(within(view).getByTestId("my-access-open"));
    const panel = await screen.findByTestId("my-access");
    expect(within(panel).getByRole("heading", { name: "What can I do on contoso-eastus?" })).toHaveFocus();
    expect(await within(panel).findByTestId("my-access-who")).toHaveTextContent(
      "For Ada Lovelace (ada@contoso.com)",
    );

    const chat = within(panel).getByTestId("my-access-inference");
    expect(chat).toHaveAttribute("data-allowed", "false");
    expect(chat).toHaveTextContent("✗Chat with the deployments (Entra sign-in): no");
    expect(chat).toHaveTextContent(
      "Ask an Owner for: Cognitive Services OpenAI User on this resource",
    );
    const deployments = within(panel).getByTestId("my-access-manageDeployments");
    expect(deployments).toHaveTextContent("✓Create, change and delete deployments: yes");
    expect(within(deployments).queryByTestId("my-access-role-to-add")).not.toBeInTheDocument();
    expect(within(panel).getByTestId("my-access-manageAccess")).toHaveTextContent(
      "Ask an Owner for: Owner or User Access Administrator on this resource",
    );
    expect(within(panel).getByTestId("my-access-keys-note")).toHaveTextContent(
      "With a key, chat works whatever your roles.",
    );
    expect(callsTo(calls, "my_access").map((call) => argOf(call.args, "account"))).toEqual([contoso]);

    await user.click(within(panel).getByTestId("my-access-close"));
    expect(screen.queryByTestId("my-access")).not.toBeInTheDocument();
  });

  it("leaves out the key note where keys are refused", async () => {
    const { user } = renderAccess({ my_access: () => sampleMyAccess({ keysAccepted: false, who: null }) });
    await openAccessTab(user);
    await user.click(screen.getByTestId("my-access-open"));

    expect(await screen.findByTestId("my-access-who")).toHaveTextContent("For the signed-in account");
    expect(screen.queryByTestId("my-access-keys-note")).not.toBeInTheDocument();
  });

  it("says whether a key would work is unknown when the resource could not be read", async () => {
    const { user } = renderAccess({ my_access: () => sampleMyAccess({ keysAccepted: null }) });
    await openAccessTab(user);
    await user.click(screen.getByTestId("my-access-open"));

    expect(await screen.findByTestId("my-access-keys-unknown")).toHaveTextContent(
      "This resource could not be read with your sign-in, so whether a key would work is unknown",
    );
    expect(screen.queryByTestId("my-access-keys-note")).not.toBeInTheDocument();
  });

  it("gives focus back to “What can I do here?” when closed", async () => {
    const { user } = renderAccess({ my_access: () => sampleMyAccess() });
    await openAccessTab(user);
    await user.click(screen.getByTestId("my-access-open"));
    const panel = await screen.findByTestId("my-access");

    await user.click(within(panel).getByTestId("my-access-close"));
    expect(screen.getByTestId("my-access-open")).toHaveFocus();

    await user.click(screen.getByTestId("my-access-open"));
    await screen.findByTestId("my-access");
    await user.keyboard("{Escape}");
    expect(screen.queryByTestId("my-access")).not.toBeInTheDocument();
    expect(screen.getByTestId("my-access-open")).toHaveFocus();
  });

  it("opens on the Access tab from a refusal on the Deployments tab", async () => {
    const { user } = renderAccess({
      list_deployment_rows: () => {
        throw refused;
      },
      my_access: () => sampleMyAccess(),
    });

    const whatCanIDo = await screen.findByTestId("what-can-i-do");
    expect(screen.getByTestId("missing-role")).toHaveTextContent("Cognitive Services Contributor");
    await user.click(whatCanIDo);

    expect(screen.getByTestId("tab-access")).toHaveAttribute("aria-selected", "true");
    const panel = await screen.findByTestId("my-access");
    expect(panel).toBeVisible();
    expect(await within(panel).findByTestId("my-access-inference")).toHaveTextContent(
      "Ask an Owner for: Cognitive Services OpenAI User on this resource",
    );
  });

  it("opens in the account's row from a refused key on Connections", async () => {
    const { user } = renderConnections({
      list_profiles: () => [sandboxProfile()],
      list_subscriptions: () => sampleSubscriptions(),
      list_accounts: () => [sampleAccount()],
      get_keys_from_azure: () => {
        throw refused;
      },
      my_access: () => sampleMyAccess(),
    });
    const detail = await detailOf("Sandbox");
    const row = await within(detail).findByTestId("account-row");

    await user.click(within(row).getByTestId("get-keys"));
    await user.click(await within(row).findByTestId("what-can-i-do"));

    const panel = within(row).getByTestId("my-access");
    expect(await within(panel).findByTestId("my-access-readKeys")).toHaveTextContent(
      "Read and rotate the keys: yes",
    );

    await user.click(within(panel).getByTestId("my-access-close"));
    expect(within(row).getByTestId("what-can-i-do")).toHaveFocus();
  });

  it("is not offered for failures other than a refusal", async () => {
    renderAccess({
      list_deployment_rows: () => {
        throw commandError({ kind: "azure", message: "Azure could not answer.", code: "InternalServerError" });
      },
    });
    expect(await screen.findByText("Azure could not answer.")).toBeVisible();
    expect(screen.queryByTestId("what-can-i-do")).not.toBeInTheDocument();
  });
});
