// Step 4: name, tags and upgrade policy.

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
