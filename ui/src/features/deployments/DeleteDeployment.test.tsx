import { act, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { DeploymentRow } from "../../bindings";
import { sampleDeploymentRows } from "../../test/fixtures";
import { commandError, never } from "../../test/mockCommands";
import { argOf, callsTo, renderDeployments, rowNames, rowOf } from "./testSupport";

vi.mock("./wizard/DeploymentWizard", () => import("./testWizard"));

/** Deployments that go away when Rust deletes one. */
function deploymentsOnFile(initial: DeploymentRow[]) {
  let rows = initial;
  return {
    list: () => rows,
    remove: (name: string) => {
      rows = rows.filter((row) => row.name !== name);
    },
  };
}

describe("delete a deployment", () => {
  it("deletes only once the exact name is typed, then says so", async () => {
    const deployments = deploymentsOnFile(sampleDeploymentRows());
    const { user, calls } = renderDeployments({
      list_deployment_rows: deployments.list,
      delete_deployment: (args) => {
        deployments.remove(String(argOf(args, "name")));
        return null;
      },
    });
    await screen.findByTestId("deployments-table");

    await user.click(within(rowOf("embeddings")).getByTestId("delete-deployment"));
    const confirmation = screen.getByTestId("delete-confirmation");
    expect(confirmation).toHaveTextContent("Delete embeddings from contoso-eastus?");
    const input = within(confirmation).getByTestId("delete-confirm-name");
    const confirm = within(confirmation).getByTestId("delete-confirm");
    expect(input).toHaveFocus();
    expect(confirm).toBeDisabled();

    await user.type(input, "embedding");
    expect(confirm).toBeDisabled();
    await user.type(input, "S");
    expect(confirm).toBeDisabled();
    await user.type(input, "{Backspace}s ");
    expect(confirm).toBeDisabled();
    await user.type(input, "{Backspace}");
    expect(confirm).toBeEnabled();
    expect(callsTo(calls, "delete_deployment")).toHaveLength(0);

    await user.click(confirm);

    expect(await screen.findByTestId("deployments-status")).toHaveTextContent("Deleted embeddings.");
    expect(screen.queryByTestId("delete-confirmation")).not.toBeInTheDocument();
    expect(rowNames()).toEqual(["chat-prod", "legacy-35"]);
    expect(callsTo(calls, "delete_deployment").map((call) => call.args)).toEqual([
      {
        profileId: "sandbox",
        account: { subscriptionId: "sub-prod-0001", resourceGroup: "rg-ai", name: "contoso-eastus" },
        name: "embeddings",
        confirmName: "embeddings",
      },
    ]);
    // The table is asked for again, so it shows what Azure has now.
    await waitFor(() => expect(callsTo(calls, "list_deployment_rows")).toHaveLength(2));
    expect(rowNames()).toEqual(["chat-prod", "legacy-35"]);
  });

  it("says it is deleting while Azure works, and keeps the row until it is done", async () => {
    const { user } = renderDeployments({
      list_deployment_rows: () => sampleDeploymentRows(),
      delete_deployment: never,
    });
    await screen.findByTestId("deployments-table");

    await user.click(within(rowOf("chat-prod")).getByTestId("delete-deployment"));
    await user.type(screen.getByTestId("delete-confirm-name"), "chat-prod");
    await user.click(screen.getByTestId("delete-confirm"));

    expect(screen.getByTestId("delete-confirm")).toHaveTextContent("Deleting…");
    expect(screen.getByTestId("delete-confirm")).toBeDisabled();
    expect(screen.getByRole("button", { name: "Keep it" })).toBeDisabled();
    expect(rowNames()).toContain("chat-prod");
    expect(screen.queryByTestId("deployments-status")).not.toBeInTheDocument();
  });

  it("keeps its confirmation on screen until Azure answers, so a refusal is shown", async () => {
    let refuse: (error: unknown) => void = () => undefined;
    const { user } = renderDeployments({
      list_deployment_rows: () => sampleDeploymentRows(),
      delete_deployment: () =>
        new Promise<null>((_resolve, reject) => {
          refuse = reject;
        }),
    });
    await screen.findByTestId("deployments-table");
    await user.click(within(rowOf("embeddings")).getByTestId("delete-deployment"));
    await user.type(screen.getByTestId("delete-confirm-name"), "embeddings{Enter}");

    const waiting = [
      screen.getByTestId("new-deployment"),
      screen.getByTestId("deployments-filter"),
      ...screen.getAllByTestId("manage-deployment"),
      ...screen.getAllByTestId("delete-deployment"),
    ];
    for (const element of waiting) {
      expect(element).toBeDisabled();
      expect(element).toHaveAttribute("title", "Wait until embeddings is deleted.");
    }
    await user.click(within(rowOf("chat-prod")).getByTestId("manage-deployment"));
    await user.click(within(rowOf("chat-prod")).getByTestId("delete-deployment"));
    await user.type(screen.getByTestId("deployments-filter"), "chat");
    expect(screen.queryByTestId("manage-panel")).not.toBeInTheDocument();
    expect(screen.getByTestId("delete-confirmation")).toHaveTextContent("Delete embeddings");

    await act(async () =>
      refuse(commandError({ kind: "azure", message: "The deployment is in use." })),
    );

    expect(
      await within(screen.getByTestId("delete-confirmation")).findByRole("alert"),
    ).toHaveTextContent("The deployment is in use.");
    for (const element of waiting) {
      expect(element).toBeEnabled();
    }
  });

  it("shows Azure's refusal in place, with its code and request id", async () => {
    const { user } = renderDeployments({
      list_deployment_rows: () => sampleDeploymentRows(),
      delete_deployment: () => {
        throw commandError({
          kind: "forbidden",
          message: "Azure refused to delete the deployment.",
          code: "AuthorizationFailed",
          requestId: "req-del-1",
          missingRole: "Cognitive Services Contributor",
        });
      },
    });
    await screen.findByTestId("deployments-table");

    await user.click(within(rowOf("chat-prod")).getByTestId("delete-deployment"));
    await user.type(screen.getByTestId("delete-confirm-name"), "chat-prod{Enter}");

    const confirmation = screen.getByTestId("delete-confirmation");
    const alert = await within(confirmation).findByRole("alert");
    expect(alert).toHaveTextContent("Couldn’t delete chat-prod.");
    expect(alert).toHaveTextContent("Azure refused to delete the deployment.");
    expect(alert).toHaveTextContent("AuthorizationFailed");
    expect(alert).toHaveTextContent("req-del-1");
    expect(within(confirmation).getByTestId("missing-role")).toHaveTextContent(
      "Needs the role: Cognitive Services Contributor",
    );
    expect(rowNames()).toContain("chat-prod");
    expect(screen.getByTestId("delete-confirm")).toBeEnabled();
  });

  it("keeps the deployment when the person changes their mind", async () => {
    const { user, calls } = renderDeployments({ list_deployment_rows: () => sampleDeploymentRows() });
    await screen.findByTestId("deployments-table");

    await user.click(within(rowOf("chat-prod")).getByTestId("delete-deployment"));
    await user.click(screen.getByRole("button", { name: "Keep it" }));

    expect(screen.queryByTestId("delete-confirmation")).not.toBeInTheDocument();
    expect(rowNames()).toEqual(["chat-prod", "embeddings", "legacy-35"]);
    expect(callsTo(calls, "delete_deployment")).toHaveLength(0);
  });
});
