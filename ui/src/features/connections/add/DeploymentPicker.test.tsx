import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { FoundDeployments, ProfileView } from "../../../bindings";
import { defaultSettings } from "../../../test/fixtures";
import { commandError, mockCommands, never, type CommandReplies } from "../../../test/mockCommands";
import { renderWithQueries } from "../../../test/render";
import { AddProfileForm } from "./AddProfileForm";

const endpointUrl = "https://acct.openai.azure.com";

const found: FoundDeployments = {
  viaProfile: "Work",
  account: "acct",
  deployments: [
    { name: "gpt-4o", model: "gpt-4o", modelVersion: "2024-11-20" },
    { name: "o3", model: "o3", modelVersion: null },
  ],
};

const added: ProfileView = {
  profile: {
    id: "p-endpoint",
    name: "Contoso",
    connection: {
      kind: "endpointKey",
      endpoint: endpointUrl,
      api: { style: "v1" },
      deployments: [],
      signInWith: null,
    },
  },
  signIn: "notNeeded",
  key: null,
  simulated: false,
};

type User = ReturnType<typeof userEvent.setup>;

/** The endpoint + key form with a name and, unless told otherwise, a valid endpoint. */
async function setup(replies: CommandReplies, endpoint = endpointUrl) {
  const user = userEvent.setup();
  const calls = mockCommands({ get_settings: () => defaultSettings(), ...replies });
  const onAdded = vi.fn<(profile: ProfileView) => void>();
  renderWithQueries(<AddProfileForm onAdded={onAdded} onCancel={() => undefined} />);
  await user.click(screen.getByLabelText("Endpoint + key"));
  await user.type(screen.getByLabelText("Name"), "Contoso");
  if (endpoint !== "") {
    await user.click(screen.getByLabelText("Endpoint URL"));
    await user.paste(endpoint);
  }
  return { user, calls, onAdded };
}

/** The calls that ask or send something: all but the form's read of the settings. */
function sent(calls: ReturnType<typeof mockCommands>) {
  return calls.filter((call) => call.cmd !== "get_settings");
}

function pickButton() {
  return screen.getByTestId("find-deployments");
}

function deploymentsField() {
  return screen.getByLabelText("Deployments (optional)");
}

/** What the form sent as the profile's deployments, once it was added. */
async function sentDeployments(user: User, calls: ReturnType<typeof mockCommands>) {
  await user.click(screen.getByRole("button", { name: "Add profile" }));
  const call = await waitFor(() => {
    const sent = calls.find((c) => c.cmd === "add_endpoint_profile");
    expect(sent).toBeDefined();
    return sent;
  });
  return (call?.args as { profile: { deployments: string[] } }).profile.deployments;
}

describe("Pick from Azure", () => {
  it("lists the deployments found, and a checked one is sent with the profile", async () => {
    const { user, calls } = await setup({
      find_deployments: () => found,
      add_endpoint_profile: () => added,
    });

    await user.click(screen.getByRole("button", { name: "Pick from Azure" }));

    expect(await screen.findByText("Found through Work on acct:")).toBeVisible();
    const choices = screen.getAllByTestId("deployment-choice");
    expect(choices).toHaveLength(2);
    const gpt = screen.getByRole("checkbox", { name: "gpt-4o — gpt-4o 2024-11-20" });
    const o3 = screen.getByRole("checkbox", { name: "o3 — o3" });
    expect(gpt).not.toBeChecked();
    expect(o3).not.toBeChecked();
    expect(sent(calls)).toEqual([{ cmd: "find_deployments", args: { endpoint: endpointUrl } }]);

    await user.click(o3);

    expect(o3).toBeChecked();
    expect(deploymentsField()).toHaveValue("o3");
    expect(await sentDeployments(user, calls)).toEqual(["o3"]);
  });

  it("pre-checks the names already typed and keeps the others when unchecking", async () => {
    const { user, calls } = await setup({
      find_deployments: () => found,
      add_endpoint_profile: () => added,
    });
    await user.type(deploymentsField(), "my-own, gpt-4o\nlater");

    await user.click(pickButton());

    const gpt = await screen.findByRole("checkbox", { name: "gpt-4o — gpt-4o 2024-11-20" });
    expect(gpt).toBeChecked();
    expect(screen.getByRole("checkbox", { name: "o3 — o3" })).not.toBeChecked();

    await user.click(gpt);
    await user.click(screen.getByRole("checkbox", { name: "o3 — o3" }));

    expect(gpt).not.toBeChecked();
    expect(deploymentsField()).toHaveValue("my-own\nlater\no3");
    expect(await sentDeployments(user, calls)).toEqual(["my-own", "later", "o3"]);
  });

  it("unchecks a choice when its name is deleted from the textarea", async () => {
    const { user } = await setup({ find_deployments: () => found });
    await user.type(deploymentsField(), "o3");
    await user.click(pickButton());
    const o3 = await screen.findByRole("checkbox", { name: "o3 — o3" });
    expect(o3).toBeChecked();

    await user.clear(deploymentsField());

    expect(o3).not.toBeChecked();
  });

  it("says so when the resource has no deployments", async () => {
    const { user } = await setup({
      find_deployments: () => ({ viaProfile: "Work", account: "acct", deployments: [] }),
    });

    await user.click(pickButton());

    expect(await screen.findByText("acct has no deployments yet.")).toBeVisible();
    expect(screen.queryByTestId("deployment-choice")).not.toBeInTheDocument();
  });

  it("asks for typed names when no signed-in profile can see the resource", async () => {
    const { user } = await setup({ find_deployments: () => null });

    await user.click(pickButton());

    expect(await screen.findByTestId("find-deployments-none")).toHaveTextContent(
      "No signed-in profile can see this resource: type the deployment names.",
    );
    expect(screen.queryByTestId("deployment-choice")).not.toBeInTheDocument();
  });

  it("shows why the deployments could not be listed", async () => {
    const { user } = await setup({
      find_deployments: () => {
        throw commandError({
          kind: "forbidden",
          message: "Work may not list the deployments of acct.",
          requestId: "req-42",
        });
      },
    });

    await user.click(pickButton());

    const notice = await screen.findByRole("alert");
    expect(within(notice).getByText("Deployments could not be listed")).toBeVisible();
    expect(notice).toHaveTextContent("Work may not list the deployments of acct.");
    expect(notice).toHaveTextContent("req-42");
    expect(pickButton()).toBeEnabled();
  });

  it("shows Looking… and cannot be asked twice while it looks", async () => {
    const { user, calls } = await setup({ find_deployments: () => never() });

    await user.click(pickButton());

    const looking = await screen.findByRole("button", { name: "Looking…" });
    expect(looking).toBeDisabled();
    await user.click(looking);
    expect(calls.filter((call) => call.cmd === "find_deployments")).toHaveLength(1);
  });

  it("is disabled until the endpoint URL is valid", async () => {
    const { user, calls } = await setup({ find_deployments: () => found }, "");
    expect(pickButton()).toBeDisabled();

    await user.type(screen.getByLabelText("Endpoint URL"), "acct.openai.azure.com");
    expect(pickButton()).toBeDisabled();
    await user.click(pickButton());

    await user.clear(screen.getByLabelText("Endpoint URL"));
    await user.type(screen.getByLabelText("Endpoint URL"), "http://acct.openai.azure.com");
    expect(pickButton()).toBeDisabled();

    await user.clear(screen.getByLabelText("Endpoint URL"));
    await user.paste(endpointUrl);
    expect(pickButton()).toBeEnabled();
    expect(sent(calls)).toEqual([]);
  });

  it("drops the deployments found when the endpoint URL changes", async () => {
    const { user } = await setup({ find_deployments: () => found });
    await user.click(pickButton());
    expect(await screen.findByText("Found through Work on acct:")).toBeVisible();

    await user.type(screen.getByLabelText("Endpoint URL"), "/openai/v1");

    expect(screen.queryByText("Found through Work on acct:")).not.toBeInTheDocument();
    expect(screen.queryByTestId("deployment-choice")).not.toBeInTheDocument();
    expect(pickButton()).toHaveTextContent("Pick from Azure");
  });
});
