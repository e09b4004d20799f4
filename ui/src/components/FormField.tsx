import type { ReactNode } from "react";

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
  field?: string;
  /**
   * The field's error: one message, or several (each its own line). An empty list is no
   * error at all.
   */
  error?: string | readonly string[];
  children: (control: ControlProps) => ReactNode;
};

/** A label, its control, a hint and the field's error, read out together by screen readers. */
export function FormField({ id, label, hint, field, error, children }: FormFieldProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const hasError = typeof error === "string" || (error !== undefined && error.length > 0);
  const errorTestId = field && `field-error-${field}`;
  const describedBy = [hasError ? errorId : null, hint !== undefined ? hintId : null]
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
        "aria-invalid": hasError ? true : undefined,
      })}
      {typeof error === "string" ? (
        <p id={errorId} className="field-error" data-testid={errorTestId}>
          {error}
        </p>
      ) : (
        hasError && (
          <div id={errorId} className="field-error" data-testid={errorTestId}>
            {error?.map((message) => (
              <p key={message}>{message}</p>
            ))}
          </div>
        )
      )}
      {hint !== undefined && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}
