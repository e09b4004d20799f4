import type { ReactNode } from "react";
import type { FieldName } from "./draft";

/** What the control inside a field needs to be tied to its label, hint and error. */
export type ControlProps = {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
};

type FormFieldProps = {
  id: string;
  label: string;
  hint?: string;
  /** Names the error's `field-error-<field>` test id; only fields that can be wrong have one. */
  field?: FieldName;
  error?: string;
  children: (control: ControlProps) => ReactNode;
};

/** A label, its control, a hint and the field's error, read out together by screen readers. */
export function FormField({ id, label, hint, field, error, children }: FormFieldProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [error !== undefined ? errorId : null, hint !== undefined ? hintId : null]
    .filter((part) => part !== null)
    .join(" ");
  return (
    <div className="form-field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {children({
        id,
        "aria-describedby": describedBy === "" ? undefined : describedBy,
        "aria-invalid": error !== undefined ? true : undefined,
      })}
      {error !== undefined && (
        <p id={errorId} className="field-error" data-testid={field && `field-error-${field}`}>
          {error}
        </p>
      )}
      {hint !== undefined && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}
