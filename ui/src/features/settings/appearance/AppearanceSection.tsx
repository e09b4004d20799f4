import type { Appearance, Settings } from "../../../bindings";
import { FormField } from "../../../components/FormField";
import { CheckboxField } from "../form/CheckboxField";
import { SettingsForm } from "../form/SettingsForm";
import type { DraftState } from "../form/sectionForm";
import { DEFAULT_FONT_SIZE } from "../theme";
import { ThemeSelect } from "../ThemeSelect";
import { appearanceForm, FONT_SIZES } from "./appearanceForm";

type AppearanceSectionProps = {
  saved: Settings;
  state: DraftState<Appearance>;
  onState: (update: (state: DraftState<Appearance>) => DraftState<Appearance>) => void;
};

/** Theme, text size and density: shown across the window as they are chosen, kept on Save. */
export function AppearanceSection({ saved, state, onState }: AppearanceSectionProps) {
  return (
    <SettingsForm
      definition={appearanceForm}
      title="Appearance"
      intro="Changes show across the app as you make them; Save keeps them. Leaving Settings without saving puts back the saved look."
      resetWhat="appearance"
      saved={saved}
      state={state}
      onState={onState}
    >
      {({ form, set, problemsOf, idOf }) => {
        // A size Rust saved that is not offered (a hand-edited file) still shows as chosen.
        const sizes = FONT_SIZES.includes(form.fontSize)
          ? FONT_SIZES
          : [...FONT_SIZES, form.fontSize].sort((a, b) => a - b);
        return (
          <>
            <ThemeSelect
              id={idOf("theme")}
              value={form.theme}
              onChange={(theme) => set("theme", theme)}
              error={problemsOf("appearance.theme")}
            />
            <FormField
              id={idOf("font-size")}
              label="Text size"
              hint={`${FONT_SIZES[0]} to ${FONT_SIZES[FONT_SIZES.length - 1]} px; all text in the app scales with it.`}
              field="appearance.fontSize"
              error={problemsOf("appearance.fontSize")}
            >
              {(control) => (
                <select
                  {...control}
                  className="select settings-narrow"
                  data-testid="setting-font-size"
                  value={String(form.fontSize)}
                  onChange={(event) => set("fontSize", Number(event.target.value))}
                >
                  {sizes.map((size) => (
                    <option key={size} value={String(size)}>
                      {size === DEFAULT_FONT_SIZE ? `${size} px (default)` : `${size} px`}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <CheckboxField
              id={idOf("compact")}
              label="Compact density"
              hint="Tighter rows, tables and panels, for small screens and long lists."
              field="appearance.compact"
              testId="setting-compact"
              checked={form.compact}
              onChange={(compact) => set("compact", compact)}
              error={problemsOf("appearance.compact")}
            />
          </>
        );
      }}
    </SettingsForm>
  );
}
