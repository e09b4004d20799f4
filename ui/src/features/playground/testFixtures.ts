import type {
  CodeSnippet,
  Conversation,
  ConversationSummary,
  ParameterRules,
  PlaygroundParameters,
  PlaygroundTarget,
  Preset,
  ProfileTargets,
} from "../../bindings";
import type { IpcCall } from "../../test/mockCommands";

/** The arguments of every call to `cmd`, in order. */
export function argsOf(calls: IpcCall[], cmd: string): Record<string, unknown>[] {
  return calls
    .filter((call) => call.cmd === cmd)
    .map((call) => (call.args ?? {}) as Record<string, unknown>);
}

// What the Rust side answers for the Sandbox (crates/sim/src/sandbox.rs seeds it): the shapes and
// words of crates/core/src/playground/rules.rs and connections/playground.rs.

function samplingHidden(model: string): ParameterRules["hidden"] {
  return ["temperature", "top_p", "frequency_penalty", "presence_penalty"].map((parameter) => ({
    parameter,
    why: `${model} is a reasoning model: it rejects sampling parameters`,
  }));
}

/** gpt-4o: a chat model, so no reasoning effort. */
export const rulesChat: ParameterRules = {
  knownModel: true,
  reasoning: false,
  minimalEffort: false,
  lengthParameter: "max_tokens",
  systemLabel: "System message",
  hidden: [{ parameter: "reasoning_effort", why: "gpt-4o is not a reasoning model" }],
};

/** o4-mini: a reasoning model, so no sampling parameters. */
export const rulesReasoning: ParameterRules = {
  knownModel: true,
  reasoning: true,
  minimalEffort: false,
  lengthParameter: "max_completion_tokens",
  systemLabel: "Developer message",
  hidden: samplingHidden("o4-mini"),
};

/** gpt-5: a reasoning model that also takes `minimal` effort. */
export const rulesGpt5: ParameterRules = {
  ...rulesReasoning,
  minimalEffort: true,
  hidden: samplingHidden("gpt-5"),
};

/** A typed deployment name whose model nobody could look up: everything is offered. */
export const rulesUnknown: ParameterRules = {
  knownModel: false,
  reasoning: false,
  minimalEffort: false,
  lengthParameter: "max_tokens",
  systemLabel: "System message",
  hidden: [],
};

export const gpt4oTarget: PlaygroundTarget = {
  target: {
    profileId: "sandbox",
    deployment: "gpt-4o",
    endpoint: "https://contoso-openai-eastus.openai.azure.com/",
    account: "contoso-openai-eastus",
    model: "gpt-4o",
    modelVersion: "2024-11-20",
  },
  profileName: "Sandbox",
  simulated: true,
  rules: rulesChat,
};

export const o4miniTarget: PlaygroundTarget = {
  target: {
    profileId: "sandbox",
    deployment: "o4-mini",
    endpoint: "https://contoso-ai-swedencentral.cognitiveservices.azure.com/",
    account: "contoso-ai-swedencentral",
    model: "o4-mini",
    modelVersion: "2025-04-16",
  },
  profileName: "Sandbox",
  simulated: true,
  rules: rulesReasoning,
};

export const workSignedOut = "'Work' is signed out: sign in on the Connections screen.";

/** The Sandbox's two chat deployments, and a signed-out Azure account that cannot list any. */
export const targetsFixture: ProfileTargets[] = [
  {
    profileId: "sandbox",
    profileName: "Sandbox",
    targets: [gpt4oTarget, o4miniTarget],
    problem: null,
  },
  { profileId: "acct-work", profileName: "Work", targets: [], problem: workSignedOut },
];

/** Parameters as Rust serializes them: every field present. */
export function sampleParameters(
  overrides: Partial<PlaygroundParameters> = {},
): PlaygroundParameters {
  return {
    systemMessage: "",
    temperature: null,
    topP: null,
    maxTokens: null,
    stop: [],
    frequencyPenalty: null,
    presencePenalty: null,
    seed: null,
    reasoningEffort: null,
    pastMessages: 10,
    jsonResponse: false,
    ...overrides,
  };
}

/** A preset of the Sandbox's gpt-4o. */
export function samplePreset(overrides: Partial<Preset> = {}): Preset {
  return {
    id: "preset-terse",
    name: "Terse",
    profileId: "sandbox",
    endpoint: "https://contoso-openai-eastus.openai.azure.com/",
    deployment: "gpt-4o",
    parameters: sampleParameters({
      systemMessage: "Answer in one sentence.",
      temperature: 0.2,
      maxTokens: 200,
    }),
    updatedAtMs: Date.UTC(2025, 10, 12, 9, 30),
    ...overrides,
  };
}

/** A finished two-message conversation with the Sandbox's gpt-4o. */
export const sampleConversation: Conversation = {
  id: "conv-capital",
  title: "What is the capital of France?",
  target: gpt4oTarget.target,
  parameters: sampleParameters({ systemMessage: "Be brief." }),
  messages: [
    { id: "m1", role: "user", content: "What is the capital of France?", incomplete: false },
    {
      id: "m2",
      role: "assistant",
      content: "**Paris.**",
      incomplete: false,
      answer: {
        timeToFirstTokenMs: 212.4,
        totalMs: 640.2,
        tokensPerSecond: 41.3,
        promptTokens: 24,
        completionTokens: 4,
        reasoningTokens: null,
        cachedTokens: null,
        finishReason: "stop",
        remainingRequests: 299,
        remainingTokens: 49_972,
        requestId: "req-7f3c2a",
        servedModel: "gpt-4o-2024-11-20",
        adjustments: [],
        filterNotes: [],
      },
    },
  ],
  createdAtMs: Date.UTC(2025, 10, 12, 14, 5),
  updatedAtMs: Date.UTC(2025, 10, 12, 14, 6),
};

/** The history list as Rust returns it, newest first. */
export function sampleSummaries(): ConversationSummary[] {
  return [
    {
      id: "conv-haiku",
      title: "Write a haiku about rain",
      deployment: "o4-mini",
      messageCount: 4,
      createdAtMs: Date.UTC(2025, 10, 20, 8, 0),
      updatedAtMs: Date.UTC(2025, 10, 20, 8, 3),
    },
    {
      id: sampleConversation.id,
      title: sampleConversation.title,
      deployment: "gpt-4o",
      messageCount: 2,
      createdAtMs: sampleConversation.createdAtMs,
      updatedAtMs: sampleConversation.updatedAtMs,
    },
  ];
}

/** What `view_code` returns for a key profile, in Rust's order. */
export function sampleSnippets(): CodeSnippet[] {
  const keySetup =
    "export AZURE_OPENAI_API_KEY=…  # one of the resource's two keys " +
    "(Azure portal: Keys and Endpoint)";
  return [
    {
      language: "curl",
      label: "curl",
      code:
        "curl -sS " +
        "'https://contoso-openai-eastus.openai.azure.com/openai/v1/chat/completions' \\\n" +
        "  -H 'Content-Type: application/json' \\\n" +
        '  -H "api-key: $AZURE_OPENAI_API_KEY" \\\n' +
        "  -d @- <<'JSON'\n" +
        '{\n  "model": "gpt-4o",\n  "messages": [{"role": "user", "content": "Hi"}]\n}\nJSON\n',
      setup: keySetup,
    },
    {
      language: "python",
      label: "Python (openai)",
      code:
        "import os\nfrom openai import OpenAI\n\nclient = OpenAI(\n" +
        '    base_url="https://contoso-openai-eastus.openai.azure.com/openai/v1/",\n' +
        '    api_key=os.environ["AZURE_OPENAI_API_KEY"],\n)\n',
      setup: `pip install openai; ${keySetup}`,
    },
    {
      language: "javascript",
      label: "JavaScript (openai)",
      code:
        'import OpenAI from "openai";\n\nconst client = new OpenAI({\n' +
        '  baseURL: "https://contoso-openai-eastus.openai.azure.com/openai/v1/",\n' +
        "  apiKey: process.env.AZURE_OPENAI_API_KEY,\n});\n",
      setup: `npm install openai; save as chat.mjs; ${keySetup}`,
    },
    {
      language: "rust",
      label: "Rust (reqwest)",
      code:
        "#[tokio::main]\nasync fn main() -> Result<(), Box<dyn std::error::Error>> {\n" +
        '    let key = std::env::var("AZURE_OPENAI_API_KEY")?;\n    Ok(())\n}\n',
      setup: keySetup,
    },
  ];
}
