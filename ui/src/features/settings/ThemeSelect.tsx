import { useId } from "react";
import type { ThemePreference } from "../../bindings";
import { ErrorNotice } from "../../components/ErrorNotice";
import { useSaveTheme, useSettings } from "./settingsQueries";

const themeOptions: ReadonlyArray<{ value: ThemePreference; label: string }> = [
  { value: "system", label: "System" },
  { value: "light", label: "Light" },
  { value: "dark", label: "Dark" },
];

/** The System / Light / Dark choice, saved to Rust as soon as it changes. */
export function ThemeSelect() {
  const id = useId();
  const settings = useSettings();
  const save = useSaveTheme();
  const saved = settings.data?.appearance.theme ?? "system";
  // Show the choice being saved; a failed save falls back to the saved one.
  const shown = (save.isPending ? save.variables : undefined) ?? saved;

  function choose(value: string) {
    const choice = themeOptions.find((option) => option.value === value);
    if (choice) {
      save.mutate(choice.value);
    }
  }

  return (
    <div className="setting">
      <div className="setting-row">
        <div className="setting-text">
          <label htmlFor={id} className="setting-label">
            Theme
          </label>
          <p id={`${id}-hint`} className="setting-hint">
            System follows your operating system’s light or dark appearance.
          </p>
        </div>
        <select
          id={id}
          className="select"
          data-testid="theme-select"
          aria-describedby={`${id}-hint`}
          value={shown}
          // Until the saved choice is known, changing it would race the load.
          disabled={settings.isPending}
          onChange={(event) => choose(event.target.value)}
        >
          {themeOptions.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      {settings.isError && (
        <ErrorNotice
          title="Couldn’t load your settings; following the system theme."
          error={settings.error}
        />
      )}
      {save.isError && <ErrorNotice title="Couldn’t save the theme." error={save.error} />}
    </div>
  );
}
