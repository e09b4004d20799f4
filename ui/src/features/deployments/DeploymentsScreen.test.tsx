import type { InvokeArgs } from "@tauri-apps/api/core";
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { AccountCoordinates } from "../../bindings";
import {
  accountProfile,
  endpointProfile,
  sampleAccount,
  sampleDeploymentRow,
  sampleSubscriptions,
  sandboxProfile,
} from "../../test/fixtures";
import { commandError, never } from "../../test/mockCommands";
import { argOf, callsTo, renderDeployments, rowNames } from "./testSupport";

vi.mock("./wizard/DeploymentWizard", () => import("./testWizard"));

function resourceRow(name: string): HTMLElement {
  const row = screen
    .getAllByTestId("resource-row")
    .find((element) => element.dataset.accountName === name);
  if (!row) {
    throw new Error(`no resource row named ${name}`);
  }
  return row;
}

function accountNameOf(args: InvokeArgs | undefined): string {
  const account = argOf(args, "account") as AccountCoordinates | undefined;
  return account?.name ?? "";
}

function optionLabels(select: HTMLElement): string[] {
  return within(select)
    .getAllByRole("option")
    .map((option) => option.textContent ?? "");
}

describe("profiles", () => {
  it("points to Connections when no profile can reach Resource Manager", async () => {
    const { user, calls } = renderDeployments({
      list_profiles: () => [
        endpointProfile(),
        accountProfile({ name: "Signed out", signIn: "signedOut" }),
        accountProfile({ id: "acct-2", name: "Expired", signIn: "expired" }),
      ],
    });

    const empty = await screen.findByTestId("no-arm-profile");
    expect(empty).toHaveTextContent("Sign in to see deployments");
    expect(screen.queryByTestId("deployments-profile")).not.toBeInTheDocument();
    expect(callsTo(calls, "list_subscriptions")).toHaveLength(0);

    await user.click(within(empty).getByRole("link", { name: "Go to Connections" }));
    expect(window.location.hash).toBe("#/connections");
  });

  it("offers only the profiles that can list deployments, the Sandbox first", async () => {
    const { calls } = renderDeployments({
      list_profiles: () => [
        accountProfile({ name: "Contoso" }),
        endpointProfile(),
        accountProfile({ id: "acct-cli", name: "CLI", signIn: "azureCli", useAzureCli: true }),
        accountProfile({ id: "acct-out", name: "Signed out", signIn: "signedOut" }),
        sandboxProfile(),
      ],
      list_deployment_rows: () => [],
    });

    const select = await screen.findByTestId("deployments-profile");
    expect(optionLabels(select)).toEqual(["Contoso", "CLI", "Sandbox"]);
    expect(select).toHaveDisplayValue("Sandbox");
    await waitFor(() => expect(callsTo(calls, "list_subscriptions")).toHaveLength(1));
    expect(argOf(callsTo(calls, "list_subscriptions")[0]?.args, "profileId")).toBe("sandbox");
  });

  it("lists the picked profile's subscriptions and resources", async () => {
    const { user, calls } = renderDeployments({
      list_profiles: () => [accountProfile({ name: "Contoso" })],
      list_subscriptions: (args) =>
        argOf(args, "profileId") === "acct-1" ? sampleSubscriptions() : [],
      list_accounts: (args) =>
        argOf(args, "subscriptionId") === "sub-prod-0001"
          ? [sampleAccount()]
          : [sampleAccount({ subscriptionId: "sub-dev-0002", name: "dev-westeurope" })],
      // Each resource's one deployment is named after it.
      list_deployment_rows: (args) => [sampleDeploymentRow({ name: `on-${accountNameOf(args)}` })],
    });

    // Only one profile reaches Resource Manager: it is the default.
    expect(await screen.findByTestId("deployments-profile")).toHaveDisplayValue("Contoso");
    const subscription = await screen.findByTestId("deployments-subscription");
    await waitFor(() => expect(subscription).toHaveDisplayValue("Production (sub-prod-0001)"));
    await waitFor(() => expect(rowNames()).toEqual(["on-contoso-eastus"]));

    await user.selectOptions(subscription, "Development (sub-dev-0002)");

    await waitFor(() => expect(rowNames()).toEqual(["on-dev-westeurope"]));
    expect(resourceRow("dev-westeurope")).toHaveAttribute("aria-current", "true");
    expect(callsTo(calls, "list_accounts").map((call) => call.args)).toEqual([
      { profileId: "acct-1", subscriptionId: "sub-prod-0001" },
      { profileId: "acct-1", subscriptionId: "sub-dev-0002" },
    ]);
  });

  it("shows why the subscriptions could not be listed", async () => {
    renderDeployments({
      list_subscriptions: () => {
        throw commandError({
          kind: "forbidden",
          message: "Azure refused to list the subscriptions.",
          code: "AuthorizationFailed",
          requestId: "req-subs",
          missingRole: "Reader",
        });
      },
    });

    expect(await screen.findByRole("alert")).toHaveTextContent("Couldn’t list the subscriptions.");
    expect(screen.getByTestId("missing-role")).toHaveTextContent("Needs the role: Reader");
    expect(screen.queryByTestId("resource-row")).not.toBeInTheDocument();
  });
});

describe("resource browser", () => {
  const accounts = [
    sampleAccount(),
    sampleAccount({
      resourceGroup: "rg-shared",
      name: "shared-foundry",
      kind: "AIServices",
      location: "swedencentral",
      endpoint: "https://shared-foundry.cognitiveservices.azure.com/",
      endpoints: [
        { name: "OpenAI Language Model Instance API", url: "https://shared-foundry.openai.azure.com/" },
        { name: "Speech Services Speech to Text", url: "https://swedencentral.stt.speech.microsoft.com" },
        { name: "Cognitive Services", url: "https://shared-foundry.cognitiveservices.azure.com/" },
      ],
      keyAuthDisabled: true,
    }),
    sampleAccount({
      name: "contoso-westus",
      location: "westus",
      endpoint: "https://contoso-westus.openai.azure.com/",
    }),
  ];

  it("groups resources under their resource group and selects the first", async () => {
    const { calls } = renderDeployments({
      list_accounts: () => accounts,
      list_deployment_rows: never,
    });

    await screen.findAllByTestId("resource-row");
    const groups = screen.getAllByRole("region", { name: /^rg-/ });
    expect(groups.map((group) => within(group).getByTestId("resource-group").textContent)).toEqual([
      "rg-ai",
      "rg-shared",
    ]);
    expect(
      within(groups[0]!)
        .getAllByTestId("resource-row")
        .map((row) => row.dataset.accountName),
    ).toEqual(["contoso-eastus", "contoso-westus"]);
    expect(resourceRow("shared-foundry")).toHaveTextContent("AIServices · swedencentral");

    expect(resourceRow("contoso-eastus")).toHaveAttribute("aria-current", "true");
    const facts = screen.getByTestId("resource-facts");
    expect(facts).toHaveTextContent("contoso-eastus");
    expect(facts).toHaveTextContent("eastus");
    expect(facts).toHaveTextContent("https://contoso-eastus.openai.azure.com/");
    expect(within(facts).queryByText("Key access off")).not.toBeInTheDocument();
    await waitFor(() => expect(callsTo(calls, "list_deployment_rows")).toHaveLength(1));
  });

  it("shows the picked resource's facts and deployments", async () => {
    const { user, calls } = renderDeployments({
      list_accounts: () => accounts,
      list_deployment_rows: (args) =>
        accountNameOf(args) === "shared-foundry"
          ? [sampleDeploymentRow({ name: "shared-chat" })]
          : [],
    });
    expect(await screen.findByTestId("no-deployments")).toBeVisible();

    await user.click(resourceRow("shared-foundry"));

    expect(resourceRow("shared-foundry")).toHaveAttribute("aria-current", "true");
    expect(resourceRow("contoso-eastus")).not.toHaveAttribute("aria-current");
    const facts = screen.getByTestId("resource-facts");
    expect(facts).toHaveTextContent("swedencentral");
    expect(facts).toHaveTextContent("https://shared-foundry.cognitiveservices.azure.com/");
    // An AI Services resource serves other APIs at other endpoints: each is listed by Azure's name.
    expect(within(facts).getByText("Endpoints")).toBeVisible();
    expect(facts).toHaveTextContent(
      "OpenAI Language Model Instance API https://shared-foundry.openai.azure.com/",
    );
    expect(facts).toHaveTextContent(
      "Speech Services Speech to Text https://swedencentral.stt.speech.microsoft.com",
    );
    expect(within(facts).getByText("Key access off")).toBeVisible();
    await waitFor(() => expect(rowNames()).toEqual(["shared-chat"]));
    const asked = callsTo(calls, "list_deployment_rows");
    expect(asked[asked.length - 1]?.args).toEqual({
      profileId: "sandbox",
      account: { subscriptionId: "sub-prod-0001", resourceGroup: "rg-shared", name: "shared-foundry" },
    });
  });

  it("says so when the subscription has no AI resource", async () => {
    renderDeployments({ list_accounts: () => [] });

    expect(await screen.findByTestId("no-resources")).toHaveTextContent(
      "No Azure OpenAI or AI Services resources in this subscription",
    );
    expect(screen.queryByTestId("deployments-table")).not.toBeInTheDocument();
  });
});
