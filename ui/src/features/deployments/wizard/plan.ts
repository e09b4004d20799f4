import type {
  DeploymentDraft,
  DraftField,
  ModelChoice,
  NamedQuota,
  PlanFacts,
  Quota,
  SkuChoice,
} from "../../../bindings";

/** Where Azure takes quota increase requests (Rust's `QUOTA_REQUEST_URL`). */
export const quotaRequestUrl = "https://aka.ms/oai/quotaincrease";

export type Step = 1 | 2 | 3 | 4 | 5;
export const steps: readonly Step[] = [1, 2, 3, 4, 5];
export const stepTitles: Record<Step, string> = {
  1: "Model",
  2: "Deployment type",
  3: "Capacity",
  4: "Options",
  5: "Review",
};

export type UpgradePolicy =
  | ""
  | "OnceNewDefaultVersionAvailable"
  | "OnceCurrentVersionExpired"
  | "NoAutoUpgrade";

/** The upgrade policies Azure takes; "" leaves the choice to Azure (sent as null). */
export const upgradePolicies: ReadonlyArray<{ value: UpgradePolicy; label: string }> = [
  { value: "", label: "Azure's default" },
  { value: "OnceNewDefaultVersionAvailable", label: "When a new default version is available" },
  { value: "OnceCurrentVersionExpired", label: "When the current version expires" },
  { value: "NoAutoUpgrade", label: "Never (no automatic upgrade)" },
];

/** Everything chosen or typed in the wizard, as typed: parsed only when a draft is built. */
export type WizardFields = {
  search: string;
  /** The chosen model version (see `modelKey`), or null. */
  modelKey: string | null;
  skuName: string | null;
  /** The capacity as typed in the number box (the slider writes here too). */
  capacity: string;
  name: string;
  /** True once the person typed a name: choosing another model no longer renames it. */
  nameEdited: boolean;
  upgradePolicy: UpgradePolicy;
  /** A content filter policy; "" for Azure's default (sent as null). */
  contentFilter: string;
  /** `key=value`, one a line. */
  tags: string;
};

export const emptyFields: WizardFields = {
  search: "",
  modelKey: null,
  skuName: null,
  capacity: "",
  name: "",
  nameEdited: false,
  upgradePolicy: "",
  contentFilter: "",
  tags: "",
};

// ---------------------------------------------------------------------------------------------
// Numbers

// The person's locale, as the deployments table uses.
const counts = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

/** 10000 → "10,000". */
export function formatCount(value: number): string {
  return counts.format(value);
}

function compact(value: number, unit: number): string {
  return String(Math.round((value / unit) * 10) / 10);
}

/** Catalogs give decimal (128000) and binary (131072) sizes alike; both read as "128K". */
function unitOf(tokens: number, decimal: number, binary: number): number {
  return tokens % decimal !== 0 && tokens % binary === 0 ? binary : decimal;
}

/** 128000 → "128K context"; 131072 → "128K context"; 1047576 → "1M context". */
export function formatContextWindow(tokens: number): string {
  if (tokens >= 1_000_000) {
    return `${compact(tokens, unitOf(tokens, 1_000_000, 1_048_576))}M context`;
  }
  if (tokens >= 1000) {
    return `${Math.round(tokens / unitOf(tokens, 1000, 1024))}K context`;
  }
  return `${tokens} context`;
}

/** "GenerallyAvailable" → "Generally available"; "Preview" stays. */
export function formatLifecycle(lifecycle: string): string {
  const words = lifecycle.replace(/([a-z])([A-Z])/g, "$1 $2").split(" ");
  return words.map((word, index) => (index === 0 ? word : word.toLowerCase())).join(" ");
}

// ---------------------------------------------------------------------------------------------
// Step 1: models

/** Names one model version among all: format, name and version. */
export function modelKey(model: Pick<ModelChoice, "format" | "name" | "version">): string {
  return `${model.format}\n${model.name}\n${model.version}`;
}

export function findModel(facts: PlanFacts, key: string | null): ModelChoice | undefined {
  return key === null ? undefined : facts.models.find((model) => modelKey(model) === key);
}

/** The typed words, lower-cased; blanks dropped. */
export function searchWords(query: string): string[] {
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word !== "");
}

/** What a search looks in: name, format and version, lower-cased. */
export function searchText(model: ModelChoice): string {
  return `${model.name} ${model.format} ${model.version}`.toLowerCase();
}

/** The models every typed word is found in (name, format or version, any case). */
export function filterModels(
  models: readonly ModelChoice[],
  query: string,
  texts: readonly string[] = models.map(searchText),
): ModelChoice[] {
  const words = searchWords(query);
  if (words.length === 0) {
    return [...models];
  }
  return models.filter((_, index) => {
    const text = texts[index] ?? "";
    return words.every((word) => text.includes(word));
  });
}

// ---------------------------------------------------------------------------------------------
// Steps 2 and 3: deployment type, capacity and quota

export function findSku(model: ModelChoice | undefined, name: string | null): SkuChoice | undefined {
  if (model === undefined || name === null) {
    return undefined;
  }
  return model.skus.find((sku) => sku.name === name);
}

/** The quota a deployment type draws from, when the region reports it. */
export function quotaFor(quotas: readonly NamedQuota[], usageName: string | null): Quota | null {
  if (usageName === null) {
    return null;
  }
  const lower = usageName.toLowerCase();
  return quotas.find((named) => named.usageName.toLowerCase() === lower)?.quota ?? null;
}

/** "120 of 500 free", "120 free", or "quota unknown". */
export function describeFreeQuota(quota: Quota | null): string {
  if (quota === null || quota.free === null) {
    return "quota unknown";
  }
  if (quota.limit === null) {
    return `${formatCount(quota.free)} free`;
  }
  return `${formatCount(quota.free)} of ${formatCount(quota.limit)} free`;
}

/** A whole, non-negative number typed in the capacity box; null for anything else. */
export function parseCapacity(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) {
    return null;
  }
  const value = Number(trimmed);
  return Number.isSafeInteger(value) ? value : null;
}

/** Why a capacity cannot be asked for: Rust's `CapacityProblem`, plus text that is no number. */
export type CapacityProblem =
  | { kind: "notANumber" }
  | { kind: "belowMinimum"; sku: string; min: number }
  | { kind: "aboveMaximum"; sku: string; max: number }
  | { kind: "offStep"; sku: string; step: number; below: number; above: number }
  | {
      kind: "overQuota";
      asked: number;
      free: number;
      used: number | null;
      limit: number | null;
      usageName: string;
    };

/** Rust's `check_capacity`, run as the person types: range, then step, then free quota. */
export function checkCapacity(
  sku: SkuChoice,
  capacity: number | null,
  quota: Quota | null,
): CapacityProblem | null {
  if (capacity === null) {
    return { kind: "notANumber" };
  }
  if (capacity < sku.minCapacity) {
    return { kind: "belowMinimum", sku: sku.name, min: sku.minCapacity };
  }
  if (capacity > sku.maxCapacity) {
    return { kind: "aboveMaximum", sku: sku.name, max: sku.maxCapacity };
  }
  const step = Math.max(sku.step, 1);
  const offset = (capacity - sku.minCapacity) % step;
  if (offset !== 0) {
    const below = capacity - offset;
    return {
      kind: "offStep",
      sku: sku.name,
      step,
      below,
      above: Math.min(below + step, sku.maxCapacity),
    };
  }
  if (quota !== null && quota.free !== null && sku.usageName !== null && capacity > quota.free) {
    return {
      kind: "overQuota",
      asked: capacity,
      free: quota.free,
      used: quota.used,
      limit: quota.limit,
      usageName: sku.usageName,
    };
  }
  return null;
}

/** The problem in a sentence, with its numbers (the wording of Rust's messages). */
export function capacityProblemMessage(problem: CapacityProblem): string {
  switch (problem.kind) {
    case "notANumber":
      return "Enter the capacity as a whole number";
    case "belowMinimum":
      return `${problem.sku} takes at least ${formatCount(problem.min)}`;
    case "aboveMaximum":
      return `${problem.sku} takes at most ${formatCount(problem.max)}`;
    case "offStep":
      return `${problem.sku} takes capacity in steps of ${formatCount(problem.step)} (e.g. ${formatCount(problem.below)} or ${formatCount(problem.above)})`;
    case "overQuota": {
      const usage =
        problem.used !== null && problem.limit !== null
          ? ` (${formatCount(problem.used)} of ${formatCount(problem.limit)} used for ${problem.usageName})`
          : ` (for ${problem.usageName})`;
      return `${formatCount(problem.asked)} is more than the ${formatCount(problem.free)} free in this region${usage}; lower it, free some up, or request more quota`;
    }
  }
}

/** What a capacity gives (Rust's `CapacityFacts`). */
export function capacityFacts(
  sku: SkuChoice,
  capacity: number,
): { tokensPerMinute: number | null; requestsPerMinute: number | null } {
  return {
    tokensPerMinute: sku.provisioned ? null : capacity * 1000,
    requestsPerMinute: sku.rpmPerUnit === null ? null : Math.round(sku.rpmPerUnit * capacity),
  };
}

/** "10,000 TPM · 60 RPM" for Standard-family types; "50 PTU" for provisioned ones. */
export function describeCapacity(sku: SkuChoice, capacity: number): string {
  const { tokensPerMinute, requestsPerMinute } = capacityFacts(sku, capacity);
  const parts =
    tokensPerMinute === null
      ? [`${formatCount(capacity)} PTU`]
      : [`${formatCount(tokensPerMinute)} TPM`];
  if (requestsPerMinute !== null) {
    parts.push(`${formatCount(requestsPerMinute)} RPM`);
  }
  return parts.join(" · ");
}

// ---------------------------------------------------------------------------------------------
// Step 4: name and tags

const namePattern = /^[A-Za-z0-9][A-Za-z0-9_.-]{1,63}$/;

/** Rust's `validate_name`, plus the check against the account's deployments. */
export function validateDeploymentName(name: string, existing: readonly string[]): string | null {
  const trimmed = name.trim();
  if (trimmed === "") {
    return "Give the deployment a name";
  }
  if (!namePattern.test(trimmed)) {
    return `'${trimmed}' is not a valid deployment name: use 2 to 64 letters, digits, '_', '-' or '.', starting with a letter or digit`;
  }
  const lower = trimmed.toLowerCase();
  if (existing.some((taken) => taken.toLowerCase() === lower)) {
    return `A deployment named '${trimmed}' already exists here`;
  }
  return null;
}

/** The model's name as a deployment name: characters Azure refuses become '-'. */
export function nameFromModel(modelName: string): string {
  return modelName.replace(/[^A-Za-z0-9_.-]/g, "-").slice(0, 64);
}

export type ParsedTags = { tags: Record<string, string>; errors: string[] };

const maxTags = 50;
const forbiddenKeyCharacters = /[<>%&\\?/]/;

/** `key=value` lines (blank lines skipped) as Azure takes tags: each problem names its line. */
export function parseTags(text: string): ParsedTags {
  const entries: Array<[string, string]> = [];
  const seen = new Set<string>();
  const errors: string[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, index) => {
    if (line.trim() === "") {
      return;
    }
    const where = `Line ${index + 1}`;
    const equals = line.indexOf("=");
    if (equals === -1) {
      errors.push(`${where}: write the tag as key=value`);
      return;
    }
    const key = line.slice(0, equals).trim();
    const value = line.slice(equals + 1).trim();
    if (key === "") {
      errors.push(`${where}: the key before '=' is empty`);
      return;
    }
    if (forbiddenKeyCharacters.test(key)) {
      errors.push(`${where}: a tag key cannot contain < > % & \\ ? or /`);
      return;
    }
    if (key.length > 512) {
      errors.push(`${where}: a tag key can be at most 512 characters`);
      return;
    }
    if (value.length > 256) {
      errors.push(`${where}: a tag value can be at most 256 characters`);
      return;
    }
    if (seen.has(key)) {
      errors.push(`${where}: the key '${key}' is given twice`);
      return;
    }
    seen.add(key);
    entries.push([key, value]);
  });
  const count = entries.length;
  if (count > maxTags) {
    errors.push(`Azure takes at most ${maxTags} tags; there are ${count}`);
  }
  // fromEntries defines each key as data, so even a "__proto__" tag is kept.
  return { tags: Object.fromEntries(entries), errors };
}

// ---------------------------------------------------------------------------------------------
// Choices that change other fields

/** Chooses a model: keeps the deployment type (and capacity) when the model offers it too. */
export function chooseModel(fields: WizardFields, model: ModelChoice): WizardFields {
  const keepsSku = fields.skuName !== null && model.skus.some((sku) => sku.name === fields.skuName);
  return {
    ...fields,
    modelKey: modelKey(model),
    skuName: keepsSku ? fields.skuName : null,
    capacity: keepsSku ? fields.capacity : "",
    name: fields.nameEdited ? fields.name : nameFromModel(model.name),
  };
}

/** Chooses a deployment type; another type starts at its default capacity. */
export function chooseSku(fields: WizardFields, sku: SkuChoice): WizardFields {
  if (fields.skuName === sku.name && fields.capacity !== "") {
    return fields;
  }
  return { ...fields, skuName: sku.name, capacity: String(sku.defaultCapacity) };
}

// ---------------------------------------------------------------------------------------------
// Steps, their checks and the draft

/** Why the step cannot be left forward yet; null when it is done. */
export function stepProblem(step: Step, fields: WizardFields, facts: PlanFacts): string | null {
  const model = findModel(facts, fields.modelKey);
  switch (step) {
    case 1:
      if (model === undefined) {
        return "Choose a model to continue.";
      }
      return model.blocked === null ? null : `${model.name} ${model.version} cannot be deployed.`;
    case 2:
      return findSku(model, fields.skuName) === undefined
        ? "Choose a deployment type to continue."
        : null;
    case 3: {
      const sku = findSku(model, fields.skuName);
      if (sku === undefined) {
        return "Choose a deployment type first.";
      }
      const problem = checkCapacity(
        sku,
        parseCapacity(fields.capacity),
        quotaFor(facts.quotas, sku.usageName),
      );
      return problem === null ? null : "Choose a capacity the deployment type and quota allow.";
    }
    case 4:
      if (validateDeploymentName(fields.name, facts.existing) !== null) {
        return "Fix the deployment name to continue.";
      }
      return parseTags(fields.tags).errors.length > 0 ? "Fix the tags to continue." : null;
    case 5:
      return null;
  }
}

/** The first step that is not done (5 when all are). */
export function firstOpenStep(fields: WizardFields, facts: PlanFacts): Step {
  return steps.find((step) => stepProblem(step, fields, facts) !== null) ?? 5;
}

/** The draft Rust checks and creates; null until steps 1 to 4 are done. */
export function buildDraft(fields: WizardFields, facts: PlanFacts): DeploymentDraft | null {
  if (firstOpenStep(fields, facts) !== 5) {
    return null;
  }
  const model = findModel(facts, fields.modelKey);
  const sku = findSku(model, fields.skuName);
  const capacity = parseCapacity(fields.capacity);
  if (model === undefined || sku === undefined || capacity === null) {
    return null;
  }
  return {
    name: fields.name.trim(),
    modelFormat: model.format,
    modelName: model.name,
    modelVersion: model.version,
    skuName: sku.name,
    skuCapacity: capacity,
    raiPolicy: fields.contentFilter === "" ? null : fields.contentFilter,
    versionUpgrade: fields.upgradePolicy === "" ? null : fields.upgradePolicy,
    tags: parseTags(fields.tags).tags,
  };
}

/** Where each field Rust can complain about is set, and how a person calls it. */
export const fieldStep: Record<DraftField, Step> = {
  model: 1,
  sku: 2,
  capacity: 3,
  name: 4,
  contentFilter: 4,
};

export const fieldLabel: Record<DraftField, string> = {
  model: "Model",
  sku: "Deployment type",
  capacity: "Capacity",
  name: "Name",
  contentFilter: "Content filter",
};
