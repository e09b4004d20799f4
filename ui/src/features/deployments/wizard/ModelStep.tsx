import { Fragment, memo, useDeferredValue, useEffect, useId, useMemo, useState } from "react";
import type { ModelChoice, PlanFacts } from "../../../bindings";
import { formatContextWindow, formatLifecycle } from "./numbers";
import { filterModels, findModel, modelKey, searchText } from "./search";
import { RadioList } from "./RadioList";

type ModelStepProps = {
  facts: PlanFacts;
  search: string;
  selectedKey: string | null;
  onSearch: (search: string) => void;
  onSelect: (model: ModelChoice) => void;
};

/** Step 1: finds and picks a model version among every one the account offers. */
export function ModelStep({ facts, search, selectedKey, onSearch, onSelect }: ModelStepProps) {
  const id = useId();
  // Lower-cased once per facts, not once per keystroke.
  const texts = useMemo(() => facts.models.map(searchText), [facts.models]);
  // Typing stays responsive with hundreds of models: the list catches up a moment later.
  const deferredSearch = useDeferredValue(search);
  const shown = useMemo(
    () => filterModels(facts.models, deferredSearch, texts),
    [facts.models, deferredSearch, texts],
  );
  const selected = findModel(facts, selectedKey);
  // A region lists hundreds of versions: painting them all on every keystroke is what makes search
  // feel slow, and nobody scans past the first screenfuls — typing narrows faster.
  const [showAll, setShowAll] = useState(false);
  const listed = useMemo(() => {
    if (showAll || shown.length <= shownAtFirst) return shown;
    const first = shown.slice(0, shownAtFirst);
    const chosen = shown.find((model) => modelKey(model) === selectedKey);
    return chosen === undefined || first.includes(chosen) ? first : [...first, chosen];
  }, [shown, showAll, selectedKey]);

  // Keystroke to painted list, for the benchmark: the list for a new search is committed a moment
  // after the keystroke (it is deferred), so the time is measured once `shown` has changed and
  // the next frame has started, which is when the person sees it.
  useEffect(() => measureSearchOnNextFrame(), [shown]);

  return (
    <div className="wizard-step-body">
      <div className="form-field">
        <label htmlFor={`${id}-search`} className="field-label">
          Search models
        </label>
        <input
          id={`${id}-search`}
          type="search"
          className="input"
          data-testid="model-search"
          autoComplete="off"
          spellCheck={false}
          placeholder="e.g. gpt-4o 2024 or embedding"
          aria-describedby={`${id}-count`}
          value={search}
          onChange={(event) => {
            markKeystroke();
            onSearch(event.target.value);
          }}
          onKeyDown={(event) => {
            // Escape clears a search first; only an empty box lets it close the wizard.
            if (event.key === "Escape" && search !== "") {
              event.preventDefault();
              event.stopPropagation();
              onSearch("");
            }
          }}
        />
        <p id={`${id}-count`} className="field-hint" data-testid="model-count" aria-live="polite">
          {shown.length === facts.models.length
            ? `${facts.models.length} model versions`
            : `${shown.length} of ${facts.models.length} model versions match`}
        </p>
      </div>

      <p className="wizard-selected" data-testid="model-selected">
        {selected === undefined
          ? "No model chosen yet."
          : `Chosen: ${selected.name} ${selected.version}`}
      </p>

      {shown.length === 0 ? (
        <p className="wizard-empty" data-testid="model-none">
          No model matches “{search.trim()}”. Try fewer or shorter words.
        </p>
      ) : (
        <div className="wizard-scroll">
          <RadioList
            items={listed}
            itemKey={modelKey}
            selectedKey={selectedKey}
            onSelect={onSelect}
            isDisabled={(model) => model.blocked !== null}
            optionTestId="model-option"
            optionData={(model) => ({ model: model.name, version: model.version })}
            label="Models"
          >
            {(model) => <ModelCard model={model} />}
          </RadioList>
          {listed.length < shown.length && (
            <p className="field-hint" data-testid="model-more">
              Showing {listed.length} of {shown.length} — type to narrow, or{" "}
              <button
                type="button"
                className="button button-small"
                data-testid="model-show-all"
                onClick={() => setShowAll(true)}
              >
                show all {shown.length}
              </button>
            </p>
          )}
        </div>
      )}
    </div>
  );
}

/** How many matching model versions are painted before "show all". */
export const shownAtFirst = 100;

const keystrokeMark = "fd:catalog-keystroke";

/** When the search box last changed: where the `catalog_search` measure starts. */
function markKeystroke(): void {
  if (typeof performance !== "undefined" && typeof performance.mark === "function") {
    performance.mark(keystrokeMark);
  }
}

/**
 * Measures `catalog_search` from the last keystroke to the frame after the list it asked for was
 * committed, then clears the mark so that a list changed by anything else is never measured.
 * Returns the effect's cleanup: a newer list cancels the older one's frame.
 */
function measureSearchOnNextFrame(): (() => void) | undefined {
  if (typeof performance === "undefined" || typeof requestAnimationFrame !== "function") {
    return undefined;
  }
  const frame = requestAnimationFrame(() => {
    if (performance.getEntriesByName(keystrokeMark).length) {
      performance.measure("catalog_search", keystrokeMark);
      performance.clearMarks(keystrokeMark);
    }
  });
  return () => cancelAnimationFrame(frame);
}

/** One model version: name, version, lifecycle, what it can do, when it retires. */
const ModelCard = memo(function ModelCard({ model }: { model: ModelChoice }) {
  const { capabilities } = model;
  const facts = [
    capabilities.chat ? "Chat" : null,
    capabilities.reasoning ? "Reasoning" : null,
    capabilities.embeddings ? "Embeddings" : null,
    capabilities.contextWindow !== null ? formatContextWindow(capabilities.contextWindow) : null,
  ].filter((fact) => fact !== null);
  // The {" "} between parts make the option's accessible name read as words (flex ignores them).
  return (
    <span className="wizard-option-text">
      <span className="wizard-option-title">
        <span className="wizard-option-name">{model.name}</span>{" "}
        <span className="wizard-option-version">{model.version}</span>
        {model.isDefaultVersion && <> <span className="wizard-badge">default</span></>}
        {model.lifecycle !== null && (
          <>
            {" "}
            <span className="wizard-badge wizard-badge-muted">
              {formatLifecycle(model.lifecycle)}
            </span>
          </>
        )}
      </span>{" "}
      <span className="wizard-option-meta">
        <span>{model.format}</span>
        {facts.map((fact) => (
          <Fragment key={fact}>
            {" "}
            <span>{fact}</span>
          </Fragment>
        ))}
        {model.retiresOn !== null && <> <span>Retires {model.retiresOn}</span></>}
      </span>
      {model.blocked !== null && (
        <>
          {" "}
          <span className="wizard-option-blocked" data-testid="model-blocked-reason">
            {model.blocked}
          </span>
        </>
      )}
    </span>
  );
});
