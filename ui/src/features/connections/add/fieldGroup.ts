import type { FieldName, ProfileDraft } from "./draft";
import type { FieldErrors } from "./validation";

/** Sets one draft field, and clears or rechecks its error. */
export type ChangeDraft = <K extends keyof ProfileDraft>(key: K, value: ProfileDraft[K]) => void;

/** A ref callback that keeps a checkable field's control, so submit can focus it. */
export type RegisterControl = (field: FieldName) => (element: HTMLElement | null) => void;

/** What a group of the form's fields needs from the form that holds the draft. */
export type FieldGroupProps = {
  /** The form's `useId`, the prefix of every control id. */
  id: string;
  draft: ProfileDraft;
  errors: FieldErrors;
  onChange: ChangeDraft;
  register: RegisterControl;
};
