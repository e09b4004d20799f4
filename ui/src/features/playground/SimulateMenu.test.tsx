import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { commandError, mockCommands, type CommandReplies } from "../../test/mockCommands";
import { renderWithQueries } from "../../test/render";
import { SimulateMenu } from "./SimulateMenu";
import { argsOf, gpt4oTarget } from "./testFixtures";

const target = gpt4oTarget.target;

function renderMenu(replies: CommandReplies = { simulate_problem: () => null }) {
  const user = userEvent.setup();
  const calls = mockCommands(replies);
  renderWithQueries(<SimulateMenu target={target} />);
  return { user, calls };
}

const select = () => screen.getByTestId<HTMLSelectElement>("simulate-select");

describe("SimulateMenu", () => {
  it("offers the Sandbox's problems under its label", () => {
    renderMenu();
    expect(screen.getByLabelText("Sandbox: simulate a problem on the next answer")).toBe(select());
    expect(
      within(select())
        .getAllByRole("option")
        .map((option) => option.textContent),
    ).toEqual([
      "Simulate a problem…",
      "Rate limit (429)",
      "Prompt blocked by the content filter",
      "Answer stopped by the content filter",
      "Connection cut mid-answer",
      "Slow answer (time to press Stop)",
    ]);
    expect(screen.queryByTestId("simulate-armed")).not.toBeInTheDocument();
  });

  it("arms the chosen problem for the next answer, and says so", async () => {
    const { user, calls } = renderMenu();

    await user.selectOptions(select(), "Rate limit (429)");

    expect(await screen.findByTestId("simulate-armed")).toHaveTextContent(
      "The next answer will hit: Rate limit (429).",
    );
    expect(argsOf(calls, "simulate_problem")).toEqual([{ target, problem: "rateLimit" }]);
    // Back on the prompt, ready for another.
    expect(select()).toHaveValue("");

    await user.selectOptions(select(), "Connection cut mid-answer");
    await waitFor(() =>
      expect(screen.getByTestId("simulate-armed")).toHaveTextContent(
        "The next answer will hit: Connection cut mid-answer.",
      ),
    );
    expect(argsOf(calls, "simulate_problem").map((args) => args.problem)).toEqual([
      "rateLimit",
      "cutStream",
    ]);
  });

  it("says when the problem could not be armed", async () => {
    const { user } = renderMenu({
      simulate_problem: () => {
        throw commandError({
          kind: "input",
          message: "Only Sandbox deployments can simulate problems.",
        });
      },
    });
    await user.selectOptions(select(), "Slow answer (time to press Stop)");
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Only Sandbox deployments can simulate problems.",
    );
    expect(screen.queryByTestId("simulate-armed")).not.toBeInTheDocument();
  });
});
