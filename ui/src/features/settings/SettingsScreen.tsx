import { useId, useLayoutEffect, useState, type ReactNode } from "react";
import type { Settings } from "../../bindings";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Screen } from "../../components/Screen";
import "../../styles/forms.css";
import "../../styles/settings.css";
import { previewAppearance } from "./appearancePreview";
import { appearanceForm } from "./appearance/appearanceForm";
import { AppearanceSection } from "./appearance/AppearanceSection";
import { azureForm } from "./azure/azureForm";
import { AzureSection } from "./azure/AzureSection";
import { isDirty } from "./form/sectionForm";
import { networkForm } from "./network/networkForm";
import { NetworkSection } from "./network/NetworkSection";
import { playgroundForm } from "./playground/playgroundForm";
import { PlaygroundDefaultsSection } from "./playground/PlaygroundDefaultsSection";
import { PresetsSection } from "./presets/PresetsSection";
import { PrivacySection } from "./privacy/PrivacySection";
import { SettingsNav } from "./SettingsNav";
import { useSettings } from "./settingsQueries";
import type { SettingsSectionId } from "./settingsSections";
import { TransferSection } from "./transfer/TransferSection";
import { useSettingsDrafts, type SettingsDrafts } from "./useSettingsDrafts";

/** The form sections with edits that saving would change. */
function unsavedSections(saved: Settings | undefined, drafts: SettingsDrafts) {
  const unsaved = new Set<SettingsSectionId>();
  if (saved === undefined) return unsaved;
  if (isDirty(appearanceForm, saved, drafts.appearance.draft)) unsaved.add("appearance");
  if (isDirty(azureForm, saved, drafts.azure.draft)) unsaved.add("azure");
  if (isDirty(networkForm, saved, drafts.network.draft)) unsaved.add("network");
  if (isDirty(playgroundForm, saved, drafts.playground.draft)) unsaved.add("playground");
  return unsaved;
}

/**
 * Settings: the list of sections on the left, the chosen one on the right. Each form section edits
 * a draft kept here, so switching sections loses nothing; the appearance being edited shows
 * across the window until it is saved, reverted, or the screen is left.
 */
export function SettingsScreen() {
  const id = useId();
  const settings = useSettings();
  const [current, setCurrent] = useState<SettingsSectionId>("appearance");
  const { drafts, updater } = useSettingsDrafts();

  const appearanceDraft = drafts.appearance.draft;
  useLayoutEffect(() => previewAppearance(appearanceDraft), [appearanceDraft]);
  // Leaving the screen unsaved shows the saved appearance again.
  useLayoutEffect(() => () => previewAppearance(null), []);

  const tabId = (section: SettingsSectionId) => `${id}-tab-${section}`;
  const panelId = `${id}-panel`;

  /** A form section once the saved settings are known; until then, why not. */
  function withSaved(render: (saved: Settings) => ReactNode): ReactNode {
    if (settings.isSuccess) return render(settings.data);
    if (settings.isError) {
      return (
        <section className="panel settings-section">
          <ErrorNotice
            title="Couldn’t read your settings."
            error={settings.error}
            onRetry={() => void settings.refetch()}
          />
        </section>
      );
    }
    return (
      <section className="panel settings-section">
        <p className="settings-loading" data-testid="settings-loading">
          <span className="spinner" aria-hidden="true" />
          Loading settings…
        </p>
      </section>
    );
  }

  function section(): ReactNode {
    switch (current) {
      case "appearance":
        return withSaved((saved) => (
          <AppearanceSection
            saved={saved}
            state={drafts.appearance}
            onState={updater("appearance")}
          />
        ));
      case "azure":
        return withSaved((saved) => (
          <AzureSection saved={saved} state={drafts.azure} onState={updater("azure")} />
        ));
      case "network":
        return withSaved((saved) => (
          <NetworkSection saved={saved} state={drafts.network} onState={updater("network")} />
        ));
      case "playground":
        return withSaved((saved) => (
          <PlaygroundDefaultsSection
            saved={saved}
            state={drafts.playground}
            onState={updater("playground")}
          />
        ));
      case "presets":
        return <PresetsSection />;
      case "privacy":
        return <PrivacySection />;
      case "transfer":
        return <TransferSection />;
    }
  }

  return (
    <Screen id="settings" title="Settings">
      <div className="settings-layout">
        <SettingsNav
          current={current}
          onChoose={setCurrent}
          unsaved={unsavedSections(settings.data, drafts)}
          tabId={tabId}
          panelId={panelId}
        />
        <div
          // A section starts afresh when chosen; its draft is kept above.
          key={current}
          id={panelId}
          role="tabpanel"
          className="settings-panel"
          aria-labelledby={tabId(current)}
          data-testid={`settings-section-${current}`}
        >
          {section()}
        </div>
      </div>
    </Screen>
  );
}
