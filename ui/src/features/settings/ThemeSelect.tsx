import type { ThemePreference } from "../../bindings";
import { FormField } from "../../components/FormField";

const themeOptions: ReadonlyArray<{ value: ThemePreference; label: string }> = [
  { value: "system", label: "System" },
  { value: "light", label: "Light" },
  { value: "dark", label: "Dark" },
];

type ThemeSelectProps = {
  id: string;
  value: ThemePreference;
  onChange: (theme: ThemePreference) => void;
  error?: readonly string[];
};

/** The System / Light / Dark choice (test id `theme-select`, which the end-to-end tests use). */
export function ThemeSelect({ id, value, onChange, error }: ThemeSelectProps) {
  return (
    <FormField
      id={id}
      label="Theme"
      hint="System follows your operating system’s light or dark appearance."
      field="appearance.theme"
      error={error}
    >
      {(control) => (
        <select
          {...control}
          className="select"
          data-testid="theme-select"
          value={value}
          onChange={(event) => {
            const choice = themeOptions.find((option) => option.value === event.target.value);
            if (choice) onChange(choice.value);
          }}
        >
          {themeOptions.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}
