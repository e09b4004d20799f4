// Settings' dotted field names (`network.proxy.url`) and their JSON values, in words a person
// reads: for an import's list of changes and for problems the form has no field for.

type FieldWords = {
  label: string;
  /** What none (null) means for this field. */
  none?: string;
  /** Words for the values of a choice. */
  choices?: Readonly<Record<string, string>>;
  unit?: string;
};

const themeChoices = { system: "System", light: "Light", dark: "Dark" };

const fields: Readonly<Record<string, FieldWords>> = {
  "appearance.theme": { label: "Theme", choices: themeChoices },
  "appearance.fontSize": { label: "Text size", unit: "px" },
  "appearance.compact": { label: "Compact density" },
  "azure.defaultCloud": {
    label: "Default cloud",
    choices: { public: "Azure", usGovernment: "Azure US Government", china: "Azure China 21Vianet" },
  },
  "azure.armApiVersion": { label: "Resource Manager api-version", none: "built-in" },
  "azure.inferenceStyle": { label: "Inference URL style" },
  "azure.inferenceStyle.style": {
    label: "Inference URL style",
    choices: { v1: "v1", classic: "Classic" },
  },
  "azure.inferenceStyle.apiVersion": { label: "Classic api-version", none: "none" },
  "azure.defaultRegion": { label: "Default region", none: "all regions" },
  "azure.signInClientId": { label: "Sign-in client id", none: "built-in app" },
  "azure.signInTenant": { label: "Sign-in tenant", none: "organizations" },
  "azure.currency": { label: "Currency for prices" },
  "network.proxy": { label: "Proxy" },
  "network.proxy.mode": {
    label: "Proxy",
    choices: { system: "System", none: "None", manual: "Manual" },
  },
  "network.proxy.url": { label: "Proxy URL", none: "none" },
  "network.proxy.noProxy": { label: "No proxy for", none: "none" },
  "network.caCertificate": { label: "Extra CA certificate", none: "none" },
  "network.requestTimeoutSecs": { label: "Request timeout", unit: "s" },
  "playground.autosave": { label: "Auto-save conversations" },
  "playground.historyDir": { label: "History folder", none: "app data folder" },
};

const parameterLabels: Readonly<Record<string, string>> = {
  systemMessage: "system message",
  temperature: "temperature",
  topP: "top_p",
  maxTokens: "length limit",
  stop: "stop sequences",
  frequencyPenalty: "frequency_penalty",
  presencePenalty: "presence_penalty",
  seed: "seed",
  reasoningEffort: "reasoning effort",
  pastMessages: "past messages",
  jsonResponse: "JSON response",
};

function wordsFor(field: string): FieldWords | undefined {
  const known = fields[field];
  if (known !== undefined) return known;
  const parameter = /^playground\.(chat|reasoning)\.(\w+)$/.exec(field);
  if (parameter !== null) {
    const [, kind = "", name = ""] = parameter;
    const models = kind === "chat" ? "Chat models" : "Reasoning models";
    return { label: `${models}: ${parameterLabels[name] ?? name}`, none: "model default" };
  }
  return undefined;
}

/** A field's name as the form labels it: "Proxy URL"; the dotted name when it has no label. */
export function fieldLabel(field: string): string {
  return wordsFor(field)?.label ?? field;
}

/** A value as JSON text (`"dark"`, `60`, `null`) in words: "Dark", "60 s", "none". */
export function valueWords(field: string, json: string): string {
  const words = wordsFor(field);
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return json;
  }
  if (value === null) return words?.none ?? "none";
  if (typeof value === "boolean") return value ? "on" : "off";
  if (typeof value === "number") return words?.unit ? `${value} ${words.unit}` : String(value);
  if (typeof value === "string") {
    if (value === "") return "empty";
    return words?.choices?.[value] ?? value;
  }
  if (Array.isArray(value)) {
    return value.length === 0 ? (words?.none ?? "none") : value.map(String).join(", ");
  }
  return json;
}
