import { fireEvent, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import type { ConversationTarget, ParameterRules, PlaygroundParameters } from "../../bindings";
import { mockCommands } from "../../test/mockCommands";
import { renderWithQueries } from "../../test/render";
import { DEFAULT_PARAMETERS } from "./parameters";
import { ParametersPanel } from "./ParametersPanel";
import {
  gpt4oTarget,
  rulesChat,
  rulesGpt5,
  rulesReasoning,
  rulesUnknown,
  sampleParameters,
  samplePreset,
} from "./testFixtures";

/** The panel as a screen holds it: every change is kept and handed back. */
function renderPanel(
  rules: ParameterRules,
  initial: PlaygroundParameters = DEFAULT_PARAMETERS,
  target: ConversationTarget | null = null,
) {
  const user = userEvent.setup();
  const onChange = vi.fn<(p: PlaygroundParameters) => void>();
  function Holder() {
    const [value, setValue] = useState(initial);
    return (
      <ParametersPanel
        rules={rules}
        value={value}
        target={target}
        onChange={(next) => {
          onChange(next);
          setValue(next);
        }}
      />
    );
  }
  renderWithQueries(<Holder />);
  const last = () => onChange.mock.lastCall?.[0];
  return { user, onChange, last };
}

function field(testId: string): HTMLInputElement {
  return screen.getByTestId<HTMLInputElement>(testId);
}

function optionTexts(select: HTMLElement): string[] {
  return within(select)
    .getAllByRole("option")
    .map((option) => option.textContent ?? "");
}

describe("ParametersPanel: what each model takes", () => {
  it("hides o4-mini's sampling parameters with one line saying why", () => {
    renderPanel(rulesReasoning);

    for (const hidden of [
      "param-temperature",
      "param-top-p",
      "param-frequency-penalty",
      "param-presence-penalty",
    ]) {
      expect(screen.queryByTestId(hidden)).not.toBeInTheDocument();
    }
    const notes = within(screen.getByTestId("params-hidden")).getAllByRole("listitem");
    expect(notes.map((note) => note.textContent)).toEqual([
      "temperature, top_p, frequency_penalty, presence_penalty hidden: " +
        "o4-mini is a reasoning model: it rejects sampling parameters",
    ]);

    const length = screen.getByLabelText("max_completion_tokens");
    expect(length).toBe(field("param-max-tokens"));
    expect(length).toHaveAccessibleDescription(/includes the model's hidden reasoning/);
    expect(screen.getByLabelText("Developer message")).toBe(field("param-system"));
    expect(optionTexts(field("param-reasoning-effort"))).toEqual([
      "Model default",
      "low",
      "medium",
      "high",
    ]);
    expect(screen.queryByTestId("params-unknown-model")).not.toBeInTheDocument();
  });

  it("shows gpt-4o's temperature and hides its reasoning effort", () => {
    renderPanel(rulesChat);

    expect(screen.getByLabelText("Temperature")).toBe(field("param-temperature"));
    expect(screen.getByLabelText("Temperature slider")).toBe(field("param-temperature-slider"));
    expect(field("param-top-p")).toBeVisible();
    expect(field("param-frequency-penalty")).toBeVisible();
    expect(field("param-presence-penalty")).toBeVisible();
    expect(screen.queryByTestId("param-reasoning-effort")).not.toBeInTheDocument();
    expect(screen.getByTestId("params-hidden")).toHaveTextContent(
      "reasoning_effort hidden: gpt-4o is not a reasoning model",
    );
    expect(screen.getByLabelText("max_tokens")).toBe(field("param-max-tokens"));
    expect(field("param-max-tokens")).not.toHaveAccessibleDescription(/hidden reasoning/);
    expect(screen.getByLabelText("System message")).toBe(field("param-system"));
    expect(screen.getByLabelText("Past messages included")).toHaveAccessibleDescription(
      /how many earlier messages go with each request/i,
    );
    expect(screen.getByLabelText("JSON response")).toHaveAccessibleDescription(/mention JSON/);
  });

  it("offers minimal effort for gpt-5 only", async () => {
    const { user, last } = renderPanel(rulesGpt5);
    const effort = field("param-reasoning-effort");
    expect(optionTexts(effort)).toEqual(["Model default", "minimal", "low", "medium", "high"]);

    await user.selectOptions(effort, "minimal");
    expect(last()?.reasoningEffort).toBe("minimal");
    await user.selectOptions(effort, "Model default");
    expect(last()?.reasoningEffort).toBeNull();
  });

  it("says when the real model is unknown, and offers everything", () => {
    renderPanel(rulesUnknown);
    expect(screen.getByTestId("params-unknown-model")).toHaveTextContent(
      "The real model is unknown, so every parameter is offered; " +
        "Azure will refuse what it does not accept.",
    );
    expect(screen.queryByTestId("params-hidden")).not.toBeInTheDocument();
    expect(field("param-temperature")).toBeVisible();
    expect(field("param-reasoning-effort")).toBeVisible();
  });
});

describe("ParametersPanel: typing", () => {
  it("flags a temperature out of range, and passes on what was typed", async () => {
    const { user, last } = renderPanel(rulesChat);
    const temperature = field("param-temperature");
    expect(temperature).toHaveValue(null);
    expect(temperature).toHaveAttribute("placeholder", "Default");

    await user.type(temperature, "2.5");

    expect(last()?.temperature).toBe(2.5);
    expect(screen.getByTestId("field-error-temperature")).toHaveTextContent(
      "Temperature must be between 0 and 2",
    );
    expect(temperature).toHaveAttribute("aria-invalid", "true");
    expect(temperature).toHaveAccessibleDescription(/Temperature must be between 0 and 2/);

    await user.clear(temperature);
    expect(last()?.temperature).toBeNull();
    expect(screen.queryByTestId("field-error-temperature")).not.toBeInTheDocument();

    await user.type(temperature, "0.7");
    expect(last()?.temperature).toBe(0.7);
    expect(temperature).toHaveValue(0.7);
    // The slider follows the number…
    expect(field("param-temperature-slider")).toHaveValue("0.7");
    // …and the number follows the slider.
    fireEvent.change(field("param-temperature-slider"), { target: { value: "1.25" } });
    expect(last()?.temperature).toBe(1.25);
    expect(temperature).toHaveValue(1.25);
  });

  it("checks every number as typed", async () => {
    const { user, last } = renderPanel(rulesChat);

    await user.type(field("param-top-p"), "1.5");
    expect(screen.getByTestId("field-error-top-p")).toHaveTextContent(
      "Top P must be between 0 and 1",
    );
    await user.type(field("param-max-tokens"), "0");
    expect(screen.getByTestId("field-error-max-tokens")).toHaveTextContent(
      "The length limit must be a whole number from 1 to 4294967295",
    );
    await user.type(field("param-frequency-penalty"), "-3");
    expect(screen.getByTestId("field-error-frequency-penalty")).toHaveTextContent(
      "Frequency penalty must be between -2 and 2",
    );
    await user.type(field("param-seed"), "42");
    expect(screen.queryByTestId("field-error-seed")).not.toBeInTheDocument();
    expect(last()).toEqual(
      sampleParameters({ topP: 1.5, maxTokens: 0, frequencyPenalty: -3, seed: 42 }),
    );
  });

  it("refuses a length limit or a seed above 4294967295 (Rust reads a u32)", async () => {
    const { user, last } = renderPanel(rulesChat);

    await user.type(field("param-max-tokens"), "4294967296");
    expect(screen.getByTestId("field-error-max-tokens")).toHaveTextContent(
      "The length limit must be a whole number from 1 to 4294967295",
    );
    await user.type(field("param-seed"), "9007199254740991");
    expect(screen.getByTestId("field-error-seed")).toHaveTextContent(
      "Seed must be a whole number from 0 to 4294967295",
    );

    await user.clear(field("param-max-tokens"));
    await user.type(field("param-max-tokens"), "4294967295");
    expect(screen.queryByTestId("field-error-max-tokens")).not.toBeInTheDocument();
    expect(last()?.maxTokens).toBe(4_294_967_295);
  });

  it("keeps past messages as typed when emptied, and says it needs a number", async () => {
    const { user, onChange, last } = renderPanel(rulesChat);
    const past = field("param-past-messages");
    expect(past).toHaveValue(10);

    await user.clear(past);
    expect(past).toHaveValue(null);
    expect(screen.getByTestId("field-error-past-messages")).toHaveTextContent(
      "Past messages must be a whole number from 0 to 100",
    );
    // Never null: the conversation keeps its last number until another is typed.
    expect(onChange.mock.calls.every(([p]) => p.pastMessages !== null)).toBe(true);

    await user.type(past, "4");
    expect(last()?.pastMessages).toBe(4);
    expect(screen.queryByTestId("field-error-past-messages")).not.toBeInTheDocument();
  });

  it("edits the system message and the JSON switch", async () => {
    const { user, last } = renderPanel(rulesChat);
    await user.type(field("param-system"), "Be brief.");
    expect(last()?.systemMessage).toBe("Be brief.");
    await user.click(field("param-json"));
    expect(last()?.jsonResponse).toBe(true);
  });

  it("takes up to four stop sequences, each removable", async () => {
    const { user, last } = renderPanel(rulesChat);
    const stop = field("param-stop");

    await user.type(stop, "END{Enter}");
    await user.type(stop, "\\n\\nUser:{Enter}");
    await user.type(stop, "###");
    await user.click(screen.getByTestId("param-stop-add"));
    await user.type(stop, "STOP{Enter}");
    expect(last()?.stop).toEqual(["END", "\n\nUser:", "###", "STOP"]);
    expect(screen.getAllByTestId("param-stop-chip").map((chip) => chip.textContent)).toEqual([
      '"END"×',
      '"\\n\\nUser:"×',
      '"###"×',
      '"STOP"×',
    ]);

    // A fifth cannot be typed.
    expect(stop).toBeDisabled();
    expect(screen.getByTestId("param-stop-add")).toBeDisabled();
    expect(screen.getByTestId("param-stop-note")).toHaveTextContent(
      "All 4 stop sequences are set; remove one to add another.",
    );

    await user.click(screen.getByRole("button", { name: 'Remove stop sequence "###"' }));
    expect(last()?.stop).toEqual(["END", "\n\nUser:", "STOP"]);
    expect(stop).toBeEnabled();

    // The same one twice is refused.
    await user.type(stop, "END");
    expect(screen.getByTestId("param-stop-note")).toHaveTextContent(
      '"END" is already a stop sequence.',
    );
    expect(screen.getByTestId("param-stop-add")).toBeDisabled();
  });

  it("shows the values it is given, and resets every field to the defaults", async () => {
    const { user, last } = renderPanel(
      rulesChat,
      sampleParameters({ temperature: 0.2, maxTokens: 300, stop: ["END"], seed: 7 }),
    );
    expect(field("param-temperature")).toHaveValue(0.2);
    expect(field("param-max-tokens")).toHaveValue(300);
    expect(field("param-seed")).toHaveValue(7);
    expect(screen.getAllByTestId("param-stop-chip")).toHaveLength(1);

    await user.click(screen.getByTestId("params-reset"));

    expect(last()).toEqual(DEFAULT_PARAMETERS);
    expect(field("param-temperature")).toHaveValue(null);
    expect(field("param-max-tokens")).toHaveValue(null);
    expect(field("param-seed")).toHaveValue(null);
    expect(field("param-past-messages")).toHaveValue(10);
    expect(screen.queryByTestId("param-stop-chip")).not.toBeInTheDocument();
  });

  it("disables every field while told to", () => {
    renderWithQueries(
      <ParametersPanel
        rules={rulesChat}
        value={DEFAULT_PARAMETERS}
        target={null}
        onChange={() => undefined}
        disabled
      />,
    );
    const panel = screen.getByTestId("params-panel");
    for (const control of within(panel).getAllByRole("spinbutton")) {
      expect(control).toBeDisabled();
    }
    expect(field("param-system")).toBeDisabled();
    expect(screen.getByTestId("params-reset")).toBeDisabled();
  });
});

describe("ParametersPanel: presets", () => {
  it("applies a preset to every field", async () => {
    mockCommands({ list_presets: () => [samplePreset()] });
    const { user, last } = renderPanel(rulesChat, DEFAULT_PARAMETERS, gpt4oTarget.target);

    await screen.findByRole("option", { name: "Terse" });
    await user.selectOptions(screen.getByRole("combobox", { name: "Preset" }), "Terse");

    expect(last()).toEqual(samplePreset().parameters);
    expect(field("param-system")).toHaveValue("Answer in one sentence.");
    expect(field("param-temperature")).toHaveValue(0.2);
    expect(field("param-max-tokens")).toHaveValue(200);
    expect(screen.getByTestId("preset-status")).toHaveTextContent("Applied preset 'Terse'");
  });
});
