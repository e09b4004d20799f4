import { Screen } from "../../components/Screen";
import { PresetsSection } from "./presets/PresetsSection";
import { ThemeSelect } from "./ThemeSelect";

export function SettingsScreen() {
  return (
    <Screen id="settings" title="Settings">
      <section className="panel" aria-labelledby="settings-appearance">
        <h2 id="settings-appearance" className="panel-title">
          Appearance
        </h2>
        <ThemeSelect />
      </section>
      <PresetsSection />
      <p className="muted">More settings coming.</p>
    </Screen>
  );
}
