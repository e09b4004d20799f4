import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import type { ConversationTarget, PlaygroundParameters, Preset } from "../../bindings";
import { commandError, mockCommands } from "../../test/mockCommands";
import { renderWithQueries } from "../../test/render";
import { PresetsBar } from "./PresetsBar";
import { argsOf, gpt4oTarget, o4miniTarget, sampleParameters, samplePreset } from "./testFixtures";

const target = gpt4oTarget.target;
const creative = samplePreset({
  id: "preset-creative",
  name: "Creative",
  parameters: sampleParameters({ temperature: 1.4, topP: 0.95 }),
});

/** The presets as Rust keeps them: saving a name that exists replaces that preset. */
function presetsOnFile(initial: Preset[]) {
  let presets = initial;
  let next = 1;
  return {
    list: () => presets,
    save: (args: Record<string, unknown>): Preset => {
      const name = String(args.name);
      const existing = presets.find((p) => p.name.toLowerCase() === name.toLowerCase());
      const saved = samplePreset({
        id: existing?.id ?? `preset-new-${next++}`,
        name,
        parameters: args.parameters as PlaygroundParameters,
      });
      presets = [...presets.filter((p) => p.id !== saved.id), saved];
      return saved;
    },
    remove: (args: Record<string, unknown>) => {
      presets = presets.filter((p) => p.id !== args.id);
      return true;
    },
  };
}

function renderBar(
  options: {
    presets?: Preset[];
    target?: ConversationTarget | null;
    parameters?: PlaygroundParameters;
  } = {},
) {
  const user = userEvent.setup();
  const file = presetsOnFile(options.presets ?? [samplePreset(), creative]);
  const calls = mockCommands({
    list_presets: () => file.list(),
    save_preset: (args) => file.save(args as Record<string, unknown>),
    delete_preset: (args) => file.remove(args as Record<string, unknown>),
  });
  const onApply = vi.fn<(p: PlaygroundParameters) => void>();
  const parameters = options.parameters ?? sampleParameters({ temperature: 0.1, seed: 7 });
  const view = renderWithQueries(
    <PresetsBar
      target={options.target === undefined ? target : options.target}
      parameters={parameters}
      onApply={onApply}
    />,
  );
  return { user, calls, onApply, parameters, ...view };
}

const select = () => screen.getByTestId<HTMLSelectElement>("preset-select");
const status = () => screen.getByTestId("preset-status");

async function loaded() {
  await waitFor(() => expect(select()).toBeEnabled());
}

describe("PresetsBar", () => {
  it("lists the deployment's presets, and applies the one chosen", async () => {
    const { user, calls, onApply } = renderBar();
    await loaded();
    expect(argsOf(calls, "list_presets")).toEqual([{ target }]);
    expect(
      within(select())
        .getAllByRole("option")
        .map((option) => option.textContent),
    ).toEqual(["Choose a preset…", "Terse", "Creative"]);

    await user.selectOptions(select(), "Creative");

    expect(onApply).toHaveBeenCalledExactlyOnceWith(creative.parameters);
    expect(status()).toHaveTextContent("Applied preset 'Creative'");
    expect(select()).toHaveDisplayValue("Creative");
  });

  it("saves the current parameters under a new name", async () => {
    const { user, calls, parameters } = renderBar();
    await loaded();

    await user.click(screen.getByTestId("preset-save"));
    const name = screen.getByTestId("preset-name");
    expect(name).toHaveFocus();
    expect(screen.getByTestId("preset-save-confirm")).toBeDisabled();
    await user.type(name, "Careful{Enter}");

    await waitFor(() => expect(status()).toHaveTextContent("Saved preset 'Careful'"));
    expect(argsOf(calls, "save_preset")).toEqual([{ target, name: "Careful", parameters }]);
    expect(screen.queryByTestId("preset-name")).not.toBeInTheDocument();
    // The list is read again, and shows the new preset as chosen.
    await waitFor(() => expect(select()).toHaveDisplayValue("Careful"));
    expect(screen.getByTestId("preset-save")).toHaveFocus();
  });

  it("says when saving replaces a preset of the same name", async () => {
    const { user, calls } = renderBar();
    await loaded();

    await user.click(screen.getByTestId("preset-save"));
    await user.type(screen.getByTestId("preset-name"), "terse");
    expect(screen.getByTestId("preset-replaces")).toHaveTextContent(
      "Saving replaces the preset 'Terse'.",
    );
    expect(screen.getByTestId("preset-save-confirm")).toHaveTextContent("Replace");

    await user.click(screen.getByTestId("preset-save-confirm"));

    await waitFor(() => expect(status()).toHaveTextContent("Replaced preset 'terse'"));
    expect(argsOf(calls, "save_preset")).toHaveLength(1);
  });

  it("cancels naming with Escape, saving nothing", async () => {
    const { user, calls } = renderBar();
    await loaded();
    await user.click(screen.getByTestId("preset-save"));
    await user.type(screen.getByTestId("preset-name"), "Draft");
    await user.keyboard("{Escape}");
    expect(screen.queryByTestId("preset-name")).not.toBeInTheDocument();
    expect(screen.getByTestId("preset-save")).toHaveFocus();
    expect(argsOf(calls, "save_preset")).toEqual([]);
  });

  it("deletes the chosen preset after a confirmation", async () => {
    const { user, calls } = renderBar();
    await loaded();
    expect(screen.getByTestId("preset-delete")).toBeDisabled();
    await user.selectOptions(select(), "Terse");

    await user.click(screen.getByTestId("preset-delete"));
    expect(screen.getByTestId("preset-delete-confirmation")).toHaveTextContent(
      "Delete the preset 'Terse'?",
    );
    await user.click(screen.getByTestId("preset-delete-cancel"));
    expect(screen.queryByTestId("preset-delete-confirmation")).not.toBeInTheDocument();
    expect(argsOf(calls, "delete_preset")).toEqual([]);

    await user.click(screen.getByTestId("preset-delete"));
    await user.click(screen.getByTestId("preset-delete-confirm"));

    await waitFor(() => expect(status()).toHaveTextContent("Deleted preset 'Terse'"));
    expect(argsOf(calls, "delete_preset")).toEqual([{ id: "preset-terse" }]);
    await waitFor(() =>
      expect(within(select()).queryByRole("option", { name: "Terse" })).not.toBeInTheDocument(),
    );
    expect(select()).toHaveDisplayValue("Choose a preset…");
  });

  it("shows why a save failed, keeping the name", async () => {
    const { user } = renderBar();
    mockCommands({
      list_presets: () => [samplePreset()],
      save_preset: () => {
        throw commandError({
          kind: "input",
          message: "A preset needs a name of 80 characters or fewer.",
        });
      },
    });
    await loaded();
    await user.click(screen.getByTestId("preset-save"));
    await user.type(screen.getByTestId("preset-name"), "Long{Enter}");

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "A preset needs a name of 80 characters or fewer.",
    );
    expect(screen.getByTestId("preset-name")).toHaveValue("Long");
  });

  it("is off with no deployment chosen", () => {
    const { calls } = renderBar({ target: null });
    expect(select()).toBeDisabled();
    expect(screen.getByTestId("preset-save")).toBeDisabled();
    expect(screen.getByTestId("preset-delete")).toBeDisabled();
    expect(status()).toHaveTextContent("Choose a deployment to use its presets.");
    expect(calls).toEqual([]);
  });

  it("starts over on another deployment", async () => {
    const user = userEvent.setup();
    mockCommands({ list_presets: () => [samplePreset()] });
    function Switcher() {
      const [current, setCurrent] = useState(target);
      return (
        <>
          <button type="button" onClick={() => setCurrent(o4miniTarget.target)}>
            Switch
          </button>
          <PresetsBar target={current} parameters={sampleParameters()} onApply={() => undefined} />
        </>
      );
    }
    renderWithQueries(<Switcher />);
    await loaded();
    await user.selectOptions(select(), "Terse");
    expect(status()).toHaveTextContent("Applied preset 'Terse'");

    await user.click(screen.getByRole("button", { name: "Switch" }));

    expect(status()).toHaveTextContent(/^$/);
    await loaded();
    expect(select()).toHaveDisplayValue("Choose a preset…");
  });
});
