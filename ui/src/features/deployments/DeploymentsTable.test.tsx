import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { sampleDeploymentRow, sampleDeploymentRows } from "../../test/fixtures";
import { commandError, never } from "../../test/mockCommands";
import { argOf, callsTo, cellOf, renderDeployments, rowNames, rowOf } from "./testSupport";

vi.mock("./wizard/DeploymentWizard", () => import("./testWizard"));

// Any digit-group separator, so the tests read the same whatever the machine's locale.
const sep = "[,.\\s\u00a0\u202f']";

describe("deployments table", () => {
  it("says it is loading while Azure answers", async () => {
    renderDeployments({ list_deployment_rows: never });

    expect(await screen.findByText("Loading deployments…")).toBeVisible();
    expect(screen.queryByTestId("deployments-table")).not.toBeInTheDocument();
  });

  it("asks for the selected resource's deployments and shows every value", async () => {
    const { calls } = renderDeployments({ list_deployment_rows: () => sampleDeploymentRows() });

    const table = await screen.findByTestId("deployments-table");
    expect(table.tagName).toBe("TABLE");
    expect(rowNames()).toEqual(["chat-prod", "embeddings", "legacy-35"]);
    expect(callsTo(calls, "list_deployment_rows").map((call) => call.args)).toEqual([
      {
        profileId: "sandbox",
        account: { subscriptionId: "sub-prod-0001", resourceGroup: "rg-ai", name: "contoso-eastus" },
      },
    ]);

    const chat = rowOf("chat-prod");
    expect(cellOf(chat, "Name")).toHaveTextContent(/^chat-prodSucceeded$/);
    expect(within(cellOf(chat, "Name")).getByTestId("deployment-state")).toHaveTextContent(
      /^Succeeded$/,
    );
    expect(cellOf(chat, "Model")).toHaveTextContent(/^gpt-4o 2024-11-20GlobalStandard$/);
    expect(within(cellOf(chat, "Model")).getByTestId("deployment-type")).toHaveTextContent(
      /^GlobalStandard$/,
    );
    expect(cellOf(chat, "Capacity")).toBe(within(chat).getByTestId("deployment-capacity"));
    expect(cellOf(chat, "Capacity").textContent).toMatch(new RegExp(`^150150${sep}000 TPM · 900 RPM$`));
    const options = cellOf(chat, "Options");
    const upgrade = within(options).getByTestId("deployment-upgrade-policy");
    expect(upgrade).toHaveTextContent(/^Upgrade policy: To new default$/);
    expect(upgrade).toHaveAttribute("title", "Upgrade policy: OnceNewDefaultVersionAvailable");
    expect(within(options).getByTestId("deployment-content-filter")).toHaveTextContent(
      /^Content filter: Microsoft\.DefaultV2$/,
    );
    const actions = within(cellOf(chat, "Actions")).getAllByRole("button");
    expect(actions.map((button) => button.textContent)).toEqual(["Manage", "Delete"]);
    expect(within(chat).queryByTestId("retirement-badge")).not.toBeInTheDocument();

    const embeddings = rowOf("embeddings");
    expect(within(embeddings).getByTestId("deployment-capacity").textContent).toMatch(
      new RegExp(`^1${sep}2001${sep}200${sep}000 TPM · 7${sep}200 RPM$`),
    );
    const noPolicy = within(embeddings).getByTestId("deployment-upgrade-policy");
    expect(noPolicy).toHaveTextContent(/: —$/);
    expect(noPolicy).not.toHaveAttribute("title");
    expect(within(embeddings).getByTestId("deployment-content-filter")).toHaveTextContent(/: —$/);

    const legacy = rowOf("legacy-35");
    expect(within(cellOf(legacy, "Name")).getByTestId("retirement-badge")).toHaveTextContent(
      "Retires on 2026-01-15 (in 48 days)",
    );
    // A provisioning state the table has no word for is shown as Azure words it.
    expect(within(legacy).getByTestId("deployment-state")).toHaveTextContent(/^Canceled$/);
  });

  it("has five columns, each naming what its cells' second line holds", async () => {
    renderDeployments({ list_deployment_rows: () => sampleDeploymentRows() });
    const table = await screen.findByTestId("deployments-table");

    expect(within(table).getAllByRole("columnheader").map((header) => header.textContent)).toEqual([
      "Name▲ state",
      "Model type",
      "Capacity TPM · RPM",
      "Options upgrade · filter",
      "Actions",
    ]);
    expect(table.querySelectorAll("col")).toHaveLength(5);
    for (const row of screen.getAllByTestId("deployment-row")) {
      expect(row.children).toHaveLength(5);
    }
  });

  it("spans the Manage panel and the delete confirmation across the whole table", async () => {
    const { user } = renderDeployments({
      list_deployment_rows: () => sampleDeploymentRows(),
      deployment_plan_facts: never,
    });
    await screen.findByTestId("deployments-table");

    await user.click(within(rowOf("embeddings")).getByTestId("delete-deployment"));
    const confirmation = screen.getByTestId("delete-confirmation");
    expect(confirmation.closest("td")).toHaveAttribute("colspan", "5");
    expect(confirmation.closest("tr")?.previousElementSibling).toBe(rowOf("embeddings"));

    await user.click(within(rowOf("chat-prod")).getByTestId("manage-deployment"));
    const panel = screen.getByTestId("manage-panel");
    expect(panel.closest("td")).toHaveAttribute("colspan", "5");
    expect(panel.closest("tr")?.previousElementSibling).toBe(rowOf("chat-prod"));
    expect(screen.queryByTestId("delete-confirmation")).not.toBeInTheDocument();
  });

  it("names every state and dashes a capacity Azure did not give", async () => {
    renderDeployments({
      list_deployment_rows: () => [
        sampleDeploymentRow({ name: "a", status: { kind: "creating" } }),
        sampleDeploymentRow({ name: "b", status: { kind: "failed" } }),
        sampleDeploymentRow({ name: "c", status: { kind: "paused" } }),
        sampleDeploymentRow({ name: "d", status: { kind: "deleting" } }),
        sampleDeploymentRow({
          name: "e",
          sku: "ProvisionedManaged",
          capacity: null,
          tokensPerMinute: null,
          requestsPerMinute: null,
        }),
      ],
    });

    await screen.findByTestId("deployments-table");
    expect(screen.getAllByTestId("deployment-state").map((badge) => badge.textContent)).toEqual([
      "Creating",
      "Failed",
      "Paused",
      "Deleting",
      "Succeeded",
    ]);
    expect(cellOf(rowOf("e"), "Capacity")).toHaveTextContent(/^—$/);
    expect(within(rowOf("e")).getByTestId("deployment-type")).toHaveTextContent(
      "ProvisionedManaged",
    );
  });

  it("says how to start when the resource has no deployment", async () => {
    renderDeployments({ list_deployment_rows: () => [] });

    expect(await screen.findByTestId("no-deployments")).toHaveTextContent(
      "No deployments yet — create one with New deployment.",
    );
    expect(screen.queryByTestId("deployments-table")).not.toBeInTheDocument();
    expect(screen.getByTestId("new-deployment")).toBeEnabled();
  });

  it("shows Azure's error with its code and request id, and tries again", async () => {
    let failing = true;
    const { user } = renderDeployments({
      list_deployment_rows: () => {
        if (failing) {
          throw commandError({
            kind: "network",
            message: "Azure could not be reached. Check your connection.",
            code: "ServiceUnavailable",
            requestId: "req-503",
          });
        }
        return sampleDeploymentRows();
      },
    });

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Couldn’t list the deployments.");
    expect(alert).toHaveTextContent("Azure could not be reached. Check your connection.");
    expect(alert).toHaveTextContent("ServiceUnavailable");
    expect(alert).toHaveTextContent("req-503");

    failing = false;
    await user.click(within(alert).getByRole("button", { name: "Try again" }));

    expect(await screen.findByTestId("deployments-table")).toBeVisible();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("names the role a 403 asks for", async () => {
    renderDeployments({
      list_deployment_rows: () => {
        throw commandError({
          kind: "forbidden",
          message: "Azure refused: you may not read this resource's deployments.",
          code: "AuthorizationFailed",
          requestId: "req-403",
          missingRole: "Reader",
        });
      },
    });

    expect(await screen.findByTestId("missing-role")).toHaveTextContent("Needs the role: Reader");
    expect(screen.getByRole("alert")).toHaveTextContent("AuthorizationFailed");
    expect(screen.getByRole("button", { name: "Try again" })).toBeVisible();
  });

  it("sorts by capacity, and the other way round on a second click", async () => {
    const { user } = renderDeployments({ list_deployment_rows: () => sampleDeploymentRows() });
    await screen.findByTestId("deployments-table");
    const capacity = screen.getByRole("button", { name: /^Capacity/ });
    const header = screen.getByRole("columnheader", { name: /^Capacity/ });
    expect(header).not.toHaveAttribute("aria-sort");
    expect(screen.getByRole("columnheader", { name: /^Name/ })).toHaveAttribute("aria-sort", "ascending");

    await user.click(capacity);
    expect(rowNames()).toEqual(["legacy-35", "chat-prod", "embeddings"]);
    expect(header).toHaveAttribute("aria-sort", "ascending");
    expect(screen.getByRole("columnheader", { name: /^Name/ })).not.toHaveAttribute("aria-sort");

    await user.click(capacity);
    expect(rowNames()).toEqual(["embeddings", "chat-prod", "legacy-35"]);
    expect(header).toHaveAttribute("aria-sort", "descending");
  });

  it("filters by name, model and type", async () => {
    const { user } = renderDeployments({ list_deployment_rows: () => sampleDeploymentRows() });
    await screen.findByTestId("deployments-table");
    const filter = screen.getByTestId("deployments-filter");
    expect(screen.getByTestId("deployments-count")).toHaveTextContent("3 deployments");

    await user.type(filter, "GPT");
    await waitFor(() => expect(rowNames()).toEqual(["chat-prod", "legacy-35"]));
    expect(screen.getByTestId("deployments-count")).toHaveTextContent("2 of 3 deployments");

    await user.clear(filter);
    await user.type(filter, "globalstandard");
    await waitFor(() => expect(rowNames()).toEqual(["chat-prod"]));

    await user.clear(filter);
    await user.type(filter, "embed");
    await waitFor(() => expect(rowNames()).toEqual(["embeddings"]));

    await user.clear(filter);
    await user.type(filter, "mistral");
    expect(await screen.findByTestId("no-matches")).toHaveTextContent("No deployments match “mistral”.");
    expect(screen.queryByTestId("deployments-table")).not.toBeInTheDocument();
  });

  it("asks Azure again on Refresh", async () => {
    let rows = [sampleDeploymentRow()];
    const { user, calls } = renderDeployments({ list_deployment_rows: () => rows });
    await screen.findByTestId("deployments-table");
    expect(rowNames()).toEqual(["chat-prod"]);

    rows = sampleDeploymentRows();
    await user.click(screen.getByTestId("deployments-refresh"));

    await waitFor(() => expect(rowNames()).toEqual(["chat-prod", "embeddings", "legacy-35"]));
    expect(callsTo(calls, "list_deployment_rows")).toHaveLength(2);
    expect(argOf(callsTo(calls, "list_deployment_rows")[1]?.args, "profileId")).toBe("sandbox");
  });
});
