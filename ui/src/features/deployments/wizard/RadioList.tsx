import { useRef, type KeyboardEvent, type ReactNode } from "react";

type RadioListProps<T> = {
  items: readonly T[];
  itemKey: (item: T) => string;
  selectedKey: string | null;
  onSelect: (item: T) => void;
  isDisabled?: (item: T) => boolean;
  /** What each option shows: its name, facts, badges. */
  children: (item: T) => ReactNode;
  /** The test id every option carries, or each its own. */
  optionTestId: string | ((item: T) => string);
  /** `data-*` attributes of an option (without the `data-` prefix). */
  optionData?: (item: T) => Record<string, string>;
  /** The group's accessible name. */
  label: string;
  describedBy?: string;
};

/**
 * A list of radio-like options that can hold a whole card each. One stop in the tab order (the
 * chosen option, else the first that can be chosen); arrow keys, Home and End move and choose, as
 * native radios do. Options that cannot be chosen are disabled and skipped.
 */
export function RadioList<T>({
  items,
  itemKey,
  selectedKey,
  onSelect,
  isDisabled = () => false,
  children,
  optionTestId,
  optionData,
  label,
  describedBy,
}: RadioListProps<T>) {
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const selectedShown = selectedKey !== null && items.some((item) => itemKey(item) === selectedKey);
  const tabStop = selectedShown
    ? selectedKey
    : (() => {
        const first = items.find((item) => !isDisabled(item));
        return first === undefined ? null : itemKey(first);
      })();

  function move(from: number, direction: 1 | -1) {
    for (let index = from + direction; index >= 0 && index < items.length; index += direction) {
      const item = items[index];
      if (item !== undefined && !isDisabled(item)) {
        onSelect(item);
        buttons.current.get(itemKey(item))?.focus();
        return;
      }
    }
  }

  function keyDown(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    switch (event.key) {
      case "ArrowDown":
      case "ArrowRight":
        event.preventDefault();
        move(index, 1);
        break;
      case "ArrowUp":
      case "ArrowLeft":
        event.preventDefault();
        move(index, -1);
        break;
      case "Home":
        event.preventDefault();
        move(-1, 1);
        break;
      case "End":
        event.preventDefault();
        move(items.length, -1);
        break;
    }
  }

  return (
    <div
      role="radiogroup"
      className="wizard-options"
      aria-label={label}
      aria-describedby={describedBy}
    >
      {items.map((item, index) => {
        const key = itemKey(item);
        const data = optionData?.(item) ?? {};
        const dataAttributes = Object.fromEntries(
          Object.entries(data).map(([name, value]) => [`data-${name}`, value]),
        );
        return (
          <button
            key={key}
            ref={(element) => {
              if (element) {
                buttons.current.set(key, element);
              } else {
                buttons.current.delete(key);
              }
            }}
            type="button"
            role="radio"
            className="wizard-option"
            aria-checked={key === selectedKey}
            tabIndex={key === tabStop ? 0 : -1}
            disabled={isDisabled(item)}
            data-testid={typeof optionTestId === "string" ? optionTestId : optionTestId(item)}
            {...dataAttributes}
            onClick={() => onSelect(item)}
            onKeyDown={(event) => keyDown(event, index)}
          >
            {children(item)}
          </button>
        );
      })}
    </div>
  );
}
