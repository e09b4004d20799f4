import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { sampleCreatedRow, sampleDeploymentRows } from "../../test/fixtures";
import { callsTo, renderDeployments, rowNames, rowOf } from "./testSupport";

vi.mock("./wizard/DeploymentWizard", () => import("./testWizard"));

describe("new deployment", () => {
  it("opens the wizard for the selected resource in place of the table", async () => {
    const { user } = renderDeployments({ list_deployment_rows: () => sampleDeploymentRows() });
    await screen.findByTestId("deployments-table");

    await user.click(screen.getByTestId("new-deployment"));

    expect(screen.getByTestId("deployment-wizard")).toHaveTextContent(
      "New deployment in contoso-eastus (rg-ai) with sandbox",
    );
    expect(screen.queryByTestId("deployments-table")).not.toBeInTheDocument();
    // The resource it is for stays in view above it.
    expect(screen.getByTestId("resource-facts")).toHaveTextContent("contoso-eastus");

    await user.click(screen.getByRole("button", { name: "Cancel wizard" }));

    expect(screen.queryByTestId("deployment-wizard")).not.toBeInTheDocument();
    expect(rowNames()).toEqual(["chat-prod", "embeddings", "legacy-35"]);
  });

  it("shows and highlights the created deployment, and asks Azure again", async () => {
    let rows = sampleDeploymentRows();
    const { user, calls } = renderDeployments({ list_deployment_rows: () => rows });
    await screen.findByTestId("deployments-table");
    await user.type(screen.getByTestId("deployments-filter"), "embed");
    await waitFor(() => expect(rowNames()).toEqual(["embeddings"]));

    await user.click(screen.getByTestId("new-deployment"));
    rows = [...rows, sampleCreatedRow({ name: "gpt-4o-new" })];
    await user.click(screen.getByRole("button", { name: "Finish wizard" }));

    expect(screen.queryByTestId("deployment-wizard")).not.toBeInTheDocument();
    expect(screen.getByTestId("deployments-status")).toHaveTextContent("Created gpt-4o-new.");
    // The filter is cleared so the new row cannot be hidden by it.
    expect(screen.getByTestId("deployments-filter")).toHaveValue("");
    await waitFor(() => expect(rowNames()).toContain("gpt-4o-new"));
    expect(rowOf("gpt-4o-new")).toHaveAttribute("data-highlighted", "true");
    expect(rowOf("chat-prod")).not.toHaveAttribute("data-highlighted");
    await waitFor(() => expect(callsTo(calls, "list_deployment_rows")).toHaveLength(2));
  });
});
