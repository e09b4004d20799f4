import { rovingIndex } from "../../lib/rovingIndex";
import { useRef, type KeyboardEvent } from "react";
import type { UsageRange } from "../../bindings";
import { rangeOption, usageRanges } from "./usageFormat";

type RangeSwitchProps = {
  value: UsageRange;
  onChange: (range: UsageRange) => void;
};

/**
 * The period, as a radio group in the ARIA pattern: one stop in the tab order, arrow keys (and
 * Home, End) move and choose at once. Buttons rather than hidden inputs, so that what is
 * clicked is what is seen (the end-to-end test clicks them).
 */
export function RangeSwitch({ value, onChange }: RangeSwitchProps) {
  const buttons = useRef(new Map<UsageRange, HTMLButtonElement>());

  function keyDown(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    const target = rovingIndex(event.key, index, usageRanges.length, "both");
    const next = target === null ? undefined : usageRanges[target];
    if (next !== undefined) {
      event.preventDefault();
      onChange(next);
      buttons.current.get(next)?.focus();
    }
  }

  return (
    <div className="usage-range" role="radiogroup" aria-label="Period">
      {usageRanges.map((range, index) => (
        <button
          key={range}
          ref={(element) => {
            if (element) buttons.current.set(range, element);
            else buttons.current.delete(range);
          }}
          type="button"
          role="radio"
          className="usage-range-option"
          data-testid={`usage-range-${range}`}
          aria-checked={range === value}
          tabIndex={range === value ? 0 : -1}
          onClick={() => onChange(range)}
          onKeyDown={(event) => keyDown(event, index)}
        >
          {rangeOption(range)}
        </button>
      ))}
    </div>
  );
}
