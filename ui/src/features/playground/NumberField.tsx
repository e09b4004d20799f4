import { useId, useState } from "react";
import { FormField } from "../../components/FormField";
import "../../styles/forms.css";
import "../../styles/playground-panels.css";
import { numberText, parseNumber } from "./parameters";

type Slider = {
  min: number;
  max: number;
  step: number;
  /** Where it rests while the field is empty (the model's default). */
  rest: number;
};

export type NumberFieldProps = {
  label: string;
  hint: string;
  /** Names the field's test ids: `param-<field>` and `field-error-<field>`. */
  field: string;
  value: number | null;
  /** Told the number typed (null for empty), in or out of range: the panel shows the problem. */
  onValue: (value: number | null) => void;
  problem: string | undefined;
  /** Said when the text is no number at all (or empty, for a field with no default). */
  notANumber: string;
  /** Empty means the model's default; false for a field that always has a number. */
  nullable?: boolean;
  min: number;
  max?: number;
  step: number | "any";
  slider?: Slider;
  disabled: boolean;
};

/**
 * A number as typed: the text stays exactly as the person wrote it ("0." or "") while the panel is
 * told the number it reads as. A value set from outside (another conversation) replaces the text.
 */
export function NumberField(props: NumberFieldProps) {
  const { label, hint, field, value, onValue, problem, notANumber, slider, disabled } = props;
  const nullable = props.nullable ?? true;
  const id = useId();
  const [text, setText] = useState(() => numberText(value));
  // The value this text stands for; a different `value` came from outside.
  const [reported, setReported] = useState(value);
  let shown = text;
  if (value !== reported) {
    shown = numberText(value);
    setText(shown);
    setReported(value);
  }

  const parsed = parseNumber(shown);
  const unreadable = !parsed.ok || (!nullable && parsed.value === null);
  const hasNumber = parsed.ok && parsed.value !== null;
  const error = unreadable ? notANumber : problem;

  function report(next: string, number: number | null) {
    setText(next);
    setReported(number);
    onValue(number);
  }

  function edit(next: string) {
    const read = parseNumber(next);
    if (!read.ok || (!nullable && read.value === null)) {
      // Nothing to report: the text stays, with its problem, until it reads as a number.
      setText(next);
      return;
    }
    report(next, read.value);
  }

  return (
    <FormField id={id} label={label} hint={hint} field={field} error={error}>
      {(control) => (
        <div className="params-number">
          <input
            {...control}
            type="number"
            inputMode={props.step === 1 ? "numeric" : "decimal"}
            className="input params-number-input"
            data-testid={`param-${field}`}
            placeholder={nullable ? "Default" : undefined}
            min={props.min}
            max={props.max}
            step={props.step}
            value={shown}
            disabled={disabled}
            onChange={(event) => edit(event.target.value)}
          />
          {slider !== undefined && (
            <input
              type="range"
              // Dimmed while the model's default applies: the knob's place is only a suggestion.
              className={`params-slider${hasNumber ? "" : " params-slider-unset"}`}
              data-testid={`param-${field}-slider`}
              aria-label={`${label} slider`}
              aria-describedby={control["aria-describedby"]}
              min={slider.min}
              max={slider.max}
              step={slider.step}
              value={parsed.ok && parsed.value !== null ? parsed.value : slider.rest}
              disabled={disabled}
              onChange={(event) => report(event.target.value, Number(event.target.value))}
            />
          )}
        </div>
      )}
    </FormField>
  );
}
