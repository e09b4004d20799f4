import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { ConversationTarget, PlaygroundTarget } from "../../bindings";
import { commandError, mockCommands, never, type CommandReplies } from "../../test/mockCommands";
import { renderWithQueries } from "../../test/render";
import { TargetPicker, targetKey, targetText } from "./TargetPicker";
import { gpt4oTarget, o4miniTarget, targetsFixture, workSignedOut } from "./testFixtures";

function renderPicker(
  value: ConversationTarget | null,
  replies: CommandReplies = { playground_targets: () => targetsFixture },
  label?: string,
) {
  const user = userEvent.setup();
  const calls = mockCommands(replies);
  const onChange = vi.fn<(target: PlaygroundTarget) => void>();
  renderWithQueries(<TargetPicker value={value} onChange={onChange} label={label} />);
  return { user, calls, onChange };
}

const picker = () => screen.getByTestId<HTMLSelectElement>("target-picker");

describe("TargetPicker", () => {
  it("groups the chat deployments by profile, with a signed-out profile saying why", async () => {
    const { user, onChange } = renderPicker(null);
    await waitFor(() => expect(picker()).toBeEnabled());

    expect(screen.getByLabelText("Deployment")).toBe(picker());
    expect(picker()).toHaveDisplayValue("Choose a deployment…");
    const sandbox = screen.getByRole("group", { name: "Sandbox" });
    expect(
      within(sandbox)
        .getAllByRole("option")
        .map((option) => option.textContent),
    ).toEqual([
      "gpt-4o — gpt-4o 2024-11-20 (contoso-openai-eastus)",
      "o4-mini — o4-mini 2025-04-16 (contoso-ai-swedencentral)",
    ]);
    const work = within(screen.getByRole("group", { name: "Work" })).getByRole("option");
    expect(work).toHaveTextContent(workSignedOut);
    expect(work).toBeDisabled();

    await user.selectOptions(picker(), "o4-mini — o4-mini 2025-04-16 (contoso-ai-swedencentral)");

    expect(onChange).toHaveBeenCalledExactlyOnceWith(o4miniTarget);
  });

  it("shows the deployment it is given as chosen, under its own label", async () => {
    renderPicker(gpt4oTarget.target, undefined, "Deployment 1");
    await waitFor(() => expect(picker()).toBeEnabled());
    expect(screen.getByLabelText("Deployment 1")).toBe(picker());
    expect(picker()).toHaveValue(targetKey(gpt4oTarget.target));
    expect(screen.queryByRole("option", { name: "Choose a deployment…" })).toBeNull();
  });

  it("keeps a saved conversation's deployment that no profile lists now", async () => {
    const gone = { ...gpt4oTarget.target, deployment: "gpt-35-old", model: null, account: null };
    renderPicker(gone);
    await waitFor(() => expect(picker()).toBeEnabled());
    expect(picker()).toHaveDisplayValue("gpt-35-old — model unknown — not listed now");
  });

  it("says it is loading", () => {
    renderPicker(null, { playground_targets: () => never() });
    expect(picker()).toBeDisabled();
    expect(picker()).toHaveDisplayValue("Loading deployments…");
  });

  it("says why the deployments could not be listed, and tries again", async () => {
    let fail = true;
    const { user, calls } = renderPicker(null, {
      playground_targets: () => {
        if (fail) {
          throw commandError({ kind: "internal", message: "The profiles file is unreadable." });
        }
        return targetsFixture;
      },
    });

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Couldn’t list the deployments: The profiles file is unreadable.",
    );
    fail = false;
    await user.click(screen.getByTestId("target-picker-retry"));

    await waitFor(() => expect(picker()).toBeEnabled());
    expect(calls.filter((call) => call.cmd === "playground_targets")).toHaveLength(2);
  });

  it("points to the Deployments screen when there is nothing to chat with", async () => {
    renderPicker(null, {
      playground_targets: () => [
        { profileId: "sandbox", profileName: "Sandbox", targets: [], problem: null },
        { profileId: "acct-work", profileName: "Work", targets: [], problem: workSignedOut },
      ],
    });

    const empty = await screen.findByTestId("target-picker-empty");
    expect(empty).toHaveTextContent("No chat deployments — create one on the Deployments screen");
    expect(within(empty).getByRole("link", { name: "Deployments screen" })).toHaveAttribute(
      "href",
      "#/deployments",
    );
    expect(screen.getByText(workSignedOut)).toBeVisible();
  });

  it("names a deployment whose model is unknown", () => {
    expect(targetText({ profileId: "ep-1", deployment: "chat", endpoint: "https://x/" })).toBe(
      "chat — model unknown",
    );
  });
});
