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
  settingsWith,
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

describe("region filter", () => {
  // Azure lists them in this order; one region spelled two ways, as the regions list and an
  // older API each name it.
  const accounts = [
    sampleAccount(),
    sampleAccount({ resourceGroup: "rg-shared", name: "shared-foundry", location: "swedencentral" }),
    sampleAccount({ name: "contoso-westus", location: "westus" }),
    sampleAccount({ resourceGroup: "rg-shared", name: "shared-sweden-2", location: "Sweden Central" }),
  ];

  function listedNames(): string[] {
    return screen.getAllByTestId("resource-row").map((row) => row.dataset.accountName ?? "");
  }

  function regionFilter(): HTMLElement {
    return screen.getByRole("combobox", { name: "Filter by region" });
  }

  /** Each resource's one deployment is named after it. */
  function deploymentsByResource(args: InvokeArgs | undefined) {
    return [sampleDeploymentRow({ name: `on-${accountNameOf(args)}` })];
  }

  it("opens on the default region from Settings, in any case and spacing; All regions shows all", async () => {
    const { user } = renderDeployments({
      get_settings: () => settingsWith({ azure: { defaultRegion: "Sweden Central" } }),
      list_accounts: () => accounts,
      list_deployment_rows: deploymentsByResource,
    });

    await waitFor(() =>
      expect(screen.getByTestId("region-filter")).toHaveDisplayValue("swedencentral (2)"),
    );
    expect(optionLabels(regionFilter())).toEqual([
      "All regions (4)",
      "eastus (1)",
      "swedencentral (2)",
      "westus (1)",
    ]);
    expect(listedNames()).toEqual(["shared-foundry", "shared-sweden-2"]);
    expect(resourceRow("shared-foundry")).toHaveAttribute("aria-current", "true");
    await waitFor(() => expect(rowNames()).toEqual(["on-shared-foundry"]));
    expect(screen.queryByTestId("region-filter-note")).not.toBeInTheDocument();

    await user.selectOptions(regionFilter(), "All regions (4)");

    expect(listedNames()).toEqual([
      "contoso-eastus",
      "contoso-westus",
      "shared-foundry",
      "shared-sweden-2",
    ]);
    // Changing the filter never moves the selection.
    expect(resourceRow("shared-foundry")).toHaveAttribute("aria-current", "true");
    expect(rowNames()).toEqual(["on-shared-foundry"]);
  });

  it("keeps the selected resource listed and selected when the filter leaves it out", async () => {
    const { user } = renderDeployments({
      list_accounts: () => accounts,
      list_deployment_rows: deploymentsByResource,
    });
    // No default region: all are listed.
    await screen.findAllByTestId("resource-row");
    expect(regionFilter()).toHaveDisplayValue("All regions (4)");
    expect(listedNames()).toHaveLength(4);
    await user.click(resourceRow("contoso-westus"));
    await waitFor(() => expect(rowNames()).toEqual(["on-contoso-westus"]));

    await user.selectOptions(regionFilter(), "swedencentral (2)");

    expect(listedNames()).toEqual(["shared-foundry", "shared-sweden-2", "contoso-westus"]);
    expect(resourceRow("contoso-westus")).toHaveAttribute("aria-current", "true");
    expect(screen.getByTestId("resource-facts")).toHaveTextContent("contoso-westus");
    expect(rowNames()).toEqual(["on-contoso-westus"]);

    // Picking one in the region lets the other go.
    await user.click(resourceRow("shared-sweden-2"));

    expect(listedNames()).toEqual(["shared-foundry", "shared-sweden-2"]);
    expect(resourceRow("shared-sweden-2")).toHaveAttribute("aria-current", "true");
    await waitFor(() => expect(rowNames()).toEqual(["on-shared-sweden-2"]));
  });

  it("shows all regions and says so when no resource is in the default region", async () => {
    const { user } = renderDeployments({
      get_settings: () => settingsWith({ azure: { defaultRegion: "japaneast" } }),
      list_accounts: () => accounts,
      list_deployment_rows: deploymentsByResource,
    });

    const note = await screen.findByTestId("region-filter-note");
    expect(note).toHaveTextContent("No account in japaneast; showing all regions.");
    expect(regionFilter()).toHaveDisplayValue("All regions (4)");
    expect(regionFilter()).toHaveAccessibleDescription(
      "No account in japaneast; showing all regions.",
    );
    expect(listedNames()).toHaveLength(4);
    expect(resourceRow("contoso-eastus")).toHaveAttribute("aria-current", "true");

    await user.selectOptions(regionFilter(), "westus (1)");

    expect(screen.queryByTestId("region-filter-note")).not.toBeInTheDocument();
    expect(listedNames()).toEqual(["contoso-eastus", "contoso-westus"]);
    expect(resourceRow("contoso-eastus")).toHaveAttribute("aria-current", "true");
  });

  it("lists every resource when the settings cannot be read", async () => {
    renderDeployments({
      get_settings: () => {
        throw commandError({ kind: "internal", message: "settings unreadable" });
      },
      list_accounts: () => accounts,
      list_deployment_rows: never,
    });

    await screen.findAllByTestId("resource-row");
    expect(listedNames()).toHaveLength(4);
    expect(regionFilter()).toHaveDisplayValue("All regions (4)");
    expect(screen.queryByTestId("region-filter-note")).not.toBeInTheDocument();
  });
});
