import type { Appearance } from "../../../bindings";
import type { FormDefinition } from "../form/sectionForm";

/** The text sizes offered, in CSS pixels (Rust's `FONT_SIZES`). */
export const FONT_SIZES: readonly number[] = Array.from({ length: 12 }, (_, index) => 11 + index);

/** Appearance is edited as it is saved: every field is a choice, none can be mistyped. */
export const appearanceForm: FormDefinition<"appearance", Appearance> = {
  section: "appearance",
  toForm: (saved) => ({ ...saved }),
  toSettings: (form) => ({ ok: true, value: { ...form } }),
  shownFields: () => ["appearance.theme", "appearance.fontSize", "appearance.compact"],
  fieldOf: {
    theme: "appearance.theme",
    fontSize: "appearance.fontSize",
    compact: "appearance.compact",
  },
};
