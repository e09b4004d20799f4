import { rovingIndex } from "../../lib/rovingIndex";
import { useRef, type KeyboardEvent } from "react";
import { settingsSections, type SettingsSectionId } from "./settingsSections";

type SettingsNavProps = {
  current: SettingsSectionId;
  onChoose: (section: SettingsSectionId) => void;
  /** Sections with edits not saved yet. */
  unsaved: ReadonlySet<SettingsSectionId>;
  tabId: (section: SettingsSectionId) => string;
  panelId: string;
};

/**
 * The list of sections, as tabs: click one, or move along with the arrow keys, Home and End.
 * A section with edits not saved says so.
 */
export function SettingsNav({ current, onChoose, unsaved, tabId, panelId }: SettingsNavProps) {
  const tabs = useRef(new Map<SettingsSectionId, HTMLButtonElement>());

  function move(event: KeyboardEvent) {
    const index = settingsSections.findIndex((section) => section.id === current);
    const target = rovingIndex(event.key, index, settingsSections.length, "both");
    const next = target === null ? undefined : settingsSections[target];
    if (next === undefined) return;
    event.preventDefault();
    onChoose(next.id);
    tabs.current.get(next.id)?.focus();
  }

  return (
    <div
      className="settings-nav"
      role="tablist"
      aria-label="Settings sections"
      aria-orientation="vertical"
      onKeyDown={move}
    >
      {settingsSections.map((section) => {
        const selected = section.id === current;
        return (
          <button
            key={section.id}
            ref={(element) => {
              if (element === null) tabs.current.delete(section.id);
              else tabs.current.set(section.id, element);
            }}
            type="button"
            role="tab"
            id={tabId(section.id)}
            className="settings-nav-item"
            data-testid={`settings-nav-${section.id}`}
            aria-selected={selected}
            aria-controls={selected ? panelId : undefined}
            tabIndex={selected ? 0 : -1}
            onClick={() => onChoose(section.id)}
          >
            <span className="settings-nav-label">{section.label}</span>
            {unsaved.has(section.id) && (
              <span className="settings-nav-unsaved" data-testid="settings-nav-unsaved">
                <span className="settings-nav-dot" aria-hidden="true" />
                Unsaved
              </span>
            )}
          </button>
        );
      })}
    </div>
  );
}
