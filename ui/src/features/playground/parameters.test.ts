import { describe, expect, it } from "vitest";
import {
  addStop,
  DEFAULT_PARAMETERS,
  effortChoices,
  hiddenNotes,
  isHidden,
  parameterProblems,
  parseNumber,
  sameParameters,
  shownProblems,
  startingParameters,
  stopText,
  unescapeStop,
  withDefaults,
} from "./parameters";
import { sampleSettings } from "../../test/fixtures";
import {
  rulesChat,
  rulesGpt5,
  rulesReasoning,
  rulesUnknown,
  sampleParameters,
} from "./testFixtures";

describe("parameters", () => {
  it("start at the model's defaults, with the last 10 messages", () => {
    expect(DEFAULT_PARAMETERS).toEqual(sampleParameters());
    expect(parameterProblems(DEFAULT_PARAMETERS)).toEqual({});
  });

  it("fill what a preset or saved conversation left out", () => {
    expect(withDefaults({ temperature: 0.3 })).toEqual(sampleParameters({ temperature: 0.3 }));
  });

  it("say what is out of range, in words", () => {
    const problems = parameterProblems(
      sampleParameters({
        temperature: 2.5,
        topP: -0.1,
        frequencyPenalty: 3,
        presencePenalty: -2.01,
        maxTokens: 0,
        seed: 4_294_967_296,
        stop: ["a", "b", "c", "d", "e"],
        pastMessages: 101,
      }),
    );
    expect(problems).toEqual({
      temperature: "Temperature must be between 0 and 2",
      topP: "Top P must be between 0 and 1",
      frequencyPenalty: "Frequency penalty must be between -2 and 2",
      presencePenalty: "Presence penalty must be between -2 and 2",
      maxTokens: "The length limit must be a whole number from 1 to 4294967295",
      seed: "Seed must be a whole number from 0 to 4294967295",
      stop: "At most 4 stop sequences can be sent",
      pastMessages: "Past messages must be a whole number from 0 to 100",
    });
  });

  it("take the ends of every range, and want whole numbers where Azure does", () => {
    const edges = sampleParameters({
      temperature: 2,
      topP: 0,
      frequencyPenalty: -2,
      presencePenalty: 2,
      maxTokens: 1,
      seed: 4_294_967_295,
      stop: ["a", "b", "c", "d"],
      pastMessages: 0,
    });
    expect(parameterProblems(edges)).toEqual({});
    expect(parameterProblems(sampleParameters({ maxTokens: 4_294_967_295 }))).toEqual({});
    const fractions = sampleParameters({ maxTokens: 1.5, seed: -1, pastMessages: 2.5 });
    expect(Object.keys(parameterProblems(fractions))).toEqual([
      "maxTokens",
      "seed",
      "pastMessages",
    ]);
    expect(parameterProblems(sampleParameters({ stop: ["END", ""] })).stop).toBe(
      "A stop sequence cannot be empty",
    );
  });

  it("cap the length limit and the seed at what Rust reads (a u32)", () => {
    const over = parameterProblems(
      sampleParameters({ maxTokens: 4_294_967_296, seed: Number.MAX_SAFE_INTEGER }),
    );
    expect(over).toEqual({
      maxTokens: "The length limit must be a whole number from 1 to 4294967295",
      seed: "Seed must be a whole number from 0 to 4294967295",
    });
    expect(parameterProblems(sampleParameters({ maxTokens: Number.MAX_SAFE_INTEGER }))).toEqual({
      maxTokens: "The length limit must be a whole number from 1 to 4294967295",
    });
  });

  it("know which parameters a model's rules hide", () => {
    expect(isHidden(rulesReasoning, "temperature")).toBe(true);
    expect(isHidden(rulesReasoning, "topP")).toBe(true);
    expect(isHidden(rulesReasoning, "reasoningEffort")).toBe(false);
    expect(isHidden(rulesChat, "temperature")).toBe(false);
    expect(isHidden(rulesChat, "reasoningEffort")).toBe(true);
    expect(isHidden(rulesUnknown, "reasoningEffort")).toBe(false);
  });

  it("leave out the problems of hidden parameters, which are not sent", () => {
    const p = sampleParameters({ temperature: 5, maxTokens: 0 });
    expect(Object.keys(shownProblems(rulesReasoning, p))).toEqual(["maxTokens"]);
    expect(Object.keys(shownProblems(rulesChat, p))).toEqual(["temperature", "maxTokens"]);
  });

  it("say why parameters are hidden, one line per reason", () => {
    expect(hiddenNotes(rulesReasoning)).toEqual([
      "temperature, top_p, frequency_penalty, presence_penalty hidden: " +
        "o4-mini is a reasoning model: it rejects sampling parameters",
    ]);
    expect(hiddenNotes(rulesChat)).toEqual([
      "reasoning_effort hidden: gpt-4o is not a reasoning model",
    ]);
    expect(hiddenNotes(rulesUnknown)).toEqual([]);
  });

  it("offer minimal effort to the gpt-5 family only", () => {
    expect(effortChoices(rulesGpt5)).toEqual(["minimal", "low", "medium", "high"]);
    expect(effortChoices(rulesReasoning)).toEqual(["low", "medium", "high"]);
  });

  it("read a field's text: empty is the default, and text that is no number says so", () => {
    expect(parseNumber("")).toEqual({ ok: true, value: null });
    expect(parseNumber("  ")).toEqual({ ok: true, value: null });
    expect(parseNumber("0.")).toEqual({ ok: true, value: 0 });
    expect(parseNumber("-1.5")).toEqual({ ok: true, value: -1.5 });
    expect(parseNumber("abc")).toEqual({ ok: false });
    expect(parseNumber("Infinity")).toEqual({ ok: false });
  });

  it("add stop sequences up to four, never an empty one or the same twice", () => {
    expect(addStop([], "END")).toEqual(["END"]);
    expect(addStop(["END"], "END")).toEqual(["END"]);
    expect(addStop(["END"], "")).toEqual(["END"]);
    expect(addStop(["a", "b", "c", "d"], "e")).toEqual(["a", "b", "c", "d"]);
  });

  it("let a line break be typed as \\n, and show it that way", () => {
    expect(unescapeStop("\\n\\nUser:")).toBe("\n\nUser:");
    expect(unescapeStop("a\\tb")).toBe("a\tb");
    expect(stopText("\n\nUser:")).toBe('"\\n\\nUser:"');
  });
});

describe("starting parameters", () => {
  const saved = sampleSettings("system", {
    chat: sampleParameters({ systemMessage: "Be brief.", temperature: 0.3, pastMessages: 4 }),
    reasoning: { reasoningEffort: "high" },
  }).playground;

  it("are the saved defaults of the model's family: reasoning or chat", () => {
    expect(startingParameters(saved, rulesChat.reasoning)).toEqual(
      sampleParameters({ systemMessage: "Be brief.", temperature: 0.3, pastMessages: 4 }),
    );
    // Filled where the saved defaults leave a field out.
    expect(startingParameters(saved, rulesReasoning.reasoning)).toEqual(
      sampleParameters({ reasoningEffort: "high" }),
    );
    expect(startingParameters(saved, rulesGpt5.reasoning)).toEqual(
      sampleParameters({ reasoningEffort: "high" }),
    );
    // A model nobody could look up is offered everything, as a chat model.
    expect(startingParameters(saved, rulesUnknown.reasoning)).toEqual(
      startingParameters(saved, false),
    );
  });

  it("are the model's defaults while no settings are read", () => {
    expect(startingParameters(undefined, false)).toBe(DEFAULT_PARAMETERS);
    expect(startingParameters(undefined, true)).toBe(DEFAULT_PARAMETERS);
  });

  it("compare by what they send, a field left out being its default", () => {
    expect(sameParameters({ temperature: 0.3 }, sampleParameters({ temperature: 0.3 }))).toBe(
      true,
    );
    expect(sameParameters(sampleParameters({ stop: ["END"] }), sampleParameters())).toBe(false);
    expect(sameParameters(sampleParameters({ pastMessages: 4 }), DEFAULT_PARAMETERS)).toBe(false);
  });
});
