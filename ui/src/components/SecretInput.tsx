import { useLayoutEffect, useRef, type ComponentProps } from "react";

type SecretInputProps = Omit<
  ComponentProps<"input">,
  "type" | "value" | "defaultValue" | "onChange" | "ref"
> & {
  value: string;
  onValueChange: (value: string) => void;
};

/**
 * A password input that follows `value` without writing it into the DOM: React copies a
 * controlled input's value into its `value` attribute, where the secret would show in
 * the page's HTML. Only the live `.value` property is set here.
 */
export function SecretInput({ value, onValueChange, ...rest }: SecretInputProps) {
  const input = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => {
    if (input.current && input.current.value !== value) {
      input.current.value = value;
    }
  }, [value]);
  return (
    <input
      {...rest}
      ref={input}
      type="password"
      autoComplete="off"
      spellCheck={false}
      onChange={(event) => onValueChange(event.target.value)}
    />
  );
}
