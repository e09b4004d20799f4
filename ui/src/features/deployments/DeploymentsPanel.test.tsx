import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  sampleAccount,
  sampleDeploymentRows,
  sampleSettings,
  sampleSubscriptions,
  sandboxProfile,
} from "../../test/fixtures";
import { mockCommands } from "../../test/mockCommands";
import { renderApp } from "../../test/render";
import { renderDeployments } from "./testSupport";

vi.mock("./wizard/DeploymentWizard", () => import("./testWizard"));

describe("open in Playground", () => {
  it("offers a just-created deployment to the Playground, which opens ready to try it", async () => {
    window.location.hash = "#/deployments";
    const user = userEvent.setup();
    mockCommands({
      get_settings: () => sampleSettings("system"),
      list_profiles: () => [sandboxProfile()],
      list_subscriptions: () => sampleSubscriptions(),
      list_accounts: () => [sampleAccount()],
      list_deployment_rows: () => sampleDeploymentRows(),
    });
    renderApp();
    await screen.findByTestId("deployments-table");

    await user.click(screen.getByTestId("new-deployment"));
    await user.click(screen.getByRole("button", { name: "Finish wizard" }));

    const status = screen.getByTestId("deployments-status");
    expect(status).toHaveTextContent("Created gpt-4o-new.");
    const open = within(status).getByTestId("open-in-playground");
    expect(open).toHaveTextContent("Open in Playground");
    expect(open).toHaveAttribute(
      "href",
      "#/playground?profile=sandbox&deployment=gpt-4o-new&endpoint=https%3A%2F%2Fcontoso-eastus.openai.azure.com%2F",
    );

    await user.click(open);

    expect(await screen.findByRole("heading", { level: 1, name: "Playground" })).toBeVisible();
    expect(screen.getByTestId("playground-target")).toHaveTextContent("Ready to try gpt-4o-new");
    expect(
      within(screen.getByRole("navigation", { name: "Main" })).getByRole("link", {
        name: "Playground",
      }),
    ).toHaveAttribute("aria-current", "page");
  });

  it("is offered only after a create", async () => {
    const { user } = renderDeployments({
      list_deployment_rows: () => sampleDeploymentRows(),
      delete_deployment: () => null,
    });
    await screen.findByTestId("deployments-table");
    await user.click(screen.getAllByTestId("delete-deployment")[0] as HTMLElement);
    await user.type(screen.getByTestId("delete-confirm-name"), "chat-prod{Enter}");

    expect(await screen.findByTestId("deployments-status")).toHaveTextContent("Deleted chat-prod.");
    expect(screen.queryByTestId("open-in-playground")).not.toBeInTheDocument();
  });
});

describe("render timing", () => {
  afterEach(() => {
    performance.clearMarks();
    performance.clearMeasures();
  });

  it("measures from the rows' arrival to the first frame that shows them, for the bench", async () => {
    performance.clearMarks();
    performance.clearMeasures();
    renderDeployments({ list_deployment_rows: () => sampleDeploymentRows() });
    await screen.findByTestId("deployments-table");

    await waitFor(() =>
      expect(performance.getEntriesByName("deployments_table_render", "measure")).toHaveLength(1),
    );
    // The mark is used up, so a later render is not measured from this response.
    expect(performance.getEntriesByName("fd:deployments-response")).toHaveLength(0);
  });
});
