import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import type { PlaygroundParameters, Preset, ProfileTargets } from "../../../bindings";
import { commandError, mockCommands, never } from "../../../test/mockCommands";
import { renderWithQueries } from "../../../test/render";
import { ParametersPanel } from "../../playground/ParametersPanel";
import {
  argsOf,
  gpt4oTarget,
  o4miniTarget,
  rulesChat,
  rulesUnknown,
  sampleParameters,
  samplePreset,
  targetsFixture,
} from "../../playground/testFixtures";
import { PresetsSection } from "./PresetsSection";

const terse = samplePreset();
const creative = samplePreset({
  id: "preset-creative",
  name: "Creative",
  parameters: sampleParameters({ temperature: 1.4, topP: 0.95 }),
});
const thinker = samplePreset({
  id: "preset-thinker",
  name: "Thinker",
  endpoint: o4miniTarget.target.endpoint ?? "",
  deployment: "o4-mini",
  parameters: sampleParameters({ reasoningEffort: "low", maxTokens: 4000, jsonResponse: true }),
});
/** A preset of a profile removed since: its deployment is listed nowhere. */
const orphan = samplePreset({
  id: "preset-orphan",
  name: "Old habits",
  profileId: "acct-old",
  endpoint: "https://old-resource.openai.azure.com/",
  deployment: "gpt-35-turbo",
  parameters: sampleParameters({ seed: 42, stop: ["END", "STOP"], pastMessages: 4 }),
});

function sameDeployment(a: Preset, b: Preset): boolean {
  return (
    a.profileId === b.profileId && a.endpoint === b.endpoint && a.deployment === b.deployment
  );
}

/** The presets as Rust keeps them: names unique per deployment, copies under a free name. */
function presetsOnFile(initial: Preset[]) {
  let presets = initial;
  let next = 1;
  return {
    list: () => presets,
    ofTarget: (args: Record<string, unknown>) => {
      const target = args.target as { deployment?: string; endpoint?: string };
      return presets.filter(
        (p) => p.deployment === target.deployment && p.endpoint === target.endpoint,
      );
    },
    update: (args: Record<string, unknown>): Preset => {
      const existing = presets.find((p) => p.id === args.id);
      if (existing === undefined) {
        throw commandError({ kind: "notFound", message: "That preset was deleted." });
      }
      const name = String(args.name);
      const taken = presets.find(
        (p) =>
          p.id !== existing.id &&
          sameDeployment(p, existing) &&
          p.name.toLowerCase() === name.toLowerCase(),
      );
      if (taken !== undefined) {
        throw commandError({
          kind: "input",
          message: `${existing.deployment} already has a preset named '${taken.name}'.`,
        });
      }
      const saved = {
        ...existing,
        name,
        parameters: args.parameters as PlaygroundParameters,
        updatedAtMs: Date.UTC(2025, 10, 20, 10, 0),
      };
      presets = presets.map((p) => (p.id === saved.id ? saved : p));
      return saved;
    },
    duplicate: (args: Record<string, unknown>): Preset => {
      const original = presets.find((p) => p.id === args.id);
      if (original === undefined) throw commandError({ kind: "notFound", message: "Gone." });
      const copy = { ...original, id: `preset-copy-${next++}`, name: `${original.name} (copy)` };
      presets = [...presets, copy];
      return copy;
    },
    remove: (args: Record<string, unknown>) => {
      const had = presets.some((p) => p.id === args.id);
      presets = presets.filter((p) => p.id !== args.id);
      return had;
    },
  };
}

type Options = { presets?: Preset[]; targets?: ProfileTargets[] };

function mockPresets(options: Options = {}) {
  const file = presetsOnFile(options.presets ?? [terse, creative, thinker, orphan]);
  const calls = mockCommands({
    list_all_presets: () => file.list(),
    playground_targets: () => options.targets ?? targetsFixture,
    parameter_rules: () => rulesUnknown,
    update_preset: (args) => file.update(args as Record<string, unknown>),
    duplicate_preset: (args) => file.duplicate(args as Record<string, unknown>),
    delete_preset: (args) => file.remove(args as Record<string, unknown>),
    list_presets: (args) => file.ofTarget(args as Record<string, unknown>),
  });
  return { calls, file };
}

function renderSection(options: Options = {}) {
  const user = userEvent.setup();
  const { calls } = mockPresets(options);
  const view = renderWithQueries(<PresetsSection />);
  return { user, calls, ...view };
}

const section = () => screen.getByTestId("presets-section");

function row(id: string) {
  const found = section().querySelector<HTMLElement>(`[data-testid="preset-row"][data-id="${id}"]`);
  if (found === null) throw new Error(`no preset row ${id}`);
  return found;
}

/** The group headed "gpt-4o · Sandbox". */
function group(title: string) {
  const heading = screen.getByRole("heading", { level: 3, name: title });
  const found = heading.closest<HTMLElement>("[data-testid=presets-group]");
  if (found === null) throw new Error(`no group ${title}`);
  return found;
}

/** The list once read, with the targets' profile names (so the deployments' rules are known). */
async function listed() {
  await waitFor(() =>
    expect(screen.getAllByTestId("presets-group-title")[0]).toHaveTextContent("Sandbox"),
  );
}

async function openEditor(user: ReturnType<typeof userEvent.setup>, id: string) {
  await user.click(within(row(id)).getByTestId("preset-edit"));
  return within(row(id)).getByTestId("preset-editor");
}

describe("Deployment presets in Settings", () => {
  it("lists every preset under its deployment, saying what each one sets", async () => {
    renderSection();
    await listed();

    expect(screen.getAllByTestId("presets-group-title").map((h) => h.textContent)).toEqual([
      "gpt-4o · Sandbox",
      "gpt-35-turbo · acct-old",
      "o4-mini · Sandbox",
    ]);
    const gpt4o = group("gpt-4o · Sandbox");
    const old = group("gpt-35-turbo · acct-old");
    const o4mini = group("o4-mini · Sandbox");
    expect(within(gpt4o).getAllByTestId("preset-row-name").map((n) => n.textContent)).toEqual([
      "Creative",
      "Terse",
    ]);
    expect(within(row("preset-terse")).getByTestId("preset-row-summary")).toHaveTextContent(
      "temperature 0.2 · max_tokens 200 · system message",
    );
    expect(within(row("preset-creative")).getByTestId("preset-row-summary")).toHaveTextContent(
      "temperature 1.4 · top_p 0.95",
    );
    // The reasoning model's own name for the length limit.
    expect(within(o4mini).getByTestId("preset-row-summary")).toHaveTextContent(
      "max_completion_tokens 4000 · reasoning_effort low · JSON response",
    );
    expect(within(old).getByTestId("preset-row-summary")).toHaveTextContent(
      "seed 42 · 2 stop sequences · 4 past messages",
    );
    expect(old).toHaveTextContent("not listed now");
    expect(within(row("preset-terse")).getByText(/^Updated /)).toBeVisible();
  });

  it("says there are none yet", async () => {
    renderSection({ presets: [] });

    expect(await screen.findByTestId("presets-empty")).toHaveTextContent(
      "No presets yet. Save one from the Playground’s parameters panel.",
    );
    expect(screen.queryByTestId("preset-row")).not.toBeInTheDocument();
  });

  it("says it is loading, and shows the list once read", async () => {
    const user = userEvent.setup();
    let answer: (presets: Preset[]) => void = () => undefined;
    mockCommands({
      list_all_presets: () => new Promise<Preset[]>((resolve) => (answer = resolve)),
      playground_targets: () => targetsFixture,
    });
    renderWithQueries(<PresetsSection />);

    expect(screen.getByTestId("presets-loading")).toHaveTextContent("Loading presets…");
    answer([terse]);
    expect(await screen.findByTestId("preset-row")).toHaveTextContent("Terse");
    expect(screen.queryByTestId("presets-loading")).not.toBeInTheDocument();
    await user.click(screen.getByTestId("preset-edit"));
    expect(screen.getByTestId("preset-editor")).toBeVisible();
  });

  it("says why the list could not be read, and reads it again on Try again", async () => {
    const user = userEvent.setup();
    let fail = true;
    mockCommands({
      list_all_presets: () => {
        if (fail) throw commandError({ kind: "settings", message: "presets.json is unreadable." });
        return [terse];
      },
      playground_targets: () => targetsFixture,
    });
    renderWithQueries(<PresetsSection />);

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Couldn’t read the presets.");
    expect(alert).toHaveTextContent("presets.json is unreadable.");
    fail = false;
    await user.click(within(alert).getByRole("button", { name: "Try again" }));

    expect(await screen.findByTestId("preset-row")).toHaveTextContent("Terse");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("saves a new name and parameters, and the row shows them", async () => {
    const { user, calls } = renderSection();
    await listed();
    const editor = await openEditor(user, "preset-terse");
    const name = within(editor).getByTestId("preset-edit-name");
    expect(name).toHaveValue("Terse");
    expect(name).toHaveFocus();

    await user.clear(name);
    await user.type(name, "Warmer");
    const temperature = within(editor).getByTestId("param-temperature");
    await user.clear(temperature);
    await user.type(temperature, "0.7");
    await user.click(within(editor).getByTestId("preset-edit-save"));

    await waitFor(() => expect(screen.queryByTestId("preset-editor")).not.toBeInTheDocument());
    expect(argsOf(calls, "update_preset")).toEqual([
      {
        id: "preset-terse",
        name: "Warmer",
        parameters: { ...terse.parameters, temperature: 0.7 },
      },
    ]);
    await waitFor(() =>
      expect(within(row("preset-terse")).getByTestId("preset-row-name")).toHaveTextContent(
        "Warmer",
      ),
    );
    expect(within(row("preset-terse")).getByTestId("preset-row-summary")).toHaveTextContent(
      "temperature 0.7 · max_tokens 200 · system message",
    );
    expect(screen.getByTestId("presets-status")).toHaveTextContent(
      "Saved preset 'Terse' as 'Warmer'",
    );
    expect(within(row("preset-terse")).getByTestId("preset-edit")).toHaveFocus();
  });

  it("shows Rust's refusal of a name taken, keeping everything typed", async () => {
    const { user, calls } = renderSection();
    await listed();
    const editor = await openEditor(user, "preset-terse");
    const name = within(editor).getByTestId("preset-edit-name");
    await user.clear(name);
    await user.type(name, "creative");
    const temperature = within(editor).getByTestId("param-temperature");
    await user.clear(temperature);
    await user.type(temperature, "0.5");

    await user.click(within(editor).getByTestId("preset-edit-save"));

    expect(await within(editor).findByTestId("field-error-preset-name")).toHaveTextContent(
      "gpt-4o already has a preset named 'Creative'.",
    );
    expect(name).toHaveAttribute("aria-invalid", "true");
    expect(name).toHaveValue("creative");
    expect(name).toHaveFocus();
    expect(temperature).toHaveValue(0.5);
    expect(argsOf(calls, "update_preset")).toHaveLength(1);
    // The list is as it was.
    expect(within(row("preset-terse")).getByTestId("preset-row-name")).toHaveTextContent("Terse");

    // Another name is saved with the parameters typed before the refusal.
    await user.type(name, " 2");
    expect(within(editor).queryByTestId("field-error-preset-name")).not.toBeInTheDocument();
    await user.click(within(editor).getByTestId("preset-edit-save"));
    await waitFor(() =>
      expect(within(row("preset-terse")).getByTestId("preset-row-name")).toHaveTextContent(
        "creative 2",
      ),
    );
    expect(argsOf(calls, "update_preset")[1]).toMatchObject({
      name: "creative 2",
      parameters: { temperature: 0.5 },
    });
  });

  it("will not save without a name or with a parameter out of range", async () => {
    const { user, calls } = renderSection();
    await listed();
    const editor = await openEditor(user, "preset-terse");
    const save = within(editor).getByTestId("preset-edit-save");
    const name = within(editor).getByTestId("preset-edit-name");

    await user.clear(name);
    expect(save).toBeDisabled();
    expect(within(editor).getByTestId("field-error-preset-name")).toHaveTextContent(
      "A preset needs a name",
    );
    await user.type(name, "Hot");
    expect(save).toBeEnabled();

    const temperature = within(editor).getByTestId("param-temperature");
    await user.clear(temperature);
    await user.type(temperature, "3");
    expect(save).toBeDisabled();
    expect(within(editor).getByTestId("field-error-temperature")).toHaveTextContent(
      "Temperature must be between 0 and 2",
    );

    await user.click(within(editor).getByTestId("preset-edit-cancel"));
    expect(screen.queryByTestId("preset-editor")).not.toBeInTheDocument();
    expect(argsOf(calls, "update_preset")).toEqual([]);
    expect(within(row("preset-terse")).getByTestId("preset-row-name")).toHaveTextContent("Terse");
  });

  it("edits a reasoning deployment's preset with that model's parameters", async () => {
    const { user, calls } = renderSection();
    await listed();

    const chat = await openEditor(user, "preset-terse");
    expect(within(chat).getByTestId("param-temperature")).toBeVisible();
    await user.click(within(chat).getByTestId("preset-edit-cancel"));

    const editor = await openEditor(user, "preset-thinker");
    expect(within(editor).queryByTestId("param-temperature")).not.toBeInTheDocument();
    expect(within(editor).queryByTestId("param-top-p")).not.toBeInTheDocument();
    expect(within(editor).getByTestId("params-hidden")).toHaveTextContent(
      "o4-mini is a reasoning model",
    );
    expect(within(editor).getByLabelText("max_completion_tokens")).toHaveValue(4000);
    expect(within(editor).getByTestId("param-reasoning-effort")).toHaveDisplayValue("low");
    expect(within(editor).queryByTestId("preset-edit-unlisted")).not.toBeInTheDocument();
    expect(argsOf(calls, "parameter_rules")).toEqual([]);
  });

  it("offers every parameter for a deployment no longer listed, and says so", async () => {
    const { user, calls } = renderSection();
    await listed();

    const editor = await openEditor(user, "preset-orphan");

    expect(within(editor).getByTestId("preset-edit-unlisted")).toHaveTextContent(
      "gpt-35-turbo (acct-old) is not listed now — every parameter is offered.",
    );
    expect(await within(editor).findByTestId("param-temperature")).toBeVisible();
    expect(within(editor).getByTestId("param-reasoning-effort")).toBeVisible();
    expect(argsOf(calls, "parameter_rules")).toEqual([{ model: null, modelVersion: null }]);
  });

  it("says when the preset was deleted meanwhile, keeping the editor until Cancel", async () => {
    const user = userEvent.setup();
    const { file } = mockPresets();
    renderWithQueries(<PresetsSection />);
    await listed();
    const editor = await openEditor(user, "preset-terse");
    const name = within(editor).getByTestId("preset-edit-name");
    await user.type(name, " v2");
    file.remove({ id: "preset-terse" });

    await user.click(within(editor).getByTestId("preset-edit-save"));

    expect(await within(editor).findByRole("alert")).toHaveTextContent(
      "This preset was deleted meanwhile.",
    );
    expect(name).toHaveValue("Terse v2");
    await user.click(within(editor).getByTestId("preset-edit-cancel"));
    await waitFor(() =>
      expect(screen.queryByText("Terse", { selector: "[data-testid=preset-row-name]" }))
        .not.toBeInTheDocument(),
    );
  });

  it("offers every parameter when the deployments cannot be listed", async () => {
    const user = userEvent.setup();
    const calls = mockCommands({
      list_all_presets: () => [thinker],
      playground_targets: () => {
        throw commandError({ kind: "network", message: "Azure could not be reached." });
      },
      parameter_rules: () => rulesUnknown,
    });
    renderWithQueries(<PresetsSection />);

    expect(await screen.findByTestId("presets-targets-problem")).toHaveTextContent(
      "Couldn’t list the deployments (Azure could not be reached.)",
    );
    expect(screen.getByTestId("presets-group-title")).toHaveTextContent("o4-mini · sandbox");
    expect(screen.getByTestId("presets-group")).not.toHaveTextContent("not listed now");
    const editor = await openEditor(user, "preset-thinker");
    expect(within(editor).getByTestId("preset-edit-unlisted")).toHaveTextContent(
      "The deployments couldn’t be listed — every parameter is offered.",
    );
    expect(await within(editor).findByTestId("param-temperature")).toBeVisible();
    expect(argsOf(calls, "parameter_rules")).toEqual([{ model: null, modelVersion: null }]);
  });

  it("duplicates a preset, and the copy is listed", async () => {
    const { user, calls } = renderSection();
    await listed();

    await user.click(within(row("preset-terse")).getByTestId("preset-duplicate"));

    expect(argsOf(calls, "duplicate_preset")).toEqual([{ id: "preset-terse" }]);
    const copy = await waitFor(() => row("preset-copy-1"));
    expect(within(copy).getByTestId("preset-row-name")).toHaveTextContent("Terse (copy)");
    expect(within(copy).getByTestId("preset-row-summary")).toHaveTextContent(
      "temperature 0.2 · max_tokens 200 · system message",
    );
    expect(within(group("gpt-4o · Sandbox")).getAllByTestId("preset-row")).toHaveLength(3);
    expect(screen.getByTestId("presets-status")).toHaveTextContent(
      "Duplicated preset 'Terse' as 'Terse (copy)'",
    );
  });

  it("deletes a preset once confirmed", async () => {
    const { user, calls } = renderSection();
    await listed();

    await user.click(within(row("preset-creative")).getByTestId("preset-delete-row"));
    await user.click(within(row("preset-creative")).getByTestId("preset-delete-row-cancel"));
    expect(argsOf(calls, "delete_preset")).toEqual([]);

    await user.click(within(row("preset-creative")).getByTestId("preset-delete-row"));
    expect(within(row("preset-creative")).getByRole("group")).toHaveTextContent(
      "Delete the preset 'Creative' of gpt-4o?",
    );
    await user.click(within(row("preset-creative")).getByTestId("preset-delete-row-confirm"));

    await waitFor(() =>
      expect(screen.queryByText("Creative", { selector: "[data-testid=preset-row-name]" }))
        .not.toBeInTheDocument(),
    );
    expect(argsOf(calls, "delete_preset")).toEqual([{ id: "preset-creative" }]);
    expect(screen.getByTestId("presets-status")).toHaveTextContent("Deleted preset 'Creative'");
    expect(screen.getAllByTestId("preset-row")).toHaveLength(3);
  });

  it("an open Playground's presets menu sees a change made here", async () => {
    const user = userEvent.setup();
    mockPresets();
    function Playground() {
      const [parameters, setParameters] = useState(sampleParameters());
      return (
        <ParametersPanel
          rules={rulesChat}
          value={parameters}
          onChange={setParameters}
          target={gpt4oTarget.target}
        />
      );
    }
    renderWithQueries(
      <>
        <Playground />
        <PresetsSection />
      </>,
    );
    const menu = screen.getByTestId<HTMLSelectElement>("preset-select");
    await waitFor(() =>
      expect(within(menu).getByRole("option", { name: "Terse" })).toBeInTheDocument(),
    );
    await listed();

    const editor = await openEditor(user, "preset-terse");
    const name = within(editor).getByTestId("preset-edit-name");
    await user.clear(name);
    await user.type(name, "Brief{Enter}");

    expect(await within(menu).findByRole("option", { name: "Brief" })).toBeInTheDocument();
    expect(within(menu).queryByRole("option", { name: "Terse" })).not.toBeInTheDocument();
  });

  it("keeps the list while the deployments are still being listed", async () => {
    mockCommands({
      list_all_presets: () => [terse],
      playground_targets: never,
    });
    renderWithQueries(<PresetsSection />);

    expect(await screen.findByTestId("presets-group-title")).toHaveTextContent(
      "gpt-4o · sandbox",
    );
    expect(screen.getByTestId("presets-group")).not.toHaveTextContent("not listed now");
  });
});
