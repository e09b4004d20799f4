import type { FieldProblem, Settings, SettingsSection } from "../../../bindings";

/** A form turned back into its settings section, or what stops that (a timeout of "ten"). */
export type Converted<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[] };

/** How one section of the settings is edited: as a form of its own shape, then saved as settings. */
export type FormDefinition<S extends SettingsSection, F> = {
  section: S;
  /** The form as it starts: the saved section, as its fields show it. */
  toForm: (saved: Settings[S]) => F;
  /** The section to save. Values are tidied (trimmed, empty as none), not checked: Rust checks. */
  toSettings: (form: F) => Converted<Settings[S]>;
  /** The dotted names of the fields shown for this form, in the order they show. */
  shownFields: (form: F) => readonly string[];
  /** The dotted field (or group of fields) each form value is shown in, to clear its problems. */
  fieldOf: { readonly [K in keyof F]: string };
};

/** Why the last save did not happen, kept with the draft. */
export type SaveFailure = {
  /** The error as thrown; null for a problem found before sending. */
  error: unknown;
  /** The values not allowed, by field; emptied field by field as they are edited. */
  problems: FieldProblem[];
};

/** A section's edits: null while nothing is edited (the form shows what is saved). */
export type DraftState<F> = { draft: F | null; failure: SaveFailure | null };

export const untouched: DraftState<never> = { draft: null, failure: null };

/** Values equal field by field, whatever order the keys came in (Rust's or the form's). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, index) => sameValue(item, b[index]))
    );
  }
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  // A key left out and one set to undefined say the same.
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  return [...keys].every((key) => sameValue(left[key], right[key]));
}

/** Whether saving the draft would change the saved section. A draft that cannot be saved is. */
export function isDirty<S extends SettingsSection, F>(
  definition: FormDefinition<S, F>,
  saved: Settings,
  draft: F | null,
): boolean {
  if (draft === null) return false;
  const next = definition.toSettings(draft);
  if (!next.ok) return true;
  // Compared as the form would save it: Rust may leave out fields the form fills in.
  const now = definition.toSettings(definition.toForm(saved[definition.section]));
  return !(now.ok && sameValue(now.value, next.value));
}

/** The problems to show by their fields, and those whose field is not on the form. */
export function placeProblems(
  problems: readonly FieldProblem[],
  shown: readonly string[],
): { byField: ReadonlyMap<string, string[]>; elsewhere: FieldProblem[] } {
  const byField = new Map<string, string[]>();
  const elsewhere: FieldProblem[] = [];
  for (const problem of problems) {
    if (shown.includes(problem.field)) {
      const messages = byField.get(problem.field) ?? [];
      if (!messages.includes(problem.message)) messages.push(problem.message);
      byField.set(problem.field, messages);
    } else {
      elsewhere.push(problem);
    }
  }
  return { byField, elsewhere };
}

/** Whether a problem is about `field` or a field inside it (`azure.inferenceStyle.apiVersion`). */
export function isUnder(problemField: string, field: string): boolean {
  return problemField === field || problemField.startsWith(`${field}.`);
}
