type CheckboxFieldProps = {
  id: string;
  label: string;
  hint: string;
  /** The dotted settings field: names the error's `field-error-<field>` test id. */
  field: string;
  testId: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  error: readonly string[] | undefined;
};

/** A checkbox with its label, hint and error, as FormField lays out the other controls. */
export function CheckboxField(props: CheckboxFieldProps) {
  const { id, label, hint, field, testId, checked, onChange, error } = props;
  const hasError = error !== undefined && error.length > 0;
  return (
    <div className="checkbox-field">
      <input
        id={id}
        type="checkbox"
        data-testid={testId}
        aria-describedby={hasError ? `${id}-error ${id}-hint` : `${id}-hint`}
        aria-invalid={hasError ? true : undefined}
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
      />
      <div className="checkbox-field-text">
        <label htmlFor={id} className="field-label">
          {label}
        </label>
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
        {hasError && (
          <p id={`${id}-error`} className="field-error" data-testid={`field-error-${field}`}>
            {error.join(" ")}
          </p>
        )}
      </div>
    </div>
  );
}
